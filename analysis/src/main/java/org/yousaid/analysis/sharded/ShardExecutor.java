package org.yousaid.analysis.sharded;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the map step in this process, as the state machine's Distributed Map does in AWS: every
 * shard, each retried with backoff as its Retry block says ({@link RetryPolicy}), and the run fails
 * only if more shards than the tolerated share fail for good. Logs shard numbers and error types,
 * never an answer.
 */
public final class ShardExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(ShardExecutor.class);

  /**
   * As a Step Functions Retry: after a failure wait {@code intervalMillis}, then {@code
   * backoffRate} times longer after each further failure, at most {@code maxRetries} times.
   */
  public record RetryPolicy(int maxRetries, long intervalMillis, double backoffRate) {
    /** The state machine's: 3 retries, 2 s then 4 s then 8 s. */
    public static RetryPolicy defaults() {
      return new RetryPolicy(3, 2000, 2.0);
    }

    long delayBefore(int retry) {
      return (long) (intervalMillis * Math.pow(backoffRate, retry - 1));
    }
  }

  /** Shards that failed after every retry (within the tolerated share). */
  public record Outcome(List<Integer> failedShards, int attempts) {}

  /** More shards failed than tolerated: the run stops before the reduce, as the Map state does. */
  public static final class TooManyShardsFailed extends RuntimeException {
    public TooManyShardsFailed(int failed, int shards) {
      super(failed + " of " + shards + " shards failed after their retries");
    }
  }

  private final RetryPolicy retry;
  private final double toleratedFailurePercentage;
  private final int concurrency;

  /**
   * @param concurrency shards analysed at once: 1 on a small machine, where each shard already uses
   *     every core (CoreNLP in parallel, two embedding calls at once)
   */
  public ShardExecutor(RetryPolicy retry, double toleratedFailurePercentage, int concurrency) {
    this.retry = retry;
    this.toleratedFailurePercentage = toleratedFailurePercentage;
    this.concurrency = Math.max(1, concurrency);
  }

  public Outcome runAll(int shards, IntFunction<?> shard) {
    List<Integer> failed = new ArrayList<>();
    int attempts = 0;
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int s = 0; s < shards; s++) {
        int n = s;
        runs.add(pool.submit(() -> runWithRetries(n, shard)));
      }
      for (int s = 0; s < shards; s++) {
        int tries = runs.get(s).get();
        attempts += Math.abs(tries);
        if (tries < 0) failed.add(s);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running shards", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    if (100.0 * failed.size() / Math.max(1, shards) > toleratedFailurePercentage)
      throw new TooManyShardsFailed(failed.size(), shards);
    return new Outcome(List.copyOf(failed), attempts);
  }

  /** The number of attempts it took, negative if the shard failed after all of them. */
  private int runWithRetries(int n, IntFunction<?> shard) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        shard.apply(n);
        return attempt;
      } catch (RuntimeException e) {
        LOG.warn("shard={} attempt={} failed: {}", n, attempt, e.getClass().getSimpleName());
        if (attempt > retry.maxRetries()) return -attempt;
        Thread.sleep(retry.delayBefore(attempt));
      }
    }
  }
}
