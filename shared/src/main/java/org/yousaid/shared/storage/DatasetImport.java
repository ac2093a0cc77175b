package org.yousaid.shared.storage;

import java.time.Instant;

/**
 * The audit record of one attempt to import a council dataset ({@link CouncilDatasets}): who, when,
 * from which file or web address, how many rows were kept, refused and left out, and which earlier
 * import it replaced. Never anything the file said: a refused file's problems quote its cells, so
 * only their number is kept.
 *
 * @param dataset the kind of dataset ({@link CouncilDatasets#TIMELINESS} and so on)
 * @param officer the email address of the officer who imported it
 * @param source the file's name or the feed's web address
 * @param fromWeb whether {@code source} is a web address the feed was fetched from
 * @param imported whether the file replaced the council's dataset (false: refused, nothing changed)
 * @param rowsAccepted rows (services, groups, rows of figures) kept
 * @param rowsRejected problems found in a refused file (one per wrong row or service, up to 20)
 * @param rowsSkipped rows left out as not the council's (other councils, breakdowns)
 * @param replaced the import it replaced, or null for the council's first
 */
public record DatasetImport(
    String id,
    String dataset,
    Instant at,
    String officer,
    String source,
    boolean fromWeb,
    boolean imported,
    int rowsAccepted,
    int rowsRejected,
    int rowsSkipped,
    Replaced replaced) {

  /** The dataset an import replaced: where it came from and when it was imported. */
  public record Replaced(String source, Instant importedAt) {}
}
