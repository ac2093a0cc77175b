package org.yousaid.functions.common.queue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.functions.common.logging.SafeErrors;
import org.yousaid.functions.common.telemetry.Telemetry;

/**
 * How a queue-triggered function works through a batch: each message on its own, correlated in the
 * logs by its message id. A message that fails is reported back (partial batch response), so SQS
 * retries only that one and, after the queue's maxReceiveCount, parks it in the dead-letter queue;
 * a message that can never succeed is acknowledged and counted as skipped. Metrics: {@code
 * <name>Completed}, {@code Skipped}, {@code Failed}.
 */
public final class QueueBatch {

  private static final Logger LOG = LoggerFactory.getLogger(QueueBatch.class);

  /** Does one message's work; throws to fail it. */
  @FunctionalInterface
  public interface Job {
    void run(String body) throws Exception;
  }

  private QueueBatch() {}

  /**
   * @param metric the metrics' name prefix, e.g. "AnalysisRuns"
   * @param notWorthRetrying which failures mean the message can never succeed (acknowledged, not
   *     retried)
   */
  public static SQSBatchResponse process(
      SQSEvent event, String metric, Predicate<Exception> notWorthRetrying, Job job) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      Telemetry.correlate(message.getMessageId());
      try {
        job.run(message.getBody());
        Telemetry.count(metric + "Completed");
      } catch (Exception e) {
        if (notWorthRetrying.test(e)) {
          LOG.warn("skipped message {}: {}", message.getMessageId(), SafeErrors.describe(e));
          Telemetry.count(metric + "Skipped");
        } else {
          LOG.error("message {} failed: {}", message.getMessageId(), SafeErrors.describe(e));
          Telemetry.count(metric + "Failed");
          failures.add(
              SQSBatchResponse.BatchItemFailure.builder()
                  .withItemIdentifier(message.getMessageId())
                  .build());
        }
      }
    }
    return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
  }
}
