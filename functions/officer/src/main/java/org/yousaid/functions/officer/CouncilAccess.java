package org.yousaid.functions.officer;

import org.yousaid.functions.officer.auth.OfficerIdentity;
import org.yousaid.shared.submission.ProblemException;

/**
 * Which councils a signed-in officer may reach through a route: the councils they act for, and on
 * the few routes open to second reviewers (the draft, its themes, and their comments and
 * co-signatures) also the councils they review for; no other route lets a reviewer in. Routes
 * without a council are open to every signed-in officer.
 */
final class CouncilAccess {

  private CouncilAccess() {}

  /** Refuses (403) an officer who may not reach {@code council}; null means no council. */
  static void check(OfficerIdentity officer, String council, boolean reviewersToo) {
    if (council != null
        && !(reviewersToo ? officer.mayReview(council) : officer.actsFor(council))) {
      throw new ProblemException(
          403,
          "You cannot see this council's data",
          "Your account is not set up for this council. Ask your administrator if you need access.",
          null);
    }
  }
}
