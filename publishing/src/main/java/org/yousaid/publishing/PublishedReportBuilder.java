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
import org.yousaid.reports.ReportBuilder;
import org.yousaid.reports.ReportFormat;
import org.yousaid.reports.Suppression;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.report.Breakdown;
import org.yousaid.shared.report.ConsultationReport;
import org.yousaid.shared.report.OptionCount;
import org.yousaid.shared.report.QuestionReport;
import org.yousaid.shared.report.SentimentCounts;
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
 *   <li>counts below 5 in breakdowns and themes are hidden, with complementary suppression in
 *       breakdowns;
 *   <li>officers' names and answer ids are never included.
 * </ul>
 */
public final class PublishedReportBuilder {

  public static final int THRESHOLD = 5;
  private static final Suppression SUPPRESSION = Suppression.below(THRESHOLD);
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
    ConsultationReport report = reports.build(consultation, responses, List.of(), SUPPRESSION);
    Map<String, AnalysedQuestion> byQuestion = new LinkedHashMap<>();
    analysed.forEach(a -> byQuestion.put(a.question().id(), a));
    Set<String> consented = new HashSet<>();
    responses.stream().filter(Response::consentToQuote).forEach(r -> consented.add(r.id()));
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
                q.answered(),
                q.options().stream().map(PublishedReportBuilder::count).toList(),
                q.breakdowns().stream().map(PublishedReportBuilder::breakdown).toList(),
                null,
                null));
      } else {
        AnalysedQuestion a = byQuestion.get(q.questionId());
        questions.add(
            new PublishedQuestion(
                q.questionId(),
                label,
                q.text(),
                q.type().name(),
                q.answered(),
                null,
                null,
                a == null ? List.of() : themes(a, consented),
                a == null ? null : sentiment(a)));
      }
    }
    return new PublishedConsultation(
        consultation.council(),
        consultation.councilName(),
        consultation.id(),
        consultation.title(),
        consultation.kind().name(),
        version,
        publishedAt,
        report.responses(),
        questions);
  }

  private static List<PublishedTheme> themes(AnalysedQuestion analysed, Set<String> consented) {
    List<PublishedTheme> out = new ArrayList<>();
    for (EffectiveThemes.Theme t : analysed.themes().themes()) {
      // A theme a re-run proposed is a suggestion until an officer accepts it.
      if (t.count() == 0 || t.proposed()) {
        continue;
      }
      List<String> quotes = new ArrayList<>();
      String exemplar = null;
      for (Map.Entry<String, String> q : t.quotes().entrySet()) {
        // EffectiveThemes only keeps consented quotes; checked again here because publishing is
        // final.
        if (!consented.contains(q.getKey()) || q.getValue() == null || q.getValue().isBlank()) {
          continue;
        }
        String text = REDACTION.redact(q.getValue());
        if (q.getKey().equals(t.exemplarId()) && exemplar == null) {
          exemplar = text;
        } else {
          quotes.add(text);
        }
      }
      if (exemplar == null && !quotes.isEmpty()) {
        exemplar = quotes.remove(0);
      }
      boolean small = t.count() < THRESHOLD;
      int answered = t.positive() + t.neutral() + t.negative();
      out.add(
          new PublishedTheme(
              t.id(),
              REDACTION.redact(t.label()),
              small ? null : t.count(),
              small ? null : (int) Math.round(t.share() * 100),
              small ? SUPPRESSION.label() : null,
              exemplar,
              exemplar == null || small ? null : t.count() - 1,
              quotes,
              small || answered == 0 ? null : percentages(t.positive(), t.neutral(), t.negative()),
              t.weDid() == null || t.weDid().text() == null || t.weDid().text().isBlank()
                  ? null
                  : new WeDid(
                      REDACTION.redact(t.weDid().text()),
                      status(t.weDid().status()),
                      t.weDid().date())));
    }
    return out;
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

  private static Sentiment sentiment(AnalysedQuestion analysed) {
    SentimentCounts counts =
        SentimentCounts.of(analysed.answers().stream().map(AnswerAnalysis::sentiment).toList());
    return counts.total() < THRESHOLD
        ? null
        : percentages(counts.positive(), counts.neutral(), counts.negative());
  }

  private static Sentiment percentages(int positive, int neutral, int negative) {
    double total = positive + neutral + negative;
    return new Sentiment(
        (int) Math.round(100 * positive / total),
        (int) Math.round(100 * neutral / total),
        (int) Math.round(100 * negative / total));
  }

  private static PublishedCount count(OptionCount o) {
    return o.count() < 0
        ? new PublishedCount(o.label(), null, null, ReportFormat.count(o.count(), SUPPRESSION))
        : new PublishedCount(o.label(), o.count(), (int) Math.round(o.share() * 100), null);
  }

  private static PublishedBreakdown breakdown(Breakdown b) {
    return new PublishedBreakdown(
        b.dimension(),
        b.groups().stream()
            .map(
                g ->
                    new PublishedGroup(
                        g.label(),
                        g.answered() < 0 ? null : g.answered(),
                        g.answered() < 0 ? ReportFormat.count(g.answered(), SUPPRESSION) : null,
                        g.options().stream().map(PublishedReportBuilder::count).toList()))
            .toList());
  }
}
