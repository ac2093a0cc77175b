package org.yousaid.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yousaid.publishing.PublishedConsultation.PublishedBreakdown;
import org.yousaid.publishing.PublishedConsultation.PublishedCount;
import org.yousaid.publishing.PublishedConsultation.PublishedGroup;
import org.yousaid.publishing.PublishedConsultation.PublishedQuestion;
import org.yousaid.publishing.PublishedConsultation.PublishedTheme;
import org.yousaid.publishing.PublishedConsultation.Sentiment;
import org.yousaid.publishing.PublishedConsultation.WeDid;
import org.yousaid.redaction.Redaction;
import org.yousaid.reports.DisclosureControl;
import org.yousaid.reports.QuestionThemes;
import org.yousaid.reports.ReportBuilder;
import org.yousaid.reports.ReportFormat;
import org.yousaid.reports.Suppression;
import org.yousaid.reports.disclosure.LinkedCells;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.report.Breakdown;
import org.yousaid.shared.report.ConsultationReport;
import org.yousaid.shared.report.OptionCount;
import org.yousaid.shared.report.QuestionReport;
import org.yousaid.shared.report.SentimentCounts;
import org.yousaid.shared.report.ThemeSummary;
import org.yousaid.shared.services.ServiceDirectory;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.ConsultationThemes.AnalysedQuestion;
import org.yousaid.shared.themes.EffectiveThemes;

/**
 * The one place that decides what of a consultation may be published, so the rules hold for every
 * file made from it:
 *
 * <ul>
 *   <li>no answer text except quotes an officer approved, from respondents who consented, in the
 *       analysis's redacted form, redacted again by the shared {@link Redaction} module (names,
 *       staff, schools, organisations, contacts, addresses, dates of birth: the same rules the
 *       engine ran, so a quote the engine redacted passes unchanged and anything an officer typed
 *       or the engine missed is caught); theme labels and "we did" text pass the same check;
 *   <li>a theme's exemplar is one of those quotes, never the raw most-central answer;
 *   <li>every number (responses, answers, option counts, breakdowns, theme sizes, sentiment splits,
 *       "N other answers support this answer") passes {@link DisclosureControl}: counts of 1 to 4
 *       hidden, and as many more withheld as it takes for none of them to be worked out from this
 *       version and every earlier version still online;
 *   <li>officers' names and answer ids are never included.
 * </ul>
 */
public final class PublishedReportBuilder {

  public static final int THRESHOLD = 5;
  private static final Suppression SUPPRESSION = Suppression.below(THRESHOLD);
  private static final DisclosureControl DISCLOSURE = new DisclosureControl(THRESHOLD);
  private static final Redaction REDACTION = Redaction.standard();

  private final ReportBuilder reports;

  public PublishedReportBuilder(Clock clock) {
    this.reports = new ReportBuilder(clock);
  }

  public PublishedConsultation build(
      Consultation consultation,
      List<Response> responses,
      List<AnalysedQuestion> analysed,
      int version,
      Instant publishedAt) {
    return build(consultation, responses, analysed, version, publishedAt, List.of());
  }

  /**
   * @param online the earlier versions that stay online, whose numbers a reader can set beside this
   *     version's (without their private snapshots: numbers only)
   */
  public PublishedConsultation build(
      Consultation consultation,
      List<Response> responses,
      List<AnalysedQuestion> analysed,
      int version,
      Instant publishedAt,
      List<PublishedConsultation> online) {
    return buildVersion(
            consultation,
            responses,
            analysed,
            version,
            publishedAt,
            online.stream().map(c -> new OnlineVersion(c, null)).toList())
        .published();
  }

  /**
   * An earlier version still online: its private snapshot where one was kept, else its published
   * content (what a reader sees of it).
   */
  public record OnlineVersion(PublishedConsultation published, LinkedCells.Snapshot snapshot) {}

  /** A version to publish, and the snapshot to keep privately for checking later versions. */
  public record Built(
      PublishedConsultation published,
      LinkedCells.Snapshot snapshot,
      org.yousaid.reports.disclosure.CellSuppression.Check check) {}

  /**
   * Builds a version whose numbers, together with every earlier version still online, give no small
   * number away (see {@link DisclosureControl#protectVersion}).
   */
  public Built buildVersion(
      Consultation consultation,
      List<Response> responses,
      List<AnalysedQuestion> analysed,
      int version,
      Instant publishedAt,
      List<OnlineVersion> online) {
    return buildVersion(consultation, responses, analysed, version, publishedAt, online, null);
  }

  /**
   * The breakdown of page feedback's "was this page useful?" by Open Referral UK service: a
   * breakdown like any other, so {@link DisclosureControl} links its groups to the question's
   * totals and columns and to earlier versions; published as {@link
   * PublishedConsultation#services()}.
   */
  static final String SERVICE_DIMENSION = "Open Referral UK service";

