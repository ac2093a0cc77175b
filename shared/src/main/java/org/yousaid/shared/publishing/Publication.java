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
 * @param reason why this version was published when an officer did not ask for it (an erasure), or
 *     null
 * @param withdrawn every earlier version withdrawn by the time this one was published (their files
 *     replaced by a notice saying why)
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
    String reason,
    List<Integer> withdrawn) {

  /** One published "we did" response. */
  public record Update(
      String id, String question, String theme, String response, String status, LocalDate date) {}

  public Publication {
    files = files == null ? Map.of() : Map.copyOf(files);
    updates = updates == null ? List.of() : List.copyOf(updates);
    withdrawn = withdrawn == null ? List.of() : List.copyOf(withdrawn);
  }

  /** A version an officer published. */
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
        List.of());
  }
}
