package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.officer.OfficerSession.Reply;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.themes.AnalysisStatus;
import org.yousaid.shared.themes.QuestionAnalysis;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * Asking for themes queues one job per free-text question (with the officer's number of themes, if
 * any); the page shows each question's state and, once the real worker has run, the themes in the
 * councils' format.
 */
@WithDynamoDb
class ThemesPageTest {

  private static final String THEMES =
      "/officer/councils/demo/consultations/local-offer-2026/themes";
  private static final String ANALYSIS =
      "/officer/councils/demo/consultations/local-offer-2026/analysis";

  private OfficerFixture fixture;
  private OfficerSession officer;

  @BeforeEach
  void setUp(DynamoTable table) {
    fixture = new OfficerFixture(table);
    officer = fixture.officer("themer@demo.example", "demo");
  }

  private QuestionAnalysis analysis(String question) {
    return fixture
        .services
        .analyses()
        .find("demo", "local-offer-2026", question)
        .orElseThrow(() -> new AssertionError(question + " has no analysis"));
  }

  @Test
  void beforeAnyAnalysisEveryFreeTextQuestionSaysSo() {
    fixture.answerLocalOffer(List.of("A search box, please"), true);
    Reply page = officer.get(THEMES);
    assertEquals(200, page.status(), page.body());
    assertTrue(page.body().contains("not analysed"));
    assertTrue(page.body().contains("1 answers."), "the one answer is counted");
    assertFalse(page.body().contains("Analysis is running"));
    assertTrue(page.body().contains("Find themes"), "the button to ask for themes");
  }

  @Test
  void askingQueuesOneJobPerFreeTextQuestionWithTheNumberOfThemes() {
    fixture.answerLocalOffer(List.of("A search box, please"), true);
    Reply asked = officer.postForm(ANALYSIS, "themeCount=+5+");
    assertEquals(303, asked.status(), asked.body());
    assertEquals(THEMES + "?done=analysis-queued", asked.header("Location").orElse(null));
    assertTrue(
        officer
            .get(asked.header("Location").orElseThrow())
            .body()
            .contains("Finding themes has started"),
        "a success banner says it is queued");
    List<JsonNode> jobs = fixture.analysisJobs.stream().map(ThemesPageTest::json).toList();
    Set<String> questions =
        jobs.stream().map(j -> j.get("questionId").asText()).collect(Collectors.toSet());
    assertEquals(jobs.size(), questions.size(), "one job per question");
    assertTrue(questions.contains("find-information"));
    assertFalse(questions.contains("format"), "choice questions are not themed");
    for (JsonNode job : jobs) {
      assertEquals("demo", job.get("council").asText());
      assertEquals("local-offer-2026", job.get("consultationId").asText());
      assertEquals(5, job.get("themeCount").asInt());
      QuestionAnalysis queued = analysis(job.get("questionId").asText());
      assertEquals(AnalysisStatus.QUEUED, queued.status());
      assertEquals(job.get("runId").asText(), queued.runId(), "the job names the run it starts");
    }
    assertTrue(officer.get(THEMES).body().contains("Analysis is running"));
  }

  @Test
  void leftEmptyTheEngineChoosesTheNumberOfThemes() {
    fixture.answerLocalOffer(List.of("A search box, please"), true);
    assertEquals(303, officer.postForm(ANALYSIS, "themeCount=").status());
    assertEquals(303, officer.postForm(ANALYSIS, "").status());
    assertFalse(fixture.analysisJobs.isEmpty());
    for (String job : fixture.analysisJobs) {
      assertTrue(json(job).get("themeCount").isNull(), job);
    }
  }

  @Test
  void withNoAnswersYetFindingThemesIsRefusedOnTheThemesPage() {
    Reply refused = officer.postForm(ANALYSIS, "themeCount=6");
    assertEquals(400, refused.status());
    assertTrue(refused.body().contains("govuk-error-summary"), refused.body());
    assertTrue(refused.body().contains("There are no answers to find themes in yet"));
    assertTrue(refused.body().contains("value=\"6\""), "the number typed is kept");
    assertEquals(List.of(), fixture.analysisJobs, "nothing was queued");
  }

