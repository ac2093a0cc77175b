package org.yousaid.functions.common.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.functions.common.logging.SafeErrors;
import org.yousaid.functions.common.telemetry.Telemetry;

/**
 * How a function started by the table's stream works through a batch: in order, only the items just
 * inserted that it is for (the event source's filter should let only those through; a stray one is
 * passed over), and it stops at the first failure: a stream is read in order, so the failure names
 * that record (partial batch response) and Lambda retries from it, the records after it coming
 * again with it. The stream carries keys only, so nothing here can log an answer or an address.
 */
public final class StreamBatch {

  private static final Logger LOG = LoggerFactory.getLogger(StreamBatch.class);

  /** The stream event that adds an item. */
  public static final String INSERT = "INSERT";

  /** Does one record's work from its keys; throws to fail it (and the records after it). */
  @FunctionalInterface
  public interface Job {
    void run(Map<String, AttributeValue> keys) throws Exception;
  }

  private StreamBatch() {}

  /**
   * @param isFor which inserted items' keys this function handles
   * @param what the records' name in the failure log, e.g. "erasure"
   * @param failedMetric the metric counted when a record fails
   */
  public static StreamsEventResponse process(
      DynamodbEvent event,
      Predicate<Map<String, AttributeValue>> isFor,
      String what,
      String failedMetric,
      Job job) {
    for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
      Map<String, AttributeValue> keys = record.getDynamodb().getKeys();
      if (!INSERT.equals(record.getEventName()) || !isFor.test(keys)) {
        continue;
      }
      String sequence = record.getDynamodb().getSequenceNumber();
      try {
        job.run(keys);
      } catch (Exception e) {
        LOG.error("{} record {} failed: {}", what, sequence, SafeErrors.describe(e));
        Telemetry.count(failedMetric);
        return StreamsEventResponse.builder()
            .withBatchItemFailures(
                List.of(
                    StreamsEventResponse.BatchItemFailure.builder()
                        .withItemIdentifier(sequence)
                        .build()))
            .build();
      }
    }
    return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
  }
}
