package org.yousaid.publishing;

/**
 * One officer's request to publish a consultation (ids only). {@code requestId} makes a redelivered
 * message finish the same version instead of making another.
 *
 * @param officer the approver's subject (token {@code sub})
 * @param approver the approver's name as signed in (their email), recorded in the publication log
 * @param draftFingerprint the {@link Publisher#fingerprint} of the draft the approver signed off;
 *     the publisher refuses to publish anything else. Null only in jobs queued before sign-off.
 */
public record PublishJob(
    String council,
    String consultationId,
    String officer,
    String requestId,
    String approver,
    String draftFingerprint) {

  public PublishJob(String council, String consultationId, String officer, String requestId) {
    this(council, consultationId, officer, requestId, null, null);
  }
}
