package org.yousaid.shared.publishing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.yousaid.shared.storage.Table;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.storage.TableQuery;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The publication log: {@code PUB#<version>} items under the consultation, written once with {@code
 * attribute_not_exists} so a version can never be replaced, and listed per council through GSI1
 * ({@code PUBLISHED#<council>}, kept apart from the consultation list's {@code COUNCIL#} key).
 */
public final class PublicationRepository {

  private final Table table;

  public PublicationRepository(Table table) {
    this.table = table;
  }

  /** Records a version; false if that version number was taken meanwhile (another publish won). */
  public boolean record(Publication p) {
    Map<String, AttributeValue> item =
        Table.documentItem(
            TableLayout.consultationPk(p.council(), p.consultationId()),
            TableLayout.publicationSk(p.version()),
            "PUBLICATION",
            p);
    item.put(TableLayout.GSI1_PK, AttributeValue.fromS(TableLayout.publishedIndexPk(p.council())));
    item.put(
        TableLayout.GSI1_SK,
        AttributeValue.fromS(TableLayout.publishedIndexSk(p.consultationId(), p.version())));
    return table.putNew(item);
  }

  /** Every version of one consultation, oldest first. */
  public List<Publication> versions(String council, String consultationId) {
    List<Publication> out =
        new ArrayList<>(
            table.documents(
                TableQuery.partition(TableLayout.consultationPk(council, consultationId))
                    .startingWith(TableLayout.PUBLICATION_PREFIX),
                Publication.class));
    out.sort(Comparator.comparingInt(Publication::version));
    return out;
  }

  public Optional<Publication> latest(String council, String consultationId) {
    List<Publication> all = versions(council, consultationId);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /**
   * The latest version of every published consultation of a council (eventually consistent: a GSI).
   */
  public List<Publication> latestPerConsultation(String council) {
    Map<String, Publication> latest = new TreeMap<>();
    for (Publication p :
        table.documents(
            TableQuery.gsi1(TableLayout.publishedIndexPk(council)), Publication.class)) {
      latest.merge(p.consultationId(), p, (a, b) -> a.version() >= b.version() ? a : b);
    }
    return new ArrayList<>(latest.values());
  }

  /**
   * Keeps a version's disclosure snapshot (its exact numbers and their relations, encoded by the
   * reports module) so the next version is checked against this one's tables. Numbers and labels of
   * options and themes only, never answer text; never published.
   */
  public void saveSnapshot(String council, String consultationId, int version, byte[] snapshot) {
    Map<String, AttributeValue> item = new java.util.HashMap<>();
    item.put(
        TableLayout.PK, AttributeValue.fromS(TableLayout.consultationPk(council, consultationId)));
    item.put(TableLayout.SK, AttributeValue.fromS(TableLayout.disclosureSnapshotSk(version)));
    item.put(TableLayout.TYPE, AttributeValue.fromS("DISCLOSURE_SNAPSHOT"));
    item.put(
        "snapshot",
        AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(snapshot)));
    table.put(item);
  }

  public Optional<byte[]> snapshot(String council, String consultationId, int version) {
    return table
        .get(
            TableLayout.consultationPk(council, consultationId),
            TableLayout.disclosureSnapshotSk(version))
        .map(item -> item.get("snapshot").b().asByteArray());
  }

  /** A withdrawn version no longer constrains later ones. */
  public void deleteSnapshot(String council, String consultationId, int version) {
    table.delete(
        TableLayout.consultationPk(council, consultationId),
        TableLayout.disclosureSnapshotSk(version));
  }
}
