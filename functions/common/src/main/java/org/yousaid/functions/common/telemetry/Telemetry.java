package org.yousaid.functions.common.telemetry;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.function.Supplier;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Logs and metrics for every function, with Powertools for AWS Lambda's functional API (no
 * AspectJ).
 *
 * <p>Each invocation runs inside {@link #invocation}: Powertools puts the service name, cold start
 * flag, Lambda request id and X-Ray trace id in the logging context, we add a correlation id (API
 * Gateway's request id, or the SQS message id), and in Lambda the log layout (yousaid-log4j2.xml)
 * writes each line as one JSON object. Log messages carry ids, routes and statuses only: never
 * answer text or personal data.
 *
 * <p>Metrics are counts, written as CloudWatch embedded metric format (EMF) lines in Lambda, in the
 * namespace of POWERTOOLS_METRICS_NAMESPACE with the dimension Service (POWERTOOLS_SERVICE_NAME).
 * Outside Lambda (local mode, tests, benchmarks without AWS_LAMBDA_FUNCTION_NAME) they go to a
 * debug log line, so nothing probes for a CloudWatch agent or instance metadata.
 */
public final class Telemetry {

  /** Powertools' name for the correlation id field. */
  public static final String CORRELATION_ID = "correlation_id";

  static final boolean IN_LAMBDA = System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null;

  private static volatile MetricsSink sink =
      IN_LAMBDA ? new EmfMetricsSink() : new LogMetricsSink();

  /** Set while SnapStart priming runs: its sample traffic must not show up as real submissions. */
  private static final ThreadLocal<Boolean> MUTED = ThreadLocal.withInitial(() -> false);

  private Telemetry() {}

  /**
   * Runs one Lambda invocation with Powertools' logging context; {@code correlationId} may be null.
   */
  public static <T> T invocation(Context context, String correlationId, Supplier<T> work) {
    if (!MUTED.get()) {
      sink.coldStart(context);
    }
    PowertoolsLogging.initializeLogging(context);
    correlate(correlationId);
    try {
      return work.get();
    } finally {
      PowertoolsLogging.clearState(true);
    }
  }

  /** Sets the correlation id for the log lines that follow (e.g. per SQS message in a batch). */
  public static void correlate(String correlationId) {
    if (correlationId == null || correlationId.isBlank()) {
      MDC.remove(CORRELATION_ID);
    } else {
      MDC.put(CORRELATION_ID, correlationId);
    }
  }

  /** Counts one event, e.g. {@code count("SubmissionRejected", "Status", "409")}. */
  public static void count(String metric, String dimension, String value) {
    count(metric, 1, dimension, value);
  }

  /** Counts {@code n} events under one dimension; a null dimension counts under Service only. */
  public static void count(String metric, double n, String dimension, String value) {
    if (MUTED.get()) {
      return;
    }
    try {
      sink.count(metric, n, dimension, value == null || value.isBlank() ? "unknown" : value);
    } catch (RuntimeException e) {
      // A metric must never fail a submission.
      org.slf4j.LoggerFactory.getLogger(Telemetry.class)
          .warn("metric {} not recorded: {}", metric, e.getClass().getName());
    }
  }

  /** Counts one event under Service only. */
  public static void count(String metric) {
    count(metric, 1, null, null);
  }

  /** Runs {@code work} without recording metrics (SnapStart priming's sample invocations). */
  public static void muted(Runnable work) {
    boolean before = MUTED.get();
    MUTED.set(true);
    try {
      work.run();
    } finally {
      MUTED.set(before);
    }
  }

  /** Replaces where metrics go (tests); returns the previous sink. */
  public static MetricsSink useSink(MetricsSink replacement) {
    MetricsSink previous = sink;
    sink = replacement;
    return previous;
  }
}
