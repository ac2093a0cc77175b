package org.yousaid.shared.themes;

import java.util.List;
import org.yousaid.shared.storage.Table;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.storage.TableQuery;

/** Officers' theme corrections, in order ({@code TC#<question>#<ulid>}), never rewritten. */
public final class CorrectionRepository {

  private final Table table;

  public CorrectionRepository(Table table) {
    this.table = table;
  }

  public void add(String council, String consultationId, ThemeCorrection correction) {
    boolean added =
        table.putNew(
            Table.documentItem(
                TableLayout.consultationPk(council, consultationId),
                TableLayout.correctionSk(correction.questionId(), correction.id()),
                "THEME_CORRECTION",
                correction));
    if (!added) {
      // Ids are new ULIDs: another correction under this one's id would be a bug, not a race.
      throw new IllegalStateException("A correction with this id is already stored");
    }
  }

  public List<ThemeCorrection> list(String council, String consultationId, String questionId) {
    return table.documents(
        TableQuery.partition(TableLayout.consultationPk(council, consultationId))
            .startingWith(TableLayout.correctionPrefix(questionId)),
        ThemeCorrection.class);
  }
}