  /**
   * As above; for a page-feedback consultation with the council's services, also the feedback per
   * service, keyed by its Open Referral UK id.
   */
  public Built buildVersion(
      Consultation consultation,
      List<Response> responses,
      List<AnalysedQuestion> analysed,
      int version,
      Instant publishedAt,
      List<OnlineVersion> online,
      ServiceDirectory services) {
    Set<String> consented = new HashSet<>();
    responses.stream().filter(Response::consentToQuote).forEach(r -> consented.add(r.id()));
    Map<String, Map<String, EffectiveThemes.Theme>> themesById = new LinkedHashMap<>();
    List<QuestionThemes> questionThemes = new ArrayList<>();
    for (AnalysedQuestion a : analysed) {
      Map<String, EffectiveThemes.Theme> byId = new LinkedHashMap<>();
      List<ThemeSummary> summaries = new ArrayList<>();
      for (EffectiveThemes.Theme t : a.themes().themes()) {
        // A theme a re-run proposed is a suggestion until an officer accepts it.
        if (t.count() == 0 || t.proposed()) {
          continue;
        }
        byId.put(t.id(), t);
        List<ThemeSummary> subThemes = new ArrayList<>();
        for (EffectiveThemes.Theme s : t.subThemes()) {
          if (s.count() == 0) {
            continue;
          }
          byId.put(s.id(), s);
          subThemes.add(
              new ThemeSummary(
                  s.id(),
                  s.label(),
                  "",
                  List.of(),
                  s.count(),
                  s.share(),
                  null,
                  s.othersSupport(),
                  SentimentCounts.NONE,
                  List.of(),
                  null,
                  false));
        }
        summaries.add(
            new ThemeSummary(
                t.id(),
                t.label(),
                "",
                List.of(),
                t.count(),
                t.share(),
                null,
                t.othersSupport(),
                new SentimentCounts(t.positive(), t.neutral(), t.negative()),
                List.of(),
                null,
                t.other(),
                subThemes));
      }
      themesById.put(a.question().id(), byId);
      questionThemes.add(
          new QuestionThemes(
              a.question().id(),
              summaries,
              SentimentCounts.of(a.answers().stream().map(AnswerAnalysis::sentiment).toList())));
    }
    ConsultationReport exact =
        reports.build(consultation, responses, questionThemes, Suppression.NONE);
    boolean perService =
        services != null
            && consultation.kind() == org.yousaid.shared.model.ConsultationKind.PAGE_FEEDBACK;
    if (perService) {
      exact = ServiceBreakdown.add(exact, responses, services);
    }
    DisclosureControl.Protected protectedReport =
        DISCLOSURE.protectVersion(
            exact,
            online.stream()
                .map(
                    o ->
                        new DisclosureControl.Earlier(
                            o.snapshot() != null ? Map.of() : PublishedCells.of(o.published()),
                            o.snapshot()))
                .toList());
    ConsultationReport report = protectedReport.report();
    List<PublishedQuestion> questions = new ArrayList<>();
    int number = 0;
    for (QuestionReport q : report.questions()) {
      number++;
      String label = "Question " + number;
      if (q.type().isChoice()) {
        questions.add(
            new PublishedQuestion(
                q.questionId(),
                label,
                q.text(),
                q.type().name(),
                shown(q.answered()),
                note(q.answered()),
                q.options().stream().map(PublishedReportBuilder::count).toList(),
                q.breakdowns().stream()
                    .filter(b -> !b.dimension().equals(SERVICE_DIMENSION))
                    .map(PublishedReportBuilder::breakdown)
                    .toList(),
                null,
                null));
      } else {
        Map<String, EffectiveThemes.Theme> byId = themesById.get(q.questionId());
        questions.add(
            new PublishedQuestion(
                q.questionId(),
                label,
                q.text(),
                q.type().name(),
                shown(q.answered()),
                note(q.answered()),
                null,
                null,
                byId == null ? List.of() : themes(q, byId, consented),
                byId == null ? null : sentiment(q.sentiment(), -1)));
      }
    }
    return new Built(
        new PublishedConsultation(
            consultation.council(),
            consultation.councilName(),
            consultation.id(),
            consultation.title(),
            consultation.kind().name(),
            version,
            publishedAt,
            shown(report.responses()),
            note(report.responses()),
            questions,
            perService ? services(report, services) : null),
        protectedReport.snapshot(),
        protectedReport.check());
  }

  /** The protected per-service breakdown, as published: by service id, names redacted. */
  private static List<PublishedConsultation.PublishedService> services(
      ConsultationReport report, ServiceDirectory directory) {
    Map<String, String> names = new LinkedHashMap<>();
    directory.services().forEach(s -> names.put(s.id(), s.name()));
    List<PublishedConsultation.PublishedService> out = new ArrayList<>();
    for (QuestionReport q : report.questions()) {
      for (Breakdown b : q.breakdowns()) {
        if (!b.dimension().equals(SERVICE_DIMENSION)) {
          continue;
        }
        for (Breakdown.Group g : b.groups()) {
          out.add(
              new PublishedConsultation.PublishedService(
                  g.label(),
                  REDACTION.redact(names.getOrDefault(g.label(), g.label())),
                  shown(g.answered()),
                  note(g.answered()),
                  g.options().stream().map(PublishedReportBuilder::count).toList()));
        }
      }
    }
    return out;
  }

