package org.yousaid.analysis.represent;

/**
 * How a {@link SentenceEmbedder} is built and run. The defaults are what the benchmarks were
 * measured with (docs/benchmarks.md); the rest exist to compare alternatives.
 *
 * @param model which ONNX model (only the default is a runtime dependency; the MiniLM jars must be
 *     put on the classpath to use theirs)
 * @param maxTokens answers are truncated to this many word pieces; long answers keep their opening,
 *     which carries the point
 * @param batchSize answers per ONNX call: the target of content-defined batches (at most twice
 *     that), or the size of fixed ones (the int8 model's dynamic quantisation makes vectors depend
 *     slightly on a batch's contents, so this is part of the model's behaviour)
 * @param workers batches run on this many threads at once
 * @param intraOpThreads threads inside each ONNX call
 * @param allowSpinning let idle ONNX threads spin (burns a core that CoreNLP or another job could
 *     use)
 * @param batching how answers are grouped into ONNX calls ({@link EmbeddingBatches})
 */
public record EmbedderOptions(
    SentenceEmbedder.Model model,
    int maxTokens,
    int batchSize,
    int workers,
    int intraOpThreads,
    boolean allowSpinning,
    EmbeddingBatches.Batching batching) {

  public EmbedderOptions {
    if (model == null || batching == null)
      throw new IllegalArgumentException("model and batching are required");
    if (maxTokens < 1 || batchSize < 1 || workers < 1 || intraOpThreads < 1)
      throw new IllegalArgumentException(
          "maxTokens, batchSize, workers and intraOpThreads must be at least 1");
  }

  /** With content-defined batches within a length, the default. */
  public EmbedderOptions(
      SentenceEmbedder.Model model,
      int maxTokens,
      int batchSize,
      int workers,
      int intraOpThreads,
      boolean allowSpinning) {
    this(
        model,
        maxTokens,
        batchSize,
        workers,
        intraOpThreads,
        allowSpinning,
        EmbeddingBatches.Batching.CONTENT_BY_LENGTH);
  }

  /**
   * BGE-small-en-v1.5 (int8), 128 word pieces, content-defined batches of at most 64 answers of one
   * length, one single-threaded ONNX call per core at a time: on 2 cores two concurrent
   * single-threaded calls keep both cores busier than one call split across two threads (small
   * matrices, short sequences: intra-op parallelism spends much of its time waiting at barriers).
   */
  public static EmbedderOptions defaults() {
    return new EmbedderOptions(
        SentenceEmbedder.Model.BGE_SMALL_EN_V15_Q,
        128,
        32,
        Math.max(1, Runtime.getRuntime().availableProcessors()),
        1,
        false);
  }

  public EmbedderOptions withModel(SentenceEmbedder.Model m) {
    return new EmbedderOptions(
        m, maxTokens, batchSize, workers, intraOpThreads, allowSpinning, batching);
  }

  public EmbedderOptions withMaxTokens(int n) {
    return new EmbedderOptions(
        model, n, batchSize, workers, intraOpThreads, allowSpinning, batching);
  }

  public EmbedderOptions withBatchSize(int n) {
    return new EmbedderOptions(
        model, maxTokens, n, workers, intraOpThreads, allowSpinning, batching);
  }

  public EmbedderOptions withWorkers(int n) {
    return new EmbedderOptions(
        model, maxTokens, batchSize, n, intraOpThreads, allowSpinning, batching);
  }

  public EmbedderOptions withIntraOpThreads(int n) {
    return new EmbedderOptions(model, maxTokens, batchSize, workers, n, allowSpinning, batching);
  }

  public EmbedderOptions withAllowSpinning(boolean on) {
    return new EmbedderOptions(model, maxTokens, batchSize, workers, intraOpThreads, on, batching);
  }

  public EmbedderOptions withBatching(EmbeddingBatches.Batching b) {
    return new EmbedderOptions(
        model, maxTokens, batchSize, workers, intraOpThreads, allowSpinning, b);
  }
}
