package org.yousaid.functions.officer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.functions.officer.imports.BatchImporter;
import org.yousaid.functions.officer.imports.ColumnGuess;
import org.yousaid.functions.officer.imports.ImportBatch;
import org.yousaid.functions.officer.imports.ImportTarget;
import org.yousaid.functions.officer.imports.RowProblem;
import org.yousaid.functions.officer.imports.TableReader;
import org.yousaid.functions.officer.imports.UploadedTable;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.storage.Storage;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.submission.SubmissionService;

/**
 * Imports a whole file in one call, as the JSON API does for a file small enough to store within
 * the request: columns matched by the officer's mapping (column name to target) or guessed from the
 * headers, every row validated like a web answer and stored as one batch (see {@link
 * BatchImporter}), so importing the same file twice stores each answer once and the import can be
 * undone.
 */
final class CsvImport {

  static final int MAX_ROWS = TableReader.MAX_ROWS;
  static final String IGNORE = ImportTarget.IGNORE;

  /** What happened to one file. */
  record Outcome(
      String batchId,
      int imported,
      int alreadyImported,
      List<RowProblem> problems,
      Map<String, String> mapping,
      List<String> unmatchedColumns) {}

  private final BatchImporter importer;

  CsvImport(Storage storage) {
    this(
        new BatchImporter(
            storage,
            new SubmissionService(storage.consultations(), storage.responses(), storage.clock()),
            storage.audit()));
  }

  CsvImport(BatchImporter importer) {
    this.importer = importer;
  }

  Outcome importCsv(
      Consultation consultation, String csv, Channel channel, Map<String, String> explicitMapping) {
    return importTable(consultation, TableReader.csv(csv), null, channel, explicitMapping, "api");
  }

  Outcome importTable(
      Consultation consultation,
      UploadedTable table,
      String fileName,
      Channel channel,
      Map<String, String> explicitMapping,
      String officer) {
    refuseWeb(channel);
    Map<Integer, String> columns = mapping(consultation, table.headers(), explicitMapping);
    ImportBatch batch =
        importer.start(importer.stage(consultation, table, fileName, officer), channel, columns);
    for (int chunk = 0; chunk < batch.chunks(); chunk++) {
      importer.runChunk(consultation, batch, table, chunk);
    }
    BatchImporter.Progress done =
        importer.progress(
            importer
                .store()
                .batch(consultation.council(), consultation.id(), batch.id())
                .orElseThrow());
    return outcome(consultation, table.headers(), columns, done);
  }

  static Outcome outcome(
      Consultation c,
      List<String> headers,
      Map<Integer, String> columns,
      BatchImporter.Progress p) {
    Map<String, String> byName = new LinkedHashMap<>();
    columns.forEach((i, t) -> byName.put(headers.get(i), t));
    return new Outcome(
        p.batch().id(),
        p.imported(),
        p.alreadyImported(),
        p.problems(),
        byName,
        unmatched(headers, columns));
  }

  static void refuseWeb(Channel channel) {
    if (channel == Channel.WEB) {
      throw ProblemException.badRequest(
          "Imported answers cannot be marked as sent through the online form.");
    }
  }

  /** The columns no target was chosen or guessed for, by name. */
  static List<String> unmatched(List<String> headers, Map<Integer, String> columns) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      if (!columns.containsKey(i)) {
        names.add(headers.get(i).isBlank() ? "Column " + (i + 1) : headers.get(i));
      }
    }
    return names;
  }

  /**
   * Column position to target: the officer's choices by column name first, then guesses. Refuses a
   * choice the consultation does not have, a target chosen for two columns, and a mapping with no
   * question at all (nothing would be stored).
   */
  static Map<Integer, String> mapping(
      Consultation consultation, List<String> headers, Map<String, String> explicit) {
    Map<Integer, String> guessed = ColumnGuess.guess(consultation, headers);
    Map<Integer, String> columns = new java.util.TreeMap<>();
    for (int i = 0; i < headers.size(); i++) {
      String chosen = explicit.get(headers.get(i));
      if (chosen == null) {
        continue;
      }
      if (!ImportTarget.offered(consultation, chosen)) {
        throw ProblemException.badRequest(
            "The column \""
                + shorten(headers.get(i))
                + "\" is mapped to something this consultation does not have.");
      }
      if (!chosen.equals(IGNORE)) {
        columns.put(i, chosen);
      }
    }
    for (Map.Entry<Integer, String> g : guessed.entrySet()) {
      String header = headers.get(g.getKey());
      if (!explicit.containsKey(header) && !columns.containsValue(g.getValue())) {
        columns.put(g.getKey(), g.getValue());
      }
    }
    checked(consultation, headers, columns);
    return columns;
  }

  /** Refuses a mapping that stores nothing or puts two columns in one place. */
  static void checked(Consultation c, List<String> headers, Map<Integer, String> columns) {
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (Map.Entry<Integer, String> e : columns.entrySet()) {
      Integer other = seen.putIfAbsent(e.getValue(), e.getKey());
      if (other != null) {
        throw ProblemException.badRequest(
            "The columns \""
                + shorten(headers.get(other))
                + "\" and \""
                + shorten(headers.get(e.getKey()))
                + "\" are both mapped to "
                + ImportTarget.label(c, e.getValue())
                + ". Choose one.");
      }
    }
    if (columns.values().stream().noneMatch(t -> t.startsWith(ImportTarget.QUESTION_PREFIX))) {
      throw ProblemException.badRequest(
          "None of the file's columns matches a question of this consultation, so nothing would"
              + " be imported. Name the columns after the questions, or choose a question for each"
              + " column.");
    }
  }

  static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
