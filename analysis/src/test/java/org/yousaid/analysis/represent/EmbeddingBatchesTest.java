package org.yousaid.analysis.represent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.represent.EmbeddingBatches.Batch;
import org.yousaid.analysis.represent.EmbeddingBatches.Batching;
import org.yousaid.analysis.represent.EmbeddingBatches.Input;

/**
 * Content-defined batches: a batch is made of its own members only, so one input more or fewer
 * leaves every other batch as it was (the int8 model's vectors in them stay valid).
 */
class EmbeddingBatchesTest {
  private static List<Input> inputs(int n, long seed) {
    Random random = new Random(seed);
    List<Input> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(new Input(5 + random.nextInt(60), random.nextLong()));
    return out;
  }

  /** Batch id of each input (by its hash). */
  private static Map<Long, Long> batchOf(List<Input> inputs, Batching b) {
    Map<Long, Long> out = new HashMap<>();
    for (Batch batch : EmbeddingBatches.plan(inputs, b, 32))
      for (int m : batch.members()) out.put(inputs.get(m).hash(), batch.id());
    return out;
  }

  private static int moved(Map<Long, Long> before, Map<Long, Long> after) {
    int moved = 0;
    for (var e : before.entrySet())
      if (after.containsKey(e.getKey()) && !after.get(e.getKey()).equals(e.getValue())) moved++;
    return moved;
  }

  @Test
  void everyInputIsInOneBatchOfOneLengthAndAtMostTwiceTheTarget() {
    List<Input> in = inputs(2000, 1);
    Set<Integer> seen = new HashSet<>();
    for (Batch b : EmbeddingBatches.plan(in, Batching.CONTENT_BY_LENGTH, 32)) {
      assertTrue(b.members().length <= 64);
      for (int m : b.members()) {
        assertTrue(seen.add(m));
        assertEquals(in.get(b.members()[0]).length(), in.get(m).length());
      }
    }
    assertEquals(2000, seen.size());
  }

  @Test
  void addingOrRemovingOneInputMovesOnlyTheInputsOfItsOwnBatch() {
    for (long seed = 1; seed <= 20; seed++) {
      List<Input> in = inputs(2000, seed);
      Map<Long, Long> before = batchOf(in, Batching.CONTENT_BY_LENGTH);
      List<Input> added = new ArrayList<>(in);
      added.add(new Input(30, new Random(seed + 99).nextLong()));
      List<Input> removed = new ArrayList<>(in);
      removed.remove(17);
      // its own batch (at most 64 inputs), and where that batch had been cut at 64 the next few
      assertTrue(moved(before, batchOf(added, Batching.CONTENT_BY_LENGTH)) <= 128);
      assertTrue(moved(before, batchOf(removed, Batching.CONTENT_BY_LENGTH)) <= 128);
      // fixed-size batches shift every later batch: the reason for content-defined ones
      assertTrue(moved(before, batchOf(removed, Batching.LENGTH)) > 500);
    }
  }

  @Test
  void theOrderOfTheInputsDoesNotChangeTheBatches() {
    List<Input> in = inputs(500, 3);
    List<Input> reversed = new ArrayList<>(in);
    java.util.Collections.reverse(reversed);
    assertEquals(
        batchOf(in, Batching.CONTENT_BY_LENGTH), batchOf(reversed, Batching.CONTENT_BY_LENGTH));
  }
}
