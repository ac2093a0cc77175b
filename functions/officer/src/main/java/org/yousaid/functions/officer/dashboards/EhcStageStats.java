package org.yousaid.functions.officer.dashboards;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yousaid.reports.ReportBuilder;
import org.yousaid.reports.Suppression;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.EhcStage;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.report.ConsultationReport;
import org.yousaid.shared.report.OptionCount;
import org.yousaid.shared.report.QuestionReport;

/**
 * A stage survey's answers per EHC stage (request, decision to assess, assessment, draft plan,
 * final plan, annual review): how many answered, each closed question's split in whole percentages
 * that add up to 100 ("48% clear / 24% neither clear nor not clear / 28% not clear", as
 * Leicestershire reports it), and a month-by-month trend of the survey's first closed question.
 * Counting is the reports module's {@link ReportBuilder}; this class groups, rounds and lays out.
 * Officers see exact numbers: groups of fewer than {@value #FEW} are flagged, not hidden.
 */
public final class EhcStageStats {

  /**
   * Below this many answers a figure is flagged "treat with care" (and would be suppressed if
   * published).
   */
  public static final int FEW = 5;

  public record OptionShare(String value, String label, int count, int percent, int barWidth) {}

  public record QuestionSplit(
      String questionId, String text, int answered, List<OptionShare> options, String summary) {
    public boolean fewAnswers() {
      return answered > 0 && answered < FEW;
    }
  }

  /** One month of one stage: responses, and the headline question's split that month. */
  public record MonthRow(
      YearMonth month,
      String label,
      int responses,
      int answered,
      List<OptionShare> options,
      String text) {
    public boolean fewAnswers() {
      return answered > 0 && answered < FEW;
    }
  }

  /** One EHC stage ({@code code} is "not-said" for answers that gave no stage). */
  public record Stage(
      String code,
      String label,
      int responses,
      List<QuestionSplit> questions,
      List<MonthRow> months) {
    public boolean fewAnswers() {
      return responses > 0 && responses < FEW;
    }
  }

  public record Summary(
      int responses, String headlineQuestion, List<String> headlineOptions, List<Stage> stages) {
    public boolean isEmpty() {
      return responses == 0;
    }
  }

  private final ReportBuilder builder;

  public EhcStageStats(ReportBuilder builder) {
    this.builder = builder;
  }

  public Summary of(Consultation survey, List<Response> responses, DateRange range) {
    Map<String, List<Response>> byStage = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (EhcStage s : EhcStage.values()) {
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
      byStage.get(stage == null ? "not-said" : stage.code()).add(r);
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
    List<Stage> stages = new ArrayList<>();
    byStage.forEach(
        (code, rs) -> {
          if (code.equals("not-said") && rs.isEmpty()) {
            return;
          }
          ConsultationReport report = builder.build(survey, rs, List.of(), Suppression.NONE);
          List<QuestionSplit> splits = new ArrayList<>();
          for (QuestionReport q : report.questions()) {
            if (!q.options().isEmpty()) {
              splits.add(split(q.questionId(), q.text(), q.answered(), q.options()));
            }
          }
          stages.add(
              new Stage(
                  code,
                  labels.get(code),
                  rs.size(),
                  splits,
                  headline == null ? List.of() : trend(survey, headline, rs, months)));
        });
    return new Summary(
        total,
        headline == null ? null : headline.text(),
        headline == null
            ? List.of()
            : headline.effectiveOptions().stream().map(o -> o.label()).toList(),
        stages);
  }

  private List<MonthRow> trend(
      Consultation survey,
      Question headline,
      List<Response> stageResponses,
      List<YearMonth> months) {
    Map<YearMonth, List<Response>> byMonth = new LinkedHashMap<>();
    months.forEach(m -> byMonth.put(m, new ArrayList<>()));
    for (Response r : stageResponses) {
      List<Response> bucket = byMonth.get(Months.of(r.submittedAt()));
      if (bucket != null) {
        bucket.add(r);
      }
    }
    Consultation onlyHeadline =
        new Consultation(
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
    List<MonthRow> rows = new ArrayList<>();
    byMonth.forEach(
        (month, rs) -> {
          QuestionReport q =
              builder.build(onlyHeadline, rs, List.of(), Suppression.NONE).questions().get(0);
          QuestionSplit s = split(q.questionId(), q.text(), q.answered(), q.options());
          rows.add(
              new MonthRow(
                  month,
                  Months.shortLabel(month),
                  rs.size(),
                  q.answered(),
                  s.options(),
                  Months.shortLabel(month)
                      + ": "
                      + (q.answered() == 0
                          ? "no answers"
                          : s.summary() + " (" + q.answered() + " answered)")));
        });
    return rows;
  }

  /** Counts from the report module, rounded so that they add up to 100%. */
  static QuestionSplit split(
      String questionId, String text, int answered, List<OptionCount> counts) {
    int[] raw = counts.stream().mapToInt(OptionCount::count).toArray();
    // A multi-choice question's options can add to more than the people answering: share of people,
    // not of 100.
    int sum = java.util.Arrays.stream(raw).sum();
    int[] percents = sum == answered ? Percentages.of(raw) : raw.clone();
    if (sum != answered) {
      for (int i = 0; i < raw.length; i++) {
        percents[i] = Percentages.share(raw[i], answered);
      }
    }
    List<OptionShare> options = new ArrayList<>();
    StringBuilder summary = new StringBuilder();
    for (int i = 0; i < counts.size(); i++) {
      OptionCount o = counts.get(i);
      options.add(new OptionShare(o.value(), o.label(), o.count(), percents[i], percents[i] * 3));
      if (summary.length() > 0) {
        summary.append(" / ");
      }
      summary.append(percents[i]).append("% ").append(o.label().toLowerCase(Locale.UK));
    }
    return new QuestionSplit(
        questionId, text, answered, options, answered == 0 ? "no answers" : summary.toString());
  }
}
