package org.yousaid.analysis;

import java.util.List;

/**
 * A theme from an earlier run of the same question, so that themes that persist keep their id and
 * label.
 */
public record PreviousTheme(
    String id, String label, List<String> keyTerms, List<String> memberIds, String parentId) {
  /** A theme (not a sub-theme) of the earlier run. */
  public PreviousTheme(String id, String label, List<String> keyTerms, List<String> memberIds) {
    this(id, label, keyTerms, memberIds, null);
  }

  /** Convenience: the previous run's theme or sub-theme as the next run needs it. */
  public static PreviousTheme of(Theme t) {
    return new PreviousTheme(t.id(), t.label(), t.keyTerms(), t.memberIds(), t.parentId());
  }

  public boolean subTheme() {
    return parentId != null;
  }
}
