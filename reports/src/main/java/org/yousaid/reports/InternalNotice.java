package org.yousaid.reports;

/**
 * What an internal-only committee report says on every page. A report made without small-number
 * suppression shows exact counts, 1 to 4 included, so it must never be mistaken for one that can be
 * published.
 */
final class InternalNotice {

  static final String TEXT =
      "Internal: not for publication. This report shows exact numbers, including numbers from 1 to"
          + " 4.";

  private InternalNotice() {}

  /** The notice for a report made with {@code suppression}, or null if it may be published. */
  static String of(Suppression suppression) {
    return suppression.below() > 0 ? null : TEXT;
  }
}
