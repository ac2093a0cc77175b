package org.yousaid.functions.officer.imports;

/**
 * A message on the import queue: ids only, never a file's content. {@code kind} is "rows" (store
 * one chunk of a batch's rows) or "undo" (remove the batch's answers).
 */
public record ImportJob(
    String kind, String council, String consultationId, String batchId, int chunk) {

  public static final String ROWS = "rows";
  public static final String UNDO = "undo";
}
