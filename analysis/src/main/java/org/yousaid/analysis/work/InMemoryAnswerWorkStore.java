package org.yousaid.analysis.work;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A store in this process's memory: for the benchmarks and the CLI, which re-theme the same answers
 * within one process. Thread-safe.
 */
public final class InMemoryAnswerWorkStore implements AnswerWorkStore {
  private final Map<String, StoredAnswerWork> entries = new ConcurrentHashMap<>();
  private final boolean takesVectorsAsStored;

  public InMemoryAnswerWorkStore() {
    this(false);
  }

  private InMemoryAnswerWorkStore(boolean takesVectorsAsStored) {
    this.takesVectorsAsStored = takesVectorsAsStored;
  }

  /** A store of work other runs did, whose vectors are used as they are. */
  public static InMemoryAnswerWorkStore ofOtherRuns() {
    return new InMemoryAnswerWorkStore(true);
  }

  @Override
  public boolean takesVectorsAsStored() {
    return takesVectorsAsStored;
  }

  @Override
  public Map<String, StoredAnswerWork> load() {
    return Map.copyOf(entries);
  }

  @Override
  public void save(List<StoredAnswerWork> saved) {
    saved.forEach(e -> entries.put(e.answerId(), e));
  }

  @Override
  public void delete(Collection<String> answerIds) {
    answerIds.forEach(entries::remove);
  }

  public int size() {
    return entries.size();
  }
}
