package org.yousaid.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yousaid.analysis.AnalysedAnswer;
import org.yousaid.analysis.Answer;
import org.yousaid.analysis.Theme;
import org.yousaid.analysis.ThemeOptions;
import org.yousaid.analysis.ThemeResult;
import org.yousaid.analysis.ThemingEngine;
import org.yousaid.analysis.sharded.DirectoryObjectStore;
import org.yousaid.analysis.sharded.ShardExecutor;
import org.yousaid.analysis.sharded.ShardLayout;
import org.yousaid.analysis.sharded.ShardReducer;
import org.yousaid.analysis.sharded.ShardedTheming;

/**
 * 2,000 varied answers (SEND-parent templates and real patient-feedback comments) through the
 * sharded path as local mode runs it, shards of 400 and a reduce that themes a sample of 1,000 and
 * places the other 1,000, against {@code ThemingEngine.theme} over all 2,000 at once (the path
 * below the sharding threshold; both use the engine's consensus discovery at this size).
 *
 * <p>How they differ, and why: the per-answer results (redacted text, non-answers, language) are
 * the same answer by answer; sentiment may differ for an answer on the classifier's boundary,
 * because the int8 embedder's vectors move slightly with the other answers in their batch (shards
 * make other batches); and the themes are found on half the answers, then the other half join the
 * nearest theme centre, so the theme count and the borders between themes may move. The test holds
 * the agreement to what was measured (docs/benchmarks.md, "Sharded analysis").
 *
 * <p>Tagged slow (about 45 s; {@code bin/test-slow}) to keep the default suite near 15 minutes: the
 * sharded path's handlers, retries and equality with the worker stay in the default suite
 * (ShardedAnalysisHandlersTest, ShardedRunTest).
 */
@org.junit.jupiter.api.Tag("slow")
class ShardedPathTest {
  static Path datasets() {
    Path root = Path.of(System.getProperty("yousaid.repo.root", ".."));
    Path data = root.resolve("../shared/datasets").normalize();
    assertTrue(
        Files.isRegularFile(data.resolve("pxt-phase1/text_data.csv")),
        "the public datasets are beside the checkout: " + data.toAbsolutePath());
    return data;
  }

  @Test
  void twoThousandAnswersThroughShardsGiveTheThemesOfTheInProcessRun(@TempDir Path dir) {
    VariedAnswers varied = new VariedAnswers(2000, 11, datasets());
    List<Answer> all = varied.toList();
    try (ThemingEngine engine = new ThemingEngine()) {
      ThemeResult whole = engine.theme(all, ThemeOptions.defaults());
      ShardedTheming.Run run =
          new ShardedTheming(
                  engine,
                  new DirectoryObjectStore(dir),
                  400,
                  new ShardReducer(engine, 1000),
                  new ShardExecutor(ShardExecutor.RetryPolicy.defaults(), 0, 1))
              .theme(
                  ShardLayout.forRun("demo", "big", "q1", "r1"), varied, ThemeOptions.defaults());
      ThemeResult sharded = run.reduced().result();
      assertEquals(5, run.shardStats().size());
      assertEquals(1000, run.reduced().sampled());

      // Every answer once, in the answers' order, with the same per-answer results.
      assertEquals(all.stream().map(Answer::id).toList(), ids(sharded));
      int sentimentDiffers = 0;
      Map<String, AnalysedAnswer> inProcess = new HashMap<>();
      whole.answers().forEach(a -> inProcess.put(a.id(), a));
      for (AnalysedAnswer a : sharded.answers()) {
        AnalysedAnswer b = inProcess.get(a.id());
        assertEquals(b.redactedText(), a.redactedText(), a.id());
        assertEquals(b.nonAnswer(), a.nonAnswer(), a.id());
        assertEquals(b.language(), a.language(), a.id());
        if (a.sentiment() != b.sentiment()) sentimentDiffers++;
      }
      ThemeAgreement agreement = ThemeAgreement.of(sharded, whole);
      System.err.printf(
          "sharded vs in-process: themes %d vs %d, ARI %.3f, matched %.3f, sentiment differs %d%n",
          sharded.chosenK(),
          whole.chosenK(),
          agreement.adjustedRand(),
          agreement.matched(),
          sentimentDiffers);
      // Two in-process runs over the same 1,000 answers in another order (other batches) differed
      // on 37 sentiments (3.7%, docs/benchmarks.md); the shards' batches are another such order.
      assertTrue(sentimentDiffers <= 100, sentimentDiffers + " of 2,000 sentiments differ");

      // Each theme's numbers are counted over every answer, not the sample.
      for (Theme t : sharded.themes()) {
        assertEquals(t.memberIds().size(), t.count(), t.label());
        assertEquals(t.count() - 1, t.othersSupport(), t.label());
        long members =
            sharded.answers().stream()
                .filter(a -> a.themes().stream().anyMatch(m -> m.themeId().equals(t.id())))
                .count();
        assertEquals(members, t.count(), t.label());
        assertTrue(t.description().contains(" of " + answered(sharded) + ","), t.description());
        assertTrue(
            t.memberIds().contains(t.exemplarId()), t.label() + ": its exemplar is a member");
      }

      assertTrue(
          Math.abs(sharded.chosenK() - whole.chosenK()) <= 2,
          sharded.chosenK() + " themes vs " + whole.chosenK());
      // Measured: 10 themes each, ARI 0.648, matched 0.860 (two in-process runs whose batches
      // differ matched 0.869 at 1,000 answers); a placement by chance would give an ARI near 0.
      assertTrue(agreement.adjustedRand() >= 0.5, "ARI " + agreement.adjustedRand());
      assertTrue(agreement.matched() >= 0.75, "matched " + agreement.matched());
    }
  }

  private static long answered(ThemeResult r) {
    return r.answers().stream().filter(a -> !a.nonAnswer()).count();
  }

  private static List<String> ids(ThemeResult r) {
    return r.answers().stream().map(AnalysedAnswer::id).toList();
  }
}
