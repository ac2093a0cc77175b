package org.yousaid.functions.publisher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.queue.QueueBatch;
import org.yousaid.functions.common.telemetry.Telemetry;
import org.yousaid.publishing.PublishJob;
import org.yousaid.publishing.Publisher;
import org.yousaid.publishing.SiteStore;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.publishing.Publication;
import org.yousaid.shared.submission.ProblemException;

/**
 * Publishes on an officer's request, from the publish queue. A failed message is reported back, so
 * SQS retries it and in the end parks it in the dead-letter queue; the site keeps its previous
 * version meanwhile (see {@link Publisher} for the order of writes).
 */
public final class PublishHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  private static final Logger LOG = LoggerFactory.getLogger(PublishHandler.class);

  private final Publisher publisher;

  /** Kept here because CRaC holds its resources weakly. */
  private org.yousaid.functions.common.priming.SnapStartPriming priming;

  /** Used by AWS Lambda; SnapStart primes the function before its snapshot. */
  public PublishHandler() {
    this(Services.fromEnvironment(), S3SiteStore.fromEnvironment());
    this.priming =
        org.yousaid.functions.common.priming.SnapStartPriming.register(
            "PublishFunction", PublisherPriming::prime);
  }

  public PublishHandler(Services services, SiteStore site) {
    this.publisher = new Publisher(services, site);
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return Telemetry.invocation(context, null, () -> handle(event));
  }

  private SQSBatchResponse handle(SQSEvent event) {
    // A consultation that is gone has nothing to publish, and a draft that changed after sign-off
    // (412) must be signed off again: retrying will not change either.
    return QueueBatch.process(
        event,
        "Publications",
        e -> e instanceof ProblemException p && (p.status() == 404 || p.status() == 412),
        body -> {
          PublishJob job = Json.read(body, PublishJob.class);
          if (job.afterErasure()) {
            publisher
                .republishAfterErasure(job.council(), job.consultationId(), job.requestId())
                .ifPresent(
                    p ->
                        LOG.info(
                            "republished after an erasure council={} consultation={} version={}",
                            p.council(),
                            p.consultationId(),
                            p.version()));
            return;
          }
          Publication p = publisher.publish(job);
          LOG.info(
              "published council={} consultation={} version={} hash={}",
              p.council(),
              p.consultationId(),
              p.version(),
              p.contentHash());
        });
  }
}
