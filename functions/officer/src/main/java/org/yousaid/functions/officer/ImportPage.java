package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yousaid.functions.common.http.FormBody;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.functions.common.queue.ImportQueue;
import org.yousaid.functions.officer.imports.BatchImporter;
import org.yousaid.functions.officer.imports.BatchUndo;
import org.yousaid.functions.officer.imports.ColumnGuess;
import org.yousaid.functions.officer.imports.ImportBatch;
import org.yousaid.functions.officer.imports.ImportJob;
import org.yousaid.functions.officer.imports.ImportTarget;
import org.yousaid.functions.officer.imports.MultipartForm;
import org.yousaid.functions.officer.imports.RowProblem;
import org.yousaid.functions.officer.imports.RowReader;
import org.yousaid.functions.officer.imports.TableReader;
import org.yousaid.functions.officer.imports.UploadedTable;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Coded;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.storage.Storage;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.submission.SubmissionService;
import org.yousaid.shared.validation.FieldError;

/**
 * Importing answers from other survey tools or paper: upload a CSV or XLSX file (or paste CSV), see
 * how each column will be read and change it, import, follow a large file's progress, and undo an
 * import. The API takes the file as the body with an optional column mapping. A file over {@link
 * BatchImporter#CHUNK_ROWS} rows is stored by the import worker, one chunk per queued job, so no
 * request waits for it. Each import goes into the audit log with its counts, never its content.
 */
final class ImportPage {

  static final int MAX_IMPORT_BYTES = 6 * 1024 * 1024;
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** API query parameters {@code map.<column>=<target or "ignore">} map one column. */
  static final String MAPPING_PREFIX = "map.";

  /** Rows shown as they will be stored on the preview. */
  private static final int PREVIEW_ROWS = 5;

  private static final java.time.format.DateTimeFormatter WHEN =
      java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma", java.util.Locale.UK)
          .withZone(java.time.ZoneId.of("Europe/London"));

  private final ConsultationLookup lookup;
  private final BatchImporter importer;
  private final BatchUndo undo;
  private final ImportQueue queue;

  /**
   * @param queue where large imports' chunks go; null to store every file within the request
   */
  ImportPage(
      Storage storage,
      SubmissionService submissions,
      ConsultationLookup lookup,
      ImportQueue queue) {
    this.lookup = lookup;
    this.importer = new BatchImporter(storage, submissions, storage.audit());
    this.undo = new BatchUndo(storage, storage.audit());
    this.queue = queue;
  }

  APIGatewayV2HTTPResponse form(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    Map<String, Object> model = model(c, Map.of(), List.of());
    Optional<String> undoAsked = request.query("undo");
    if (undoAsked.isPresent()) {
      ImportBatch batch = batch(c, undoAsked.get());
      model.put("confirmUndo", summary(batch));
      return officer.page("officer/import-undo", model);
    }
    request.query("batch").ifPresent(id -> model.put("result", summary(batch(c, id))));
    request
        .query("done")
        .filter("undone"::equals)
        .ifPresent(d -> model.put("success", "Import undone: its answers have been removed."));
    return officer.page("officer/import", model);
  }

  /** Upload (or paste) → preview; preview → import; undo. */
  APIGatewayV2HTTPResponse fromForm(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    Map<String, String> fields;
    MultipartForm.UploadedFile file = null;
    if (MultipartForm.isMultipart(request)) {
      MultipartForm form = MultipartForm.parse(request, MAX_IMPORT_BYTES);
      fields = form.fields();
      file = form.file().orElse(null);
    } else {
      FormBody form = FormBody.parse(request.bodyText(MAX_IMPORT_BYTES));
      fields = new HashMap<>();
      form.fields().forEach((k, v) -> fields.put(k, v.isEmpty() ? "" : v.get(0)));
    }
    String action = fields.getOrDefault("action", "upload");
    return switch (action) {
      case "import" -> importMapped(c, fields, officer);
      case "undo" -> undo(c, fields.getOrDefault("batch", ""), officer);
      default -> upload(c, fields, file, officer);
    };
  }

