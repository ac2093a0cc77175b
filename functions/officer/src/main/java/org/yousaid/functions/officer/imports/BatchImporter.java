package org.yousaid.functions.officer.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.yousaid.functions.common.telemetry.Telemetry;
import org.yousaid.shared.audit.AuditLog;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.storage.Storage;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.storage.TableQuery;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.submission.SubmissionService;
import org.yousaid.shared.validation.FieldError;

/**
 * Runs import batches: stages a file, stores its rows chunk by chunk, and says how far it got.
 * Every row is stored through {@link SubmissionService#record} with the idempotency key {@code
 * import-<batch>-<row>}, so a chunk run twice (a retried message, a worker that timed out after
 * writing half its rows) replays the rows it already stored and stores nothing twice; the keys also
 * tell which answers belong to the batch, which is how {@link BatchUndo} finds them.
 */
public final class BatchImporter {

  /** Rows per chunk, and the most stored within the officer's request. */
  public static final int CHUNK_ROWS = 500;

  /** Rows stored at once: DynamoDB calls are I/O, not CPU. */
  private static final int WRITERS = 4;

  /** The outcome of a batch so far. */
  public record Progress(
      ImportBatch batch,
      int rowsDone,
      int imported,
      int alreadyImported,
      List<RowProblem> problems,
      int chunksDone) {
    public boolean finished() {
      return batch.status() != ImportBatch.Status.RUNNING;
    }

    public int percent() {
      return batch.chunks() == 0 ? 0 : 100 * chunksDone / batch.chunks();
    }
  }

  private final Storage storage;
  private final SubmissionService submissions;
  private final ImportStore store;
  private final AuditLog audit;
  private final Clock clock;

  public BatchImporter(Storage storage, SubmissionService submissions, AuditLog audit) {
    this.storage = storage;
    this.submissions = submissions;
    this.store = new ImportStore(storage);
    this.audit = audit;
    this.clock = storage.clock();
  }

  public ImportStore store() {
    return store;
  }

  /**
   * Keeps the file for its preview and run; the same file for the same consultation is the same
   * batch.
   */
  public ImportBatch stage(Consultation c, UploadedTable table, String fileName, String officer) {
    String id = batchId(c, table);
    ImportBatch batch =
        store
            .batch(c.council(), c.id(), id)
            .filter(b -> b.status() != ImportBatch.Status.UNDONE)
            .orElse(
                new ImportBatch(
                    id,
                    c.council(),
                    c.id(),
                    fileName == null || fileName.isBlank() ? "Pasted text" : fileName,
                    table.headers(),
                    table.rows().size(),
                    Channel.IMPORT.code(),
                    Map.of(),
                    ImportBatch.Status.STAGED,
                    0,
                    clock.instant(),
                    officer,
                    null,
                    0,
                    null,
                    null));
    store.stage(c.council(), c.id(), id, table);
    if (batch.status() == ImportBatch.Status.STAGED) {
      store.save(batch);
    }
    return batch;
  }

  /**
   * Marks the batch running with this mapping and channel; the caller then runs each chunk (here or
   * on the queue).
   */
  public ImportBatch start(ImportBatch batch, Channel channel, Map<Integer, String> mapping) {
    if (batch.running()) {
      throw ProblemException.conflict(
          "This import is already running", "This file is being imported. Wait for it to finish.");
    }
    Map<String, String> columns = new java.util.TreeMap<>();
    mapping.forEach((k, v) -> columns.put(Integer.toString(k), v));
    int chunks = Math.max(1, (batch.rows() + CHUNK_ROWS - 1) / CHUNK_ROWS);
    ImportBatch running = batch.running(channel.code(), columns, chunks);
    store.deleteChunks(batch);
    store.save(running);
    return running;
  }

