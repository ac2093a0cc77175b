package org.yousaid.testing;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
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
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A real {@link DynamoDbClient} (DynamoDB Local's) that counts what it returns: how many items of
 * one kind (by the start of their sort key, e.g. {@code R#} for responses) queries and reads gave
 * back, and how many transactions were written. For tests that prove a path reads only what it
 * needs; never deployed.
 */
public final class CountingDynamoDb implements DynamoDbClient {

  private final DynamoDbClient delegate;
  private final String sortKeyPrefix;
  private final AtomicInteger itemsRead = new AtomicInteger();
  private final AtomicInteger transactions = new AtomicInteger();

  /**
   * @param sortKeyPrefix the items to count: those whose {@code sk} starts with it
   */
  public CountingDynamoDb(DynamoDbClient delegate, String sortKeyPrefix) {
    this.delegate = delegate;
    this.sortKeyPrefix = sortKeyPrefix;
  }

  /** Items of the counted kind returned since the last {@link #reset}. */
  public int itemsRead() {
    return itemsRead.get();
  }

  /** Transactions written since the last {@link #reset}. */
  public int transactions() {
    return transactions.get();
  }

  public void reset() {
    itemsRead.set(0);
    transactions.set(0);
  }

  private void count(java.util.Map<String, AttributeValue> item) {
    AttributeValue sk = item == null ? null : item.get("sk");
    if (sk != null && sk.s() != null && sk.s().startsWith(sortKeyPrefix)) {
      itemsRead.incrementAndGet();
    }
  }

  @Override
  public QueryResponse query(QueryRequest request) {
    QueryResponse response = delegate.query(request);
    response.items().forEach(this::count);
    return response;
  }

  @Override
  public GetItemResponse getItem(GetItemRequest request) {
    GetItemResponse response = delegate.getItem(request);
    if (response.hasItem()) {
      count(response.item());
    }
    return response;
  }

  @Override
  public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
    BatchGetItemResponse response = delegate.batchGetItem(request);
    response.responses().values().forEach(items -> items.forEach(this::count));
    return response;
  }

  @Override
  public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest request) {
    TransactGetItemsResponse response = delegate.transactGetItems(request);
    response.responses().forEach(r -> count(r.item()));
    return response;
  }

  @Override
  public PutItemResponse putItem(PutItemRequest request) {
    return delegate.putItem(request);
  }

  @Override
  public UpdateItemResponse updateItem(UpdateItemRequest request) {
    return delegate.updateItem(request);
  }

  @Override
  public DeleteItemResponse deleteItem(DeleteItemRequest request) {
    return delegate.deleteItem(request);
  }

  @Override
  public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
    return delegate.batchWriteItem(request);
  }

  @Override
  public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
    transactions.incrementAndGet();
    return delegate.transactWriteItems(request);
  }

  @Override
  public String serviceName() {
    return delegate.serviceName();
  }

  @Override
  public void close() {}
}
