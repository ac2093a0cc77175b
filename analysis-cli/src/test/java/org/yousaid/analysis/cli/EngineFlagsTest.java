package org.yousaid.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.yousaid.analysis.ThemeOptions;
import org.yousaid.analysis.represent.EmbedderOptions;
import org.yousaid.analysis.represent.SentenceEmbedder;
import org.yousaid.analysis.theme.AutoKOptions;

class EngineFlagsTest {
  private static ThemeOptions parse(String... args) {
    Args a = new Args(args, 0);
    ThemeOptions o = EngineFlags.apply(a, ThemeOptions.defaults());
    a.rejectUnread();
    return o;
  }

  @Test
  void noOptionsMeansTheEngineDefaults() {
    assertEquals(ThemeOptions.defaults(), parse());
  }

  @Test
  void everyEngineSettingHasAnOption() {
    ThemeOptions o =
        parse(
            "--embedding-weight",
            "0.7",
            "--language-check",
            "false",
            "--autok-criterion",
            "merge",
            "--autok-sample",
            "800",
            "--autok-rounds",
            "5",
            "--autok-tau",
            "0.86",
            "--autok-debug",
            "--embedding-model",
            "minilm-l6-v2-q",
            "--embed-max-tokens",
            "64",
            "--embed-batch",
            "16",
            "--embed-workers",
            "3",
            "--embed-intra-threads",
            "2",
            "--embed-spin",
            "true");
    assertEquals(0.7, o.embeddingWeight());
    assertEquals(false, o.languageCheck());
    assertEquals(new AutoKOptions(AutoKOptions.Criterion.MERGE, 800, 5, 0.86, true), o.autoK());
    assertEquals(
        new EmbedderOptions(SentenceEmbedder.Model.MINILM_L6_V2_Q, 64, 16, 3, 2, true),
        o.embedder());
    assertEquals(
        ThemeOptions.defaults().withK(4).withSeed(9).withLanguageCheck(false),
        EngineFlags.apply(
            new Args(new String[] {"--language-check", "false"}, 0),
            ThemeOptions.defaults().withK(4).withSeed(9)),
        "the run's own options are kept");
  }

  @Test
  void aMistypedOrImpossibleSettingStopsTheCommand() {
    IllegalArgumentException typo =
        assertThrows(IllegalArgumentException.class, () -> parse("--autok-critrion", "MERGE"));
    assertTrue(typo.getMessage().contains("--autok-critrion"), typo.getMessage());
    assertThrows(IllegalArgumentException.class, () -> parse("--language-check", "maybe"));
    assertThrows(IllegalArgumentException.class, () -> parse("--autok-rounds", "0"));
    assertThrows(IllegalArgumentException.class, () -> parse("--embedding-weight", "1.5"));
    assertThrows(IllegalArgumentException.class, () -> parse("--autok-criterion", "elbow"));
    assertThrows(IllegalArgumentException.class, () -> parse("--embed-batch", "0"));
  }

  @Test
  void aBenchmarkWithAMistypedOptionFailsBeforeItRuns() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Benchmarks.run(
                    new String[] {
                      "bench", "quality", "--data-dir", "/nonexistent", "--no-autok", "--seeds", "1"
                    }));
    assertTrue(e.getMessage().contains("--no-autok"), e.getMessage());
  }
}
