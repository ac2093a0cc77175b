package org.yousaid.functions.officer.imports;

import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.storage.Storage;
import org.yousaid.shared.submission.SubmissionService;

/**
 * Does an import job, wherever it runs: the import worker in AWS and local mode, or inline for a
 * function given no queue.
 */
public final class ImportJobs {

  private final Storage storage;
  private final BatchImporter importer;
  private final BatchUndo undo;

  /** The last staged file read: a worker takes a batch's chunks one after another. */
  private volatile CachedTable cached;

  private record CachedTable(String batchId, UploadedTable table) {}

  public ImportJobs(Storage storage) {
    this.storage = storage;
    SubmissionService submissions =
        new SubmissionService(storage.consultations(), storage.responses(), storage.clock());
    this.importer = new BatchImporter(storage, submissions, storage.audit());
    this.undo = new BatchUndo(storage, storage.audit());
  }

  public void run(ImportJob job) {
    Consultation c =
        storage
            .consultations()
            .find(job.council(), job.consultationId())
            .orElseThrow(() -> new IllegalArgumentException("no such consultation"));
    ImportBatch batch =
        importer
            .store()
            .batch(job.council(), job.consultationId(), job.batchId())
            .orElseThrow(() -> new IllegalArgumentException("no such import"));
    if (job.kind().equals(ImportJob.UNDO)) {
      if (batch.status() == ImportBatch.Status.UNDOING) {
        undo.run(c, batch, batch.undoneBy() == null ? batch.createdBy() : batch.undoneBy());
      }
      return;
    }
    if (batch.status() != ImportBatch.Status.RUNNING) {
      // Finished, or undone meanwhile: a late retry has nothing to do.
      return;
    }
    CachedTable table = cached;
    if (table == null || !table.batchId().equals(batch.id())) {
      table =
          new CachedTable(
              batch.id(),
              importer
                  .store()
                  .staged(c.council(), c.id(), batch.id())
                  .orElseThrow(() -> new IllegalArgumentException("the file is no longer kept")));
      cached = table;
    }
    importer.runChunk(c, batch, table.table(), job.chunk());
  }
}