  private static Integer shown(int count) {
    return count < 0 ? null : count;
  }

  private static String note(int count) {
    return count < 0 ? ReportFormat.count(count, SUPPRESSION) : null;
  }

  private static List<PublishedTheme> themes(
      QuestionReport q, Map<String, EffectiveThemes.Theme> byId, Set<String> consented) {
    List<PublishedTheme> out = new ArrayList<>();
    for (ThemeSummary summary : q.themes()) {
      out.add(theme(q, summary, byId, consented));
    }
    return out;
  }

  /**
   * A theme or sub-theme as published: its counts as disclosure control left them, its exemplar
   * only from an approved quote, and its sub-themes.
   */
  private static PublishedTheme theme(
      QuestionReport q,
      ThemeSummary summary,
      Map<String, EffectiveThemes.Theme> byId,
      Set<String> consented) {
    {
      EffectiveThemes.Theme t = byId.get(summary.id());
      List<String> quotes = new ArrayList<>();
      String exemplar = null;
      for (Map.Entry<String, String> quote : t.quotes().entrySet()) {
        // EffectiveThemes only keeps consented quotes; checked again here because publishing is
        // final.
        if (!consented.contains(quote.getKey())
            || quote.getValue() == null
            || quote.getValue().isBlank()) {
          continue;
        }
        String text = REDACTION.redact(quote.getValue());
        if (quote.getKey().equals(t.exemplarId()) && exemplar == null) {
          exemplar = text;
        } else {
          quotes.add(text);
        }
      }
      if (exemplar == null && !quotes.isEmpty()) {
        exemplar = quotes.remove(0);
      }
      int count = summary.count();
      return new PublishedTheme(
          t.id(),
          REDACTION.redact(t.label()),
          shown(count),
          percent(count, q.answered()),
          note(count),
          exemplar,
          exemplar == null || summary.othersSupport() < 0 ? null : summary.othersSupport(),
          quotes,
          sentiment(summary.sentiment(), count),
          t.weDid() == null || t.weDid().text() == null || t.weDid().text().isBlank()
              ? null
              : new WeDid(
                  REDACTION.redact(t.weDid().text()), status(t.weDid().status()), t.weDid().date()),
          summary.subThemes().stream().map(s -> theme(q, s, byId, consented)).toList());
    }
  }

  /** Plain-English status for "we did": planned, in progress or done. */
  static String status(String code) {
    if (code == null) {
      return "planned";
    }
    return switch (code) {
      case "in-progress", "in progress", "IN_PROGRESS" -> "in progress";
      case "done", "DONE" -> "done";
      default -> "planned";
    };
  }

  /**
   * A sentiment split as counts, each with its percentage of {@code of} (the theme's answers), or,
   * for a whole question ({@code of} -1), of the three together when all three are shown.
   */
  private static Sentiment sentiment(SentimentCounts counts, int of) {
    if (counts.positive() == 0 && counts.neutral() == 0 && counts.negative() == 0) {
      return null;
    }
    int total =
        of >= 0
            ? of
            : counts.positive() < 0 || counts.neutral() < 0 || counts.negative() < 0
                ? -1
                : counts.total();
    return new Sentiment(
        sentimentCount("positive", counts.positive(), total),
        sentimentCount("neutral", counts.neutral(), total),
        sentimentCount("negative", counts.negative(), total));
  }

  private static PublishedCount sentimentCount(String label, int count, int of) {
    return new PublishedCount(label, shown(count), percent(count, of), note(count));
  }

  /** A percentage only where its count and denominator are both shown. */
  private static Integer percent(int count, int of) {
    return count < 0 || of <= 0 ? null : ReportFormat.percentOf(count, of);
  }

  private static PublishedCount count(OptionCount o) {
    return o.count() < 0
        ? new PublishedCount(o.label(), null, null, ReportFormat.count(o.count(), SUPPRESSION))
        : new PublishedCount(
            o.label(),
            o.count(),
            o.share() < 0 ? null : ReportFormat.wholePercent(o.share()),
            null);
  }

  private static PublishedBreakdown breakdown(Breakdown b) {
    return new PublishedBreakdown(
        b.dimension(),
        b.groups().stream()
            .map(
                g ->
                    new PublishedGroup(
                        g.label(),
                        shown(g.answered()),
                        note(g.answered()),
                        g.options().stream().map(PublishedReportBuilder::count).toList()))
            .toList());
  }
}
