package org.yousaid.functions.officer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.reports.QuestionThemes;
import org.yousaid.reports.ReportBuilder;
import org.yousaid.reports.Suppression;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.report.ConsultationReport;
import org.yousaid.shared.report.SentimentCounts;
import org.yousaid.shared.report.ThemeSummary;
import org.yousaid.shared.themes.ConsultationThemes;
import org.yousaid.shared.themes.EffectiveThemes;

/**
 * The officers' consultation summary: the report module's counts, shares and breakdowns, with each
 * analysed question's corrected themes and the exemplar's original text. Officers see exact numbers
 * (no suppression); nothing here is published.
 */
final class ReportAssembler {

  private final ReportBuilder builder;

  ReportAssembler(ReportBuilder builder) {
    this.builder = builder;
  }

  ConsultationReport build(
      Consultation consultation,
      List<Response> responses,
      List<ConsultationThemes.AnalysedQuestion> analysed) {
    List<QuestionThemes> themes = new ArrayList<>();
    for (ConsultationThemes.AnalysedQuestion a : analysed) {
      themes.add(themes(a, responses));
    }
    return builder.build(consultation, responses, themes, Suppression.NONE);
  }

  static QuestionThemes themes(
      ConsultationThemes.AnalysedQuestion analysis, List<Response> responses) {
    String questionId = analysis.question().id();
    Map<String, String> texts = new LinkedHashMap<>();
    responses.forEach(
        r ->
            r.answer(questionId)
                .ifPresent(a -> texts.put(r.id(), a.text() == null ? "" : a.text())));
    List<ThemeSummary> summaries = new ArrayList<>();
    for (EffectiveThemes.Theme t : analysis.themes().themes()) {
      summaries.add(
          new ThemeSummary(
              t.id(),
              t.label(),
              "",
              t.keyTerms(),
              t.count(),
              t.share(),
              texts.getOrDefault(t.exemplarId(), ""),
              t.othersSupport(),
              new SentimentCounts(t.positive(), t.neutral(), t.negative()),
              List.copyOf(t.quotes().values()),
              t.weDid() == null ? null : t.weDid().text(),
              t.other()));
    }
    SentimentCounts sentiment =
        SentimentCounts.of(analysis.answers().stream().map(a -> a.sentiment()).toList());
    return new QuestionThemes(questionId, summaries, sentiment);
  }
}
