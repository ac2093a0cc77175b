package org.yousaid.analysis.work;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the per-answer work of one question's analysis (language, CoreNLP tokens, embedding) is
 * kept between runs, so that a re-run after one new, edited or erased answer redoes only that
 * answer. One store holds one question's answers; implementations: {@link InMemoryAnswerWorkStore}
 * and, in AWS and local mode, a DynamoDB table beside the responses (erased and expired with them).
 *
 * <p>An entry is kept per answer id, not per text: two respondents who wrote the same words have
 * one entry each, so erasing one of them deletes exactly that person's entry and leaves nothing of
 * theirs behind. Identical texts are still analysed once: a run reuses any entry with the same
 * {@link StoredAnswerWork#key()}.
 */
public interface AnswerWorkStore {

  /** Every entry this store holds, by answer id. */
  Map<String, StoredAnswerWork> load();

  /** Adds or replaces these entries (an answer's entry is replaced when its text changed). */
  void save(List<StoredAnswerWork> entries);

  /** Deletes the entries of these answers (answers that are gone from the question). */
  void delete(Collection<String> answerIds);

  /**
   * Whether stored vectors are used as they are, whichever ONNX batch made them. False for a
   * question's own store, whose re-runs give a cold run's vectors to the bit; true for the sharded
   * reduce's sample, whose vectors the shards made in their own batches: embedding the sample again
   * would cost the reduce about 10 ms per answer and give vectors that differ slightly from the
   * shards' ones, which the placement of every other answer uses.
   */
  default boolean takesVectorsAsStored() {
    return false;
  }
}
