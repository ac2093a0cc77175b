package org.yousaid.functions.officer.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yousaid.reports.ReportBuilder;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.EhcStage;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.templates.ConsultationTemplates;

/** Satisfaction per EHC stage, counted by the reports module and rounded to add up to 100%. */
class EhcStageStatsTest {

  private static final Consultation SURVEY =
      ConsultationTemplates.ehcStageSurvey("demo", "Demo", "ehc-plan-survey", List.of("North"));
  private final EhcStageStats stats =
      new EhcStageStats(
          new ReportBuilder(Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC)));
  private int ids;

  private Response answer(EhcStage stage, String at, String outcome, String listened) {
    List<Answer> answers = new ArrayList<>();
    if (outcome != null) {
      answers.add(Answer.choices("outcomes-clear", List.of(outcome)));
    }
    if (listened != null) {
      answers.add(Answer.choices("listened", List.of(listened)));
    }
    return new Response(
        "R" + (ids++),
        "demo",
        "ehc-plan-survey",
        Instant.parse(at),
        Channel.WEB,
        answers,
        new RespondentProfile(null, null, List.of(), null, stage),
        false,
        "X",
        0,
        null);
  }

  @Test
  void theFinalPlanSplitReadsAsTheSeedDoes() {
    List<Response> responses = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      responses.add(
          answer(
              EhcStage.FINAL_PLAN,
              i < 13 ? "2026-09-10T10:00:00Z" : "2026-10-10T10:00:00Z",
              i < 12 ? "clear" : i < 18 ? "neither" : "not-clear",
              i % 2 == 0 ? "yes" : null));
    }
    responses.add(answer(EhcStage.REQUEST, "2026-10-11T10:00:00Z", "not-clear", "no"));
    responses.add(answer(null, "2026-10-12T10:00:00Z", "clear", null));
    EhcStageStats.Summary summary = stats.of(SURVEY, responses, DateRange.ALL);
    assertEquals(27, summary.responses());
    assertEquals(
        List.of(
            "request",
            "decision-to-assess",
            "assessment",
            "draft-plan",
            "final-plan",
            "annual-review",
            "not-said"),
        summary.stages().stream().map(EhcStageStats.Stage::code).toList(),
        "every stage, in process order, then stage not said");
    EhcStageStats.Stage finalPlan = summary.stages().get(4);
    assertEquals(25, finalPlan.responses());
    assertFalse(finalPlan.fewAnswers());
    EhcStageStats.QuestionSplit outcomes = finalPlan.questions().get(0);
    assertEquals("outcomes-clear", outcomes.questionId());
    assertEquals("48% clear / 24% neither clear nor not clear / 28% not clear", outcomes.summary());
    assertEquals(
        List.of(12, 6, 7),
        outcomes.options().stream().map(EhcStageStats.OptionShare::count).toList());
    EhcStageStats.QuestionSplit listened =
        finalPlan.questions().stream()
            .filter(q -> q.questionId().equals("listened"))
            .findFirst()
            .orElseThrow();
    assertEquals(13, listened.answered());
    assertEquals("100% yes / 0% no", listened.summary());
    EhcStageStats.QuestionSplit rating =
        finalPlan.questions().stream()
            .filter(q -> q.questionId().equals("satisfaction"))
            .findFirst()
            .orElseThrow();
    assertEquals(0, rating.answered());
    assertEquals("no answers", rating.summary());
    assertEquals(
        0,
        rating.options().stream().mapToInt(EhcStageStats.OptionShare::percent).sum(),
        "no answers: zeros");

    assertEquals(
        List.of("Sep 2026", "Oct 2026"),
        finalPlan.months().stream().map(EhcStageStats.MonthRow::label).toList());
    assertEquals(13, finalPlan.months().get(0).responses());
    assertEquals(
        List.of(92, 8, 0),
        finalPlan.months().get(0).options().stream()
            .map(EhcStageStats.OptionShare::percent)
            .toList());
    assertEquals(
        List.of(0, 42, 58),
        finalPlan.months().get(1).options().stream()
            .map(EhcStageStats.OptionShare::percent)
            .toList());
    for (EhcStageStats.MonthRow m : finalPlan.months()) {
      assertEquals(
          100, m.options().stream().mapToInt(EhcStageStats.OptionShare::percent).sum(), m.text());
    }

    EhcStageStats.Stage request = summary.stages().get(0);
    assertEquals(1, request.responses());
    assertTrue(request.fewAnswers(), "one answer: treat with care");
    assertEquals(
        List.of(0, 1), request.months().stream().map(EhcStageStats.MonthRow::responses).toList());
    EhcStageStats.Stage assessment = summary.stages().get(2);
    assertEquals(0, assessment.responses());
    assertFalse(assessment.fewAnswers(), "nobody is not 'few'");
    assertEquals("Stage not said", summary.stages().get(6).label());
  }

  @Test
  void aDateFilterAndNoDataAreHandled() {
    List<Response> responses =
        List.of(
            answer(EhcStage.DRAFT_PLAN, "2026-03-01T10:00:00Z", "clear", null),
            answer(EhcStage.DRAFT_PLAN, "2026-05-01T10:00:00Z", "not-clear", null));
    EhcStageStats.Summary may =
        stats.of(
            SURVEY,
            responses,
            DateRange.parse(Optional.of("2026-04-01"), Optional.of("2026-05-31")));
    assertEquals(1, may.responses());
    EhcStageStats.Stage draft = may.stages().get(3);
    assertEquals(
        List.of("Apr 2026", "May 2026"),
        draft.months().stream().map(EhcStageStats.MonthRow::label).toList(),
        "the trend covers the filter's months");
    assertEquals(
        "0% clear / 0% neither clear nor not clear / 100% not clear",
        draft.questions().get(0).summary());

    EhcStageStats.Summary none = stats.of(SURVEY, List.of(), DateRange.ALL);
    assertEquals(0, none.responses());
    assertEquals(6, none.stages().size(), "no 'stage not said' row when nobody skipped it");
    none.stages()
        .forEach(
            s -> {
              assertEquals(0, s.responses());
              assertTrue(s.months().isEmpty());
              s.questions().forEach(q -> assertEquals("no answers", q.summary()));
            });
  }

  @Test
  void aMultiChoiceSplitIsAShareOfPeopleNotOf100() {
    var split =
        EhcStageStats.split(
            "q",
            "Q",
            4,
            List.of(
                new org.yousaid.shared.report.OptionCount("a", "A", 3, 0.75),
                new org.yousaid.shared.report.OptionCount("b", "B", 2, 0.5)));
    assertEquals(
        List.of(75, 50), split.options().stream().map(EhcStageStats.OptionShare::percent).toList());
    assertTrue(Arrays.asList(split.summary().split(" / ")).contains("75% a"));
  }
}
