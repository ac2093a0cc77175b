package org.yousaid.functions.officer.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.officer.TableAttacker;
import org.yousaid.reports.ReportBuilder;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.EhcStage;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.templates.ConsultationTemplates;

/**
 * Satisfaction along the national EHC journey, counted by the reports module, with every count
 * passed through the disclosure step: attacked by a reader who knows every total the page implies.
 */
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

  private static EhcStageStats.Stage stage(EhcStageStats.Summary s, String code) {
    return s.stages().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
  }

  @Test
  void theStagesAreTheNationalJourneyAndThePlanIssuedSplitReadsAsTheSeedDoes() {
    List<Response> responses = new ArrayList<>();
    // Leicestershire: 48% clear, 24% neither, 28% not clear, over 25 final plans, in one month.
    for (int i = 0; i < 25; i++) {
      responses.add(
          answer(
              EhcStage.FINAL_PLAN,
              "2026-10-10T10:00:00Z",
              i < 12 ? "clear" : i < 18 ? "neither" : "not-clear",
              i < 13 ? "yes" : "no"));
    }
    // The decision to assess, the assessment and the draft plan are all the "assessment" stage.
    for (EhcStage s :
        List.of(EhcStage.DECISION_TO_ASSESS, EhcStage.ASSESSMENT, EhcStage.DRAFT_PLAN)) {
      for (int i = 0; i < 4; i++) {
        responses.add(answer(s, "2026-10-11T10:00:00Z", "neither", "yes"));
      }
    }
    EhcStageStats.Summary summary = stats.of(SURVEY, responses, DateRange.ALL);
    assertEquals(37, summary.responses().shown());
    assertEquals(
        List.of("request", "assessment", "plan-issued", "annual-review", "phase-transfer"),
        summary.stages().stream().map(EhcStageStats.Stage::code).toList(),
        "the national stages, in journey order; no 'not said' row when everyone said");
    EhcStageStats.Stage plan = stage(summary, "plan-issued");
    assertEquals("Plan issued", plan.label());
    assertEquals(25, plan.responses().shown());
    EhcStageStats.QuestionSplit outcomes = plan.questions().get(0);
    assertEquals("48% clear / 24% neither clear nor not clear / 28% not clear", outcomes.summary());
    assertEquals(
        List.of(12, 6, 7), outcomes.options().stream().map(o -> o.count().shown()).toList());
    assertEquals(12, stage(summary, "assessment").responses().shown());
    assertEquals("0", stage(summary, "phase-transfer").responses().text(), "nobody is shown as 0");
  }

  @Test
  void noCountOfOneToFourIsShownAndNoneCanBeWorkedOutFromTheTotals() {
    List<Response> responses = new ArrayList<>();
    // A hurried officer's real month: many stages with 1 to 4 answers beside a big one.
    for (int i = 0; i < 30; i++) {
      responses.add(
          answer(
              EhcStage.FINAL_PLAN,
              "2026-09-1" + (i % 9) + "T10:00:00Z",
              i < 20 ? "clear" : "not-clear",
              null));
    }
    responses.add(answer(EhcStage.FINAL_PLAN, "2026-10-02T10:00:00Z", "neither", "no"));
    responses.add(answer(EhcStage.REQUEST, "2026-10-11T10:00:00Z", "not-clear", "no"));
    responses.add(answer(EhcStage.PHASE_TRANSFER, "2026-10-11T10:00:00Z", "clear", "yes"));
    responses.add(answer(EhcStage.PHASE_TRANSFER, "2026-09-11T10:00:00Z", "clear", "yes"));
    responses.add(answer(null, "2026-10-12T10:00:00Z", "clear", null));
    EhcStageStats.Summary summary = stats.of(SURVEY, responses, DateRange.ALL);
    assertNoSmallCountShownOrPinned(summary);
    EhcStageStats.Stage request = stage(summary, "request");
    assertEquals("fewer than 5", request.responses().text());
    assertTrue(
        request.questions().get(0).options().stream().allMatch(o -> o.percent() < 0),
        "no percentage of a hidden count");
    assertEquals("Stage not said", summary.stages().get(summary.stages().size() - 1).label());
  }

  @Test
  void randomSurveysNeverShowOrGiveAwayASmallCount() {
    Random random = new Random(16);
    EhcStage[] stages = EhcStage.values();
    String[] outcomes = {"clear", "neither", "not-clear"};
    for (int round = 0; round < 8; round++) {
      List<Response> responses = new ArrayList<>();
      int n = 5 + random.nextInt(60);
      for (int i = 0; i < n; i++) {
        responses.add(
            answer(
                random.nextInt(12) == 0 ? null : stages[random.nextInt(stages.length)],
                "2026-0" + (6 + random.nextInt(4)) + "-1" + random.nextInt(9) + "T10:00:00Z",
                outcomes[random.nextInt(3)],
                random.nextBoolean() ? "yes" : random.nextBoolean() ? "no" : null));
      }
      assertNoSmallCountShownOrPinned(stats.of(SURVEY, responses, DateRange.ALL));
    }
  }

  /** Reads the summary as the page shows it, and attacks it with every total the page implies. */
  static void assertNoSmallCountShownOrPinned(EhcStageStats.Summary summary) {
    TableAttacker reader = new TableAttacker();
    String all = reader.count("all", shown(summary.responses()));
    List<String> stageNames = new ArrayList<>();
    for (EhcStageStats.Stage s : summary.stages()) {
      String stage = reader.count(s.code(), shown(s.responses()));
      stageNames.add(stage);
      String headlineAnswered = null;
      List<String> headlineOptions = new ArrayList<>();
      for (EhcStageStats.QuestionSplit q : s.questions()) {
        String answered = reader.count(s.code() + ":" + q.questionId(), shown(q.answered()));
        reader.atMost(answered, stage);
        List<String> options = new ArrayList<>();
        for (EhcStageStats.OptionShare o : q.options()) {
          options.add(reader.count(answered + ":" + o.value(), shown(o.count())));
          if (o.count().hidden()) {
            assertTrue(o.percent() < 0, "no percentage beside a hidden count");
          }
        }
        reader.total(answered, options);
        if (headlineAnswered == null) {
          headlineAnswered = answered;
          headlineOptions = options;
        }
      }
      List<String> months = new ArrayList<>();
      List<String> monthAnswered = new ArrayList<>();
      List<List<String>> columns = new ArrayList<>();
      headlineOptions.forEach(o -> columns.add(new ArrayList<>()));
      for (EhcStageStats.MonthRow m : s.months()) {
        String month = reader.count(s.code() + ":" + m.month(), shown(m.responses()));
        months.add(month);
        String answered = reader.count(month + ":answered", shown(m.answered()));
        monthAnswered.add(answered);
        reader.atMost(answered, month);
        List<String> options = new ArrayList<>();
        for (int i = 0; i < m.options().size(); i++) {
          String o = reader.count(month + ":" + i, shown(m.options().get(i).count()));
          options.add(o);
          columns.get(i).add(o);
        }
        reader.total(answered, options);
      }
      if (!months.isEmpty()) {
        reader.total(stage, months);
        reader.total(headlineAnswered, monthAnswered);
        for (int i = 0; i < columns.size(); i++) {
          reader.total(headlineOptions.get(i), columns.get(i));
        }
      }
    }
    reader.total(all, stageNames);
    assertEquals(List.of(), reader.pinned(), "hidden counts a reader can work out");
  }

  private static int shown(EhcStageStats.Count c) {
    assertFalse(c.shown() > 0 && c.shown() < EhcStageStats.FEW, "a small count shown: " + c);
    return c.shown();
  }

  @Test
  void aDateFilterAndNoDataAreHandled() {
    List<Response> responses = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      responses.add(answer(EhcStage.DRAFT_PLAN, "2026-03-01T10:00:00Z", "clear", null));
      responses.add(answer(EhcStage.DRAFT_PLAN, "2026-05-01T10:00:00Z", "not-clear", null));
    }
    EhcStageStats.Summary may =
        stats.of(
            SURVEY,
            responses,
            DateRange.parse(Optional.of("2026-04-01"), Optional.of("2026-05-31")));
    assertEquals(6, may.responses().shown());
    EhcStageStats.Stage assessment = stage(may, "assessment");
    assertEquals(
        List.of("Apr 2026", "May 2026"),
        assessment.months().stream().map(EhcStageStats.MonthRow::label).toList(),
        "the trend covers the filter's months");
    assertEquals(
        "0% clear / 0% neither clear nor not clear / 100% not clear",
        assessment.questions().get(0).summary());

    EhcStageStats.Summary none = stats.of(SURVEY, List.of(), DateRange.ALL);
    assertTrue(none.isEmpty());
    assertEquals(5, none.stages().size(), "no 'stage not said' row when nobody skipped it");
    none.stages()
        .forEach(
            s -> {
              assertEquals(0, s.responses().shown());
              assertTrue(s.months().isEmpty());
              s.questions().forEach(q -> assertEquals("no answers", q.summary()));
            });
  }
}
