package org.yousaid.functions.officer.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One file an officer imports: staged when uploaded, then run with the mapping the officer
 * confirmed, in chunks of rows (in the request for a small file, by the import worker for a large
 * one), and undone as a whole. Its id comes from the consultation and the file's content, so
 * importing the same file again runs the same batch and stores nothing twice.
 *
 * @param mapping column position (as text, for JSON) to target code
 * @param chunks how many chunks of rows the run has
 * @param stored answers of this batch kept in the table when last counted (after a run or undo)
 */
public record ImportBatch(
    String id,
    String council,
    String consultationId,
    String fileName,
    List<String> headers,
    int rows,
    String channel,
    Map<String, String> mapping,
    Status status,
    int chunks,
    Instant createdAt,
    String createdBy,
    Instant finishedAt,
    int stored,
    Instant undoneAt,
    String undoneBy) {

  public enum Status {
    /** Uploaded; the officer has not confirmed the mapping yet. */
    STAGED,
    /** Rows are being stored. */
    RUNNING,
    DONE,
    /** Its answers are being removed. */
    UNDOING,
    UNDONE
  }

  public ImportBatch {
    headers = headers == null ? List.of() : List.copyOf(headers);
    mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
  }

  ImportBatch undoing(String by) {
    return new ImportBatch(
        id,
        council,
        consultationId,
        fileName,
        headers,
        rows,
        channel,
        mapping,
        Status.UNDOING,
        chunks,
        createdAt,
        createdBy,
        finishedAt,
        stored,
        null,
        by);
  }

  ImportBatch running(String newChannel, Map<String, String> newMapping, int newChunks) {
    return new ImportBatch(
        id,
        council,
        consultationId,
        fileName,
        headers,
        rows,
        newChannel,
        newMapping,
        Status.RUNNING,
        newChunks,
        createdAt,
        createdBy,
        null,
        stored,
        null,
        null);
  }

  ImportBatch finished(Instant at, int storedNow) {
    return new ImportBatch(
        id,
        council,
        consultationId,
        fileName,
        headers,
        rows,
        channel,
        mapping,
        Status.DONE,
        chunks,
        createdAt,
        createdBy,
        at,
        storedNow,
        undoneAt,
        undoneBy);
  }

  ImportBatch undone(Instant at, String by) {
    return new ImportBatch(
        id,
        council,
        consultationId,
        fileName,
        headers,
        rows,
        channel,
        mapping,
        Status.UNDONE,
        chunks,
        createdAt,
        createdBy,
        finishedAt,
        0,
        at,
        by);
  }

  /** The run's column mapping by position. */
  public Map<Integer, String> columns() {
    Map<Integer, String> columns = new java.util.TreeMap<>();
    mapping.forEach((k, v) -> columns.put(Integer.parseInt(k), v));
    return columns;
  }

  public boolean running() {
    return status == Status.RUNNING || status == Status.UNDOING;
  }
}
