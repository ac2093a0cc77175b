package org.yousaid.shared.register;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * One comment about the Local Offer in the council's register (regulation 56): a page-feedback
 * comment, a consultation's free-text answer or an imported one. It keeps a copy of the comment's
 * text, so it lives beside nothing else: it is erased with its response (same transaction) and
 * expires with it.
 *
 * @param source where it came from
 * @param about for page feedback, the page or service it is about; else the consultation's title
 * @param area the reg. 56 area an officer put it in; null until triaged
 * @param themeId the register theme it belongs to, within its area; null until triaged
 * @param quoteApproved an officer approved quoting it (redacted) in the published report; only
 *     possible when the respondent agreed to be quoted
 * @param exclusion why it is kept out of everything published, or null
 */
public record RegisterEntry(
    String council,
    String consultationId,
    String questionId,
    String responseId,
    Instant receivedAt,
    Source source,
    String about,
    String text,
    boolean consentToQuote,
    long expiresAt,
    RegisterArea area,
    String themeId,
    boolean quoteApproved,
    Exclusion exclusion) {

  /** Where a comment came from. */
  public enum Source {
    PAGE_FEEDBACK("Page feedback"),
    CONSULTATION("Consultation answer"),
    IMPORTED("Imported comment");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** An officer's recorded decision to keep an entry out of publication. */
  public record Exclusion(ExclusionReason reason, String note, String officer, Instant at) {}

  private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,99}");

  /** The entry's id in officer addresses: its consultation, question and response. */
  public String id() {
    return id(consultationId, questionId, responseId);
  }

  public static String id(String consultationId, String questionId, String responseId) {
    return consultationId + "~" + questionId + "~" + responseId;
  }

  /** The parts of an id made by {@link #id()}, or null if it is not one. */
  public static String[] parts(String id) {
    if (id == null) {
      return null;
    }
    String[] parts = id.split("~", -1);
    if (parts.length != 3) {
      return null;
    }
    for (String p : parts) {
      if (!PART.matcher(p).matches()) {
        return null;
      }
    }
    return parts;
  }

  public boolean excluded() {
    return exclusion != null;
  }

  public boolean triaged() {
    return area != null && themeId != null;
  }

  /** Its quote may go in the published report: agreed, approved, and not excluded. */
  public boolean quotable() {
    return consentToQuote && quoteApproved && !excluded();
  }

  public RegisterEntry withTriage(RegisterArea area, String themeId, boolean quoteApproved) {
    return new RegisterEntry(
        council,
        consultationId,
        questionId,
        responseId,
        receivedAt,
        source,
        about,
        text,
        consentToQuote,
        expiresAt,
        area,
        themeId,
        quoteApproved && consentToQuote,
        exclusion);
  }

  public RegisterEntry withExclusion(Exclusion exclusion) {
    return new RegisterEntry(
        council,
        consultationId,
        questionId,
        responseId,
        receivedAt,
        source,
        about,
        text,
        consentToQuote,
        expiresAt,
        area,
        themeId,
        quoteApproved,
        exclusion);
  }
}
