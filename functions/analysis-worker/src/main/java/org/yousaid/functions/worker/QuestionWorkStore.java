package org.yousaid.functions.worker;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.analysis.work.AnswerWorkStore;
import org.yousaid.analysis.work.StoredAnswerWork;
import org.yousaid.shared.themes.AnswerWorkRepository;

/**
 * The engine's per-answer work for one question, kept in the table beside the responses ({@code
 * AW#} items): each entry carries its response's TTL and is erased with it.
 */
final class QuestionWorkStore implements AnswerWorkStore {
  private final AnswerWorkRepository repository;
  private final String council, consultationId, questionId;
  private final Map<String, Long> expiresAt;

  QuestionWorkStore(
      AnswerWorkRepository repository,
      String council,
      String consultationId,
      String questionId,
      Map<String, Long> expiresAt) {
    this.repository = repository;
    this.council = council;
    this.consultationId = consultationId;
    this.questionId = questionId;
    this.expiresAt = expiresAt;
  }

  @Override
  public Map<String, StoredAnswerWork> load() {
    Map<String, StoredAnswerWork> out = new LinkedHashMap<>();
    repository
        .list(council, consultationId, questionId)
        .forEach((id, e) -> out.put(id, new StoredAnswerWork(id, e.key(), e.work())));
    return out;
  }

  @Override
  public void save(List<StoredAnswerWork> entries) {
    repository.save(
        council,
        consultationId,
        questionId,
        entries.stream()
            .map(e -> new AnswerWorkRepository.Entry(e.answerId(), e.key(), e.work()))
            .toList(),
        expiresAt);
  }

  @Override
  public void delete(Collection<String> answerIds) {
    repository.delete(council, consultationId, questionId, answerIds);
  }
}
