package org.yousaid.shared.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yousaid.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Figures and lists an officer imports for their council as a whole (the DfE timeliness figures,
 * the SEND population counts, the Open Referral UK services feed), each one JSON document that an
 * import replaces. A document larger than one item is split into chunks written in one transaction,
 * so a reader sees the old document or the new one, never a mix.
 */
public final class CouncilDatasets {

  /** Characters per item: well under DynamoDB's 400 KB item limit. */
  static final int CHUNK = 300_000;

  /** Chunks per document: one transaction holds at most 100 writes and 4 MB. */
  public static final int MAX_CHUNKS = 12;

  private static final String TYPE = "COUNCIL_DATASET";
  private static final String TYPE_IMPORT = "COUNCIL_DATASET_IMPORT";

  /** The DfE EHC plans timeliness figures of the council and England. */
  public static final String TIMELINESS = "EHC_TIMELINESS";

  /** The council's SEND population counts by respondent group. */
  public static final String POPULATION = "SEND_POPULATION";

  /**
   * The council's Open Referral UK services ({@link org.yousaid.shared.services.ServiceDirectory}).
   */
  public static final String SERVICES = "ORUK_SERVICES";

  private final Table table;

  public CouncilDatasets(Table table) {
    this.table = table;
  }

  /**
   * Replaces the council's document of this kind.
   *
   * @throws IllegalArgumentException if it is larger than {@link #MAX_CHUNKS} chunks
   */
  public void save(String council, String kind, Object document) {
    String json = Json.write(document);
    int chunks = Math.max(1, (json.length() + CHUNK - 1) / CHUNK);
    if (chunks > MAX_CHUNKS) {
      throw new IllegalArgumentException("document too large to keep");
    }
    String pk = TableLayout.councilDatasetPk(council);
    int before = chunks(council, kind);
    List<TransactWriteItem> writes = new ArrayList<>();
    for (int i = 0; i < chunks; i++) {
      Map<String, AttributeValue> item = new HashMap<>();
      item.putAll(TableLayout.key(pk, TableLayout.councilDatasetSk(kind, i)));
      item.put(TableLayout.TYPE, AttributeValue.fromS(TYPE));
      item.put(
          TableLayout.DOC,
          AttributeValue.fromS(
              json.substring(i * CHUNK, Math.min(json.length(), (i + 1) * CHUNK))));
      item.put("chunks", AttributeValue.fromN(Integer.toString(chunks)));
      writes.add(
          TransactWriteItem.builder()
              .put(Put.builder().tableName(table.name()).item(item).build())
              .build());
    }
    for (int i = chunks; i < before; i++) {
      writes.add(
          TransactWriteItem.builder()
              .delete(
                  Delete.builder()
                      .tableName(table.name())
                      .key(TableLayout.key(pk, TableLayout.councilDatasetSk(kind, i)))
                      .build())
              .build());
    }
    // Putting the same chunks again is harmless, so the transaction may be retried.
    table.transactWrite(writes);
  }

  /** The council's document of this kind, if one was imported. */
  public <T> Optional<T> load(String council, String kind, Class<T> type) {
    List<Map<String, AttributeValue>> items =
        table.query(
            TableQuery.partition(TableLayout.councilDatasetPk(council))
                .startingWith(TableLayout.councilDatasetPrefix(kind)));
    if (items.isEmpty()) {
      return Optional.empty();
    }
    int chunks = Integer.parseInt(items.get(0).get("chunks").n());
    if (items.size() < chunks) {
      return Optional.empty();
    }
    StringBuilder json = new StringBuilder();
    for (int i = 0; i < chunks; i++) {
      json.append(items.get(i).get(TableLayout.DOC).s());
    }
    return Optional.of(Json.read(json.toString(), type));
  }

  /**
   * Keeps the audit record of an import, refused or not. Writing the same record twice is harmless,
   * so it is retried.
   */
  public void recordImport(String council, DatasetImport record) {
    table.put(
        Table.documentItem(
            TableLayout.councilDatasetPk(council),
            TableLayout.councilDatasetImportSk(record.dataset(), record.id()),
            TYPE_IMPORT,
            record));
  }

  /** The audit records of the council's imports of this kind, newest first. */
  public List<DatasetImport> imports(String council, String kind) {
    List<DatasetImport> records =
        new ArrayList<>(
            table.documents(
                TableQuery.partition(TableLayout.councilDatasetPk(council))
                    .startingWith(TableLayout.councilDatasetImportPrefix(kind)),
                DatasetImport.class));
    java.util.Collections.reverse(records);
    return records;
  }

  private int chunks(String council, String kind) {
    return table
        .get(TableLayout.councilDatasetPk(council), TableLayout.councilDatasetSk(kind, 0))
        .map(item -> Integer.parseInt(item.get("chunks").n()))
        .orElse(0);
  }
}
