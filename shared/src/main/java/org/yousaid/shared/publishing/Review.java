package org.yousaid.shared.publishing;

import java.time.Instant;

/**
 * A reviewer's word on the draft of a "You said, we did" page: a comment, a co-signature, or both.
 * A co-signature holds only for the content it was given on ({@code draftFingerprint}); a draft
 * that changes afterwards needs signing again.
 *
 * @param reviewer who (their sign-in email)
 * @param role {@link Publication.SignOff#REVIEWER} for a scoped reviewer, {@link
 *     Publication.SignOff#APPROVER} for one of the council's officers
 * @param comment what they said, or null
 * @param coSigned whether they co-signed the draft
 * @param draftFingerprint SHA-256 of the draft they saw, as {@code Publisher#fingerprint} makes it
 */
public record Review(
    String id,
    String council,
    String consultationId,
    String reviewer,
    String role,
    Instant at,
    String comment,
    boolean coSigned,
    String draftFingerprint) {}
