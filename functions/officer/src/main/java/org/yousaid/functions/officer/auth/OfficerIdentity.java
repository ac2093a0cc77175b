package org.yousaid.functions.officer.auth;

import java.util.Set;

/**
 * Who is signed in, and for which councils they may act. Councils come from the token's groups
 * ({@code council-<slug>}), so tenancy is decided by the identity provider, never by the request.
 */
public record OfficerIdentity(String subject, String email, Set<String> councils) {

  public static final String COUNCIL_GROUP_PREFIX = "council-";

  public OfficerIdentity {
    councils = Set.copyOf(councils);
  }

  public boolean actsFor(String council) {
    return councils.contains(council);
  }
}
