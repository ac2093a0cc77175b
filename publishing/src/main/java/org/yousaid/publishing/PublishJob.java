package org.yousaid.publishing;

/**
 * A request to publish a consultation (ids only): an officer's, or an erasure's. {@code requestId}
 * makes a redelivered message finish the same version instead of making another.
 *
 * @param afterErasure sent after a respondent erased their answers: every version that held them is
 *     withdrawn and the consultation published again (nothing happens if none did)
 */
public record PublishJob(
    String council, String consultationId, String officer, String requestId, boolean afterErasure) {

  public PublishJob(String council, String consultationId, String officer, String requestId) {
    this(council, consultationId, officer, requestId, false);
  }
}
