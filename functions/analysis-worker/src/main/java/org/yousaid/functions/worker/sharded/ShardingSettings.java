package org.yousaid.functions.worker.sharded;

import org.yousaid.analysis.sharded.ShardReducer;
import org.yousaid.analysis.sharded.ShardedTheming;

/**
 * When a question is themed in shards, and how: {@code SHARDED_ANALYSIS_FROM} answers or more
 * (default 20,000) go the sharded way, in shards of {@code SHARD_SIZE} (default 1,000); the reduce
 * themes a sample of {@code SHARD_SAMPLE_SIZE} answers (default 2,000) and places the rest.
 */
public record ShardingSettings(int shardedFrom, int shardSize, int sampleSize) {
  public static final int DEFAULT_SHARDED_FROM = 20_000;

  public static ShardingSettings defaults() {
    return new ShardingSettings(
        DEFAULT_SHARDED_FROM, ShardedTheming.DEFAULT_SHARD_SIZE, ShardReducer.DEFAULT_SAMPLE_SIZE);
  }

  public static ShardingSettings fromEnvironment() {
    ShardingSettings d = defaults();
    return new ShardingSettings(
        intOr("SHARDED_ANALYSIS_FROM", d.shardedFrom()),
        intOr("SHARD_SIZE", d.shardSize()),
        intOr("SHARD_SAMPLE_SIZE", d.sampleSize()));
  }

  public boolean shards(int answers) {
    return answers >= shardedFrom;
  }

  private static int intOr(String name, int fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
  }

  static String required(String name) {
    String v = System.getenv(name);
    if (v == null || v.isBlank()) throw new IllegalStateException("Set " + name);
    return v;
  }
}
