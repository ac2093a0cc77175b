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
 * analysed question's corrected themes. Officers see exact numbers (no suppression). The summary
 * becomes the committee report (Word, PDF), which goes beyond the council's officers, so a theme's
 * exemplar is only ever quoted from a respondent who agreed to be quoted: the most central answer
 * if its respondent agreed, else the first member who did, in the analysis's redacted form; a theme
 * where nobody agreed has no quote.
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
    java.util.Set<String> consented = new java.util.HashSet<>();
    responses.stream().filter(Response::consentToQuote).forEach(r -> consented.add(r.id()));
    Map<String, String> texts = new LinkedHashMap<>();
    analysis
        .answers()
        .forEach(
            a -> {
              if (consented.contains(a.responseId()) && a.redactedText() != null) {
                texts.put(a.responseId(), a.redactedText());
              }
            });
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
              exemplar(t, texts),
              t.othersSupport(),
              new SentimentCounts(t.positive(), t.neutral(), t.negative()),
              List.copyOf(t.quotes().values()),
              t.weDid() == null ? null : t.weDid().text(),
              t.other(),
              subThemes(t, texts)));
    }
    SentimentCounts sentiment =
        SentimentCounts.of(analysis.answers().stream().map(a -> a.sentiment()).toList());
    return new QuestionThemes(analysis.question().id(), summaries, sentiment);
  }

  /**
   * A theme's sub-themes as the committee report lists them under it: label, size, share and an
   * exemplar only from a respondent who agreed to be quoted; a sub-theme has no sentiment, quotes
   * or "we did" of its own (those belong to its theme). Empty sub-themes are left out.
   */
  private static List<ThemeSummary> subThemes(
      EffectiveThemes.Theme theme, Map<String, String> consentedTexts) {
    List<ThemeSummary> out = new ArrayList<>();
    for (EffectiveThemes.Theme s : theme.subThemes()) {
      if (s.count() == 0) {
        continue;
      }
      out.add(
          new ThemeSummary(
              s.id(),
              s.label(),
              "",
              s.keyTerms(),
              s.count(),
              s.share(),
              exemplar(s, consentedTexts),
              s.othersSupport(),
              SentimentCounts.NONE,
              List.of(),
              null,
              false));
    }
    return out;
  }

  /** The exemplar's text if its respondent agreed to be quoted, else another member's who did. */
  private static String exemplar(EffectiveThemes.Theme t, Map<String, String> consentedTexts) {
    if (t.exemplarId() != null && consentedTexts.containsKey(t.exemplarId())) {
      return consentedTexts.get(t.exemplarId());
    }
    return t.memberIds().stream()
        .filter(consentedTexts::containsKey)
        .map(consentedTexts::get)
        .findFirst()
        .orElse("");
  }
}
