package org.yousaid.dynamodblocal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A real {@link DynamoDbClient} (usually DynamoDB Local's) that fails chosen calls the way DynamoDB
 * does under load: throttling, a throttled transaction, or a timeout. A timeout can be injected
 * before the call (nothing written) or after it (written, but the caller never heard), which is the
 * case that tests whether a retry can store twice. For tests and fault drills; never deployed.
 */
public final class FaultInjectingDynamoDb implements DynamoDbClient {

  /** Which calls a fault applies to. */
  public enum Call {
    GET_ITEM,
    PUT_ITEM,
    DELETE_ITEM,
    TRANSACT_WRITE,
    QUERY,
    BATCH_WRITE,
    ANY
  }

  /** How a call fails. */
  public enum Fault {
    /** ProvisionedThroughputExceededException (HTTP 400, throttling). */
    THROTTLE,
    /** TransactionCanceledException whose reasons are ThrottlingError. */
    TRANSACTION_THROTTLED,
    /** SdkClientException as for a read timeout, thrown before the call reaches DynamoDB. */
    TIMEOUT_BEFORE,
    /** The call reaches DynamoDB and succeeds, then SdkClientException as for a lost answer. */
    TIMEOUT_AFTER,
    /**
     * DynamoDbException (HTTP 500) whose message quotes the whole request, items and all, as some
     * real errors quote the values they refuse: logs must not repeat it.
     */
    INTERNAL_ERROR_QUOTING_REQUEST,
    /** As above with HTTP 400 (a ValidationException quoting the values), which is not retried. */
    VALIDATION_ERROR_QUOTING_REQUEST
  }

  private record Rule(
      Call call, Fault fault, AtomicInteger passing, AtomicInteger remaining, double probability) {}

  private final DynamoDbClient delegate;
  private final List<Rule> rules = new ArrayList<>();
  private final AtomicInteger injected = new AtomicInteger();
  private final java.util.Map<Call, AtomicInteger> calls = new java.util.EnumMap<>(Call.class);
  private final java.util.Random random = new java.util.Random(1);

  public FaultInjectingDynamoDb(DynamoDbClient delegate) {
    this.delegate = delegate;
  }

  /**
   * The next {@code times} matching calls fail with {@code fault}; {@link Integer#MAX_VALUE} for an
   * outage.
   */
  public synchronized FaultInjectingDynamoDb failNext(Call call, Fault fault, int times) {
    return failAfter(0, call, fault, times);
  }

  /**
   * The next {@code passing} matching calls succeed, then the {@code times} after them fail with
   * {@code fault}: a failure in the middle of a run of calls, such as on a query's second page.
   */
  public synchronized FaultInjectingDynamoDb failAfter(
      int passing, Call call, Fault fault, int times) {
    rules.add(new Rule(call, fault, new AtomicInteger(passing), new AtomicInteger(times), 1.0));
    return this;
  }

  /**
   * From now on, each matching call fails with {@code fault} with this probability (from a seeded
   * generator).
   */
  public synchronized FaultInjectingDynamoDb failRandomly(
      Call call, Fault fault, double probability) {
    rules.add(
        new Rule(
            call, fault, new AtomicInteger(0), new AtomicInteger(Integer.MAX_VALUE), probability));
    return this;
  }

  /** Seeds the generator behind {@link #failRandomly}, for a repeatable run. */
  public synchronized FaultInjectingDynamoDb seed(long seed) {
    random.setSeed(seed);
    return this;
  }

  /** Ends every fault: DynamoDB has recovered. */
  public synchronized void recover() {
    rules.clear();
  }

  /** How many faults were injected so far. */
  public int injected() {
    return injected.get();
  }

  /**
   * How many calls of this kind were made so far, failed ones included ({@link Call#ANY}: all
   * kinds).
   */
  public synchronized int calls(Call call) {
    if (call == Call.ANY) {
      return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }
    return calls.getOrDefault(call, new AtomicInteger()).get();
  }

  private synchronized Fault faultFor(Call call) {
    calls.computeIfAbsent(call, c -> new AtomicInteger()).incrementAndGet();
    for (Rule rule : rules) {
      if ((rule.call() == call || rule.call() == Call.ANY) && rule.passing().get() > 0) {
        rule.passing().decrementAndGet();
        continue;
      }
      if ((rule.call() == call || rule.call() == Call.ANY)
          && rule.remaining().get() > 0
          && (rule.probability() >= 1.0 || random.nextDouble() < rule.probability())) {
        rule.remaining().decrementAndGet();
        injected.incrementAndGet();
        return rule.fault();
      }
    }
    return null;
  }

  private <T> T run(Call call, int items, Object request, java.util.function.Supplier<T> real) {
    Fault fault = faultFor(call);
    if (fault == null) {
      return real.get();
    }
    switch (fault) {
      case THROTTLE ->
          throw ProvisionedThroughputExceededException.builder()
              .message(
                  "The level of configured provisioned throughput for the table was exceeded (injected)")
              .statusCode(400)
              .build();
      case TRANSACTION_THROTTLED -> {
        List<CancellationReason> reasons = new ArrayList<>();
        for (int i = 0; i < Math.max(1, items); i++) {
          reasons.add(
              CancellationReason.builder()
                  .code("ThrottlingError")
                  .message("Throughput exceeds the current capacity (injected)")
                  .build());
        }
        throw TransactionCanceledException.builder()
            .message("Transaction cancelled (injected)")
            .statusCode(400)
            .cancellationReasons(reasons)
            .build();
      }
      case INTERNAL_ERROR_QUOTING_REQUEST ->
          throw software.amazon.awssdk.services.dynamodb.model.DynamoDbException.builder()
              .message("Internal server error (injected) while handling " + request)
              .statusCode(500)
              .build();
      case VALIDATION_ERROR_QUOTING_REQUEST ->
          throw software.amazon.awssdk.services.dynamodb.model.DynamoDbException.builder()
              .message("One or more parameter values were invalid (injected): " + request)
              .statusCode(400)
              .build();
      case TIMEOUT_BEFORE ->
          throw SdkClientException.create("Read timed out (injected, before the call)");
      case TIMEOUT_AFTER -> {
        real.get();
        throw SdkClientException.create("Read timed out (injected, after the call)");
      }
      default -> throw new IllegalStateException(fault.name());
    }
  }

  @Override
  public GetItemResponse getItem(GetItemRequest request) {
    return run(Call.GET_ITEM, 1, request, () -> delegate.getItem(request));
  }

  @Override
  public PutItemResponse putItem(PutItemRequest request) {
    return run(Call.PUT_ITEM, 1, request, () -> delegate.putItem(request));
  }

  @Override
  public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
    return run(
        Call.TRANSACT_WRITE,
        request.transactItems().size(),
        request,
        () -> delegate.transactWriteItems(request));
  }

  @Override
  public QueryResponse query(QueryRequest request) {
    return run(Call.QUERY, 1, request, () -> delegate.query(request));
  }

  @Override
  public ScanResponse scan(ScanRequest request) {
    return delegate.scan(request);
  }

  @Override
  public DeleteItemResponse deleteItem(DeleteItemRequest request) {
    return run(Call.DELETE_ITEM, 1, request, () -> delegate.deleteItem(request));
  }

  @Override
  public UpdateItemResponse updateItem(UpdateItemRequest request) {
    return delegate.updateItem(request);
  }

  @Override
  public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
    return run(Call.BATCH_WRITE, 1, request, () -> delegate.batchWriteItem(request));
  }

  @Override
  public CreateTableResponse createTable(CreateTableRequest request) {
    return delegate.createTable(request);
  }

  @Override
  public DescribeTableResponse describeTable(DescribeTableRequest request) {
    return delegate.describeTable(request);
  }

  @Override
  public String serviceName() {
    return delegate.serviceName();
  }

  @Override
  public void close() {
    // The delegate belongs to whoever made it.
  }
}