  /** Stores one chunk of the batch's rows and records what happened; finishes the batch if last. */
  public void runChunk(Consultation c, ImportBatch batch, UploadedTable table, int chunk) {
    List<UploadedTable.Row> rows =
        table
            .rows()
            .subList(
                Math.min(table.rows().size(), chunk * CHUNK_ROWS),
                Math.min(table.rows().size(), (chunk + 1) * CHUNK_ROWS));
    RowReader reader = new RowReader(c, table.headers(), batch.columns());
    Channel channel =
        org.yousaid.shared.model.Coded.fromCode(Channel.class, batch.channel())
            .orElse(Channel.IMPORT);
    List<Future<RowOutcome>> outcomes = new ArrayList<>();
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    try {
      for (UploadedTable.Row row : rows) {
        outcomes.add(writers.submit(() -> store(c, batch, reader.read(row), channel)));
      }
      int imported = 0;
      int replayed = 0;
      List<RowProblem> problems = new ArrayList<>();
      for (Future<RowOutcome> f : outcomes) {
        RowOutcome o = f.get();
        if (o.problem() != null) {
          problems.add(o.problem());
        } else if (o.replayed()) {
          replayed++;
        } else {
          imported++;
        }
      }
      store.saveChunk(batch, new ChunkResult(chunk, imported, replayed, problems));
      if (imported > 0) {
        Telemetry.count("ResponsesSubmitted", imported, "Channel", channel.code());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      writers.shutdownNow();
    }
    finishIfLast(batch);
  }

  private record RowOutcome(boolean replayed, RowProblem problem) {}

  private RowOutcome store(
      Consultation c, ImportBatch batch, RowReader.ReadRow row, Channel channel) {
    if (!row.importable()) {
      return new RowOutcome(false, new RowProblem(row.number(), row.problems()));
    }
    try {
      SubmissionService.Receipt receipt =
          submissions.record(
              c, row.submission(), rowKey(batch.id(), row.number()), channel, row.givenAt());
      return new RowOutcome(receipt.replayed(), null);
    } catch (ProblemException problem) {
      if (problem.status() == 409) {
        return new RowOutcome(
            false,
            new RowProblem(
                row.number(),
                List.of(
                    "This row was already imported from this file with other values (another"
                        + " column mapping). Undo that import first to import it again.")));
      }
      if (problem.status() >= 500) {
        throw problem;
      }
      List<String> messages =
          problem.errors().isEmpty()
              ? List.of(problem.detail())
              : problem.errors().stream().map(FieldError::message).toList();
      return new RowOutcome(false, new RowProblem(row.number(), messages));
    }
  }

  private void finishIfLast(ImportBatch batch) {
    List<ChunkResult> done = store.chunks(batch);
    if (done.size() < batch.chunks()) {
      return;
    }
    ImportBatch finished = batch.finished(clock.instant(), storedCount(batch));
    if (store.saveIf(finished, ImportBatch.Status.RUNNING)) {
      store.unstage(batch.council(), batch.consultationId(), batch.id());
      Progress p = progress(finished);
      audit.record(
          batch.council(),
          batch.consultationId(),
          batch.createdBy(),
          "imported",
          "imported "
              + p.imported()
              + " answers ("
              + batch.channel()
              + "), "
              + p.problems().size()
              + " rows refused");
    }
  }

  /** The batch's answers in the table: one idempotency record each. */
  int storedCount(ImportBatch batch) {
    return storage
        .table()
        .count(
            TableQuery.partition(
                    TableLayout.consultationPk(batch.council(), batch.consultationId()))
                .startingWith(TableLayout.idempotencySk(keyPrefix(batch.id()))));
  }

  public Progress progress(ImportBatch batch) {
    List<ChunkResult> chunks = store.chunks(batch);
    int imported = 0;
    int replayed = 0;
    List<RowProblem> problems = new ArrayList<>();
    for (ChunkResult r : chunks) {
      imported += r.imported();
      replayed += r.alreadyImported();
      problems.addAll(r.problems());
    }
    problems.sort(Comparator.comparingInt(RowProblem::row));
    int rowsDone = Math.min(batch.rows(), imported + replayed + problems.size());
    return new Progress(batch, rowsDone, imported, replayed, problems, chunks.size());
  }

  static String keyPrefix(String batchId) {
    return "import-" + batchId + "-";
  }

  static String rowKey(String batchId, int row) {
    return keyPrefix(batchId) + row;
  }

  /** The consultation and the file's table decide the batch: the same file, the same batch. */
  static String batchId(Consultation c, UploadedTable table) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (c.council() + "|" + c.id() + "|" + Json.write(table))
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
