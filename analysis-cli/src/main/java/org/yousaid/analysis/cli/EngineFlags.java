package org.yousaid.analysis.cli;

import java.util.Locale;
import org.yousaid.analysis.ThemeOptions;
import org.yousaid.analysis.represent.EmbedderOptions;
import org.yousaid.analysis.represent.EmbeddingBatches;
import org.yousaid.analysis.represent.SentenceEmbedder;
import org.yousaid.analysis.theme.AutoKOptions;

/**
 * The engine's settings as command-line options, for the commands that theme or embed ({@code
 * theme}, {@code eval}, {@code bench}, {@code train-sentiment}). Each option left out keeps its
 * {@link ThemeOptions} default; analysis/README.md lists them.
 */
final class EngineFlags {
  private EngineFlags() {}

  /** The given options with every engine setting named on the command line applied. */
  static ThemeOptions apply(Args a, ThemeOptions base) {
    ThemeOptions o = base;
    if (a.has("embedding-weight"))
      o = o.withEmbeddingWeight(Double.parseDouble(a.get("embedding-weight", null)));
    if (a.has("language-check")) o = o.withLanguageCheck(a.flag("language-check"));
    AutoKOptions k = o.autoK();
    if (a.has("autok-criterion"))
      k = k.withCriterion(named(AutoKOptions.Criterion.class, a.get("autok-criterion", null)));
    if (a.has("autok-sample")) k = k.withSampleSize(a.integer("autok-sample"));
    if (a.has("autok-rounds")) k = k.withRounds(a.integer("autok-rounds"));
    if (a.has("autok-tau")) k = k.withMergeSimilarity(Double.parseDouble(a.get("autok-tau", null)));
    if (a.has("autok-debug")) k = k.withDebug(a.flag("autok-debug"));
    return o.withAutoK(k).withEmbedder(embedder(a, o.embedder()));
  }

  /** The embedding model and how it runs, from the given settings. */
  static EmbedderOptions embedder(Args a, EmbedderOptions base) {
    EmbedderOptions e = base;
    if (a.has("embedding-model"))
      e = e.withModel(named(SentenceEmbedder.Model.class, a.get("embedding-model", null)));
    if (a.has("embed-max-tokens")) e = e.withMaxTokens(a.integer("embed-max-tokens"));
    if (a.has("embed-batch")) e = e.withBatchSize(a.integer("embed-batch"));
    if (a.has("embed-workers")) e = e.withWorkers(a.integer("embed-workers"));
    if (a.has("embed-intra-threads")) e = e.withIntraOpThreads(a.integer("embed-intra-threads"));
    if (a.has("embed-spin")) e = e.withAllowSpinning(a.flag("embed-spin"));
    if (a.has("embed-batching"))
      e = e.withBatching(named(EmbeddingBatches.Batching.class, a.get("embed-batching", null)));
    return e;
  }

  /** "bagged-silhouette" or BAGGED_SILHOUETTE. */
  private static <E extends Enum<E>> E named(Class<E> type, String name) {
    return Enum.valueOf(type, name.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
