package org.yousaid.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yousaid.reports.disclosure.CellKeys;
import org.yousaid.reports.disclosure.CellSuppression;
import org.yousaid.reports.disclosure.LinkedCells;
import org.yousaid.shared.report.Breakdown;
import org.yousaid.shared.report.ConsultationReport;
import org.yousaid.shared.report.OptionCount;
import org.yousaid.shared.report.QuestionReport;
import org.yousaid.shared.report.SentimentCounts;
import org.yousaid.shared.report.ThemeSummary;

/**
 * The one suppression step every number that leaves yousaid passes through (the published site's
 * pages, JSON, CSV and Atom feed, and reports made for publication). It takes a report with exact
 * numbers and returns it with:
 *
 * <ul>
 *   <li>every count of 1 to 4 hidden ({@link ReportFormat#SUPPRESSED}, "fewer than 5"): responses,
 *       answers to a question, option counts, breakdown cells, theme sizes, sentiment splits;
 *   <li>more counts withheld ({@link ReportFormat#WITHHELD}, "not shown") until no hidden count can
 *       be worked out from the rest by a reader who knows hidden counts are 1 to 4, using every
 *       relation between the question's tables (totals, rows, columns, themes, sentiment) and the
 *       numbers earlier versions still online show ({@link
 *       org.yousaid.reports.disclosure.IntervalAttack});
 *   <li>zeros shown as 0: "nobody" is never hidden and never hides anything else;
 *   <li>shares only where their count and its denominator are both shown (so a percentage never
 *       narrows a hidden number), and "N other answers support this answer" only where it is 5 or
 *       more.
 * </ul>
 */
public final class DisclosureControl {

  /** A published number of an earlier version, as a reader knows it: exactly, or an interval. */
  public record Known(long lo, long hi) {}

  /**
   * An earlier version still online: the numbers it shows, and, where it was kept, its private
   * {@link LinkedCells.Snapshot} (true values and the relations between its tables). Versions
   * published before snapshots were kept have only their shown numbers.
   */
  public record Earlier(Map<String, Known> shown, LinkedCells.Snapshot snapshot) {}

  /**
   * A protected report, the snapshot to keep (privately) for checking later versions, and what the
   * check took (numbers only, for the publication log).
   */
  public record Protected(
      ConsultationReport report, LinkedCells.Snapshot snapshot, CellSuppression.Check check) {}

  private final int threshold;

  public DisclosureControl(int threshold) {
    this.threshold = threshold;
  }

  public int threshold() {
    return threshold;
  }

  /** Protects a report that no earlier version constrains. */
  public ConsultationReport protect(ConsultationReport report) {
    return protect(report, List.of());
  }

  /**
   * @param earlier the numbers each earlier version still online shows, by {@link CellKeys} name
   */
  public ConsultationReport protect(ConsultationReport report, List<Map<String, Known>> earlier) {
    return protectVersion(report, earlier.stream().map(shown -> new Earlier(shown, null)).toList())
        .report();
  }

  /**
   * Protects a new version against itself and every earlier version still online. With snapshots,
   * the reader is modelled with every earlier version's tables (totals, rows, columns, themes,
   * sentiment), their hidden cells (which must stay hidden), and the growth of each count between
   * every two versions (which counts the people who answered in between, and must not be worked out
   * when it is 1 to 4 either).
   */
  public Protected protectVersion(ConsultationReport report, List<Earlier> earlier) {
    LinkedCells cells = new LinkedCells(threshold);
    int responses = cells.cell(CellKeys.RESPONSES, report.responses(), 0);
    for (QuestionReport q : report.questions()) {
      add(cells, responses, q);
    }
    List<Map<String, Integer>> versions = new ArrayList<>();
    for (int v = 0; v < earlier.size(); v++) {
      String prefix = "v" + (v + 1) + ":";
      Earlier e = earlier.get(v);
      if (e.snapshot() != null) {
        versions.add(cells.addEarlier(prefix, e.snapshot()));
        continue;
      }
      Map<String, Integer> legacy = new java.util.HashMap<>();
      for (Map.Entry<String, Known> k : e.shown().entrySet()) {
        if (cells.find(k.getKey()) != null && CellKeys.grows(k.getKey())) {
          legacy.put(
              k.getKey(), cells.earlier(prefix + k.getKey(), k.getValue().lo(), k.getValue().hi()));
        }
      }
      versions.add(legacy);
    }
    Map<String, Integer> now = new java.util.HashMap<>();
    for (int c = 0; c < cells.size(); c++) {
      if (cells.state(c) != LinkedCells.State.EARLIER) {
        now.putIfAbsent(cells.name(c), c);
      }
    }
    versions.add(now);
    // Every later count of people is at least every earlier one; the difference is a count too.
    for (int later = 1; later < versions.size(); later++) {
      for (int before = 0; before < later; before++) {
        for (Map.Entry<String, Integer> e : versions.get(later).entrySet()) {
          Integer old = versions.get(before).get(e.getKey());
          if (old != null && CellKeys.grows(e.getKey())) {
            cells.growth(e.getValue(), old);
          }
        }
      }
    }
    CellSuppression.Check check = CellSuppression.check(cells);
    List<QuestionReport> questions = new ArrayList<>();
    for (QuestionReport q : report.questions()) {
      questions.add(rewrite(cells, q));
    }
    return new Protected(
        new ConsultationReport(
            report.council(),
            report.councilName(),
            report.consultationId(),
            report.title(),
            report.generatedAt(),
            shown(cells, CellKeys.RESPONSES),
            questions),
        cells.snapshot(),
        check);
  }

