package org.yousaid.shared.report;

import java.util.List;

/**
 * A closed question's answers split by one respondent profile field.
 *
 * @param dimension what the split is by, in plain English, e.g. "Child's age"
 * @param groups one row per group (e.g. "0 to 5 years"), each with its own option counts
 */
public record Breakdown(String dimension, List<Group> groups) {

  /** One group of respondents and how they answered. */
  public record Group(String label, int answered, List<OptionCount> options) {
    public Group {
      options = List.copyOf(options);
    }
  }

  public Breakdown {
    groups = List.copyOf(groups);
  }
}
