package org.yousaid.functions.officer.dashboards;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yousaid.reports.CountTable;
import org.yousaid.reports.ReportBuilder;
import org.yousaid.reports.ReportFormat;
import org.yousaid.reports.Suppression;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.EhcJourneyStage;
import org.yousaid.shared.model.EhcStage;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.report.ConsultationReport;
import org.yousaid.shared.report.OptionCount;
import org.yousaid.shared.report.QuestionReport;

/**
 * A stage survey's answers along the national EHC journey (request, assessment, plan issued, annual
 * review, phase transfer): how many answered at each stage, each closed question's split ("48%
 * clear / 24% neither clear nor not clear / 28% not clear", as Leicestershire reports it), and a
 * month-by-month trend of the survey's first closed question.
 *
 * <p>Counting is the reports module's {@link ReportBuilder}. Every count then passes one {@link
 * CountTable} (the publishing suppression step) with the totals that link it to the others (all
 * stages, each stage's months, each question's options, each option's months), so no count of 1 to
 * 4 is shown and none can be worked out from what is shown; a percentage is shown only where its
 * count and denominator are.
 */
public final class EhcStageStats {

  /** Counts below this are never shown as numbers. */
  public static final int FEW = 5;

  /** A count as the page shows it: the number, or "fewer than 5" / "not shown". */
  public record Count(int shown, String text) {
    public boolean hidden() {
      return shown < 0;
    }
  }

  /** One option's share; {@code percent} is -1 where it is not shown. */
  public record OptionShare(String value, String label, Count count, int percent, int barWidth) {
    public String percentText() {
      return percent < 0 ? "not shown" : percent + "%";
    }
  }

  public record QuestionSplit(
      String questionId, String text, Count answered, List<OptionShare> options, String summary) {}

  /** One month of one stage: responses, and the headline question's split that month. */
  public record MonthRow(
      YearMonth month, String label, Count responses, Count answered, List<OptionShare> options) {}

  /** One journey stage ({@code code} is "not-said" for answers that gave no stage). */
  public record Stage(
      String code,
      String label,
      int exact,
      Count responses,
      List<QuestionSplit> questions,
      List<MonthRow> months) {}

  public record Summary(
      Count responses,
      boolean empty,
      String headlineQuestion,
      List<String> headlineOptions,
      List<Stage> stages) {
    public boolean isEmpty() {
      return empty;
    }
  }

  private final ReportBuilder builder;

  public EhcStageStats(ReportBuilder builder) {
    this.builder = builder;
  }

  /** A stage's cells while the table is built, before suppression. */
  private record StageCells(
      String code,
      String label,
      List<Response> responses,
      int cell,
      List<QuestionCells> questions,
      List<MonthCells> months) {}

  private record QuestionCells(QuestionReport report, int answered, List<Integer> options) {}

  private record MonthCells(YearMonth month, int responses, int answered, List<Integer> options) {}

  public Summary of(Consultation survey, List<Response> responses, DateRange range) {
    Map<String, List<Response>> byStage = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (EhcJourneyStage s : EhcJourneyStage.values()) {
      byStage.put(s.code(), new ArrayList<>());
      labels.put(s.code(), s.label());
    }
    byStage.put("not-said", new ArrayList<>());
    labels.put("not-said", "Stage not said");
    YearMonth first = null;
    YearMonth last = null;
    int total = 0;
    for (Response r : responses) {
      if (!range.contains(r.submittedAt())) {
        continue;
      }
      total++;
      EhcStage stage = r.profile().ehcStage();
      byStage.get(stage == null ? "not-said" : stage.journeyStage().code()).add(r);
      YearMonth m = Months.of(r.submittedAt());
      first = first == null || m.isBefore(first) ? m : first;
      last = last == null || m.isAfter(last) ? m : last;
    }
    List<YearMonth> months =
        Months.between(
            range.from() != null ? YearMonth.from(range.from()) : first,
            range.to() != null ? YearMonth.from(range.to()) : last);
    Question headline =
        survey.questions().stream().filter(q -> q.type().isChoice()).findFirst().orElse(null);

    CountTable table = new CountTable(FEW);
    int all = table.count("responses", total, 0);
    List<StageCells> stages = new ArrayList<>();
    byStage.forEach(
        (code, rs) -> {
          if (code.equals("not-said") && rs.isEmpty()) {
            return;
          }
          stages.add(stageCells(table, survey, headline, code, labels.get(code), rs, months));
        });
    table.total(all, stages.stream().map(StageCells::cell).toList());
    table.protect();

    List<Stage> shown = new ArrayList<>();
    for (StageCells s : stages) {
      List<QuestionSplit> splits = new ArrayList<>();
      for (QuestionCells q : s.questions()) {
        splits.add(
            split(
                table,
                q.report().questionId(),
                q.report().text(),
                q.answered(),
                q.report().options(),
                q.options()));
      }
      List<MonthRow> rows = new ArrayList<>();
      for (MonthCells m : s.months()) {
        QuestionSplit split =
            split(
                table,
                headline.id(),
                headline.text(),
                m.answered(),
                headlineOptions(headline),
                m.options());
        rows.add(
            new MonthRow(
                m.month(),
                Months.shortLabel(m.month()),
                count(table, m.responses()),
                split.answered(),
                split.options()));
      }
      shown.add(
          new Stage(
              s.code(), s.label(), s.responses().size(), count(table, s.cell()), splits, rows));
    }
    return new Summary(
        count(table, all),
        total == 0,
        headline == null ? null : headline.text(),
        headline == null
            ? List.of()
            : headline.effectiveOptions().stream().map(o -> o.label()).toList(),
        shown);
  }

