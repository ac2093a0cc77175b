package org.yousaid.shared.register;

/**
 * A respondent's request to be emailed when a council's action on the themes of their answers
 * changes status. Kept in its own item, apart from the answers and from every register record, and
 * erased with the receipt.
 *
 * @param token the secret in the unsubscribe link of each email: it stops this alert and nothing
 *     else
 * @param expiresAt when the response it belongs to expires (retention), in epoch seconds; 0 if
 *     never
 */
public record ActionAlert(
    String council,
    String consultationId,
    String responseId,
    String email,
    String token,
    long expiresAt) {

  /** Redacted, so a logged or printed alert never shows the address or the token. */
  @Override
  public String toString() {
    return "ActionAlert[" + council + "/" + consultationId + "/" + responseId + "]";
  }

  /**
   * The id in the unsubscribe link: the response it belongs to and the secret, so the link alone
   * finds and stops it.
   */
  public String linkId() {
    return consultationId + "~" + responseId + "~" + token;
  }
}
