package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yousaid.functions.common.http.FormBody;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.shared.audit.AuditLog;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Coded;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.submission.SubmissionService;
import org.yousaid.shared.validation.FieldError;

/**
 * Importing answers from other survey tools or paper as CSV: a page with a form (columns matched
 * automatically) and an API that takes the file as {@code text/csv} with an optional column
 * mapping. Each import goes into the audit log with its counts, never its content.
 */
final class ImportPage {

  static final int MAX_IMPORT_BYTES = 6 * 1024 * 1024;

  /** API query parameters {@code map.<column>=<question id or "ignore">} map one CSV column. */
  static final String MAPPING_PREFIX = "map.";

  private final ConsultationLookup lookup;
  private final CsvImport csvImport;
  private final AuditLog audit;

  ImportPage(SubmissionService submissions, ConsultationLookup lookup, AuditLog audit) {
    this.lookup = lookup;
    this.csvImport = new CsvImport(submissions);
    this.audit = audit;
  }

  APIGatewayV2HTTPResponse form(Request request, SignedInOfficer officer) {
    Map<String, Object> model = FormModel.of("Import answers", Map.of(), List.of());
    model.put("consultation", lookup.of(request));
    return officer.page("officer/import", model);
  }

  /**
   * The form's file, columns matched by the importer; the page shows what happened. A file that
   * cannot be imported at all comes back in the form with the reason.
   */
  APIGatewayV2HTTPResponse fromForm(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    FormBody form = FormBody.parse(request.bodyText(MAX_IMPORT_BYTES));
    String csv = form.first("csv") == null ? "" : form.first("csv");
    try {
      if (csv.isBlank()) {
        throw ProblemException.invalid(
            List.of(new FieldError("csv", "Paste the contents of the CSV file")));
      }
      CsvImport.Outcome outcome =
          importCsv(c, csv, channel(Optional.ofNullable(form.first("channel"))), Map.of(), officer);
      Map<String, Object> model = FormModel.of("Import answers", Map.of(), List.of());
      model.put("consultation", c);
      model.put("outcome", outcome);
      model.put(
          "success",
          outcome.imported() + (outcome.imported() == 1 ? " answer" : " answers") + " imported.");
      return officer.page("officer/import", model);
    } catch (ProblemException problem) {
      if (problem.status() != 400 && problem.status() != 413) {
        throw problem;
      }
      List<FieldError> errors =
          problem.errors().isEmpty()
              ? List.of(new FieldError("csv", problem.detail()))
              : problem.errors();
      Map<String, Object> model = FormModel.of("Import answers", form.fields(), errors);
      model.put("consultation", c);
      return officer.page("officer/import", model, problem.status());
    }
  }

  /** The request body as the file; {@code ?channel=} and {@code ?map.<column>=} from the query. */
  APIGatewayV2HTTPResponse fromApi(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    if (!request.mediaType().equals("text/csv")) {
      throw ProblemException.unsupportedMediaType("Send the file as text/csv.");
    }
    CsvImport.Outcome outcome =
        importCsv(
            c,
            request.bodyText(MAX_IMPORT_BYTES),
            channel(request.query("channel")),
            mapping(request.queryParameters()),
            officer);
    return Responses.json(200, outcome);
  }

  /** The channel the answers came through (paper, meeting, email…); "import" when not named. */
  static Channel channel(Optional<String> code) {
    return code.flatMap(v -> Coded.fromCode(Channel.class, v)).orElse(Channel.IMPORT);
  }

  /** The explicit column mapping in a query: column name to question id (or "ignore"). */
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

  private CsvImport.Outcome importCsv(
      Consultation c,
      String csv,
      Channel channel,
      Map<String, String> mapping,
      SignedInOfficer officer) {
    CsvImport.Outcome outcome = csvImport.importCsv(c, csv, channel, mapping);
    audit.record(
        c.council(),
        c.id(),
        officer.identity().email(),
        "imported",
        "imported "
            + outcome.imported()
            + " answers ("
            + channel.code()
            + "), "
            + outcome.problems().size()
            + " rows refused");
    return outcome;
  }
}
