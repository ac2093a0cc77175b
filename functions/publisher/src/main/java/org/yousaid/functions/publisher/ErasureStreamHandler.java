package org.yousaid.functions.publisher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.logging.SafeErrors;
import org.yousaid.functions.common.stream.StreamBatch;
import org.yousaid.functions.common.telemetry.Telemetry;
import org.yousaid.publishing.CacheInvalidation;
import org.yousaid.publishing.Publisher;
import org.yousaid.publishing.SiteStore;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.submission.ProblemException;

/**
 * Re-publishes a consultation as soon as a respondent erases their answers, so no published version
 * keeps them until the council's next publication. Triggered by the table's stream (keys only: no
 * answer text ever enters it), filtered to new erasure items ({@link TableLayout#ERASURE_PREFIX});
 * the public function that erases knows nothing of publishing.
 *
 * <p>The publication's request id is the erasure's key, so a redelivered record finishes the same
 * publication instead of making another, and an erasure for a consultation no version holds
 * publishes nothing. A record that fails is reported back (partial batch response): Lambda retries
 * from it, and the erasure stays pending for the next publication whatever happens.
 */
public final class ErasureStreamHandler
    implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

  private static final Logger LOG = LoggerFactory.getLogger(ErasureStreamHandler.class);

  private final Publisher publisher;

  /** Kept here because CRaC holds its resources weakly. */
  private org.yousaid.functions.common.priming.SnapStartPriming priming;

  /** Used by AWS Lambda; SnapStart primes the publishing code before its snapshot. */
  public ErasureStreamHandler() {
    this(
        Services.fromEnvironment(),
        S3SiteStore.fromEnvironment(),
        CloudFrontInvalidation.fromEnvironment());
    this.priming =
        org.yousaid.functions.common.priming.SnapStartPriming.register(
            "ErasureRepublishFunction", PublisherPriming::prime);
  }

  /** Local mode's: a site with no CDN in front of it. */
  public ErasureStreamHandler(Services services, SiteStore site) {
    this(services, site, CacheInvalidation.NONE);
  }

  public ErasureStreamHandler(Services services, SiteStore site, CacheInvalidation cache) {
    this.publisher = new Publisher(services, site, cache);
  }

  /** The publication request id of the erasure with this key: the same for every redelivery. */
  public static String requestId(String erasureSk) {
    return "erasure-" + TableLayout.erasedResponseId(erasureSk);
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    return Telemetry.invocation(context, null, () -> handle(event));
  }

  private StreamsEventResponse handle(DynamodbEvent event) {
    return StreamBatch.process(
        event,
        keys -> keys.get(TableLayout.SK).getS().startsWith(TableLayout.ERASURE_PREFIX),
        "erasure",
        "ErasureRepublicationsFailed",
        keys -> {
          String requestId = requestId(keys.get(TableLayout.SK).getS());
          Telemetry.correlate(requestId);
          TableLayout.ConsultationKey consultation =
              TableLayout.consultationOfPk(keys.get(TableLayout.PK).getS());
          try {
            publisher
                .republishAfterErasure(
                    consultation.council(), consultation.consultationId(), requestId)
                .ifPresentOrElse(
                    p -> {
                      LOG.info(
                          "republished after an erasure council={} consultation={} version={}",
                          p.council(),
                          p.consultationId(),
                          p.version());
                      Telemetry.count("ErasureRepublications");
                    },
                    () -> Telemetry.count("ErasuresWithNothingPublished"));
          } catch (ProblemException e) {
            if (e.status() != 404) {
              throw e;
            }
            // The consultation is gone, and with it everything it published.
            LOG.warn("skipped erasure {}: {}", requestId, SafeErrors.describe(e));
          }
        });
  }
}
