package org.yousaid.shared.themes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.storage.TableLayout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Analysis results in the consultation's partition: one {@code AQ#<question>} item with the status
 * and themes, one {@code AA#<question>#<response>} item per analysed answer. Keys are
 * deterministic, so re-running a question (or re-driving its message) overwrites rather than
 * duplicates.
 */
public final class AnalysisRepository {

  private final DynamoDbClient dynamo;
  private final String table;

  public AnalysisRepository(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  public void saveStatus(QuestionAnalysis analysis) {
    dynamo.putItem(
        b ->
            b.tableName(table)
                .item(
                    Map.of(
                        TableLayout.PK,
                        AttributeValue.fromS(
                            TableLayout.consultationPk(
                                analysis.council(), analysis.consultationId())),
                        TableLayout.SK,
                        AttributeValue.fromS(statusSk(analysis.questionId())),
                        TableLayout.TYPE,
                        AttributeValue.fromS("ANALYSIS"),
                        "status",
                        AttributeValue.fromS(analysis.status().name()),
                        TableLayout.DOC,
                        AttributeValue.fromS(Json.write(analysis)))));
  }

  public Optional<QuestionAnalysis> find(String council, String consultationId, String questionId) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                b ->
                    b.tableName(table)
                        .consistentRead(true)
                        .key(
                            Map.of(
                                TableLayout.PK,
                                    AttributeValue.fromS(
                                        TableLayout.consultationPk(council, consultationId)),
                                TableLayout.SK, AttributeValue.fromS(statusSk(questionId)))))
            .item();
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.of(Json.read(item.get(TableLayout.DOC).s(), QuestionAnalysis.class));
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
      String sk = answerSk(questionId, a.responseId());
      keep.add(sk);
      Map<String, AttributeValue> item = new HashMap<>();
      item.put(TableLayout.PK, AttributeValue.fromS(pk));
      item.put(TableLayout.SK, AttributeValue.fromS(sk));
      item.put(TableLayout.TYPE, AttributeValue.fromS("ANSWER_ANALYSIS"));
      item.put(TableLayout.DOC, AttributeValue.fromS(Json.write(a)));
      Long ttl = expiresAt.get(a.responseId());
      if (ttl != null && ttl > 0) {
        item.put(TableLayout.TTL, AttributeValue.fromN(Long.toString(ttl)));
      }
      writes.add(
          WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
    }
    for (String sk : answerKeys(pk, questionId)) {
      if (!keep.contains(sk)) {
        writes.add(
            WriteRequest.builder()
                .deleteRequest(
                    DeleteRequest.builder()
                        .key(
                            Map.of(
                                TableLayout.PK,
                                AttributeValue.fromS(pk),
                                TableLayout.SK,
                                AttributeValue.fromS(sk)))
                        .build())
                .build());
      }
    }
    batchWrite(writes);
  }

  public List<AnswerAnalysis> answers(String council, String consultationId, String questionId) {
    List<AnswerAnalysis> result = new ArrayList<>();
    dynamo
        .queryPaginator(
            answerQuery(TableLayout.consultationPk(council, consultationId), questionId).build())
        .items()
        .forEach(i -> result.add(Json.read(i.get(TableLayout.DOC).s(), AnswerAnalysis.class)));
    return result;
  }

  private List<String> answerKeys(String pk, String questionId) {
    List<String> keys = new ArrayList<>();
    dynamo
        .queryPaginator(answerQuery(pk, questionId).projectionExpression("sk").build())
        .items()
        .forEach(i -> keys.add(i.get(TableLayout.SK).s()));
    return keys;
  }

  private QueryRequest.Builder answerQuery(String pk, String questionId) {
    return QueryRequest.builder()
        .tableName(table)
        .consistentRead(true)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
        .expressionAttributeValues(
            Map.of(
                ":pk",
                AttributeValue.fromS(pk),
                ":prefix",
                AttributeValue.fromS("AA#" + questionId + "#")));
  }

  /**
   * BatchWriteItem takes 25 requests at a time and may hand some back unprocessed: resend those.
   */
  private void batchWrite(List<WriteRequest> writes) {
    for (int from = 0; from < writes.size(); from += 25) {
      Map<String, List<WriteRequest>> pending =
          Map.of(table, writes.subList(from, Math.min(writes.size(), from + 25)));
      for (int attempt = 0; !pending.isEmpty(); attempt++) {
        if (attempt > 0) {
          sleep(Math.min(1000L, 25L << Math.min(attempt, 5)));
        }
        Map<String, List<WriteRequest>> request = pending;
        BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
        pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        if (attempt > 8 && !pending.isEmpty()) {
          throw new IllegalStateException(
              "DynamoDB kept refusing writes; the analysis will be retried");
        }
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String statusSk(String questionId) {
    return "AQ#" + questionId;
  }

  private static String answerSk(String questionId, String responseId) {
    return TableLayout.answerAnalysisSk(questionId, responseId);
  }
}
