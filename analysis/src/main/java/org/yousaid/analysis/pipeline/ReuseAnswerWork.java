package org.yousaid.analysis.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yousaid.analysis.ThemeOptions;
import org.yousaid.analysis.nlp.AnnotatedText;
import org.yousaid.analysis.represent.SentenceEmbedder;
import org.yousaid.analysis.work.AnswerWork;
import org.yousaid.analysis.work.AnswerWorkCodec;
import org.yousaid.analysis.work.AnswerWorkStore;
import org.yousaid.analysis.work.StoredAnswerWork;

/**
 * A caching wrapper around the per-answer stages (normalise, language check, CoreNLP, redaction,
 * embedding): answers whose text was analysed before, by the same pipeline, take their language,
 * tokens and embedding from the {@link AnswerWorkStore}; only the others go through the stages,
 * each distinct text once. Redaction is redone for every answer from the stored tokens (it is
 * cheap, and the store then never needs the redacted text). Entries of answers that are gone from
 * the question are deleted.
 *
 * <p>An embedding is reused only if the redacted text it was made from is still the same and this
 * run puts that text in the same ONNX batch as the run that made it: the int8 model's vectors
 * depend slightly on which answers share a batch (cosine ≈ 0.995 between an answer embedded alone
 * and in a batch of 32), and the embedder's batches are content-defined ({@code EmbeddingBatches}),
 * so one answer more or less re-embeds only the batch it falls in, and every vector is the one a
 * run without the store computes, to the bit. A store of other runs' work ({@link
 * AnswerWorkStore#takesVectorsAsStored()}: the sharded reduce's sample) gives its vectors whatever
 * batch made them.
 */
public final class ReuseAnswerWork {
  /**
   * Part of every entry's key: bump it when a per-answer stage changes what it produces (CoreNLP or
   * its settings, the language check, the normaliser), so that older entries are not reused.
   */
  static final String VERSION = "1";

  /** The engine's per-answer stages, each timed under its usual name. */
  public interface Stages {
    /** Normalise, language check, CoreNLP and redaction. */
    void analyse(List<AnswerRecord> records);

    /** Redaction alone, of answers that have their tokens. */
    void redact(List<AnswerRecord> records);

    /**
     * The embeddings of all answers, with the vectors {@code kept} offers where their batch is the
     * same.
     */
    void embed(List<AnswerRecord> records, Function<AnswerRecord, SentenceEmbedder.Embedded> kept);
  }

  private final AnswerWorkStore store;
  private final String pipelineVersion;
  private final Stages stages;

  public ReuseAnswerWork(AnswerWorkStore store, ThemeOptions options, Stages stages) {
    this.store = store;
    this.pipelineVersion = pipelineVersion(options);
    this.stages = stages;
  }

  /** Everything that changes the per-answer work: the models and the settings that reach them. */
  static String pipelineVersion(ThemeOptions options) {
    return String.join(
        "|",
        VERSION,
        options.embedder().model().name(),
        Integer.toString(options.embedder().maxTokens()),
        Integer.toString(options.embedder().batchSize()),
        options.publishable() ? "ner" : "lemmas",
        options.languageCheck() ? "language" : "all-english");
  }