  /** A snapshot as kept in storage: JSON, gzipped (a large consultation has thousands of cells). */
  public static byte[] encode(LinkedCells.Snapshot snapshot) {
    var bytes = new java.io.ByteArrayOutputStream();
    try (var gzip = new java.util.zip.GZIPOutputStream(bytes)) {
      gzip.write(org.yousaid.shared.json.Json.mapper().writeValueAsBytes(snapshot));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static LinkedCells.Snapshot decode(byte[] stored) {
    try (var gzip = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(stored))) {
      return org.yousaid.shared.json.Json.mapper()
          .readValue(gzip.readAllBytes(), LinkedCells.Snapshot.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void add(LinkedCells cells, int responses, QuestionReport q) {
    String id = q.questionId();
    int answered = cells.cell(CellKeys.answered(id), q.answered(), 1);
    cells.pair(answered, responses);
    if (q.type().isChoice()) {
      List<Integer> options = new ArrayList<>();
      for (OptionCount o : q.options()) {
        options.add(cells.cell(CellKeys.option(id, o.label()), o.count(), 2));
      }
      cells.line(answered, options);
      for (Breakdown b : q.breakdowns()) {
        List<Integer> groups = new ArrayList<>();
        List<List<Integer>> columns = new ArrayList<>();
        q.options().forEach(o -> columns.add(new ArrayList<>()));
        for (Breakdown.Group g : b.groups()) {
          int group =
              cells.cell(CellKeys.groupAnswered(id, b.dimension(), g.label()), g.answered(), 3);
          groups.add(group);
          List<Integer> row = new ArrayList<>();
          for (int o = 0; o < g.options().size(); o++) {
            OptionCount oc = g.options().get(o);
            int cell =
                cells.cell(
                    CellKeys.groupOption(id, b.dimension(), g.label(), oc.label()), oc.count(), 4);
            row.add(cell);
            columns.get(o).add(cell);
          }
          cells.line(group, row);
        }
        cells.line(answered, groups);
        for (int o = 0; o < options.size(); o++) {
          cells.line(options.get(o), columns.get(o));
        }
      }
      return;
    }
    List<Integer> themes = new ArrayList<>();
    List<List<Integer>> bySentiment =
        List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (ThemeSummary t : q.themes()) {
      int theme = cells.cell(CellKeys.theme(id, t.id()), t.count(), 2);
      themes.add(theme);
      List<Integer> split =
          sentimentCells(cells, t.sentiment(), s -> CellKeys.themeSentiment(id, t.id(), s), 3);
      cells.line(theme, split);
      for (int s = 0; s < 3; s++) {
        bySentiment.get(s).add(split.get(s));
      }
      // sub-themes are linked to their theme, so one cannot be worked out from the theme minus
      // its siblings
      List<Integer> subThemes = new ArrayList<>();
      for (ThemeSummary s : t.subThemes()) {
        subThemes.add(cells.cell(CellKeys.subTheme(id, t.id(), s.id()), s.count(), 3));
      }
      if (!subThemes.isEmpty()) {
        cells.line(theme, subThemes);
      }
    }
    cells.line(answered, themes);
    if (q.sentiment().total() > 0) {
      List<Integer> overall =
          sentimentCells(cells, q.sentiment(), s -> CellKeys.sentiment(id, s), 2);
      for (int s = 0; s < 3; s++) {
        cells.pair(overall.get(s), answered);
        cells.line(overall.get(s), bySentiment.get(s));
      }
    }
  }

  static final List<String> SENTIMENTS = List.of("positive", "neutral", "negative");

  /** A theme's sub-themes with their counts as shown, and "N others support" at 5 or more only. */
  private List<ThemeSummary> subThemes(LinkedCells cells, String questionId, ThemeSummary t) {
    List<ThemeSummary> out = new ArrayList<>();
    for (ThemeSummary s : t.subThemes()) {
      int n = shown(cells, CellKeys.subTheme(questionId, t.id(), s.id()));
      int others = n < 0 ? ReportFormat.SUPPRESSED : n - 1;
      out.add(
          new ThemeSummary(
              s.id(),
              s.label(),
              s.description(),
              s.keyTerms(),
              n,
              -1,
              s.exemplarText(),
              others >= 0 && others < threshold ? ReportFormat.SUPPRESSED : others,
              SentimentCounts.NONE,
              s.quotes(),
              null,
              false));
    }
    return out;
  }

  private static List<Integer> sentimentCells(
      LinkedCells cells,
      SentimentCounts counts,
      java.util.function.Function<String, String> key,
      int detail) {
    return List.of(
        cells.cell(key.apply("positive"), counts.positive(), detail),
        cells.cell(key.apply("neutral"), counts.neutral(), detail),
        cells.cell(key.apply("negative"), counts.negative(), detail));
  }

  /** The cell's value as the report model carries it: the count, or why it is hidden. */
  private static int shown(LinkedCells cells, String key) {
    int cell = cells.find(key);
    return switch (cells.state(cell)) {
      case SUPPRESSED -> ReportFormat.SUPPRESSED;
      case WITHHELD -> ReportFormat.WITHHELD;
      default -> (int) cells.value(cell);
    };
  }

  /** A share only where count and denominator are both shown (nobody answered: 0). */
  private static double share(int count, int of) {
    if (count < 0 || of < 0) {
      return -1;
    }
    return of == 0 ? 0 : (double) count / of;
  }

  private QuestionReport rewrite(LinkedCells cells, QuestionReport q) {
    String id = q.questionId();
    int answered = shown(cells, CellKeys.answered(id));
    List<OptionCount> options = new ArrayList<>();
    for (OptionCount o : q.options()) {
      int n = shown(cells, CellKeys.option(id, o.label()));
      options.add(new OptionCount(o.value(), o.label(), n, share(n, answered)));
    }
    List<Breakdown> breakdowns = new ArrayList<>();
    for (Breakdown b : q.breakdowns()) {
      List<Breakdown.Group> groups = new ArrayList<>();
      for (Breakdown.Group g : b.groups()) {
        int n = shown(cells, CellKeys.groupAnswered(id, b.dimension(), g.label()));
        List<OptionCount> row = new ArrayList<>();
        for (OptionCount o : g.options()) {
          int c = shown(cells, CellKeys.groupOption(id, b.dimension(), g.label(), o.label()));
          row.add(new OptionCount(o.value(), o.label(), c, share(c, n)));
        }
        groups.add(new Breakdown.Group(g.label(), n, row));
      }
      breakdowns.add(new Breakdown(b.dimension(), groups));
    }
    List<ThemeSummary> themes = new ArrayList<>();
    for (ThemeSummary t : q.themes()) {
      int n = shown(cells, CellKeys.theme(id, t.id()));
      int others = n < 0 ? ReportFormat.SUPPRESSED : n - 1;
      themes.add(
          new ThemeSummary(
              t.id(),
              t.label(),
              t.description(),
              t.keyTerms(),
              n,
              share(n, answered),
              t.exemplarText(),
              others >= 0 && others < threshold ? ReportFormat.SUPPRESSED : others,
              sentiment(cells, s -> CellKeys.themeSentiment(id, t.id(), s)),
              t.quotes(),
              t.weDid(),
              t.other(),
              subThemes(cells, id, t)));
    }
    return new QuestionReport(
        id,
        q.text(),
        q.type(),
        answered,
        themes,
        options,
        breakdowns,
        q.sentiment().total() > 0 ? sentiment(cells, s -> CellKeys.sentiment(id, s)) : null,
        q.recommendation());
  }

  private static SentimentCounts sentiment(
      LinkedCells cells, java.util.function.Function<String, String> key) {
    return new SentimentCounts(
        shown(cells, key.apply("positive")),
        shown(cells, key.apply("neutral")),
        shown(cells, key.apply("negative")));
  }
}
