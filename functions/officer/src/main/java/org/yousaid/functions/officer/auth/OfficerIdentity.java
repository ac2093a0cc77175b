package org.yousaid.functions.officer.auth;

import java.util.Set;

/**
 * Who is signed in, and for which councils they may act. Councils come from the token's groups
 * ({@code council-<slug>}), so tenancy is decided by the identity provider, never by the request. A
 * second reviewer (group {@code reviewer-<slug>}, e.g. the parent carer forum) may only read and
 * co-sign that council's drafts.
 *
 * @param councils the councils they act for as an officer
 * @param reviews the councils whose drafts they review, and nothing more
 */
public record OfficerIdentity(
    String subject, String email, Set<String> councils, Set<String> reviews) {

  public static final String COUNCIL_GROUP_PREFIX = "council-";
  public static final String REVIEWER_GROUP_PREFIX = "reviewer-";

  public OfficerIdentity {
    councils = Set.copyOf(councils);
    reviews = reviews == null ? Set.of() : Set.copyOf(reviews);
  }

  /** An officer of these councils, reviewing none. */
  public OfficerIdentity(String subject, String email, Set<String> councils) {
    this(subject, email, councils, Set.of());
  }

  public boolean actsFor(String council) {
    return councils.contains(council);
  }

  /** May read, comment on and co-sign this council's drafts: its officers and its reviewers. */
  public boolean mayReview(String council) {
    return actsFor(council) || reviews.contains(council);
  }

  /** Signed in only as someone's second reviewer. */
  public boolean reviewerOnly() {
    return councils.isEmpty() && !reviews.isEmpty();
  }
}
