package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.http.FormBody;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.officer.imports.MultipartForm;
import org.yousaid.functions.officer.journey.DatasetImporter;
import org.yousaid.functions.officer.oruk.FeedFetcher;
import org.yousaid.functions.officer.oruk.ServiceFeedback;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ConsultationKind;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.services.ServiceDirectory;
import org.yousaid.shared.storage.ConsultationRepository;
import org.yousaid.shared.storage.CouncilDatasets;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.validation.FieldError;

/**
 * The council's Open Referral UK services: import the feed from a file or its web address (see
 * {@link FeedFetcher} for what an address may be), and see page feedback per service. Per-service
 * summaries are published with the page-feedback form's "You said, we did", through the usual
 * sign-off and publisher.
 */
final class ServicesPage {

  private final CouncilDatasets datasets;
  private final ConsultationRepository consultations;
  private final ResponseRepository responses;
  private final DatasetImporter importer;

  ServicesPage(
      CouncilDatasets datasets,
      ConsultationRepository consultations,
      ResponseRepository responses,
      DatasetImporter importer) {
    this.datasets = datasets;
    this.consultations = consultations;
    this.responses = responses;
    this.importer = importer;
  }

  static ServicesPage create(Services services, DatasetImporter importer) {
    return new ServicesPage(
        services.councilDatasets(), services.consultations(), services.responses(), importer);
  }

  /** The importer of every council dataset, fetching feeds under the deployment's policy. */
  static DatasetImporter importer(Services services, OfficerConfig config) {
    return new DatasetImporter(
        services.councilDatasets(),
        new FeedFetcher(
            config.servicesFeedFromThisMachine()
                ? FeedFetcher.Policy.LOCAL
                : FeedFetcher.Policy.PUBLIC_WEB),
        services.clock());
  }

  APIGatewayV2HTTPResponse show(Request request, SignedInOfficer officer) {
    return officer.page(
        "officer/services", model(request.pathParameter("council"), Map.of(), List.of()));
  }

  /** A file upload (multipart) or a web address (form). */
  APIGatewayV2HTTPResponse act(Request request, SignedInOfficer officer) {
    String council = request.pathParameter("council");
    Map<String, String> fields = new HashMap<>();
    String officerEmail = officer.identity().email();
    try {
      if (MultipartForm.isMultipart(request)) {
        MultipartForm form = MultipartForm.parse(request, ImportPage.MAX_IMPORT_BYTES);
        fields.putAll(form.fields());
        MultipartForm.UploadedFile file = form.file().orElse(null);
        if (file == null || file.bytes().length == 0) {
          throw ProblemException.invalid(
              List.of(new FieldError("file", "Choose the feed's JSON file")));
        }
        importer.servicesFile(council, officerEmail, file.bytes(), file.name());
      } else {
        FormBody form = FormBody.parse(request.bodyText(64 * 1024));
        fields.put("url", form.first("url") == null ? "" : form.first("url"));
        importer.servicesFromWeb(council, officerEmail, fields.get("url"));
      }
      return Flash.SERVICES_IMPORTED.redirect("/officer/councils/" + council + "/services");
    } catch (ProblemException problem) {
      if (problem.status() != 400 && problem.status() != 413) {
        throw problem;
      }
      String field = MultipartForm.isMultipart(request) ? "file" : "url";
      List<FieldError> errors =
          problem.errors().isEmpty()
              ? List.of(new FieldError(field, problem.detail()))
              : problem.errors();
      // A feed's own problems are shown beside the field it came from.
      List<FieldError> placed = new ArrayList<>();
      errors.forEach(
          e -> placed.add(e.field().equals("feed") ? new FieldError(field, e.message()) : e));
      return officer.page("officer/services", model(council, fields, placed), problem.status());
    }
  }

  /**
   * The council's services and their page feedback, suppressed ({@link ServiceFeedback}).
   *
   * @param directory null until a feed is imported
   * @param feedback null without a directory
   * @param feedbackForm the council's first page-feedback form, or null
   */
  record Figures(
      ServiceDirectory directory, ServiceFeedback.Summary feedback, Consultation feedbackForm) {}

  Figures figures(String council) {
    ServiceDirectory directory =
        datasets.load(council, CouncilDatasets.SERVICES, ServiceDirectory.class).orElse(null);
    List<Consultation> forms =
        consultations.listForCouncil(council).stream()
            .filter(c -> c.kind() == ConsultationKind.PAGE_FEEDBACK)
            .toList();
    ServiceFeedback.Summary summary = null;
    if (directory != null) {
      List<Response> feedback = new ArrayList<>();
      for (Consultation c : forms) {
        feedback.addAll(responses.listForConsultation(council, c.id()));
      }
      summary = ServiceFeedback.of(directory, feedback);
    }
    return new Figures(directory, summary, forms.isEmpty() ? null : forms.get(0));
  }

  private Map<String, Object> model(
      String council, Map<String, String> fields, List<FieldError> errors) {
    Map<String, List<String>> given = new HashMap<>();
    fields.forEach((k, v) -> given.put(k, List.of(v)));
    Map<String, Object> model = FormModel.of("Services", given, errors);
    model.put("council", council);
    model.put("problems", errors.stream().map(FieldError::message).toList());
    Figures figures = figures(council);
    model.put("directory", figures.directory());
    model.put("feedbackForm", figures.feedbackForm());
    if (figures.feedback() != null) {
      model.put("feedback", figures.feedback());
    }
    model.put("imports", importer.history(council, CouncilDatasets.SERVICES));
    return model;
  }
}
