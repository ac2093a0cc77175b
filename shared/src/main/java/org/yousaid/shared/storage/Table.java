package org.yousaid.shared.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.storage.StorageRetry.StorageUnavailable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The one DynamoDB table as every repository reads and writes it, each call under the same {@link
 * StorageRetry} policy. Reads and writes that are safe to repeat are retried as they are; a write
 * that may only happen once ({@link #putNew}) is retried and then checked, so a repeat after a lost
 * answer is not mistaken for someone else's item. Keys come from {@link TableLayout}.
 */
public final class Table {

  /** DynamoDB takes at most 25 writes in one BatchWriteItem. */
  static final int BATCH_SIZE = 25;

  /** How many times a batch's unprocessed writes are sent again before giving up. */
  static final int UNPROCESSED_ATTEMPTS = 10;

  /** The condition of a write that creates an item: no item has its key yet. */
  public static final String NOT_EXISTS = "attribute_not_exists(" + TableLayout.PK + ")";

  private final DynamoDbClient dynamo;
  private final String name;
  private final StorageRetry retry;

  public Table(DynamoDbClient dynamo, String name, StorageRetry retry) {
    this.dynamo = dynamo;
    this.name = name;
    this.retry = retry;
  }

  public String name() {
    return name;
  }

  public StorageRetry retry() {
    return retry;
  }

  /**
   * An item with the usual shape: its key, its {@code type} and the object as JSON in {@code doc}.
   * Mutable, so the caller can add index keys, a TTL or attributes that queries filter on.
   */
  public static Map<String, AttributeValue> documentItem(
      String pk, String sk, String type, Object document) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(TableLayout.PK, AttributeValue.fromS(pk));
    item.put(TableLayout.SK, AttributeValue.fromS(sk));
    item.put(TableLayout.TYPE, AttributeValue.fromS(type));
    item.put(TableLayout.DOC, AttributeValue.fromS(Json.write(document)));
    return item;
  }

  /** The object stored as JSON in an item's {@code doc}. */
  public static <T> T document(Map<String, AttributeValue> item, Class<T> type) {
    return Json.read(item.get(TableLayout.DOC).s(), type);
  }

  /** The item at this key (a consistent read), if there is one. */
  public Optional<Map<String, AttributeValue>> get(String pk, String sk) {
    Map<String, AttributeValue> item =
        retry.call(
            () ->
                dynamo
                    .getItem(
                        b -> b.tableName(name).consistentRead(true).key(TableLayout.key(pk, sk)))
                    .item());
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  /** The object stored at this key, if there is one. */
  public <T> Optional<T> document(String pk, String sk, Class<T> type) {
    return get(pk, sk).map(item -> document(item, type));
  }

  /** Creates or replaces an item. Writing the same item twice is harmless, so it is retried. */
  public void put(Map<String, AttributeValue> item) {
    retry.call(() -> dynamo.putItem(b -> b.tableName(name).item(item)));
  }

  /**
   * Replaces an item only if one has its key; false if none does (it was erased meanwhile, and a
   * late write must not bring it back). Replacing twice is harmless, so it is retried.
   */
  public boolean putExisting(Map<String, AttributeValue> item) {
    try {
      retry.call(
          () ->
              dynamo.putItem(
                  b ->
                      b.tableName(name)
                          .item(item)
                          .conditionExpression("attribute_exists(" + TableLayout.PK + ")")));
      return true;
    } catch (ConditionalCheckFailedException gone) {
      return false;
    }
  }

  /**
   * Deletes the item at this key, if there is one. Deleting twice is harmless, so it is retried.
   */
  public void delete(String pk, String sk) {
    retry.call(() -> dynamo.deleteItem(b -> b.tableName(name).key(TableLayout.key(pk, sk))));
  }

  /**
   * Creates an item only if no item has its key; false when one already does. A timeout can hide a
   * write that landed, and its retry then finds the key taken: if the item in the way is exactly
   * this one, it is this call's own write and counts as created.
   */
  public boolean putNew(Map<String, AttributeValue> item) {
    PutItemRequest request =
        PutItemRequest.builder().tableName(name).item(item).conditionExpression(NOT_EXISTS).build();
    try {
      retry.writeOnce(
          () -> dynamo.putItem(request),
          e -> e instanceof ConditionalCheckFailedException,
          () -> isStored(item));
      return true;
    } catch (ConditionalCheckFailedException taken) {
      return false;
    }
  }

  private boolean isStored(Map<String, AttributeValue> item) {
    return get(item.get(TableLayout.PK).s(), item.get(TableLayout.SK).s())
        .map(item::equals)
        .orElse(false);
  }

  /**
   * Every item the query finds, in sort-key order, read page by page (DynamoDB returns at most 1 MB
   * a page). Each page is retried on its own, so a throttled page does not restart the query.
   */
  public List<Map<String, AttributeValue>> query(TableQuery query) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    pages(query.request(name), page -> items.addAll(page.items()));
    return items;
  }

  /** The objects stored in the {@code doc} of every item the query finds. */
  public <T> List<T> documents(TableQuery query, Class<T> type) {
    List<T> documents = new ArrayList<>();
    pages(
        query.request(name),
        page -> page.items().forEach(item -> documents.add(document(item, type))));
    return documents;
  }

  /** How many items the query finds, counted by DynamoDB without reading them out. */
  public int count(TableQuery query) {
    int[] count = {0};
    pages(
        query.request(name).select(Select.COUNT),
        page -> count[0] += page.count() == null ? 0 : page.count());
    return count[0];
  }

  /** The one pagination loop: follows LastEvaluatedKey until DynamoDB has no more pages. */
  private void pages(
      QueryRequest.Builder request, java.util.function.Consumer<QueryResponse> eachPage) {
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest page = request.exclusiveStartKey(start).build();
      QueryResponse response = retry.call(() -> dynamo.query(page));
      eachPage.accept(response);
      start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
    } while (start != null && !start.isEmpty());
  }

  /**
   * Puts and deletes in batches of 25. A batch is safe to send again, so transient failures are
   * retried; the writes DynamoDB hands back unprocessed (throttling) are sent again after a pause.
   */
  public void batchWrite(List<WriteRequest> writes) {
    for (int from = 0; from < writes.size(); from += BATCH_SIZE) {
      Map<String, List<WriteRequest>> pending =
          Map.of(name, writes.subList(from, Math.min(writes.size(), from + BATCH_SIZE)));
      for (int attempt = 1; ; attempt++) {
        Map<String, List<WriteRequest>> request = pending;
        BatchWriteItemResponse response =
            retry.call(() -> dynamo.batchWriteItem(b -> b.requestItems(request)));
        if (!response.hasUnprocessedItems()
            || response.unprocessedItems().getOrDefault(name, List.of()).isEmpty()) {
          break;
        }
        if (attempt >= UNPROCESSED_ATTEMPTS) {
          throw new StorageUnavailable(
              new IllegalStateException("DynamoDB kept returning unprocessed writes"));
        }
        pending = response.unprocessedItems();
        retry.pause(attempt);
      }
    }
  }

  /**
   * Writes all or nothing, retried: only for transactions that are safe to repeat (deletes). A
   * transaction that must happen once uses {@link #transactWriteOnce} under its own rules.
   */
  public void transactWrite(List<TransactWriteItem> writes) {
    retry.call(() -> dynamo.transactWriteItems(b -> b.transactItems(writes)));
  }

  /**
   * One attempt at a transaction, with DynamoDB's idempotency token: the caller decides what a
   * failure means and whether to try again.
   */
  public void transactWriteOnce(List<TransactWriteItem> writes, String clientRequestToken) {
    dynamo.transactWriteItems(b -> b.transactItems(writes).clientRequestToken(clientRequestToken));
  }
}