  private APIGatewayV2HTTPResponse upload(
      Consultation c,
      Map<String, String> fields,
      MultipartForm.UploadedFile file,
      SignedInOfficer officer) {
    try {
      UploadedTable table;
      String name;
      if (file != null && file.bytes().length > 0) {
        table = TableReader.read(file.bytes(), file.name());
        name = file.name();
      } else if (!fields.getOrDefault("csv", "").isBlank()) {
        table = TableReader.csv(fields.get("csv"));
        name = null;
      } else {
        throw ProblemException.invalid(
            List.of(new FieldError("file", "Choose a CSV or Excel file, or paste the answers")));
      }
      // A file with no column recognised is still previewed: the officer can choose for each.
      Map<Integer, String> guessed = ColumnGuess.guess(c, table.headers());
      ImportBatch batch = importer.stage(c, table, name, officer.identity().email());
      Channel channel = channel(Optional.ofNullable(fields.get("channel")));
      return preview(c, batch, table, guessed, channel, List.of(), officer, 200);
    } catch (ProblemException problem) {
      if (problem.status() != 400 && problem.status() != 413) {
        throw problem;
      }
      List<FieldError> errors =
          problem.errors().isEmpty()
              ? List.of(new FieldError("file", problem.detail()))
              : problem.errors();
      Map<String, List<String>> given = new HashMap<>();
      fields.forEach((k, v) -> given.put(k, List.of(v)));
      return officer.page("officer/import", model(c, given, errors), problem.status());
    }
  }

