package org.yousaid.analysis.sharded;

import java.util.function.IntFunction;
import org.yousaid.analysis.Answer;
import org.yousaid.analysis.ThemeOptions;
import org.yousaid.analysis.ThemingEngine;

/**
 * A whole sharded run in this process: the answers written as shards, each shard's per-answer work
 * ({@link ShardWorker}) through the {@link ShardExecutor}, then the reduce ({@link ShardReducer}).
 * The same classes run in AWS, split across the state machine's Lambda functions; locally the
 * object store is a directory.
 */
public final class ShardedTheming {
  /** Answers per shard, here and in AWS: about 10-30 s of one Lambda's work. */
  public static final int DEFAULT_SHARD_SIZE = 1000;

  private final ThemingEngine engine;
  private final ObjectStore store;
  private final int shardSize;
  private final ShardReducer reducer;
  private final ShardExecutor executor;
  private final ShardFault fault;
  private java.util.function.Consumer<ShardWorker.ShardStats> progress = s -> {};

  /** A shard task that may fail before the real work: for tests of the retries. */
  public interface ShardFault {
    ShardFault NONE = (shard, attempt) -> {};

    void before(int shard, int attempt);
  }

  public ShardedTheming(
      ThemingEngine engine,
      ObjectStore store,
      int shardSize,
      ShardReducer reducer,
      ShardExecutor executor) {
    this(engine, store, shardSize, reducer, executor, ShardFault.NONE);
  }

  public ShardedTheming(
      ThemingEngine engine,
      ObjectStore store,
      int shardSize,
      ShardReducer reducer,
      ShardExecutor executor,
      ShardFault fault) {
    this.engine = engine;
    this.store = store;
    this.shardSize = shardSize;
    this.reducer = reducer;
    this.executor = executor;
    this.fault = fault;
  }

  /** Tells {@code listener} each shard's numbers as it finishes (benchmarks print progress). */
  public ShardedTheming onShardDone(java.util.function.Consumer<ShardWorker.ShardStats> listener) {
    this.progress = listener;
    return this;
  }

  /** What a run found, how its shards went, and what each took. */
  public record Run(
      ShardReducer.Reduced reduced,
      ShardExecutor.Outcome shards,
      java.util.List<ShardWorker.ShardStats> shardStats,
      double writeSeconds,
      double mapSeconds,
      double reduceSeconds) {}

  /** Themes the answers under {@code layout}, then deletes what the run wrote there. */
  public Run theme(ShardLayout layout, Iterable<Answer> answers, ThemeOptions options) {
    long t0 = System.nanoTime();
    int shards = new ShardWriter(store, layout, shardSize).write(answers);
    long t1 = System.nanoTime();
    ShardWorker worker = new ShardWorker(engine, options);
    java.util.List<ShardWorker.ShardStats> stats =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    int[] attempts = new int[shards];
    IntFunction<ShardWorker.ShardStats> task =
        shard -> {
          int attempt;
          synchronized (attempts) {
            attempt = ++attempts[shard];
          }
          fault.before(shard, attempt);
          ShardWorker.ShardStats s = worker.run(store, layout, shard);
          stats.add(s);
          progress.accept(s);
          return s;
        };
    try {
      ShardExecutor.Outcome outcome = executor.runAll(shards, task);
      long t2 = System.nanoTime();
      ShardReducer.Reduced reduced = reducer.reduce(store, layout, options);
      long t3 = System.nanoTime();
      stats.sort(java.util.Comparator.comparingInt(ShardWorker.ShardStats::shard));
      return new Run(
          reduced,
          outcome,
          java.util.List.copyOf(stats),
          (t1 - t0) / 1e9,
          (t2 - t1) / 1e9,
          (t3 - t2) / 1e9);
    } finally {
      store.deleteAll(layout.prefix());
    }
  }
}
