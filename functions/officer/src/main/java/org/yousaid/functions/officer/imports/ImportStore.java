package org.yousaid.functions.officer.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.storage.Table;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.storage.TableQuery;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Import batches, each chunk's result, and the staged file, beside the consultation's responses in
 * the one table. The staged file is kept compressed in DynamoDB (parts under the item size limit),
 * so the officer function and the worker read it the same way in AWS and in local mode, it is
 * encrypted at rest with everything else, and it expires by TTL if an import is never finished.
 */
public final class ImportStore {

  private static final String BATCH_PREFIX = TableLayout.IMPORT_BATCH_PREFIX;
  private static final String FILE_PREFIX = TableLayout.IMPORT_FILE_PREFIX;
  private static final String TYPE_BATCH = "IMPORT_BATCH";
  private static final String TYPE_CHUNK = "IMPORT_CHUNK";
  private static final String TYPE_FILE = "IMPORT_FILE";
  private static final int PART_BYTES = 300 * 1024;
  private static final Duration FILE_KEPT = Duration.ofDays(2);

  private final Table table;
  private final DynamoDbClient dynamo;
  private final Clock clock;

  public ImportStore(org.yousaid.shared.storage.Storage storage) {
    this.table = storage.table();
    this.dynamo = storage.dynamo();
    this.clock = storage.clock();
  }

  public Optional<ImportBatch> batch(String council, String consultationId, String id) {
    return table.document(pk(council, consultationId), batchSk(id), ImportBatch.class);
  }

  /** Every batch of the consultation, newest first. */
  public List<ImportBatch> batches(String council, String consultationId) {
    List<ImportBatch> batches = new ArrayList<>();
    for (Map<String, AttributeValue> item :
        table.query(TableQuery.partition(pk(council, consultationId)).startingWith(BATCH_PREFIX))) {
      if (TYPE_BATCH.equals(item.get(TableLayout.TYPE).s())) {
        batches.add(Table.document(item, ImportBatch.class));
      }
    }
    batches.sort(Comparator.comparing(ImportBatch::createdAt).reversed());
    return batches;
  }

  public void save(ImportBatch batch) {
    table.put(batchItem(batch));
  }

  /**
   * Saves the batch only if its stored status is still {@code expected}: of two workers finishing
   * the last chunks at once, one records the end.
   */
  public boolean saveIf(ImportBatch batch, ImportBatch.Status expected) {
    try {
      dynamo.putItem(
          b ->
              b.tableName(table.name())
                  .item(batchItem(batch))
                  .conditionExpression("#s = :expected")
                  .expressionAttributeNames(Map.of("#s", "status"))
                  .expressionAttributeValues(
                      Map.of(":expected", AttributeValue.fromS(expected.name()))));
      return true;
    } catch (ConditionalCheckFailedException notAnyMore) {
      return false;
    }
  }

  private Map<String, AttributeValue> batchItem(ImportBatch batch) {
    Map<String, AttributeValue> item =
        Table.documentItem(
            pk(batch.council(), batch.consultationId()), batchSk(batch.id()), TYPE_BATCH, batch);
    item.put("status", AttributeValue.fromS(batch.status().name()));
    return item;
  }

  public void saveChunk(ImportBatch batch, ChunkResult result) {
    table.put(
        Table.documentItem(
            pk(batch.council(), batch.consultationId()),
            chunkPrefix(batch.id()) + String.format("%05d", result.chunk()),
            TYPE_CHUNK,
            result));
  }

  public List<ChunkResult> chunks(ImportBatch batch) {
    return table.documents(
        TableQuery.partition(pk(batch.council(), batch.consultationId()))
            .startingWith(chunkPrefix(batch.id())),
        ChunkResult.class);
  }

  public void deleteChunks(ImportBatch batch) {
    List<WriteRequest> deletes = new ArrayList<>();
    String pk = pk(batch.council(), batch.consultationId());
    for (Map<String, AttributeValue> item :
        table.query(TableQuery.partition(pk).startingWith(chunkPrefix(batch.id())))) {
      deletes.add(delete(pk, item.get(TableLayout.SK).s()));
    }
    table.batchWrite(deletes);
  }

  /** Keeps the file's table until the import has run (or for two days). */
  public void stage(String council, String consultationId, String id, UploadedTable file) {
    byte[] zipped = gzip(Json.write(file));
    String pk = pk(council, consultationId);
    long expires = clock.instant().plus(FILE_KEPT).getEpochSecond();
    List<WriteRequest> puts = new ArrayList<>();
    for (int from = 0, part = 0; from < zipped.length || part == 0; from += PART_BYTES, part++) {
      byte[] slice =
          java.util.Arrays.copyOfRange(zipped, from, Math.min(zipped.length, from + PART_BYTES));
      Map<String, AttributeValue> item =
          Map.of(
              TableLayout.PK,
              AttributeValue.fromS(pk),
              TableLayout.SK,
              AttributeValue.fromS(FILE_PREFIX + id + "#" + String.format("%03d", part)),
              TableLayout.TYPE,
              AttributeValue.fromS(TYPE_FILE),
              "data",
              AttributeValue.fromB(SdkBytes.fromByteArray(slice)),
              TableLayout.TTL,
              AttributeValue.fromN(Long.toString(expires)));
      puts.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
    }
    unstage(council, consultationId, id);
    table.batchWrite(puts);
  }

  /** The staged file's table, if it is still kept. */
  public Optional<UploadedTable> staged(String council, String consultationId, String id) {
    List<Map<String, AttributeValue>> parts =
        table.query(
            TableQuery.partition(pk(council, consultationId)).startingWith(FILE_PREFIX + id + "#"));
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    parts.forEach(p -> zipped.writeBytes(p.get("data").b().asByteArray()));
    return Optional.of(Json.read(gunzip(zipped.toByteArray()), UploadedTable.class));
  }

  public void unstage(String council, String consultationId, String id) {
    String pk = pk(council, consultationId);
    List<WriteRequest> deletes = new ArrayList<>();
    for (Map<String, AttributeValue> item :
        table.query(
            TableQuery.partition(pk)
                .startingWith(FILE_PREFIX + id + "#")
                .reading(TableLayout.PK, TableLayout.SK))) {
      deletes.add(delete(pk, item.get(TableLayout.SK).s()));
    }
    table.batchWrite(deletes);
  }

  private WriteRequest delete(String pk, String sk) {
    return WriteRequest.builder().deleteRequest(d -> d.key(TableLayout.key(pk, sk))).build();
  }

  static String pk(String council, String consultationId) {
    return TableLayout.consultationPk(council, consultationId);
  }

  private static String batchSk(String id) {
    return BATCH_PREFIX + id;
  }

  private static String chunkPrefix(String id) {
    return BATCH_PREFIX + id + "#C#";
  }

  private static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String gunzip(byte[] bytes) {
    try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return new String(gz.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