  private static List<OptionCount> headlineOptions(Question headline) {
    return headline.effectiveOptions().stream()
        .map(o -> new OptionCount(o.value(), o.label(), 0, 0))
        .toList();
  }

  private StageCells stageCells(
      CountTable table,
      Consultation survey,
      Question headline,
      String code,
      String label,
      List<Response> rs,
      List<YearMonth> months) {
    int stage = table.count("stage:" + code, rs.size(), 1);
    ConsultationReport report = builder.build(survey, rs, List.of(), Suppression.NONE);
    List<QuestionCells> questions = new ArrayList<>();
    QuestionCells headlineCells = null;
    for (QuestionReport q : report.questions()) {
      if (q.options().isEmpty()) {
        continue;
      }
      String key = "stage:" + code + ":" + q.questionId();
      int answered = table.count(key, q.answered(), 2);
      table.within(answered, stage);
      List<Integer> options = new ArrayList<>();
      for (OptionCount o : q.options()) {
        options.add(table.count(key + ":" + o.value(), o.count(), 3));
      }
      table.total(answered, options);
      QuestionCells cells = new QuestionCells(q, answered, options);
      questions.add(cells);
      if (headline != null && q.questionId().equals(headline.id())) {
        headlineCells = cells;
      }
    }
    List<MonthCells> monthCells = new ArrayList<>();
    if (headline != null && !rs.isEmpty()) {
      Map<YearMonth, List<Response>> byMonth = new LinkedHashMap<>();
      months.forEach(m -> byMonth.put(m, new ArrayList<>()));
      for (Response r : rs) {
        List<Response> bucket = byMonth.get(Months.of(r.submittedAt()));
        if (bucket != null) {
          bucket.add(r);
        }
      }
      Consultation onlyHeadline = onlyQuestion(survey, headline);
      List<List<Integer>> optionColumns = new ArrayList<>();
      headline.effectiveOptions().forEach(o -> optionColumns.add(new ArrayList<>()));
      List<Integer> answeredColumn = new ArrayList<>();
      for (Map.Entry<YearMonth, List<Response>> e : byMonth.entrySet()) {
        String key = "stage:" + code + ":month:" + e.getKey();
        int monthResponses = table.count(key, e.getValue().size(), 3);
        QuestionReport q =
            builder
                .build(onlyHeadline, e.getValue(), List.of(), Suppression.NONE)
                .questions()
                .get(0);
        int answered = table.count(key + ":" + headline.id(), q.answered(), 4);
        table.within(answered, monthResponses);
        answeredColumn.add(answered);
        List<Integer> options = new ArrayList<>();
        for (int i = 0; i < q.options().size(); i++) {
          OptionCount o = q.options().get(i);
          int cell = table.count(key + ":" + headline.id() + ":" + o.value(), o.count(), 5);
          options.add(cell);
          optionColumns.get(i).add(cell);
        }
        table.total(answered, options);
        monthCells.add(new MonthCells(e.getKey(), monthResponses, answered, options));
      }
      table.total(stage, monthCells.stream().map(MonthCells::responses).toList());
      if (headlineCells != null) {
        table.total(headlineCells.answered(), answeredColumn);
        for (int i = 0; i < optionColumns.size() && i < headlineCells.options().size(); i++) {
          table.total(headlineCells.options().get(i), optionColumns.get(i));
        }
      }
    }
    return new StageCells(code, label, rs, stage, questions, monthCells);
  }

  private static Consultation onlyQuestion(Consultation survey, Question headline) {
    return new Consultation(
        survey.council(),
        survey.id(),
        survey.councilName(),
        survey.title(),
        survey.kind(),
        survey.status(),
        survey.opensAt(),
        survey.closesAt(),
        survey.intro(),
        List.of(headline),
        java.util.Set.of(),
        List.of(),
        survey.retentionDays());
  }

  static Count count(CountTable table, int cell) {
    int shown = table.shown(cell);
    return new Count(shown, ReportFormat.count(shown, Suppression.below(FEW)));
  }

  /**
   * A question's split as shown: each count (or why not), and its share of the people who answered
   * where both are shown. A multi-choice question's options can add to more than the people
   * answering: shares of people, not of 100.
   */
  static QuestionSplit split(
      CountTable table,
      String questionId,
      String text,
      int answeredCell,
      List<OptionCount> counts,
      List<Integer> cells) {
    Count answered = count(table, answeredCell);
    List<OptionShare> options = new ArrayList<>();
    StringBuilder summary = new StringBuilder();
    for (int i = 0; i < counts.size(); i++) {
      OptionCount o = counts.get(i);
      int percent = answered.shown() == 0 ? 0 : table.percent(cells.get(i), answeredCell);
      options.add(
          new OptionShare(
              o.value(), o.label(), count(table, cells.get(i)), percent, Math.max(0, percent) * 3));
      if (summary.length() > 0) {
        summary.append(" / ");
      }
      summary
          .append(percent < 0 ? "not shown" : percent + "%")
          .append(" ")
          .append(o.label().toLowerCase(Locale.UK));
    }
    String said =
        answered.shown() == 0
            ? "no answers"
            : answered.hidden() ? answered.text() + " answers" : summary.toString();
    return new QuestionSplit(questionId, text, answered, options, said);
  }
}
