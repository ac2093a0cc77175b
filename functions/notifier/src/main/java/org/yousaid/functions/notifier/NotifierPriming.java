package org.yousaid.functions.notifier;

import java.net.URI;
import java.time.Instant;

/**
 * SnapStart priming for the notifier: writes made-up alert emails as RFC 5322 messages in memory
 * (no SES, no DynamoDB), so a restored function does not load the mail classes on its first email.
 */
public final class NotifierPriming {

  private NotifierPriming() {}

  /** Returns the size of the last message written. */
  public static int prime() {
    int size = 0;
    for (int i = 0; i < 5; i++) {
      AlertMail sample =
          new AlertMail(
              "alerts@priming.example",
              "someone@priming.example",
              "Priming Council: Short breaks – action started",
              "What we are doing: we checked every price on the short breaks page.\n",
              URI.create("https://priming.example/alerts/priming/c~01PRIMING~" + "0".repeat(40)),
              "priming." + i);
      size = MimeMail.bytes(sample, Instant.EPOCH).length;
    }
    return size;
  }
}
