package org.yousaid.functions.notifier;

import java.net.URI;

/**
 * One alert email: plain text, with its unsubscribe link also in the headers (RFC 2369 and RFC
 * 8058's one-click), so mail programs show their own "unsubscribe" button.
 *
 * @param messageId the Message-ID's left part: the same for a resend of the same email
 */
public record AlertMail(
    String from, String to, String subject, String text, URI unsubscribe, String messageId) {

  /** Redacted: a logged mail never shows its address or its text. */
  @Override
  public String toString() {
    return "AlertMail[" + messageId + "]";
  }
}
