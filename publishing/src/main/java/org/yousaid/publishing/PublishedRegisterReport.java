package org.yousaid.publishing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The annual Local Offer feedback report as published (page, JSON, CSV, Word, PDF): what families
 * told us in the last 12 months, grouped by the three reg. 56 areas, what we did, and what is still
 * in progress. Every count has passed {@link org.yousaid.reports.DisclosureControl} (null with a
 * note when it is not shown); quotes, labels and responses the redaction module; excluded comments
 * are in none of it.
 *
 * @param comments the comments the themes below count (null when not shown; see {@code
 *     commentsNote})
 */
public record PublishedRegisterReport(
    String council,
    String councilName,
    String title,
    int version,
    Instant publishedAt,
    LocalDate from,
    LocalDate to,
    Integer comments,
    String commentsNote,
    List<Area> areas,
    List<Action> weDid,
    List<Action> inProgress) {

  public PublishedRegisterReport {
    areas = areas == null ? List.of() : List.copyOf(areas);
    weDid = weDid == null ? List.of() : List.copyOf(weDid);
    inProgress = inProgress == null ? List.of() : List.copyOf(inProgress);
  }

  /** One of the three reg. 56 areas and the themes families raised in it. */
  public record Area(String code, String label, List<Theme> themes) {
    public Area {
      themes = themes == null ? List.of() : List.copyOf(themes);
    }
  }

  /**
   * What families told us on one theme, and the council's response.
   *
   * @param quotes redacted words of people who agreed to be quoted, approved by an officer
   */
  public record Theme(
      String id,
      String label,
      Integer comments,
      String commentsNote,
      List<String> quotes,
      String response,
      Action action) {
    public Theme {
      quotes = quotes == null ? List.of() : List.copyOf(quotes);
    }
  }

  /** What the council does about a theme, where it has got to and since when. */
  public record Action(
      String themeId,
      String area,
      String theme,
      String action,
      String status,
      LocalDate since,
      List<Change> history) {
    public Action {
      history = history == null ? List.of() : List.copyOf(history);
    }
  }

  /** The action reached this status on this day. */
  public record Change(String status, LocalDate on) {}
}