  private APIGatewayV2HTTPResponse importMapped(
      Consultation c, Map<String, String> fields, SignedInOfficer officer) {
    ImportBatch batch = batch(c, fields.getOrDefault("batch", ""));
    UploadedTable table =
        importer
            .store()
            .staged(c.council(), c.id(), batch.id())
            .orElseThrow(
                () ->
                    ProblemException.badRequest(
                        "The file is no longer kept (files are kept for two days). Upload it again."));
    Channel channel = channel(Optional.ofNullable(fields.get("channel")));
    Map<Integer, String> columns = new java.util.TreeMap<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < table.headers().size(); i++) {
      String chosen = fields.getOrDefault("column-" + i, ImportTarget.IGNORE);
      if (!ImportTarget.offered(c, chosen)) {
        errors.add(new FieldError("column-" + i, "Choose what this column holds from the list"));
      } else if (!chosen.equals(ImportTarget.IGNORE)) {
        columns.put(i, chosen);
      }
    }
    if (errors.isEmpty()) {
      try {
        CsvImport.refuseWeb(channel);
        CsvImport.checked(c, table.headers(), columns);
      } catch (ProblemException problem) {
        errors.add(new FieldError("column-0", problem.detail()));
      }
    }
    if (!errors.isEmpty()) {
      return preview(c, batch, table, columns, channel, errors, officer, 400);
    }
    ImportBatch running = importer.start(batch, channel, columns);
    if (queue == null || running.chunks() == 1) {
      for (int chunk = 0; chunk < running.chunks(); chunk++) {
        importer.runChunk(c, running, table, chunk);
      }
    } else {
      for (int chunk = 0; chunk < running.chunks(); chunk++) {
        queue.send(
            Json.write(new ImportJob(ImportJob.ROWS, c.council(), c.id(), running.id(), chunk)));
      }
    }
    return Responses.redirect(path(c) + "?batch=" + running.id());
  }

  private APIGatewayV2HTTPResponse undo(Consultation c, String batchId, SignedInOfficer officer) {
    ImportBatch batch = batch(c, batchId);
    if (batch.status() == ImportBatch.Status.UNDONE) {
      return Responses.redirect(path(c) + "?done=undone");
    }
    ImportBatch undoing = undo.begin(batch, officer.identity().email());
    if (queue == null || batch.stored() <= BatchImporter.CHUNK_ROWS) {
      undo.run(c, undoing, officer.identity().email());
      return Responses.redirect(path(c) + "?done=undone");
    }
    queue.send(Json.write(new ImportJob(ImportJob.UNDO, c.council(), c.id(), batch.id(), 0)));
    return Responses.redirect(path(c) + "?batch=" + batch.id());
  }

  private APIGatewayV2HTTPResponse preview(
      Consultation c,
      ImportBatch batch,
      UploadedTable table,
      Map<Integer, String> columns,
      Channel channel,
      List<FieldError> errors,
      SignedInOfficer officer,
      int status) {
    Map<String, Object> model = model(c, Map.of(), errors);
    model.put("pageTitle", "Check how the file will be imported");
    model.put("batch", batch);
    model.put("channel", channel.code());
    model.put("targets", ImportTarget.of(c));
    List<Map<String, Object>> cols = new ArrayList<>();
    for (int i = 0; i < table.headers().size(); i++) {
      Map<String, Object> col = new HashMap<>();
      col.put("index", i);
      col.put(
          "header",
          table.headers().get(i).isBlank() ? "Column " + (i + 1) : table.headers().get(i));
      col.put("target", columns.getOrDefault(i, ImportTarget.IGNORE));
      cols.add(col);
    }
    model.put("columns", cols);
    model.put("unmatched", CsvImport.unmatched(table.headers(), columns));
    RowReader reader = new RowReader(c, table.headers(), columns);
    List<Map<String, Object>> sample = new ArrayList<>();
    List<RowProblem> problems = new ArrayList<>();
    int importable = 0;
    for (UploadedTable.Row row : table.rows()) {
      RowReader.ReadRow read = reader.read(row);
      if (read.importable()) {
        importable++;
      } else {
        problems.add(new RowProblem(read.number(), read.problems()));
      }
      if (sample.size() < PREVIEW_ROWS) {
        List<String> cells = new ArrayList<>();
        for (Integer col : columns.keySet()) {
          cells.add(read.shown().getOrDefault(col, ""));
        }
        sample.add(Map.of("number", read.number(), "cells", cells, "ok", read.importable()));
      }
    }
    List<String> mappedHeaders = new ArrayList<>();
    columns.forEach((i, t) -> mappedHeaders.add(ImportTarget.label(c, t)));
    model.put("mappedHeaders", mappedHeaders);
    model.put("sample", sample);
    model.put("rowProblems", problems.size() > 100 ? problems.subList(0, 100) : problems);
    model.put("rowProblemCount", problems.size());
    model.put("importable", importable);
    model.put("rowCount", table.rows().size());
    model.put("background", queue != null && table.rows().size() > BatchImporter.CHUNK_ROWS);
    model.put("alreadyImported", batch.status() == ImportBatch.Status.DONE);
    model.put(
        "noQuestion",
        columns.values().stream().noneMatch(t -> t.startsWith(ImportTarget.QUESTION_PREFIX)));
    return officer.page("officer/import-preview", model, status);
  }

  /** The request body as the file; {@code ?channel=} and {@code ?map.<column>=} from the query. */
  APIGatewayV2HTTPResponse fromApi(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    UploadedTable table;
    if (request.mediaType().equals("text/csv")) {
      table = TableReader.csv(request.bodyText(MAX_IMPORT_BYTES));
    } else if (request.mediaType().equals(XLSX)) {
      byte[] bytes = request.bodyBytes();
      if (bytes.length > MAX_IMPORT_BYTES) {
        throw ProblemException.tooLarge("The file is too big: split it into smaller files.");
      }
      table = TableReader.read(bytes, "api.xlsx");
    } else {
      throw ProblemException.unsupportedMediaType(
          "Send the file as text/csv or as an XLSX workbook.");
    }
    Channel channel = channel(request.query("channel"));
    CsvImport.refuseWeb(channel);
    Map<Integer, String> columns =
        CsvImport.mapping(c, table.headers(), mapping(request.queryParameters()));
    String email = officer.identity().email();
    ImportBatch running = importer.start(importer.stage(c, table, null, email), channel, columns);
    if (queue != null && running.chunks() > 1) {
      for (int chunk = 0; chunk < running.chunks(); chunk++) {
        queue.send(
            Json.write(new ImportJob(ImportJob.ROWS, c.council(), c.id(), running.id(), chunk)));
      }
      Map<String, Object> accepted = new LinkedHashMap<>();
      accepted.put("batchId", running.id());
      accepted.put("status", running.status().name());
      accepted.put("rows", running.rows());
      accepted.put("unmatchedColumns", CsvImport.unmatched(table.headers(), columns));
      return Responses.json(202, accepted);
    }
    for (int chunk = 0; chunk < running.chunks(); chunk++) {
      importer.runChunk(c, running, table, chunk);
    }
    BatchImporter.Progress done =
        importer.progress(importer.store().batch(c.council(), c.id(), running.id()).orElseThrow());
    return Responses.json(200, CsvImport.outcome(c, table.headers(), columns, done));
  }

  private ImportBatch batch(Consultation c, String id) {
    return importer
        .store()
        .batch(c.council(), c.id(), id)
        .orElseThrow(
            () -> ProblemException.notFound("There is no such import for this consultation."));
  }

  private Map<String, Object> summary(ImportBatch batch) {
    BatchImporter.Progress p = importer.progress(batch);
    Map<String, Object> s = new HashMap<>();
    s.put("batch", batch);
    s.put("progress", p);
    s.put("problems", p.problems().size() > 200 ? p.problems().subList(0, 200) : p.problems());
    s.put("problemCount", p.problems().size());
    s.put(
        "channel",
        Coded.fromCode(Channel.class, batch.channel()).map(Channel::label).orElse(batch.channel()));
    s.put("when", WHEN.format(batch.createdAt()).replace("AM", "am").replace("PM", "pm"));
    return s;
  }

  private Map<String, Object> model(
      Consultation c, Map<String, List<String>> given, List<FieldError> errors) {
    Map<String, Object> model = FormModel.of("Import answers", given, errors);
    model.put("consultation", c);
    List<Map<String, Object>> history = new ArrayList<>();
    for (ImportBatch b : importer.store().batches(c.council(), c.id())) {
      if (b.status() != ImportBatch.Status.STAGED) {
        history.add(summary(b));
      }
    }
    model.put("history", history);
    return model;
  }

  private static String path(Consultation c) {
    return "/officer/councils/" + c.council() + "/consultations/" + c.id() + "/import";
  }

  /** The import worker's queue in AWS ({@code IMPORT_QUEUE_URL}, set by template.yaml). */
  static String importQueueUrl(Map<String, String> environment) {
    String url = environment.get("IMPORT_QUEUE_URL");
    if (url == null || url.isBlank()) {
      throw new IllegalStateException("IMPORT_QUEUE_URL is not set");
    }
    return url;
  }

  /** The channel the answers came through (paper, meeting, email…); "import" when not named. */
  static Channel channel(Optional<String> code) {
    return code.flatMap(v -> Coded.fromCode(Channel.class, v)).orElse(Channel.IMPORT);
  }

  /** The explicit column mapping in a query: column name to target (or "ignore"). */
  static Map<String, String> mapping(Map<String, String> query) {
    Map<String, String> mapping = new HashMap<>();
    query.forEach(
        (name, value) -> {
          if (name.startsWith(MAPPING_PREFIX)) {
            mapping.put(name.substring(MAPPING_PREFIX.length()), value);
          }
        });
    return mapping;
  }
}
