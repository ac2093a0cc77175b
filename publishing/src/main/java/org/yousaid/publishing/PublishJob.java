package org.yousaid.publishing;

/**
 * A request to publish a consultation (ids only): an officer's, or an erasure's. {@code requestId}
 * makes a redelivered message finish the same version instead of making another.
 *
 * @param officer the approver's subject (token {@code sub})
 * @param approver the approver's name as signed in (their email), recorded in the publication log
 * @param draftFingerprint the {@link Publisher#fingerprint} of the draft the approver signed off;
 *     the publisher refuses to publish anything else. Null only in jobs queued before sign-off, and
 *     in erasure requests (which publish what remains, with no new content).
 * @param afterErasure sent after a respondent erased their answers: every version that held them is
 *     withdrawn and the consultation published again (nothing happens if none did)
 */
public record PublishJob(
    String council,
    String consultationId,
    String officer,
    String requestId,
    String approver,
    String draftFingerprint,
    boolean afterErasure) {

  public PublishJob(
      String council,
      String consultationId,
      String officer,
      String requestId,
      String approver,
      String draftFingerprint) {
    this(council, consultationId, officer, requestId, approver, draftFingerprint, false);
  }

  public PublishJob(String council, String consultationId, String officer, String requestId) {
    this(council, consultationId, officer, requestId, null, null, false);
  }
}
