package org.yousaid.analysis.represent;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Which distinct inputs share an ONNX call. The int8 model quantises each call's activations with
 * one scale taken over the whole batch tensor, so a vector depends on the other inputs of its
 * batch; these plans make a batch depend on its own members only, so that a vector can be kept
 * between runs and still be the vector a run without it would compute.
 *
 * <p>{@link Batching#CONTENT_BY_LENGTH} orders the inputs by (length, hash of their word pieces)
 * and ends a batch where the length changes, after an input whose hash is 0 modulo the target size,
 * or at twice the target, as rsync's content-defined chunks end: one input more or less changes its
 * own batch only (and, rarely, the next few where a batch had been cut at the maximum).
 */
public final class EmbeddingBatches {
  /** How inputs are grouped into ONNX calls. */
  public enum Batching {
    /** Content-defined batches across lengths: a vector can be reused exactly. */
    CONTENT,
    /**
     * Content-defined batches that also end where the length changes (the default): no padding at
     * all, and one input more or less touches only inputs of its own length; more, smaller calls.
     * On 2,000 generated answers a re-run after one added, edited or erased answer ran the model on
     * 15-50 texts, against 62-108 across lengths, at the same CPU for a whole run
     * (docs/benchmarks.md).
     */
    CONTENT_BY_LENGTH,
    /** Length-sorted batches of a fixed size: the batches shift when one input is added. */
    LENGTH,
    /** One input per call: no batch effects, more calls. */
    ONE
  }

  /** One distinct input: its word-piece count and a 64-bit hash of its word pieces. */
  public record Input(int length, long hash) {}

  /**
   * One planned ONNX call: positions in the input list, in the order they are run, and its identity
   * (a hash of its members' hashes in that order), which is what a kept vector is checked against.
   */
  public record Batch(int[] members, long id) {}

  private EmbeddingBatches() {}

  public static List<Batch> plan(List<Input> inputs, Batching batching, int size) {
    Integer[] order = new Integer[inputs.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Comparator<Integer> byLength = Comparator.comparingInt(i -> inputs.get(i).length());
    // LENGTH keeps the input order among equal lengths, as the embedder always did
    Arrays.sort(
        order,
        batching == Batching.LENGTH
            ? byLength
            : byLength.thenComparing(i -> inputs.get(i).hash(), Long::compareUnsigned));
    List<Batch> out = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    for (int at = 0; at < order.length; at++) {
      int i = order[at];
      current.add(i);
      boolean lengthEnds =
          at + 1 == order.length || inputs.get(order[at + 1]).length() != inputs.get(i).length();
      boolean end =
          switch (batching) {
            case ONE -> true;
            case LENGTH -> current.size() == size;
            case CONTENT ->
                Long.remainderUnsigned(inputs.get(i).hash(), size) == 0
                    || current.size() == 2 * size;
            case CONTENT_BY_LENGTH ->
                lengthEnds
                    || Long.remainderUnsigned(inputs.get(i).hash(), size) == 0
                    || current.size() == 2 * size;
          };
      if (end) {
        out.add(batch(current, inputs));
        current.clear();
      }
    }
    if (!current.isEmpty()) out.add(batch(current, inputs));
    return out;
  }

  private static Batch batch(List<Integer> members, List<Input> inputs) {
    ByteBuffer b = ByteBuffer.allocate(12 * members.size());
    for (int i : members) b.putLong(inputs.get(i).hash()).putInt(inputs.get(i).length());
    return new Batch(members.stream().mapToInt(Integer::intValue).toArray(), hash64(b.array()));
  }

  /** The hash of one input's word pieces (the model sees nothing else of it). */
  public static long hashOf(long[] ids) {
    ByteBuffer b = ByteBuffer.allocate(8 * ids.length);
    for (long id : ids) b.putLong(id);
    return hash64(b.array());
  }

  private static long hash64(byte[] bytes) {
    try {
      return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(bytes)).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
