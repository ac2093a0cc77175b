package org.yousaid.functions.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.analysis.ThemingEngine;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.logging.SafeErrors;
import org.yousaid.functions.common.telemetry.Telemetry;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.themes.AnalysisRepository;

/**
 * The SQS-triggered analysis worker. A message that fails is reported back (partial batch
 * response), so SQS retries it and, after the queue's maxReceiveCount, moves it to the dead-letter
 * queue, from where it can be re-driven. Collection never depends on this function.
 */
public final class AnalysisWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  private static final Logger LOG = LoggerFactory.getLogger(AnalysisWorkerHandler.class);

  /** Loaded once per execution environment (and captured by SnapStart): models are the slow part. */
  private static ThemingEngine sharedEngine;

  private final QuestionAnalyser analyser;

  /** Kept here because CRaC holds its resources weakly. */
  private org.yousaid.functions.common.priming.SnapStartPriming priming;

  /** Used by AWS Lambda; SnapStart primes the function (models loaded, sample answers themed) before its snapshot. */
  public AnalysisWorkerHandler() {
    this(Services.fromEnvironment());
    this.priming = org.yousaid.functions.common.priming.SnapStartPriming.register("AnalysisWorkerFunction", WorkerPriming::prime);
  }

  public AnalysisWorkerHandler(Services services) {
    this.analyser = new QuestionAnalyser(services.consultations(), services.responses(),
        new AnalysisRepository(services.dynamo(), services.tableName()), engine(), services.clock());
  }

  private static synchronized ThemingEngine engine() {
    if (sharedEngine == null) {
      sharedEngine = new ThemingEngine();
    }
    return sharedEngine;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return Telemetry.invocation(context, null, () -> handle(event));
  }

  private SQSBatchResponse handle(SQSEvent event) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      Telemetry.correlate(message.getMessageId());
      try {
        AnalysisJob job = Json.read(message.getBody(), AnalysisJob.class);
        analyser.run(job);
        LOG.info("analysed council={} consultation={} question={} run={}", job.council(), job.consultationId(), job.questionId(), job.runId());
        Telemetry.count("AnalysisRunsCompleted");
      } catch (IllegalArgumentException stale) {
        // Not worth retrying (the run was replaced, or the question is gone): acknowledge it.
        LOG.warn("skipped message {}: {}", message.getMessageId(), stale.getMessage());
        Telemetry.count("AnalysisRunsSkipped");
      } catch (RuntimeException e) {
        LOG.error("message {} failed: {}", message.getMessageId(), SafeErrors.describe(e));
        Telemetry.count("AnalysisRunsFailed");
        failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
      }
    }
    return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
  }
}
