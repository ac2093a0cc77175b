package org.yousaid.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Plays Lambda's event source mapping for a DynamoDB stream in local mode: reads DynamoDB Local's
 * own stream (its Streams API, as Lambda reads the real one), applies the template's event filter,
 * and hands each batch to the function's handler as a {@link DynamodbEvent} shaped like AWS's. A
 * record the handler reports as failed is sent again, with those after it, up to the template's
 * MaximumRetryAttempts, then skipped, as Lambda does.
 */
final class LocalStream implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalStream.class);
  private static final long IDLE_MILLIS = 300;

  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  private final StreamFilter filter;
  private final int batchSize;
  private final int maxRetries;
  private final Supplier<RequestHandler<DynamodbEvent, StreamsEventResponse>> handlerFactory;
  private final Thread thread;
  private volatile boolean running = true;

  /** Open shards and where reading each goes on (null once a shard is closed and read). */
  private final Map<String, String> iterators = new LinkedHashMap<>();

  private final Map<String, Integer> attempts = new LinkedHashMap<>();

  LocalStream(
      String name,
      DynamoDbStreamsClient streams,
      String streamArn,
      SamTemplate.Function function,
      Supplier<RequestHandler<DynamodbEvent, StreamsEventResponse>> handlerFactory) {
    this.streams = streams;
    this.streamArn = streamArn;
    this.filter = new StreamFilter(function.streamFilters());
    this.batchSize = intSetting(function.stream(), "BatchSize", 100);
    this.maxRetries = intSetting(function.stream(), "MaximumRetryAttempts", 10);
    this.handlerFactory = handlerFactory;
    this.thread = new Thread(this::run, name);
    this.thread.setDaemon(true);
  }

  private static int intSetting(Map<String, Object> settings, String key, int otherwise) {
    Object value = settings.get(key);
    return value instanceof Number n ? n.intValue() : otherwise;
  }

  LocalStream start() {
    thread.start();
    return this;
  }

  private void run() {
    RequestHandler<DynamodbEvent, StreamsEventResponse> handler = handlerFactory.get();
    while (running) {
      boolean worked = false;
      try {
        discoverShards();
        for (String shard : new ArrayList<>(iterators.keySet())) {
          worked |= readOnce(shard, handler);
        }
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        LOG.warn("local stream read failed: {}", e.getClass().getSimpleName());
      }
      if (!worked) {
        try {
          Thread.sleep(IDLE_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private final java.util.Set<String> known = new java.util.HashSet<>();

  private void discoverShards() {
    for (Shard shard :
        streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
      if (known.add(shard.shardId())) {
        // From the oldest record kept, as template.yaml's StartingPosition: TRIM_HORIZON.
        iterators.put(
            shard.shardId(),
            streams
                .getShardIterator(
                    b ->
                        b.streamArn(streamArn)
                            .shardId(shard.shardId())
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator());
      }
    }
  }

  /** Reads one batch of a shard; true if it held records. */
  private boolean readOnce(
      String shard, RequestHandler<DynamodbEvent, StreamsEventResponse> handler) {
    String iterator = iterators.get(shard);
    if (iterator == null) {
      return false;
    }
    var page = streams.getRecords(b -> b.shardIterator(iterator).limit(batchSize));
    List<DynamodbEvent.DynamodbStreamRecord> batch = new ArrayList<>();
    for (Record r : page.records()) {
      DynamodbEvent.DynamodbStreamRecord record = lambdaShaped(r);
      if (filter.matches(lambdaJson(record))) {
        batch.add(record);
      }
    }
    String next = page.nextShardIterator();
    if (!batch.isEmpty()) {
      DynamodbEvent event = new DynamodbEvent();
      event.setRecords(batch);
      StreamsEventResponse response;
      try {
        response = handler.handleRequest(event, null);
      } catch (RuntimeException e) {
        // As Lambda: a function that fails outright fails the whole batch, from its first record.
        LOG.error("stream handler failed: {}", e.getClass().getSimpleName());
        response =
            StreamsEventResponse.builder()
                .withBatchItemFailures(
                    List.of(
                        StreamsEventResponse.BatchItemFailure.builder()
                            .withItemIdentifier(batch.get(0).getDynamodb().getSequenceNumber())
                            .build()))
                .build();
      }
      List<StreamsEventResponse.BatchItemFailure> failures =
          response == null || response.getBatchItemFailures() == null
              ? List.of()
              : response.getBatchItemFailures();
      if (!failures.isEmpty()) {
        String failed = failures.get(0).getItemIdentifier();
        int tried = attempts.merge(failed, 1, Integer::sum);
        next =
            streams
                .getShardIterator(
                    b ->
                        b.streamArn(streamArn)
                            .shardId(shard)
                            .sequenceNumber(failed)
                            .shardIteratorType(
                                tried > maxRetries
                                    ? ShardIteratorType.AFTER_SEQUENCE_NUMBER
                                    : ShardIteratorType.AT_SEQUENCE_NUMBER))
                .shardIterator();
        if (tried > maxRetries) {
          attempts.remove(failed);
          LOG.error("stream record {} dropped after {} retries", failed, maxRetries);
        }
      }
    }
    iterators.put(shard, next);
    return !page.records().isEmpty();
  }

  /** A stream record as Lambda hands it to a function: keys (KEYS_ONLY), sequence, event name. */
  static DynamodbEvent.DynamodbStreamRecord lambdaShaped(Record r) {
    StreamRecord change = new StreamRecord();
    Map<String, AttributeValue> keys = new LinkedHashMap<>();
    r.dynamodb()
        .keys()
        .forEach((name, value) -> keys.put(name, new AttributeValue().withS(value.s())));
    change.setKeys(keys);
    change.setSequenceNumber(r.dynamodb().sequenceNumber());
    change.setStreamViewType(
        com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.fromValue(
            r.dynamodb().streamViewTypeAsString()));
    change.setSizeBytes(r.dynamodb().sizeBytes());
    if (r.dynamodb().approximateCreationDateTime() != null) {
      change.setApproximateCreationDateTime(Date.from(r.dynamodb().approximateCreationDateTime()));
    }
    DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
    record.setEventID(r.eventID());
    record.setEventName(r.eventNameAsString());
    record.setEventVersion(r.eventVersion());
    record.setEventSource("aws:dynamodb");
    record.setAwsRegion(r.awsRegion());
    record.setDynamodb(change);
    return record;
  }

  /** The fields of Lambda's JSON for a record that an event filter can name. */
  static Map<String, Object> lambdaJson(DynamodbEvent.DynamodbStreamRecord record) {
    Map<String, Object> keys = new LinkedHashMap<>();
    record
        .getDynamodb()
        .getKeys()
        .forEach((name, value) -> keys.put(name, Map.of("S", value.getS())));
    Map<String, Object> dynamodb = new LinkedHashMap<>();
    dynamodb.put("Keys", keys);
    dynamodb.put("SequenceNumber", record.getDynamodb().getSequenceNumber());
    dynamodb.put("StreamViewType", record.getDynamodb().getStreamViewType());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("eventName", record.getEventName());
    json.put("eventSource", record.getEventSource());
    json.put("dynamodb", dynamodb);
    return json;
  }

  @Override
  public void close() {
    // Not interrupted: the thread may be inside DynamoDB Local, whose SQLite queue an interrupt
    // would break; it sees the flag within one idle pause.
    running = false;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
