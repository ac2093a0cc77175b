package org.yousaid.shared.themes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yousaid.shared.storage.Table;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.storage.TableQuery;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The analysis engine's stored per-answer work ({@code AW#<question>#<response>}), beside the
 * response in the consultation's partition: one item per answer, never shared between respondents,
 * so erasing a response by its receipt deletes exactly its own items ({@code
 * ResponseRepository#eraseByReceipt}), and each item carries its response's TTL. An item holds the
 * key the engine checks (a hash of pipeline version and text) and the engine's encoded work, which
 * holds no answer text.
 */
public final class AnswerWorkRepository {
  private static final String KEY = "workKey", WORK = "work";

  /** One answer's stored work, opaque to this repository. */
  public record Entry(String responseId, String key, byte[] work) {
    public Entry {
      Objects.requireNonNull(responseId, "responseId");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(work, "work");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Entry e
          && responseId.equals(e.responseId)
          && key.equals(e.key)
          && Arrays.equals(work, e.work);
    }

    @Override
    public int hashCode() {
      return Objects.hash(responseId, key, Arrays.hashCode(work));
    }

    @Override
    public String toString() {
      return "Entry[" + responseId + ", " + work.length + " bytes]";
    }
  }

  private final Table table;

  public AnswerWorkRepository(Table table) {
    this.table = table;
  }

  /** Every stored entry of the question, by response id. */
  public Map<String, Entry> list(String council, String consultationId, String questionId) {
    String prefix = TableLayout.answerWorkPrefix(questionId);
    Map<String, Entry> out = new LinkedHashMap<>();
    for (Map<String, AttributeValue> item :
        table.query(
            TableQuery.partition(TableLayout.consultationPk(council, consultationId))
                .startingWith(prefix)
                .reading(TableLayout.SK, KEY, WORK))) {
      String responseId = item.get(TableLayout.SK).s().substring(prefix.length());
      out.put(
          responseId, new Entry(responseId, item.get(KEY).s(), item.get(WORK).b().asByteArray()));
    }
    return out;
  }

  /**
   * Adds or replaces these entries; {@code expiresAt} (response id to epoch seconds) gives each the
   * TTL of its response.
   */
  public void save(
      String council,
      String consultationId,
      String questionId,
      List<Entry> entries,
      Map<String, Long> expiresAt) {
    String pk = TableLayout.consultationPk(council, consultationId);
    List<WriteRequest> writes = new ArrayList<>();
    for (Entry e : entries) {
      Map<String, AttributeValue> item =
          new java.util.HashMap<>(
              TableLayout.key(pk, TableLayout.answerWorkSk(questionId, e.responseId())));
      item.put(TableLayout.TYPE, AttributeValue.fromS("ANSWER_WORK"));
      item.put(KEY, AttributeValue.fromS(e.key()));
      item.put(WORK, AttributeValue.fromB(SdkBytes.fromByteArray(e.work())));
      Long ttl = expiresAt.get(e.responseId());
      if (ttl != null && ttl > 0) item.put(TableLayout.TTL, AttributeValue.fromN(ttl.toString()));
      writes.add(
          WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
    }
    table.batchWrite(writes);
  }

  /** Deletes the entries of these responses (answers no longer in the question). */
  public void delete(
      String council, String consultationId, String questionId, Collection<String> responseIds) {
    String pk = TableLayout.consultationPk(council, consultationId);
    List<WriteRequest> writes = new ArrayList<>();
    for (String id : responseIds)
      writes.add(
          WriteRequest.builder()
              .deleteRequest(
                  DeleteRequest.builder()
                      .key(TableLayout.key(pk, TableLayout.answerWorkSk(questionId, id)))
                      .build())
              .build());
    table.batchWrite(writes);
  }
}
