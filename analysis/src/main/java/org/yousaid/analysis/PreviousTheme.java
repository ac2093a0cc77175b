package org.yousaid.analysis;

import java.util.List;

/**
 * A theme from an earlier run of the same question, so that themes that persist keep their id and
 * label.
 */
public record PreviousTheme(
    String id, String label, List<String> keyTerms, List<String> memberIds) {
  /** Convenience: the previous run's theme as the next run needs it. */
  public static PreviousTheme of(Theme t) {
    return new PreviousTheme(t.id(), t.label(), t.keyTerms(), t.memberIds());
  }
}
