package org.yousaid.functions.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.stream.StreamBatch;
import org.yousaid.functions.common.telemetry.Telemetry;
import org.yousaid.shared.storage.TableLayout;

/**
 * Emails the respondents who asked when an officer moves an action to a new status. Started by the
 * table's stream (keys only: no address or answer enters it), filtered to new outbox items ({@link
 * TableLayout#REGISTER_OUTBOX_PREFIX}), which the officer function writes in the same transaction
 * as the theme. Logs counts and keys, never an address. A record that fails is reported back and
 * retried; what it already sent is not sent again ({@link ActionAlertNotifier}).
 */
public final class AlertStreamHandler
    implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

  private static final Logger LOG = LoggerFactory.getLogger(AlertStreamHandler.class);
  private static final String REGISTER_PK_PREFIX = TableLayout.registerPk("");

  private final ActionAlertNotifier notifier;

  /** Kept here because CRaC holds its resources weakly. */
  private org.yousaid.functions.common.priming.SnapStartPriming priming;

  /** Used by AWS Lambda: SES, with the settings of template.yaml. */
  public AlertStreamHandler() {
    this(
        Services.fromEnvironment(),
        SesMailSender.fromEnvironment(),
        NotifierConfig.from(System.getenv()));
    this.priming =
        org.yousaid.functions.common.priming.SnapStartPriming.register(
            "ActionAlertFunction", NotifierPriming::prime);
  }

  /** Local mode's: the same code, with a folder for mail. */
  public AlertStreamHandler(Services services, MailSender mail, NotifierConfig config) {
    this.notifier = new ActionAlertNotifier(services, mail, config);
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    return Telemetry.invocation(context, null, () -> handle(event));
  }

  private StreamsEventResponse handle(DynamodbEvent event) {
    return StreamBatch.process(
        event,
        keys ->
            keys.get(TableLayout.PK).getS().startsWith(REGISTER_PK_PREFIX)
                && keys.get(TableLayout.SK).getS().startsWith(TableLayout.REGISTER_OUTBOX_PREFIX),
        "action alert",
        "ActionAlertsFailed",
        keys -> {
          String council = keys.get(TableLayout.PK).getS().substring(REGISTER_PK_PREFIX.length());
          String sk = keys.get(TableLayout.SK).getS();
          Telemetry.correlate(sk);
          int sent = notifier.deliver(council, sk);
          LOG.info("action alerts sent council={} change={} emails={}", council, sk, sent);
          Telemetry.count("ActionAlertsSent", sent, null, null);
        });
  }
}
