package org.yousaid.functions.notifier;

import java.time.Clock;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Sends each alert email through Amazon SES (API v2, SendEmail with the raw RFC 5322 message, so
 * the unsubscribe headers go with it) from the configured sender, which must be a verified SES
 * identity; the function may send from that identity only (template.yaml).
 */
public final class SesMailSender implements MailSender {

  private final SesV2Client ses;
  private final Clock clock;

  public SesMailSender(SesV2Client ses, Clock clock) {
    this.ses = ses;
    this.clock = clock;
  }

  /** In AWS: the function's region and role. */
  public static SesMailSender fromEnvironment() {
    return new SesMailSender(
        SesV2Client.builder().httpClient(UrlConnectionHttpClient.create()).build(),
        Clock.systemUTC());
  }

  @Override
  public void send(AlertMail mail) {
    byte[] raw = MimeMail.bytes(mail, clock.instant());
    ses.sendEmail(
        b ->
            b.fromEmailAddress(mail.from())
                .destination(d -> d.toAddresses(mail.to()))
                .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(raw)))));
  }
}
