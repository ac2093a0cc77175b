package org.yousaid.functions.officer.imports;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.queue.QueueBatch;
import org.yousaid.functions.common.telemetry.Telemetry;
import org.yousaid.shared.json.Json;

/**
 * The SQS-triggered import worker: stores one chunk of a large import's rows per message, or undoes
 * an import. A failed message is retried by SQS; the rows' idempotency keys make a retry store
 * nothing twice. Logs ids and counts, never a row.
 */
public final class ImportWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  private static final Logger LOG = LoggerFactory.getLogger(ImportWorkerHandler.class);

  private final ImportJobs jobs;

  /** Used by AWS Lambda. */
  public ImportWorkerHandler() {
    this(Services.fromEnvironment());
  }

  public ImportWorkerHandler(Services services) {
    this.jobs = new ImportJobs(services);
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return Telemetry.invocation(context, null, () -> handle(event));
  }

  private SQSBatchResponse handle(SQSEvent event) {
    // A batch or consultation that is gone, or a file no longer kept, can never be imported.
    return QueueBatch.process(
        event,
        "ImportJobs",
        e -> e instanceof IllegalArgumentException,
        body -> {
          ImportJob job = Json.read(body, ImportJob.class);
          jobs.run(job);
          LOG.info(
              "import job {} council={} consultation={} batch={} chunk={}",
              job.kind(),
              job.council(),
              job.consultationId(),
              job.batchId(),
              job.chunk());
        });
  }
}
