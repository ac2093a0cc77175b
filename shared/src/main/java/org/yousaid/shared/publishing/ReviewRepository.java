package org.yousaid.shared.publishing;

import java.util.List;
import org.yousaid.shared.storage.Table;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.storage.TableQuery;

/** Comments and co-signatures on a consultation's drafts ({@code REVIEW#<ulid>}, oldest first). */
public final class ReviewRepository {

  private final Table table;

  public ReviewRepository(Table table) {
    this.table = table;
  }

  public void add(Review review) {
    boolean added =
        table.putNew(
            Table.documentItem(
                TableLayout.consultationPk(review.council(), review.consultationId()),
                TableLayout.reviewSk(review.id()),
                "REVIEW",
                review));
    if (!added) {
      // Ids are new ULIDs: another review under this one's id would be a bug, not a race.
      throw new IllegalStateException("A review with this id is already stored");
    }
  }

  public List<Review> list(String council, String consultationId) {
    return table.documents(
        TableQuery.partition(TableLayout.consultationPk(council, consultationId))
            .startingWith(TableLayout.REVIEW_PREFIX),
        Review.class);
  }
}
