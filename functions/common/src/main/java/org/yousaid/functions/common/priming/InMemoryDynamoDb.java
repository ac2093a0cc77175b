package org.yousaid.functions.common.priming;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Just enough of DynamoDB, in memory, for SnapStart priming: the handlers run their real code paths
 * (repositories, the SDK's request and attribute classes) on sample data before the snapshot,
 * without a network call or an AWS credential. Keys, puts, deletes, transactions and the
 * key-condition queries the repositories use ({@code k = :v} with an optional {@code
 * begins_with(sk, :p)}); conditions are not checked. Never used to store anything real.
 */
public final class InMemoryDynamoDb implements DynamoDbClient {

  private static final Pattern KEY_CONDITION =
      Pattern.compile(
          "\\s*(\\w+)\\s*=\\s*(:\\w+)\\s*(?:AND\\s+begins_with\\(\\s*(\\w+)\\s*,\\s*(:\\w+)\\s*\\)\\s*)?",
          Pattern.CASE_INSENSITIVE);

  /** "pk\u0000sk" to item, sorted, as a table is within a partition. */
  private final Map<String, Map<String, AttributeValue>> items = new ConcurrentSkipListMap<>();

  private static String key(Map<String, AttributeValue> item) {
    return s(item.get("pk")) + '\u0000' + s(item.get("sk"));
  }

  private static String s(AttributeValue value) {
    return value == null || value.s() == null ? "" : value.s();
  }

  @Override
  public GetItemResponse getItem(GetItemRequest request) {
    Map<String, AttributeValue> item = items.get(key(request.key()));
    return item == null
        ? GetItemResponse.builder().build()
        : GetItemResponse.builder().item(item).build();
  }

  @Override
  public PutItemResponse putItem(PutItemRequest request) {
    items.put(key(request.item()), request.item());
    return PutItemResponse.builder().build();
  }

  @Override
  public DeleteItemResponse deleteItem(DeleteItemRequest request) {
    items.remove(key(request.key()));
    return DeleteItemResponse.builder().build();
  }

  @Override
  public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
    for (TransactWriteItem write : request.transactItems()) {
      if (write.put() != null) {
        items.put(key(write.put().item()), write.put().item());
      } else if (write.delete() != null) {
        items.remove(key(write.delete().key()));
      }
    }
    return TransactWriteItemsResponse.builder().build();
  }

  @Override
  public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
    for (List<WriteRequest> writes : request.requestItems().values()) {
      for (WriteRequest write : writes) {
        if (write.putRequest() != null) {
          items.put(key(write.putRequest().item()), write.putRequest().item());
        } else if (write.deleteRequest() != null) {
          items.remove(key(write.deleteRequest().key()));
        }
      }
    }
    return BatchWriteItemResponse.builder().build();
  }

  @Override
  public QueryResponse query(QueryRequest request) {
    Matcher m = KEY_CONDITION.matcher(request.keyConditionExpression());
    if (!m.matches()) {
      throw new UnsupportedOperationException(
          "priming cannot run the query " + request.keyConditionExpression());
    }
    Map<String, AttributeValue> values = request.expressionAttributeValues();
    String partitionAttribute = m.group(1);
    String partition = s(values.get(m.group(2)));
    String sortAttribute = m.group(3);
    String prefix = m.group(4) == null ? null : s(values.get(m.group(4)));
    List<Map<String, AttributeValue>> found = new ArrayList<>();
    for (Map<String, AttributeValue> item : items.values()) {
      if (partition.equals(s(item.get(partitionAttribute)))
          && (prefix == null || s(item.get(sortAttribute)).startsWith(prefix))) {
        found.add(item);
      }
    }
    String sortKey = request.indexName() == null ? "sk" : request.indexName() + "sk";
    Comparator<Map<String, AttributeValue>> order = Comparator.comparing(i -> s(i.get(sortKey)));
    found.sort(Boolean.FALSE.equals(request.scanIndexForward()) ? order.reversed() : order);
    if (request.limit() != null && found.size() > request.limit()) {
      found = found.subList(0, request.limit());
    }
    QueryResponse.Builder response =
        QueryResponse.builder().count(found.size()).scannedCount(found.size());
    return request.select() == Select.COUNT ? response.build() : response.items(found).build();
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {
    items.clear();
  }
}
