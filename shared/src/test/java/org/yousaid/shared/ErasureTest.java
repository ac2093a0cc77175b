package org.yousaid.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.storage.Storage;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.themes.AnalysisRepository;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What analysis keeps of an answer (its redacted text) goes when the answer goes: erased by
 * receipt, or expired by TTL.
 */
class ErasureTest {

  @WithDynamoDb DynamoTable table;
  ResponseRepository responses;
  AnalysisRepository analyses;

  @BeforeEach
  void setUp() {
    Storage storage = Storage.of(table.client(), table.name(), Clock.systemUTC());
    responses = storage.responses();
    analyses = storage.analyses();
  }

  private Response response(String id, String receipt, long expiresAt) {
    return new Response(
        id,
        "demo",
        "c1",
        Instant.parse("2026-11-01T10:00:00Z"),
        Channel.WEB,
        List.of(Answer.text("q1", "Answer one " + id), Answer.text("q2", "Answer two " + id)),
        new RespondentProfile(null, null, List.of(), null, null),
        true,
        receipt,
        expiresAt,
        null);
  }

  private Map<String, AttributeValue> item(String sk) {
    return table
        .client()
        .getItem(
            b ->
                b.tableName(table.name())
                    .consistentRead(true)
                    .key(
                        Map.of(
                            TableLayout.PK,
                            AttributeValue.fromS(TableLayout.consultationPk("demo", "c1")),
                            TableLayout.SK,
                            AttributeValue.fromS(sk))))
        .item();
  }

  @Test
  void erasingByReceiptRemovesTheAnswersAnalysesTooAndLeavesOthersAlone() {
    responses.insert(response("r1", "RCPT-1", 2_000_000_000L), Optional.empty());
    responses.insert(response("r2", "RCPT-2", 2_000_000_000L), Optional.empty());
    for (String q : List.of("q1", "q2")) {
      analyses.replaceAnswers(
          "demo",
          "c1",
          q,
          List.of(
              new AnswerAnalysis("r1", "redacted r1", "neutral", List.of("t1"), null),
              new AnswerAnalysis("r2", "redacted r2", "neutral", List.of("t1"), null)),
          Map.of("r1", 2_000_000_000L, "r2", 2_000_000_000L));
    }
    assertEquals(
        "2000000000",
        item(TableLayout.answerAnalysisSk("q1", "r1")).get(TableLayout.TTL).n(),
        "an analysis expires with its answer");

    assertTrue(responses.eraseByReceipt("RCPT-1"));
    assertTrue(responses.findByReceipt("RCPT-1").isEmpty());
    for (String q : List.of("q1", "q2")) {
      assertTrue(
          item(TableLayout.answerAnalysisSk(q, "r1")).isEmpty(),
          "r1's analysis of " + q + " is erased");
      assertFalse(item(TableLayout.answerAnalysisSk(q, "r2")).isEmpty(), "r2's is kept");
    }
    assertEquals(
        List.of("r2"),
        analyses.answers("demo", "c1", "q1").stream().map(AnswerAnalysis::responseId).toList());
    assertFalse(responses.eraseByReceipt("RCPT-1"), "a second erasure finds nothing");
  }

  @Test
  void erasingAnAnswerThatWasNeverAnalysedWorks() {
    responses.insert(response("r3", "RCPT-3", 2_000_000_000L), Optional.empty());
    assertTrue(responses.eraseByReceipt("RCPT-3"));
    assertTrue(responses.find("demo", "c1", "r3").isEmpty());
  }

  /**
   * The race the issue found: an analysis run read the answers, the respondent erased theirs, and
   * the run then wrote its results. The erased answer's analysis must not come back, and the
   * question's record keeps no exemplar or key term taken from it.
   */
  @Test
  void anAnalysisFinishingAfterAnErasureCannotWriteTheErasedAnswerBack() {
    responses.insert(response("race1", "RCPT-R1", 2_000_000_000L), Optional.empty());
    responses.insert(response("race2", "RCPT-R2", 2_000_000_000L), Optional.empty());
    analyses.saveStatus(
        new org.yousaid.shared.themes.QuestionAnalysis(
            "demo",
            "c1",
            "q1",
            "run1",
            org.yousaid.shared.themes.AnalysisStatus.DONE,
            "officer",
            Instant.parse("2026-11-01T10:00:00Z"),
            Instant.parse("2026-11-01T10:01:00Z"),
            2,
            List.of(
                new org.yousaid.shared.themes.StoredTheme(
                    "t1",
                    "Answers",
                    "",
                    List.of("one race1", "parking"),
                    2,
                    1.0,
                    0,
                    2,
                    0,
                    "race1",
                    1,
                    0,
                    false)),
            null));
    // The run read r1 and r2, then r1 is erased before it writes.
    List<AnswerAnalysis> computed =
        List.of(
            new AnswerAnalysis("race1", "redacted race1", "neutral", List.of("t1"), null),
            new AnswerAnalysis("race2", "redacted race2", "neutral", List.of("t1"), null));
    assertTrue(responses.eraseByReceipt("RCPT-R1"));
    java.util.Set<String> written = analyses.replaceAnswers("demo", "c1", "q1", computed, Map.of());

    assertEquals(java.util.Set.of("race2"), written, "the run learns race1 was erased");
    assertTrue(
        item(TableLayout.answerAnalysisSk("q1", "race1")).isEmpty(), "r1 is not written back");
    assertFalse(item(TableLayout.answerAnalysisSk("q1", "race2")).isEmpty());
    var theme = analyses.find("demo", "c1", "q1").orElseThrow().themes().get(0);
    assertEquals(null, theme.exemplarId(), "the erased answer is no theme's exemplar");
    assertEquals(
        List.of("parking"),
        theme.keyTerms(),
        "a key term found in the erased answer's text is gone; others stay");
  }
}
