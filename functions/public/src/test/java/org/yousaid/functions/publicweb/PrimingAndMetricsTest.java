package org.yousaid.functions.publicweb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.common.priming.PrimingData;
import org.yousaid.functions.common.priming.SnapStartPriming;
import org.yousaid.functions.common.telemetry.MetricsSink;
import org.yousaid.functions.common.telemetry.Telemetry;

/**
 * SnapStart priming runs without AWS, counts nothing; real submissions and refusals are counted.
 */
class PrimingAndMetricsTest {

  private final List<String> counted = new ArrayList<>();
  private MetricsSink previous;

  @BeforeEach
  void recordMetrics() {
    previous =
        Telemetry.useSink(
            (metric, n, dimension, value) -> {
              synchronized (counted) {
                counted.add(
                    metric
                        + (dimension == null ? "" : "{" + dimension + "=" + value + "}")
                        + "="
                        + (int) n);
              }
            });
  }

  @AfterEach
  void restoreMetrics() {
    Telemetry.useSink(previous);
  }

  @Test
  void primingRendersSubmitsAndReadsBackOnAnInMemoryTable() {
    // form page, form sent, form sent back with an error, JSON submission, its receipt as JSON and
    // as a page
    assertEquals(List.of(200, 200, 400, 201, 200, 200), PublicPriming.prime());
  }

  @Test
  void theCheckpointHookRunsThePrimingWithoutCountingItsSampleTraffic() {
    SnapStartPriming hook = SnapStartPriming.register("test", PublicPriming::prime);
    assertEquals("[200, 200, 400, 201, 200, 200]; SDK calls answered in memory: 300", hook.run());
    hook.beforeCheckpoint(null);
    hook.afterRestore(null);
    assertEquals(List.of(), counted);
  }

  @Test
  void theSdkIsPrimedWithAnHttpClientThatAnswersFromMemory() {
    assertEquals(6, org.yousaid.functions.common.priming.SdkPriming.dynamoDb(2));
  }

  @Test
  void submissionsAreCountedByChannelAndRefusalsByStatus() {
    PrimingData data = PrimingData.create();
    SubmissionApiHandler api = new SubmissionApiHandler(data.services());
    Map<String, String> path =
        Map.of("council", PrimingData.COUNCIL, "consultation", PrimingData.CONSULTATION);
    String apiPath =
        "/api/v1/councils/"
            + PrimingData.COUNCIL
            + "/consultations/"
            + PrimingData.CONSULTATION
            + "/responses";
    String key = UUID.randomUUID().toString();
    var sent =
        PrimingData.http(
            "POST /api/v1/councils/{council}/consultations/{consultation}/responses",
            apiPath,
            path,
            Map.of("content-type", "application/json", "idempotency-key", key),
            data.jsonBody(1));
    assertEquals(201, api.handleRequest(sent, null).getStatusCode());
    // The same retry is replayed, not a new answer.
    assertEquals(201, api.handleRequest(sent, null).getStatusCode());
    var notJson =
        PrimingData.http(
            "POST /api/v1/councils/{council}/consultations/{consultation}/responses",
            apiPath,
            path,
            Map.of("content-type", "text/plain"),
            "hello");
    assertEquals(415, api.handleRequest(notJson, null).getStatusCode());
    var unknown =
        PrimingData.http(
            "POST /api/v1/councils/{council}/consultations/{consultation}/responses",
            "/api/v1/councils/priming/consultations/nope/responses",
            Map.of("council", "priming", "consultation", "nope"),
            Map.of("content-type", "application/json"),
            data.jsonBody(2));
    assertEquals(404, api.handleRequest(unknown, null).getStatusCode());
    assertEquals(
        List.of(
            "ResponsesSubmitted{Channel=web}=1",
            "SubmissionRejected{Status=415}=1",
            "SubmissionRejected{Status=404}=1"),
        counted);
  }

  @Test
  void logLinesCarryPowertoolsFieldsAndTheCorrelationIdButNeverTheAnswers() {
    var context =
        (org.apache.logging.log4j.core.LoggerContext)
            org.apache.logging.log4j.LogManager.getContext(false);
    List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    var capture =
        new org.apache.logging.log4j.core.appender.AbstractAppender(
            "capture",
            null,
            null,
            true,
            org.apache.logging.log4j.core.config.Property.EMPTY_ARRAY) {
          @Override
          public void append(org.apache.logging.log4j.core.LogEvent event) {
            lines.add(
                event.getMessage().getFormattedMessage()
                    + " "
                    + new java.util.TreeMap<>(event.getContextData().toMap()));
          }
        };
    capture.start();
    var root = context.getConfiguration().getRootLogger();
    root.addAppender(capture, null, null);
    context.updateLoggers();
    try {
      PrimingData data = PrimingData.create();
      PublicFormHandler form = new PublicFormHandler(data.services());
      var post =
          PrimingData.http(
              "POST /c/{council}/{consultation}",
              "/c/priming/priming-local-offer",
              Map.of("council", PrimingData.COUNCIL, "consultation", PrimingData.CONSULTATION),
              Map.of("content-type", "application/x-www-form-urlencoded"),
              data.formBody(0, UUID.randomUUID().toString()));
      String requestId = post.getRequestContext().getRequestId();
      assertEquals(200, form.handleRequest(post, null).getStatusCode());
      assertTrue(
          lines.stream()
              .anyMatch(
                  l ->
                      l.contains("status=200")
                          && l.contains("correlation_id=" + requestId)
                          && l.contains("cold_start=")
                          && l.contains("service=")),
          lines::toString);
    } finally {
      root.removeAppender("capture");
      context.updateLoggers();
    }
    String answer = PrimingData.create().answers(0).values().iterator().next().get(0);
    assertTrue(lines.stream().noneMatch(l -> l.contains(answer)), lines::toString);
  }
}
