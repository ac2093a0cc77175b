package org.yousaid.shared.themes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yousaid.shared.storage.Table;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.storage.TableQuery;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Analysis results in the consultation's partition: one {@code AQ#<question>} item with the status
 * and themes, one {@code AA#<question>#<response>} item per analysed answer. Keys are
 * deterministic, so re-running a question (or re-driving its message) overwrites rather than
 * duplicates.
 */
public final class AnalysisRepository {

  private final Table table;

  public AnalysisRepository(Table table) {
    this.table = table;
  }

  public void saveStatus(QuestionAnalysis analysis) {
    Map<String, AttributeValue> item =
        Table.documentItem(
            TableLayout.consultationPk(analysis.council(), analysis.consultationId()),
            TableLayout.analysisSk(analysis.questionId()),
            "ANALYSIS",
            analysis);
    item.put("status", AttributeValue.fromS(analysis.status().name()));
    table.put(item);
  }

  public Optional<QuestionAnalysis> find(String council, String consultationId, String questionId) {
    return table.document(
        TableLayout.consultationPk(council, consultationId),
        TableLayout.analysisSk(questionId),
        QuestionAnalysis.class);
  }

  /**
   * Replaces every answer analysis of the question with these (answers no longer present are
   * removed).
   */
  public void replaceAnswers(
      String council, String consultationId, String questionId, List<AnswerAnalysis> answers) {
    replaceAnswers(council, consultationId, questionId, answers, Map.of());
  }

  /**
   * As above; {@code expiresAt} (response id to epoch seconds) gives each analysis the TTL of its
   * response, so the redacted text does not outlive the answer it came from.
   */
  public void replaceAnswers(
      String council,
      String consultationId,
      String questionId,
      List<AnswerAnalysis> answers,
      Map<String, Long> expiresAt) {
    String pk = TableLayout.consultationPk(council, consultationId);
    Set<String> keep = new HashSet<>();
    List<WriteRequest> writes = new ArrayList<>();
    for (AnswerAnalysis a : answers) {
      String sk = TableLayout.answerAnalysisSk(questionId, a.responseId());
      keep.add(sk);
      Map<String, AttributeValue> item = Table.documentItem(pk, sk, "ANSWER_ANALYSIS", a);
      Long ttl = expiresAt.get(a.responseId());
      if (ttl != null && ttl > 0) {
        item.put(TableLayout.TTL, AttributeValue.fromN(Long.toString(ttl)));
      }
      writes.add(
          WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
    }
    for (Map<String, AttributeValue> stored :
        table.query(answersQuery(pk, questionId).reading(TableLayout.SK))) {
      String sk = stored.get(TableLayout.SK).s();
      if (!keep.contains(sk)) {
        writes.add(
            WriteRequest.builder()
                .deleteRequest(DeleteRequest.builder().key(TableLayout.key(pk, sk)).build())
                .build());
      }
    }
    table.batchWrite(writes);
  }

  public List<AnswerAnalysis> answers(String council, String consultationId, String questionId) {
    return table.documents(
        answersQuery(TableLayout.consultationPk(council, consultationId), questionId),
        AnswerAnalysis.class);
  }

  private static TableQuery answersQuery(String pk, String questionId) {
    return TableQuery.partition(pk).startingWith(TableLayout.answerAnalysisPrefix(questionId));
  }
}
