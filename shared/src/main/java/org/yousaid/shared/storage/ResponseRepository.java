package org.yousaid.shared.storage;

import static org.yousaid.shared.storage.ConsultationRepository.s;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.Response;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Responses, their receipt pointers and idempotency records. A response and its pointers are
 * written in one transaction with {@code attribute_not_exists} conditions, so a retried submission
 * can never store a second copy and a half-written response cannot exist.
 */
public final class ResponseRepository {

  private static final String TYPE_RESPONSE = "RESPONSE";
  private static final String TYPE_RECEIPT = "RECEIPT";
  private static final String TYPE_IDEMPOTENCY = "IDEMPOTENCY";

  /** What an idempotency key points at, and a hash of the request it was first used with. */
  public record IdempotencyRecord(
      String key, String requestHash, String responseId, String receipt) {}

  /** Why an insert was refused. */
  public enum Clash {
    IDEMPOTENCY_KEY_USED,
    RECEIPT_CODE_TAKEN,
    RESPONSE_ID_TAKEN
  }

  /** Thrown when a condition stopped the insert; nothing was written. */
  public static final class InsertRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Clash clash;

    InsertRefused(Clash clash) {
      super(clash.name(), null, false, false);
      this.clash = clash;
    }

    public Clash clash() {
      return clash;
    }
  }

  private final Table table;
  private final StorageRetry retry;
  private final org.yousaid.shared.themes.AnalysisRepository analyses;

  public ResponseRepository(Table table) {
    this.table = table;
    this.retry = table.retry();
    this.analyses = new org.yousaid.shared.themes.AnalysisRepository(table);
  }

  /**
   * Stores the response, its receipt pointer and (if given) its idempotency record, all or nothing.
   */
  public void insert(Response response, Optional<IdempotencyRecord> idempotency) {
    String pk = TableLayout.consultationPk(response.council(), response.consultationId());
    Map<String, AttributeValue> responseItem = item(response);
    idempotency.ifPresent(i -> responseItem.put("idempotencyKey", s(i.key())));

    Map<String, AttributeValue> receiptItem =
        Map.of(
            TableLayout.PK,
            s(TableLayout.receiptPk(response.receipt())),
            TableLayout.SK,
            s(TableLayout.RECEIPT),
            TableLayout.TYPE,
            s(TYPE_RECEIPT),
            "responsePk",
            s(pk),
            "responseSk",
            s(TableLayout.responseSk(response.id())),
            TableLayout.TTL,
            AttributeValue.fromN(Long.toString(response.expiresAt())));

    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(put(responseItem));
    writes.add(put(receiptItem));
    idempotency.ifPresent(
        i ->
            writes.add(
                put(
                    Map.of(
                        TableLayout.PK,
                        s(pk),
                        TableLayout.SK,
                        s(TableLayout.idempotencySk(i.key())),
                        TableLayout.TYPE,
                        s(TYPE_IDEMPOTENCY),
                        "requestHash",
                        s(i.requestHash()),
                        "responseId",
                        s(i.responseId()),
                        "receipt",
                        s(i.receipt()),
                        TableLayout.TTL,
                        AttributeValue.fromN(Long.toString(response.expiresAt()))))));
    // The same token on every attempt of this insert: DynamoDB treats a repeat within 10 minutes as
    // the same transaction, so a retry after a timeout cannot fail on our own earlier, successful
    // write.
    String token =
        UUID.nameUUIDFromBytes(
                (response.id() + "|" + response.receipt()).getBytes(StandardCharsets.UTF_8))
            .toString();
    String responseSk = TableLayout.responseSk(response.id());
    try {
      // A condition that fails after a timeout may be our own write, which did land.
      retry.writeOnce(
          () -> table.transactWriteOnce(writes, token),
          e ->
              e instanceof TransactionCanceledException cancelled
                  && !StorageRetry.isThrottled(cancelled.cancellationReasons()),
          () -> landed(pk, responseSk, response.receipt()));
    } catch (TransactionCanceledException refused) {
      throw new InsertRefused(clashOf(refused.cancellationReasons()));
    }
  }

  /**
   * Whether this very response (same id and receipt) is stored; the transaction wrote its pointers
   * with it.
   */
  private boolean landed(String pk, String sk, String receipt) {
    return get(pk, sk)
        .map(item -> item.get("receipt") != null && receipt.equals(item.get("receipt").s()))
        .orElse(false);
  }

  private static Clash clashOf(List<CancellationReason> reasons) {
    if (reasons.size() > 2 && "ConditionalCheckFailed".equals(reasons.get(2).code())) {
      return Clash.IDEMPOTENCY_KEY_USED;
    }
    if (reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code())) {
      return Clash.RECEIPT_CODE_TAKEN;
    }
    if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
      return Clash.RESPONSE_ID_TAKEN;
    }
    // Not a condition: a conflicting transaction on the same items. The caller may retry.
    throw new TransactionConflict();
  }

  /** Another transaction touched the same items at the same moment; retrying is safe. */
  public static final class TransactionConflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TransactionConflict() {
      super("transaction conflict", null, false, false);
    }
  }

  private TransactWriteItem put(Map<String, AttributeValue> item) {
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(table.name())
                .item(item)
                .conditionExpression(Table.NOT_EXISTS)
                .build())
        .build();
  }

  public Optional<IdempotencyRecord> findIdempotency(
      String council, String consultationId, String key) {
    return get(TableLayout.consultationPk(council, consultationId), TableLayout.idempotencySk(key))
        .map(
            item ->
                new IdempotencyRecord(
                    key,
                    item.get("requestHash").s(),
                    item.get("responseId").s(),
                    item.get("receipt").s()));
  }

  public Optional<Response> find(String council, String consultationId, String responseId) {
    return get(
            TableLayout.consultationPk(council, consultationId), TableLayout.responseSk(responseId))
        .map(item -> Table.document(item, Response.class));
  }

  public Optional<Response> findByReceipt(String receipt) {
    return receiptPointer(receipt)
        .flatMap(p -> get(p.get("responsePk").s(), p.get("responseSk").s()))
        .map(item -> Table.document(item, Response.class));
  }

  /**
   * Erases the response with this receipt, its pointer, its idempotency record, what analysis kept
   * of each of its answers (their redacted text, and the engine's stored work on them), their
   * entries in the reg. 56 register and the address given to hear about actions, in one
   * transaction; then takes the answer out of its questions' analysis records and kept versions
   * (exemplar, key terms: {@link org.yousaid.shared.themes.AnalysisRepository#forget}). False if
   * there is none.
   */
  public boolean eraseByReceipt(String receipt) {
    Optional<Map<String, AttributeValue>> pointer = receiptPointer(receipt);
    if (pointer.isEmpty()) {
      return false;
    }
    String pk = pointer.get().get("responsePk").s();
    String sk = pointer.get().get("responseSk").s();
    List<TransactWriteItem> deletes = new ArrayList<>();
    String[] council = new String[1];
    String[] consultation = new String[1];
    String[] erasedId = new String[1];
    Map<String, String> erasedText = new java.util.LinkedHashMap<>();
    deletes.add(delete(TableLayout.receiptPk(receipt), TableLayout.RECEIPT));
    get(pk, sk)
        .ifPresent(
            response -> {
              deletes.add(delete(pk, sk));
              if (response.containsKey("idempotencyKey")) {
                deletes.add(
                    delete(pk, TableLayout.idempotencySk(response.get("idempotencyKey").s())));
              }
              Response erased = Table.document(response, Response.class);
              // Remembered (when, not what) until the published site has withdrawn every version
              // that held these answers.
              deletes.add(overwrite(erasureItem(pk, erased.id(), erased.submittedAt())));
              council[0] = erased.council();
              consultation[0] = erased.consultationId();
              erasedId[0] = erased.id();
              erased.answers().stream()
                  .filter(a -> a.text() != null)
                  .forEach(a -> erasedText.put(a.questionId(), a.text()));
              erased.answers().stream()
                  .map(Answer::questionId)
                  .distinct()
                  .forEach(
                      q -> {
                        deletes.add(delete(pk, TableLayout.answerAnalysisSk(q, erased.id())));
                        deletes.add(delete(pk, TableLayout.answerWorkSk(q, erased.id())));
                      });
              // Its comments' copies in the reg. 56 register go with it (only text answers have
              // one).
              erasedText.keySet().stream()
                  .distinct()
                  .forEach(
                      q ->
                          deletes.add(
                              delete(
                                  TableLayout.registerPk(erased.council()),
                                  TableLayout.registerEntrySk(
                                      erased.consultationId(), q, erased.id()))));
              // So does the address the respondent gave to hear about actions (never kept with
              // the answers).
              deletes.add(
                  delete(
                      TableLayout.registerPk(erased.council()),
                      TableLayout.registerAlertSk(erased.consultationId(), erased.id())));
              if (!erasedText.isEmpty()) {
                // The register's published report may quote or count these comments: remembered
                // (when sent, not what) until it has withdrawn every version that held them.
                deletes.add(
                    overwrite(
                        registerErasureItem(
                            erased.council(),
                            erased.consultationId(),
                            erased.id(),
                            erased.submittedAt())));
              }
            });
    // Deletes are safe to repeat.
    table.transactWrite(deletes);
    erasedText.forEach(
        (question, text) ->
            analyses.forget(council[0], consultation[0], question, erasedId[0], text));
    return true;
  }

  /**
   * Remembers that answers stored since {@code since} were removed other than by their own erasure
   * (an import taken back), so that the published consultation and register report withdraw every
   * version that may hold them, as for an erasure (the same pending items, so the same stream
   * handler republishes). Write it after the answers and what analysis kept of them are gone, so
   * the republication it sets off sees neither. Safe to repeat.
   *
   * @param key names the removal among the consultation's pending erasures (e.g. "import-" + id)
   */
  public void recordRemoval(String council, String consultationId, String key, Instant since) {
    // the register's first: the consultation's item is what sets the republication off
    table.put(registerErasureItem(council, consultationId, key, since));
    table.put(erasureItem(TableLayout.consultationPk(council, consultationId), key, since));
  }

  /**
   * A pending erasure of a consultation's answers: which (an answer's id, or an undone import's
   * key) and since when, never what they said.
   */
  private static Map<String, AttributeValue> erasureItem(String pk, String key, Instant since) {
    return Map.of(
        TableLayout.PK,
        s(pk),
        TableLayout.SK,
        s(TableLayout.erasureSk(key)),
        TableLayout.TYPE,
        s("ERASURE"),
        "submittedAt",
        s(since.toString()));
  }

  /** The same for the council's register report. */
  private static Map<String, AttributeValue> registerErasureItem(
      String council, String consultationId, String key, Instant since) {
    return Map.of(
        TableLayout.PK,
        s(TableLayout.registerPk(council)),
        TableLayout.SK,
        s(TableLayout.registerErasureSk(consultationId, key)),
        TableLayout.TYPE,
        s("REGISTER_ERASURE"),
        "submittedAt",
        s(since.toString()));
  }

  /** An unconditional put (an erasure repeated writes the same item again). */
  private TransactWriteItem overwrite(Map<String, AttributeValue> item) {
    return TransactWriteItem.builder()
        .put(Put.builder().tableName(table.name()).item(item).build())
        .build();
  }

  /**
   * An erasure the published site has yet to catch up with: which response (its id only) and when
   * its answers were sent. Never what they said.
   */
  public record PendingErasure(String responseId, java.time.Instant submittedAt) {}

  /**
   * The erasures the published site has yet to catch up with, earliest sent first: every version
   * published since the first of them was sent held its answers.
   */
  public List<PendingErasure> pendingErasures(String council, String consultationId) {
    List<PendingErasure> out = new ArrayList<>();
    for (Map<String, AttributeValue> item :
        table.query(
            TableQuery.partition(TableLayout.consultationPk(council, consultationId))
                .startingWith(TableLayout.ERASURE_PREFIX))) {
      out.add(
          new PendingErasure(
              TableLayout.erasedResponseId(item.get(TableLayout.SK).s()),
              java.time.Instant.parse(item.get("submittedAt").s())));
    }
    out.sort(java.util.Comparator.comparing(PendingErasure::submittedAt));
    return out;
  }

  /**
   * Forgets these erasures, which the published site has caught up with. Only these: an erasure
   * that arrived while a publication was being built may be in it, so it stays pending until the
   * next publication withdraws that version too.
   */
  public void erasuresPublished(
      String council, String consultationId, List<PendingErasure> caughtUp) {
    String pk = TableLayout.consultationPk(council, consultationId);
    List<WriteRequest> deletes = new ArrayList<>();
    for (PendingErasure erasure : caughtUp) {
      deletes.add(
          WriteRequest.builder()
              .deleteRequest(
                  d -> d.key(TableLayout.key(pk, TableLayout.erasureSk(erasure.responseId()))))
              .build());
    }
    table.batchWrite(deletes);
  }

  /** Every response to a consultation, oldest first (ULIDs sort by time). */
  public List<Response> listForConsultation(String council, String consultationId) {
    return table.documents(responsesQuery(council, consultationId), Response.class);
  }

  /**
   * The responses to a consultation whose id is {@code fromId} or later, oldest first: as ids are
   * ULIDs, those stored since about the time {@code fromId} encodes.
   */
  public List<Response> listForConsultationFrom(
      String council, String consultationId, String fromId) {
    return table.documents(
        responsesQuery(council, consultationId).from(TableLayout.responseSk(fromId)),
        Response.class);
  }

  public int countForConsultation(String council, String consultationId) {
    return table.count(responsesQuery(council, consultationId));
  }

  private static TableQuery responsesQuery(String council, String consultationId) {
    return TableQuery.partition(TableLayout.consultationPk(council, consultationId))
        .startingWith(TableLayout.RESPONSE_PREFIX);
  }

  private Optional<Map<String, AttributeValue>> receiptPointer(String receipt) {
    return get(TableLayout.receiptPk(receipt), TableLayout.RECEIPT);
  }

  private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
    return table.get(pk, sk);
  }

  private TransactWriteItem delete(String pk, String sk) {
    return TransactWriteItem.builder()
        .delete(Delete.builder().tableName(table.name()).key(TableLayout.key(pk, sk)).build())
        .build();
  }

  /**
   * Stores many responses in batches of 25, without the conditions, transaction and receipt
   * pointers of {@link #insert}: only for answers made up in bulk (local mode's demo answers),
   * whose ids the caller guarantees unique and whose receipt codes nobody holds. Answers people
   * send always go through {@link #insert}.
   */
  public void insertBulk(List<Response> batch) {
    List<WriteRequest> writes = new ArrayList<>();
    for (Response response : batch) {
      Map<String, AttributeValue> item = item(response);
      writes.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
    }
    table.batchWrite(writes);
  }

  /** A response's item: what {@link #insert} and {@link #insertBulk} store. */
  private static Map<String, AttributeValue> item(Response response) {
    Map<String, AttributeValue> item =
        Table.documentItem(
            TableLayout.consultationPk(response.council(), response.consultationId()),
            TableLayout.responseSk(response.id()),
            TYPE_RESPONSE,
            response);
    item.put("receipt", s(response.receipt()));
    item.put("submittedAt", s(response.submittedAt().toString()));
    item.put(TableLayout.TTL, AttributeValue.fromN(Long.toString(response.expiresAt())));
    return item;
  }
}
