package org.yousaid.analysis.sharded;

import java.util.ArrayList;
import java.util.List;
import org.yousaid.analysis.Answer;

/**
 * Writes a question's answers as shards of a fixed size, one object per shard, then the manifest:
 * the first step of a sharded run. Streams: one shard's answers are in memory at a time.
 */
public final class ShardWriter {
  private final ObjectStore store;
  private final ShardLayout layout;
  private final int shardSize;

  public ShardWriter(ObjectStore store, ShardLayout layout, int shardSize) {
    if (shardSize < 1) throw new IllegalArgumentException("a shard holds at least one answer");
    this.store = store;
    this.layout = layout;
    this.shardSize = shardSize;
  }

  /** Writes every answer; returns the number of shards. */
  public int write(Iterable<Answer> answers) {
    List<ShardFormat.InputLine> shard = new ArrayList<>(shardSize);
    int shards = 0, total = 0;
    for (Answer a : answers) {
      shard.add(new ShardFormat.InputLine(a.id(), a.text(), a.consentToQuote()));
      total++;
      if (shard.size() == shardSize) {
        store.put(layout.input(shards++), ShardFormat.lines(shard));
        shard.clear();
      }
    }
    if (!shard.isEmpty()) store.put(layout.input(shards++), ShardFormat.lines(shard));
    store.put(
        layout.manifest(), ShardFormat.json(new ShardFormat.Manifest(total, shards, shardSize)));
    return shards;
  }
}