  @Test
  void aNumberOfThemesOutsideTwoToFortyIsRefusedAndNothingIsQueued() {
    fixture.answerLocalOffer(List.of("A search box, please"), true);
    for (String count : List.of("1", "41", "ten", "2.5", "-3", "99999999999")) {
      Reply refused = officer.postForm(ANALYSIS, "themeCount=" + count);
      assertEquals(400, refused.status(), count);
      assertTrue(refused.body().contains("from 2 to 40"), count + ": " + refused.body());
      assertTrue(refused.body().contains("href=\"#themeCount\""), "the summary links the field");
      assertTrue(refused.body().contains("value=\"" + count + "\""), count + " is kept as typed");
    }
    assertEquals(List.of(), fixture.analysisJobs);
    assertTrue(
        fixture.services.analyses().find("demo", "local-offer-2026", "find-information").isEmpty(),
        "no run was started");
    assertEquals(303, officer.postForm(ANALYSIS, "themeCount=2").status(), "2 is allowed");
    assertEquals(303, officer.postForm(ANALYSIS, "themeCount=40").status(), "40 is allowed");
  }

  @Test
  void theWorkersThemesAreShownInTheCouncilsFormat() {
    fixture.answerAndAnalyse(officer);
    QuestionAnalysis done = analysis("find-information");
    assertEquals(AnalysisStatus.DONE, done.status(), String.valueOf(done.problem()));
    Reply page = officer.get(THEMES);
    assertEquals(200, page.status());
    String html = page.body();
    assertTrue(html.contains("other answers support this answer"), "the councils' own format");
    assertTrue(html.contains("36 answers."));
    assertFalse(html.contains("Analysis is running"));
    for (var theme : fixture.themes()) {
      assertTrue(
          html.contains(THEMES + "/find-information/" + theme.id()), "a link to " + theme.id());
    }
    assertTrue(html.contains("Key terms:") && html.contains("Sentiment:"));
    assertTrue(
        officer
            .get(THEMES + "?done=analysis-queued")
            .body()
            .contains("Finding themes has finished"),
        "once nothing is queued or running, the banner says the run finished");
  }

  @Test
  void eachThemeSaysWhatShareOfAnswersItSpeaksForAndWhetherTheyPraiseOrComplain() {
    fixture.answerAndAnalyse(officer);
    var stored = analysis("find-information").themes();
    String html = officer.get(THEMES).body();
    int described = 0;
    for (var t : stored) {
      if (t.description() == null) continue;
      described++;
      assertTrue(html.contains(escaped(t.description())), "themes page: " + t.description());
      String detail = officer.get(THEMES + "/find-information/" + t.id()).body();
      assertTrue(detail.contains(escaped(t.description())), "theme page: " + t.description());
    }
    assertTrue(described >= 2, "the engine describes its themes: " + stored);
    // the engine's sentence: a share in words with its 95% interval, and the answers' stance
    assertTrue(html.contains("95% interval"), html);
    assertTrue(
        html.matches("(?s).*(mostly praise|mostly complaint|mixed: |negative, ).*"),
        "a stance is described");

    // once an officer moves an answer, the counts in the sentence would be wrong: not shown
    var from = fixture.themes().stream().filter(t -> !t.other()).toList().get(0);
    var to = fixture.themes().stream().filter(t -> !t.other()).toList().get(1);
    String before =
        analysis("find-information").themes().stream()
            .filter(t -> t.id().equals(from.id()))
            .findFirst()
            .orElseThrow()
            .description();
    Reply moved =
        officer.postForm(
            THEMES + "/find-information/" + from.id(),
            "action=move&target=" + to.id() + "&answer=" + from.memberIds().get(0));
    assertEquals(303, moved.status(), moved.body());
    assertFalse(officer.get(THEMES).body().contains(escaped(before)), "stale description shown");
    assertFalse(
        officer.get(THEMES + "/find-information/" + from.id()).body().contains(escaped(before)));
  }

  private static String escaped(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  @Test
  void askingAgainKeepsTheLastThemesWhileTheNewRunIsQueued() {
    fixture.answerAndAnalyse(officer);
    var before = analysis("find-information").themes();
    assertFalse(before.isEmpty());
    assertEquals(303, officer.postForm(ANALYSIS, "").status());
    QuestionAnalysis queued = analysis("find-information");
    assertEquals(AnalysisStatus.QUEUED, queued.status());
    assertEquals(before, queued.themes(), "officers keep seeing the last themes meanwhile");
    assertNull(queued.problem());
  }

  @Test
  void anUnknownConsultationOrAnotherCouncilIsRefused() {
    assertEquals(404, officer.get("/officer/councils/demo/consultations/nope/themes").status());
    assertEquals(
        404, officer.postForm("/officer/councils/demo/consultations/nope/analysis", "").status());
    OfficerSession elsewhere = fixture.officer("x@elsewhere.example", "elsewhere");
    assertEquals(403, elsewhere.get(THEMES).status());
    assertEquals(403, elsewhere.postForm(ANALYSIS, "").status());
    assertEquals(List.of(), fixture.analysisJobs, "nothing was queued for them");
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError(text, e);
    }
  }
}
