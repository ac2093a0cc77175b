package org.yousaid.functions.officer;

import java.util.List;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.validation.FieldError;

/**
 * The approver's sign-off, as the publish page and the officer API both take it: they confirm they
 * checked what will be published, and name the draft they checked, so a correction made meanwhile
 * stops the publication rather than publishing something nobody saw.
 */
final class PublishSignOff {

  private PublishSignOff() {}

  /**
   * Refuses an unconfirmed sign-off (400, field {@code confirm}) and one for a draft that is no
   * longer the one that would be published (409, field {@code confirm}).
   */
  static void check(DraftSummary draft, boolean confirmed, String signedDraft) {
    if (!confirmed) {
      throw ProblemException.invalid(
          List.of(
              new FieldError(
                  "confirm",
                  "Confirm that you have checked what will be published, then publish")));
    }
    if (!draft.fingerprint().equals(signedDraft)) {
      throw new ProblemException(
          409,
          "What will be published has changed",
          "What will be published has changed since you checked it. Check it again, then confirm",
          List.of(
              new FieldError(
                  "confirm",
                  "What will be published has changed since you opened this page. Check it again,"
                      + " then confirm")));
    }
  }
}