  public void apply(List<AnswerRecord> records, StageTimer timer) {
    String[] keys = new String[records.size()];
    Map<String, StoredAnswerWork> stored = timer.time("reuse", store::load);
    Map<String, StoredAnswerWork> byKey = new HashMap<>();
    stored.values().forEach(e -> byKey.putIfAbsent(e.key(), e));
    timer.run("normalise", () -> new Normalise().apply(records));

    List<AnswerRecord> reused = new ArrayList<>();
    Map<AnswerRecord, AnswerWork> reusedWork = new HashMap<>();
    timer.run(
        "reuse",
        () -> {
          // hashing and decoding are the per-answer part of a re-run: both cores share them
          AnswerWork[] works = new AnswerWork[records.size()];
          Map<String, String> lemmas = new java.util.concurrent.ConcurrentHashMap<>();
          records.parallelStream()
              .forEach(
                  r -> {
                    keys[r.index()] = AnswerWorkCodec.key(pipelineVersion, r.answer().text());
                    StoredAnswerWork own = stored.get(r.answer().id());
                    StoredAnswerWork entry =
                        own != null && own.key().equals(keys[r.index()])
                            ? own
                            : byKey.get(keys[r.index()]);
                    if (entry != null)
                      works[r.index()] = AnswerWorkCodec.decode(entry.work(), r.text(), lemmas);
                  });
          for (AnswerRecord r : records) {
            AnswerWork work = works[r.index()];
            if (work == null) continue;
            r.language(work.language());
            r.annotated(new AnnotatedText(r.text(), work.tokens()));
            reused.add(r);
            reusedWork.put(r, work);
          }
        });
    if (!reused.isEmpty()) stages.redact(reused);

    Set<AnswerRecord> fresh = new HashSet<>(records);
    reused.forEach(fresh::remove);
    analyseDistinct(records, keys, fresh);
    stages.embed(
        records,
        r -> {
          AnswerWork work = reusedWork.get(r);
          if (work == null
              || work.embedding() == null
              || !Arrays.equals(work.publishedDigest(), AnswerWorkCodec.sha256(r.publishedText())))
            return null;
          return new SentenceEmbedder.Embedded(
              work.embedding(),
              store.takesVectorsAsStored() ? SentenceEmbedder.ANY_BATCH : work.embeddingBatch(),
              work.embeddingInput());
        });

    timer.run(
        "reuse",
        () -> {
          List<StoredAnswerWork> changed = new ArrayList<>();
          Set<String> present = new HashSet<>();
          for (AnswerRecord r : records) {
            present.add(r.answer().id());
            StoredAnswerWork own = stored.get(r.answer().id());
            if (own != null
                && own.key().equals(keys[r.index()])
                && !fresh.contains(r)
                && sameVector(reusedWork.get(r), r)) continue;
            changed.add(new StoredAnswerWork(r.answer().id(), keys[r.index()], encode(r)));
          }
          List<String> gone = stored.keySet().stream().filter(id -> !present.contains(id)).toList();
          if (!gone.isEmpty()) store.delete(gone);
          if (!changed.isEmpty()) store.save(changed);
        });
  }

  /**
   * Runs the fresh stages once per distinct text among the given answers and copies the work to the
   * answers that share it. The stages see their own records, numbered from 0, as they expect.
   */
  private void analyseDistinct(List<AnswerRecord> records, String[] keys, Set<AnswerRecord> fresh) {
    Map<String, AnswerRecord> firstByKey = new LinkedHashMap<>();
    for (AnswerRecord r : records)
      if (fresh.contains(r)) firstByKey.putIfAbsent(keys[r.index()], r);
    List<AnswerRecord> distinct = new ArrayList<>(firstByKey.size());
    Map<String, AnswerRecord> analysedByKey = new HashMap<>();
    for (AnswerRecord r : firstByKey.values()) {
      AnswerRecord copy = new AnswerRecord(distinct.size(), r.answer());
      distinct.add(copy);
      analysedByKey.put(keys[r.index()], copy);
    }
    if (!distinct.isEmpty()) stages.analyse(distinct);
    for (AnswerRecord r : records) {
      if (!fresh.contains(r)) continue;
      AnswerRecord done = analysedByKey.get(keys[r.index()]);
      r.normalised(done.text(), done.nonAnswer());
      r.language(done.language());
      r.annotated(done.annotated());
      r.publishedText(done.publishedText());
      r.redactedSpans(done.redactedSpans());
    }
  }

  /**
   * Whether the kept work already holds the vector the run gave the answer (or neither has one).
   */
  private static boolean sameVector(AnswerWork kept, AnswerRecord r) {
    if (r.embedding() == null) return kept.embedding() == null;
    return kept.embeddingBatch() == r.embeddingBatch()
        && Arrays.equals(kept.embedding(), r.embedding());
  }

  private static byte[] encode(AnswerRecord r) {
    float[] v = r.embedding();
    return AnswerWorkCodec.encode(
        new AnswerWork(
            r.nonAnswer(),
            r.language(),
            r.annotated().tokens(),
            v == null ? null : AnswerWorkCodec.sha256(r.publishedText()),
            v,
            r.embeddingBatch(),
            r.embeddingInput()),
        r.text());
  }
}
