package org.yousaid.shared.model;

import java.util.List;

/** Who answered. Every field may be null or empty: people can skip any of them. */
public record RespondentProfile(
    Role role, AgeBand ageBand, List<AreaOfNeed> areasOfNeed, String district, EhcStage ehcStage) {

  public static final RespondentProfile EMPTY =
      new RespondentProfile(null, null, List.of(), null, null);

  public RespondentProfile {
    areasOfNeed = areasOfNeed == null ? List.of() : List.copyOf(areasOfNeed);
  }
}
