package org.yousaid.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.storage.Storage;
import org.yousaid.shared.themes.AnalysisRepository;
import org.yousaid.shared.themes.AnalysisStatus;
import org.yousaid.shared.themes.AnalysisVersion;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.QuestionAnalysis;
import org.yousaid.shared.themes.StoredTheme;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * Each completed run is kept as a version, whole, however many answers it has (an item is at most
 * 400 KB), and without answer text.
 */
class AnalysisVersionsStorageTest {

  @WithDynamoDb DynamoTable table;

  private static QuestionAnalysis run(String runId, String basedOn, int answers) {
    return new QuestionAnalysis(
        "demo",
        "c1",
        "q1",
        runId,
        AnalysisStatus.DONE,
        "officer",
        Instant.EPOCH,
        Instant.EPOCH,
        answers,
        List.of(
            new StoredTheme(
                "t1", "Transport", "", List.of(), answers, 1, 0, 0, 0, null, 0, 0, false, false)),
        null,
        "01JBASELINE",
        basedOn);
  }

  @Test
  void aLargeRunIsKeptWholeAndVersionsListOldestFirst() {
    AnalysisRepository analyses =
        Storage.of(table.client(), table.name(), Clock.systemUTC()).analyses();
    List<AnswerAnalysis> answers = new ArrayList<>();
    for (int i = 0; i < 4500; i++) {
      answers.add(
          new AnswerAnalysis(
              String.format("01JRESPONSE%015d", i),
              "a long answer that must not be copied into the version " + i,
              "neutral",
              i % 3 == 0 ? List.of("t1", "t2") : List.of("t1"),
              null));
    }
    analyses.saveVersion(
        run("01JRUN0000000000000000002", "01JRUN0000000000000000001", 4500), answers);
    analyses.saveVersion(run("01JRUN0000000000000000001", null, 2), answers.subList(0, 2));

    assertEquals(
        List.of("01JRUN0000000000000000001", "01JRUN0000000000000000002"),
        analyses.versions("demo", "c1", "q1").stream().map(QuestionAnalysis::runId).toList());
    AnalysisVersion v =
        analyses.version("demo", "c1", "q1", "01JRUN0000000000000000002").orElseThrow();
    assertEquals(4500, v.memberships().size());
    assertEquals(List.of("t1", "t2"), v.memberships().get(String.format("01JRESPONSE%015d", 3)));
    assertEquals("01JBASELINE", v.analysis().baseline());
    assertEquals("01JRUN0000000000000000001", v.analysis().basedOnRunId());
    assertTrue(
        table.client().scan(b -> b.tableName(table.name())).items().stream()
            .filter(i -> i.get("sk").s().startsWith("AV"))
            .noneMatch(i -> i.toString().contains("must not be copied")),
        "a version holds ids, never answer text");
    assertTrue(analyses.version("demo", "c1", "q1", "01JNOSUCHRUN").isEmpty());
  }

  @Test
  void versionsExpireWithTheirLatestAnswerAndForgetAnErasedOne() {
    AnalysisRepository analyses =
        Storage.of(table.client(), table.name(), Clock.systemUTC()).analyses();
    String erased = "01JRESPONSEERASED000000001";
    String kept = "01JRESPONSEKEPT00000000002";
    List<AnswerAnalysis> answers =
        List.of(
            new AnswerAnalysis(erased, "riverside buses late", "negative", List.of("t1"), null),
            new AnswerAnalysis(kept, "the bus is late", "negative", List.of("t1"), null));
    QuestionAnalysis v1 =
        new QuestionAnalysis(
            "demo",
            "c1",
            "q1",
            "01JRUN0000000000000000001",
            AnalysisStatus.DONE,
            "officer",
            Instant.EPOCH,
            Instant.EPOCH,
            2,
            List.of(
                new StoredTheme(
                    "t1",
                    "Transport",
                    "",
                    List.of("riverside", "late"),
                    2,
                    1,
                    0,
                    0,
                    2,
                    erased,
                    1,
                    0,
                    false,
                    false)),
            null,
            null,
            null);
    analyses.saveVersion(
        v1, answers, java.util.Map.of(erased, 2_000_000_000L, kept, 2_100_000_000L));

    assertTrue(
        table.client().scan(b -> b.tableName(table.name())).items().stream()
            .filter(i -> i.get("sk").s().startsWith("AV"))
            .allMatch(i -> "2100000000".equals(i.get("ttl").n())),
        "every version item expires with the latest answer it records");

    analyses.forget("demo", "c1", "q1", erased, "Riverside buses late");

    AnalysisVersion after =
        analyses.version("demo", "c1", "q1", "01JRUN0000000000000000001").orElseThrow();
    assertEquals(java.util.Set.of(kept), after.memberships().keySet());
    StoredTheme theme = after.analysis().themes().get(0);
    assertEquals(null, theme.exemplarId(), "the erased answer is no version's exemplar");
    assertEquals(List.of(), theme.keyTerms(), "no key term from the erased answer stays");
    assertTrue(
        table.client().scan(b -> b.tableName(table.name())).items().stream()
            .filter(i -> i.get("sk").s().startsWith("AV"))
            .noneMatch(i -> i.toString().contains(erased) || i.toString().contains("riverside")),
        "no version item keeps the erased response id or its words");
    assertTrue(
        table.client().scan(b -> b.tableName(table.name())).items().stream()
            .filter(i -> i.get("sk").s().startsWith("AV"))
            .allMatch(i -> i.containsKey("ttl")),
        "rewritten items keep their expiry");
  }
}
