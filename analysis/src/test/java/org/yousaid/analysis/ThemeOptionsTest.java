package org.yousaid.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.represent.EmbedderOptions;
import org.yousaid.analysis.represent.SentenceEmbedder;
import org.yousaid.analysis.theme.AutoKOptions;

class ThemeOptionsTest {
  @Test
  void defaultsAreTheSettingsTheBenchmarksWereMeasuredWith() {
    ThemeOptions o = ThemeOptions.defaults();
    assertEquals(null, o.fixedK());
    assertEquals(30, o.maxK());
    assertEquals(true, o.publishable());
    assertEquals(42L, o.seed());
    assertEquals(true, o.languageCheck());
    assertEquals(0.85, o.embeddingWeight());
    assertEquals(
        new AutoKOptions(AutoKOptions.Criterion.BAGGED_SILHOUETTE, 1500, 3, 0.9, false), o.autoK());
    assertEquals(
        new EmbedderOptions(
            SentenceEmbedder.Model.BGE_SMALL_EN_V15_Q,
            128,
            32,
            Runtime.getRuntime().availableProcessors(),
            1,
            false),
        o.embedder());
    assertEquals(
        o,
        new ThemeOptions(null, 30, List.of(), List.of(), true, 42L),
        "the short constructor leaves the engine settings at their defaults");
  }

  @Test
  void eachWitherChangesItsOwnSettingAndNothingElse() {
    ThemeOptions d = ThemeOptions.defaults();
    AutoKOptions merge = d.autoK().withCriterion(AutoKOptions.Criterion.MERGE);
    EmbedderOptions batch8 = d.embedder().withBatchSize(8);
    List<CodeframeTheme> codes = List.of(CodeframeTheme.named("Transport"));
    List<PreviousTheme> previous = List.of(new PreviousTheme("T1", "x", List.of(), List.of()));
    assertEquals(canonical(d, 5, 30, List.of(), List.of(), true, 42, true, 0.85), d.withK(5));
    assertEquals(canonical(d, null, 9, List.of(), List.of(), true, 42, true, 0.85), d.withMaxK(9));
    assertEquals(
        canonical(d, null, 30, codes, List.of(), true, 42, true, 0.85), d.withCodeframe(codes));
    assertEquals(
        canonical(d, null, 30, List.of(), previous, true, 42, true, 0.85),
        d.withPreviousThemes(previous));
    assertEquals(canonical(d, null, 30, List.of(), List.of(), true, 7, true, 0.85), d.withSeed(7));
    assertEquals(
        canonical(d, null, 30, List.of(), List.of(), false, 42, true, 0.85), d.themingOnly());
    assertEquals(
        canonical(d, null, 30, List.of(), List.of(), true, 42, false, 0.85),
        d.withLanguageCheck(false));
    assertEquals(
        canonical(d, null, 30, List.of(), List.of(), true, 42, true, 0.5),
        d.withEmbeddingWeight(0.5));
    assertEquals(merge, d.withAutoK(merge).autoK());
    assertEquals(d.withAutoK(merge).withAutoK(d.autoK()), d);
    assertEquals(batch8, d.withEmbedder(batch8).embedder());
    assertEquals(d.withEmbedder(batch8).withEmbedder(d.embedder()), d);
    assertEquals(5, d.withK(5).withSeed(3).withEmbeddingWeight(0.1).fixedK(), "withers chain");
  }

  private static ThemeOptions canonical(
      ThemeOptions d,
      Integer k,
      int maxK,
      List<CodeframeTheme> codes,
      List<PreviousTheme> previous,
      boolean publishable,
      long seed,
      boolean languageCheck,
      double weight) {
    return new ThemeOptions(
        k,
        maxK,
        codes,
        previous,
        publishable,
        seed,
        languageCheck,
        weight,
        d.autoK(),
        d.embedder());
  }

  @Test
  void settingsThatCannotWorkAreRefusedWhenMade() {
    ThemeOptions d = ThemeOptions.defaults();
    for (double w : new double[] {-0.01, 1.01, Double.NaN})
      assertThrows(IllegalArgumentException.class, () -> d.withEmbeddingWeight(w), "weight " + w);
    assertThrows(IllegalArgumentException.class, () -> d.withAutoK(null));
    assertThrows(IllegalArgumentException.class, () -> d.withEmbedder(null));
    AutoKOptions k = AutoKOptions.defaults();
    assertThrows(IllegalArgumentException.class, () -> k.withRounds(0));
    assertThrows(IllegalArgumentException.class, () -> k.withSampleSize(1));
    assertThrows(IllegalArgumentException.class, () -> k.withMergeSimilarity(1.5));
    assertThrows(IllegalArgumentException.class, () -> k.withCriterion(null));
    EmbedderOptions e = EmbedderOptions.defaults();
    assertThrows(IllegalArgumentException.class, () -> e.withBatchSize(0));
    assertThrows(IllegalArgumentException.class, () -> e.withMaxTokens(0));
    assertThrows(IllegalArgumentException.class, () -> e.withWorkers(0));
    assertThrows(IllegalArgumentException.class, () -> e.withIntraOpThreads(0));
    assertThrows(IllegalArgumentException.class, () -> e.withModel(null));
  }
}
