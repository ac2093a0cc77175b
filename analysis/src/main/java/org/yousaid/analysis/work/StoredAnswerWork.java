package org.yousaid.analysis.work;

import java.util.Arrays;
import java.util.Objects;

/**
 * One answer's stored work.
 *
 * @param answerId the answer (response) it belongs to
 * @param key SHA-256 of the pipeline's version and the answer's text: the entry is only reused for
 *     exactly that text and that pipeline
 * @param work the derived data, encoded by {@link AnswerWorkCodec}: never the answer's text, nor
 *     its redacted text
 */
public record StoredAnswerWork(String answerId, String key, byte[] work) {
  public StoredAnswerWork {
    Objects.requireNonNull(answerId, "answerId");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(work, "work");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredAnswerWork s
        && answerId.equals(s.answerId)
        && key.equals(s.key)
        && Arrays.equals(work, s.work);
  }

  @Override
  public int hashCode() {
    return Objects.hash(answerId, key, Arrays.hashCode(work));
  }

  @Override
  public String toString() {
    return "StoredAnswerWork[" + answerId + ", " + work.length + " bytes]";
  }
}
