package org.yousaid.analysis.sharded;

import java.util.Locale;

/**
 * Where one sharded run keeps what it writes, below its own prefix: the answers in shards ({@code
 * input/}), each shard's per-answer work ({@code work/}), and the manifest. In AWS the state
 * machine's ItemReader lists {@link #inputPrefix()}, so each of its items is one shard.
 */
public record ShardLayout(String prefix) {
  public ShardLayout {
    if (prefix.isBlank() || prefix.startsWith("/") || prefix.contains(".."))
      throw new IllegalArgumentException("a run's prefix is a relative key");
    if (!prefix.endsWith("/")) prefix = prefix + "/";
  }

  /** The prefix of one run: {@code runs/{council}/{consultation}/{question}/{run}/}. */
  public static ShardLayout forRun(
      String council, String consultation, String question, String runId) {
    return new ShardLayout(String.join("/", "runs", council, consultation, question, runId));
  }

  public String inputPrefix() {
    return prefix + "input/";
  }

  public String input(int shard) {
    return inputPrefix() + name(shard);
  }

  public String work(int shard) {
    return prefix + "work/" + name(shard);
  }

  public String manifest() {
    return prefix + "manifest.json";
  }

  /** The shard number of an input or work key ({@code .../000012.jsonl} is 12). */
  public static int shardOf(String key) {
    String file = key.substring(key.lastIndexOf('/') + 1);
    if (!file.matches("\\d{6}\\.jsonl")) throw new IllegalArgumentException("not a shard's key");
    return Integer.parseInt(file.substring(0, 6));
  }

  private static String name(int shard) {
    return String.format(Locale.ROOT, "%06d.jsonl", shard);
  }
}
