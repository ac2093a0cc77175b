package org.yousaid.shared.publishing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One published version of a consultation's "You said, we did" page: the reg. 56 trail. Versions
 * are numbered from 1 and never overwritten; each keeps the SHA-256 of every file published with
 * it.
 *
 * @param requestId the officer's publish request this version answers (a retried request publishes
 *     once)
 * @param contentHash SHA-256 (hex) of the version's {@code you-said-we-did.json}, the published
 *     content
 * @param files path under the site root to the SHA-256 (hex) of its bytes
 * @param updates the council's "we did" responses as published, for the council's Atom feed
 * @param approvedBy the officer who signed off this version (null for versions published before
 *     sign-off existed, and for re-publications after an erasure)
 * @param coSignedBy reviewers who co-signed exactly this content before it was published
 * @param reason why this version was published when an officer did not ask for it (an erasure), or
 *     null
 * @param withdrawn every earlier version withdrawn by the time this one was published (their files
 *     replaced by a notice saying why)
 * @param disclosureCheck what the small-number check did for this version (numbers only), or null
 *     for versions recorded before it was kept
 */
public record Publication(
    String council,
    String consultationId,
    int version,
    Instant publishedAt,
    String officer,
    String requestId,
    String title,
    String contentHash,
    Map<String, String> files,
    List<Update> updates,
    SignOff approvedBy,
    List<SignOff> coSignedBy,
    String reason,
    List<Integer> withdrawn,
    DisclosureCheck disclosureCheck) {

  /**
   * What the small-number check did: cells it withheld ("not shown"), linear programs it solved,
   * and how many of those stopped at their iteration bound or failed. Each of those counted the
   * cells it was to decide as worked out (fail closed), so a non-zero {@code unproven} means more
   * may be hidden than needed, never less.
   */
  public record DisclosureCheck(int withheld, int solves, int unproven) {}

  /** One published "we did" response. */
  public record Update(
      String id, String question, String theme, String response, String status, LocalDate date) {}

  /**
   * Who signed a version off: a name (their sign-in email, kept in the log, never published), their
   * role and when.
   */
  public record SignOff(String name, String role, Instant at) {

    /** The council officer who approves publication. */
    public static final String APPROVER = "approver";

    /** Another of the council's officers co-signing. */
    public static final String OFFICER = "officer";

    /** A second reviewer from outside the team, such as the parent carer forum. */
    public static final String REVIEWER = "reviewer";
  }

  /** A version recorded without its disclosure check. */
  public Publication(
      String council,
      String consultationId,
      int version,
      Instant publishedAt,
      String officer,
      String requestId,
      String title,
      String contentHash,
      Map<String, String> files,
      List<Update> updates,
      SignOff approvedBy,
      List<SignOff> coSignedBy,
      String reason,
      List<Integer> withdrawn) {
    this(
        council,
        consultationId,
        version,
        publishedAt,
        officer,
        requestId,
        title,
        contentHash,
        files,
        updates,
        approvedBy,
        coSignedBy,
        reason,
        withdrawn,
        null);
  }

  public Publication {
    files = files == null ? Map.of() : Map.copyOf(files);
    updates = updates == null ? List.of() : List.copyOf(updates);
    coSignedBy = coSignedBy == null ? List.of() : List.copyOf(coSignedBy);
    withdrawn = withdrawn == null ? List.of() : List.copyOf(withdrawn);
  }

  /** A version without sign-off, published at an officer's request. */
  public Publication(
      String council,
      String consultationId,
      int version,
      Instant publishedAt,
      String officer,
      String requestId,
      String title,
      String contentHash,
      Map<String, String> files,
      List<Update> updates) {
    this(
        council,
        consultationId,
        version,
        publishedAt,
        officer,
        requestId,
        title,
        contentHash,
        files,
        updates,
        null,
        List.of(),
        null,
        List.of(),
        null);
  }
}
