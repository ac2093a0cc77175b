package org.yousaid.shared.audit;

import com.github.f4b6a3.ulid.UlidCreator;
import java.time.Clock;
import java.util.List;
import org.yousaid.shared.storage.Table;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.storage.TableQuery;

/**
 * Append-only record of officer actions per consultation ({@code LOG#<ulid>} items, oldest first).
 */
public final class AuditLog {

  private final Table table;
  private final Clock clock;

  public AuditLog(Table table, Clock clock) {
    this.table = table;
    this.clock = clock;
  }

  public AuditEntry record(
      String council, String consultationId, String officer, String action, String summary) {
    AuditEntry entry =
        new AuditEntry(
            UlidCreator.getMonotonicUlid().toString(),
            council,
            consultationId,
            officer,
            clock.instant(),
            action,
            summary);
    boolean recorded =
        table.putNew(
            Table.documentItem(
                TableLayout.consultationPk(council, consultationId),
                TableLayout.auditSk(entry.id()),
                "AUDIT",
                entry));
    if (!recorded) {
      // Ids are new monotonic ULIDs: an entry already under this one's id would be a bug.
      throw new IllegalStateException("An audit entry with this id is already stored");
    }
    return entry;
  }

  public List<AuditEntry> entries(String council, String consultationId) {
    return table.documents(
        TableQuery.partition(TableLayout.consultationPk(council, consultationId))
            .startingWith(TableLayout.AUDIT_PREFIX),
        AuditEntry.class);
  }
}
