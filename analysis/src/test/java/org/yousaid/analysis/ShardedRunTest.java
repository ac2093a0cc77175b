package org.yousaid.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yousaid.analysis.sharded.DirectoryObjectStore;
import org.yousaid.analysis.sharded.ShardExecutor;
import org.yousaid.analysis.sharded.ShardLayout;
import org.yousaid.analysis.sharded.ShardReducer;
import org.yousaid.analysis.sharded.ShardedTheming;

/**
 * The sharded path's map step fails as Lambda functions do, and the run copes as the state
 * machine's Retry and ToleratedFailurePercentage say: a shard that throws once is retried and the
 * run's result is the same as a run without the failure; a shard that always fails is left out
 * within the tolerated share, and stops the run beyond it.
 */
class ShardedRunTest {
  private static ThemingEngine engine;
  private static final ShardExecutor.RetryPolicy FAST = new ShardExecutor.RetryPolicy(2, 10, 2.0);

  @BeforeAll
  static void load() {
    engine = new ThemingEngine();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  private static ShardedTheming sharded(
      Path dir, double tolerated, ShardedTheming.ShardFault fault) {
    return new ShardedTheming(
        engine,
        new DirectoryObjectStore(dir),
        10,
        new ShardReducer(engine, ShardReducer.DEFAULT_SAMPLE_SIZE),
        new ShardExecutor(FAST, tolerated, 1),
        fault);
  }

  @Test
  void aShardThatFailsOnItsFirstAttemptIsRetriedAndTheRunGivesTheSameThemes(@TempDir Path dir)
      throws Exception {
    List<Answer> answers = TestData.respiteAnswers();
    ShardLayout layout = ShardLayout.forRun("demo", "c1", "q1", "run-1");
    ShardedTheming.Run clean =
        sharded(dir, 0, ShardedTheming.ShardFault.NONE)
            .theme(layout, answers, ThemeOptions.defaults());
    ShardedTheming.Run retried =
        sharded(
                dir,
                0,
                (shard, attempt) -> {
                  if (shard == 1 && attempt == 1)
                    throw new IllegalStateException("Lambda timed out (simulated)");
                })
            .theme(layout, answers, ThemeOptions.defaults());

    int shards = (answers.size() + 9) / 10;
    assertEquals(shards, clean.shards().attempts());
    assertEquals(shards + 1, retried.shards().attempts(), "shard 1 ran twice");
    assertEquals(List.of(), retried.shards().failedShards());
    assertEquals(List.of(), retried.reduced().missingShards());
    assertEquals(answers.size(), retried.reduced().result().answers().size());
    assertEquals(summary(clean.reduced().result()), summary(retried.reduced().result()));
    // the shards embedded every answer in batches of their own; the reduce takes those vectors
    // (the engine times "embeddings" only when the model runs)
    assertFalse(
        clean.reduced().result().stageSeconds().containsKey("embeddings"),
        "stages: " + clean.reduced().result().stageSeconds());
    try (var left = Files.walk(dir)) {
      assertEquals(1, left.count(), "a finished run deletes its shards and their work");
    }
  }

  @Test
  void aShardThatAlwaysFailsIsLeftOutWithinTheToleratedShareAndStopsTheRunBeyondIt(
      @TempDir Path dir) {
    List<Answer> answers = TestData.respiteAnswers();
    ShardLayout layout = ShardLayout.forRun("demo", "c1", "q1", "run-2");
    ShardedTheming.ShardFault shardTwoIsBroken =
        (shard, attempt) -> {
          if (shard == 2) throw new IllegalStateException("out of memory (simulated)");
        };
    ShardedTheming.Run run =
        sharded(dir, 25, shardTwoIsBroken).theme(layout, answers, ThemeOptions.defaults());
    assertEquals(List.of(2), run.shards().failedShards());
    assertEquals(List.of(2), run.reduced().missingShards());
    assertEquals(10, run.reduced().unanalysed());
    Set<String> lost = answers.subList(20, 30).stream().map(Answer::id).collect(Collectors.toSet());
    assertTrue(
        run.reduced().result().answers().stream().noneMatch(a -> lost.contains(a.id())),
        "the failed shard's answers are not in the result");
    assertEquals(answers.size() - 10, run.reduced().result().answers().size());

    assertThrows(
        ShardExecutor.TooManyShardsFailed.class,
        () -> sharded(dir, 20, shardTwoIsBroken).theme(layout, answers, ThemeOptions.defaults()));
  }

  /** Labels with their members, and every answer's redacted text, sentiment and themes. */
  private static String summary(ThemeResult r) {
    return r.themes().stream()
            .map(t -> t.label() + "=" + t.memberIds())
            .sorted()
            .collect(Collectors.joining("\n"))
        + r.answers().stream()
            .map(a -> a.id() + "|" + a.redactedText() + "|" + a.sentiment() + "|" + a.themes())
            .collect(Collectors.joining("\n"));
  }
}
