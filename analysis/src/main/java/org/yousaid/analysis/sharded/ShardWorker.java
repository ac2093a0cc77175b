package org.yousaid.analysis.sharded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yousaid.analysis.Answer;
import org.yousaid.analysis.PreparedAnswer;
import org.yousaid.analysis.ThemeOptions;
import org.yousaid.analysis.ThemingEngine;
import org.yousaid.analysis.work.InMemoryAnswerWorkStore;
import org.yousaid.analysis.work.StoredAnswerWork;

/**
 * The map step: one shard's per-answer work (normalise, language check, CoreNLP, redaction,
 * embedding, sentiment) through the engine's own stages, written beside the shard. Writing the same
 * shard again replaces its result, so a retried shard is safe.
 */
public final class ShardWorker {
  /** What one shard took: for the benchmarks and the handler's metrics (no answer content). */
  public record ShardStats(int shard, int answers, double seconds) {}

  private final ThemingEngine engine;
  private final ThemeOptions options;

  public ShardWorker(ThemingEngine engine, ThemeOptions options) {
    this.engine = engine;
    this.options = options;
  }

  public ShardStats run(ObjectStore store, ShardLayout layout, int shard) {
    long start = System.nanoTime();
    byte[] input =
        store
            .get(layout.input(shard))
            .orElseThrow(() -> new IllegalArgumentException("no such shard: " + shard));
    List<Answer> answers = new ArrayList<>();
    for (ShardFormat.InputLine line : ShardFormat.read(input, ShardFormat.InputLine.class))
      answers.add(new Answer(line.id(), line.text(), line.consent()));
    InMemoryAnswerWorkStore kept = new InMemoryAnswerWorkStore();
    List<PreparedAnswer> prepared = engine.prepare(answers, options, kept);
    Map<String, StoredAnswerWork> work = kept.load();
    List<ShardFormat.WorkLine> lines = new ArrayList<>(prepared.size());
    for (PreparedAnswer p : prepared) {
      StoredAnswerWork w = work.get(p.id());
      lines.add(
          new ShardFormat.WorkLine(
              p.id(),
              w.key(),
              w.work(),
              p.redactedText(),
              p.sentiment() == null ? null : p.sentiment().name(),
              p.language(),
              p.nonAnswer()));
    }
    store.put(layout.work(shard), ShardFormat.lines(lines));
    return new ShardStats(shard, answers.size(), (System.nanoTime() - start) / 1e9);
  }
}
