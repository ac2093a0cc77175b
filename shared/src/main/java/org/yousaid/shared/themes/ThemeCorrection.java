package org.yousaid.shared.themes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One officer correction to a question's themes. Corrections are kept in order and applied on top
 * of the current analysis run. A re-run themes the answers onto the corrected themes, keeping their
 * ids, so quotes and "we did" entries stay with their theme (see {@link EffectiveThemes}).
 *
 * @param themeId the theme acted on
 * @param targetThemeId for MERGE and MOVE, the theme that receives the answers; for DEMOTE, the
 *     theme it becomes a sub-theme of
 * @param responseIds for MOVE, SPLIT and quotes, the answers concerned
 * @param text the new label (RENAME, SPLIT) or the council's response (WE_DID)
 * @param status for WE_DID: planned, in progress or done
 * @param date for WE_DID: when it was or will be done
 * @param trim for APPROVE_QUOTE of one answer: more words the officer removed from it, or null
 */
public record ThemeCorrection(
    String id,
    String questionId,
    String officer,
    Instant at,
    Kind kind,
    String themeId,
    String targetThemeId,
    List<String> responseIds,
    String text,
    String status,
    LocalDate date,
    QuoteTrim trim) {

  /** What the officer did. */
  public enum Kind {
    RENAME,
    MERGE,
    SPLIT,
    MOVE,
    APPROVE_QUOTE,
    WITHDRAW_QUOTE,
    WE_DID,
    /** Keeps a theme a re-run proposed: from then on it is one of the officer's themes. */
    ACCEPT_THEME,
    /** Turns down a proposed theme: its answers go to "Other". */
    REJECT_THEME,
    /** Makes a sub-theme a theme of its own: its answers leave the theme it was part of. */
    PROMOTE,
    /**
     * Makes a theme (without sub-themes of its own) a sub-theme of another theme, which then holds
     * its answers too.
     */
    DEMOTE
  }

  public ThemeCorrection {
    responseIds = responseIds == null ? List.of() : List.copyOf(responseIds);
  }

  /** A correction that trims no quote. */
  public ThemeCorrection(
      String id,
      String questionId,
      String officer,
      Instant at,
      Kind kind,
      String themeId,
      String targetThemeId,
      List<String> responseIds,
      String text,
      String status,
      LocalDate date) {
    this(
        id,
        questionId,
        officer,
        at,
        kind,
        themeId,
        targetThemeId,
        responseIds,
        text,
        status,
        date,
        null);
  }
}
