package org.yousaid.functions.officer.journey;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yousaid.shared.model.AgeBand;
import org.yousaid.shared.model.AreaOfNeed;
import org.yousaid.shared.model.Coded;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Role;

/**
 * A respondent group dimension of the coverage page, and how a response and a CSV name its groups.
 */
public enum Dimension {
  DISTRICT("district", "District", List.of("district", "area", "locality")),
  AGE_BAND("age-band", "Age band", List.of("age band", "age-band", "age_band", "age")),
  AREA_OF_NEED(
      "area-of-need",
      "Area of need",
      List.of("area of need", "area-of-need", "area_of_need", "need", "primary need")),
  ROLE("role", "Who answered", List.of("role", "respondent"));

  private final String code;
  private final String label;
  private final List<String> names;

  Dimension(String code, String label, List<String> names) {
    this.code = code;
    this.label = label;
    this.names = names;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static Optional<Dimension> named(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(d -> d.names.contains(t)).findFirst();
  }

  /** The coded groups of this dimension, or empty for districts (the council names its own). */
  public List<? extends Coded> coded() {
    return switch (this) {
      case AGE_BAND -> List.of(AgeBand.values());
      case AREA_OF_NEED -> List.of(AreaOfNeed.values());
      case ROLE -> List.of(Role.values());
      case DISTRICT -> List.of();
    };
  }

  /** A group's code from a CSV cell: a code or label of the coded groups, or a district's name. */
  public Optional<String> groupCode(String cell) {
    String t = cell.trim();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    if (this == DISTRICT) {
      return Optional.of(t.toLowerCase(Locale.ROOT));
    }
    for (Coded c : coded()) {
      if (c.code().equalsIgnoreCase(t) || c.label().equalsIgnoreCase(t)) {
        return Optional.of(c.code());
      }
    }
    return Optional.empty();
  }

  /** The groups a response belongs to in this dimension (none if the respondent did not say). */
  public List<String> of(RespondentProfile p) {
    return switch (this) {
      case DISTRICT ->
          p.district() == null || p.district().isBlank()
              ? List.of()
              : List.of(p.district().trim().toLowerCase(Locale.ROOT));
      case AGE_BAND -> p.ageBand() == null ? List.of() : List.of(p.ageBand().code());
      case AREA_OF_NEED -> p.areasOfNeed().stream().map(AreaOfNeed::code).distinct().toList();
      case ROLE -> p.role() == null ? List.of() : List.of(p.role().code());
    };
  }
}
