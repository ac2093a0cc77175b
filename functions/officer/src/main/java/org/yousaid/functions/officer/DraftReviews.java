package org.yousaid.functions.officer;

import com.github.f4b6a3.ulid.UlidCreator;
import java.time.Clock;
import java.util.List;
import org.yousaid.functions.officer.auth.OfficerIdentity;
import org.yousaid.shared.audit.AuditLog;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.publishing.Publication;
import org.yousaid.shared.publishing.Review;
import org.yousaid.shared.publishing.ReviewRepository;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.validation.FieldError;

/**
 * Comments and co-signatures on a draft "You said, we did", from the review page and the officer
 * API alike. A co-signature holds for the draft it names; the approver's sign-off records it if
 * nothing changed in between.
 */
final class DraftReviews {

  static final int MAX_COMMENT = 2000;

  private final ReviewRepository reviews;
  private final AuditLog audit;
  private final Clock clock;

  DraftReviews(ReviewRepository reviews, AuditLog audit, Clock clock) {
    this.reviews = reviews;
    this.audit = audit;
    this.clock = clock;
  }

  List<Review> list(Consultation c) {
    return reviews.list(c.council(), c.id());
  }

  /**
   * Stores a comment, a co-signature or both. Refuses (400, field errors) a comment too long or
   * neither, and (409) a co-signature of a draft that is no longer the one that would be published.
   */
  Review add(
      Consultation c,
      DraftSummary draft,
      OfficerIdentity officer,
      String typedComment,
      boolean coSign,
      String signedDraft) {
    String comment = typedComment == null ? "" : typedComment.strip();
    if (comment.length() > MAX_COMMENT) {
      throw ProblemException.invalid(
          List.of(
              new FieldError(
                  "comment", "The comment must be " + MAX_COMMENT + " characters or fewer")));
    }
    if (comment.isEmpty() && !coSign) {
      throw ProblemException.invalid(
          List.of(new FieldError("comment", "Write a comment, or co-sign the draft, or both")));
    }
    if (coSign && !draft.fingerprint().equals(signedDraft)) {
      throw new ProblemException(
          409,
          "The draft has changed",
          "The draft has changed since you read it. Read it again, then co-sign",
          List.of(
              new FieldError(
                  "cosign",
                  "The draft has changed since you opened this page. Read it again, then co-sign")));
    }
    String email = officer.email();
    Review review =
        new Review(
            UlidCreator.getMonotonicUlid().toString(),
            c.council(),
            c.id(),
            email,
            officer.actsFor(c.council())
                ? Publication.SignOff.OFFICER
                : Publication.SignOff.REVIEWER,
            clock.instant(),
            comment.isEmpty() ? null : comment,
            coSign,
            draft.fingerprint());
    reviews.add(review);
    // The comment stays on the review page: the audit log says only what was done.
    audit.record(
        c.council(),
        c.id(),
        email,
        coSign ? "co-signed" : "commented",
        coSign
            ? "co-signed the draft You said, we did" + (comment.isEmpty() ? "" : " with a comment")
            : "commented on the draft You said, we did");
    return review;
  }
}
