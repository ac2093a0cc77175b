package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.officer.imports.MultipartForm;
import org.yousaid.functions.officer.journey.DatasetImporter;
import org.yousaid.functions.officer.journey.Datasets;
import org.yousaid.functions.officer.journey.EhcTimeliness;
import org.yousaid.functions.officer.journey.SendPopulation;
import org.yousaid.shared.storage.CouncilDatasets;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.validation.FieldError;

/**
 * The officer's council-wide imports for the EHC journey and coverage dashboards: the DfE EHC plans
 * timeliness figures and the council's SEND population counts. Each upload replaces the last one; a
 * refused file comes back on the same page with every problem found and what was typed. Each page
 * lists every import, kept or refused ({@link DatasetImporter}).
 */
final class JourneyPages {

  private final CouncilDatasets datasets;
  private final DatasetImporter importer;

  JourneyPages(CouncilDatasets datasets, DatasetImporter importer) {
    this.datasets = datasets;
    this.importer = importer;
  }

  APIGatewayV2HTTPResponse timelinessForm(Request request, SignedInOfficer officer) {
    String council = request.pathParameter("council");
    return officer.page("officer/timeliness-import", timelinessModel(council, Map.of(), List.of()));
  }

  APIGatewayV2HTTPResponse importTimeliness(Request request, SignedInOfficer officer) {
    String council = request.pathParameter("council");
    return upload(
        request,
        officer,
        (fields, errors) -> timelinessModel(council, fields, errors),
        "officer/timeliness-import",
        (fields, file) ->
            importer.timeliness(
                council, officer.identity().email(), file.bytes(), file.name(), fields.get("area")),
        Flash.TIMELINESS_IMPORTED.redirect("/officer/councils/" + council + "/ehc-stages"));
  }

  APIGatewayV2HTTPResponse populationForm(Request request, SignedInOfficer officer) {
    String council = request.pathParameter("council");
    return officer.page("officer/population-import", populationModel(council, Map.of(), List.of()));
  }

  APIGatewayV2HTTPResponse importPopulation(Request request, SignedInOfficer officer) {
    String council = request.pathParameter("council");
    return upload(
        request,
        officer,
        (fields, errors) -> populationModel(council, fields, errors),
        "officer/population-import",
        (fields, file) ->
            importer.population(council, officer.identity().email(), file.bytes(), file.name()),
        Flash.POPULATION_IMPORTED.redirect("/officer/councils/" + council + "/coverage"));
  }

  private APIGatewayV2HTTPResponse upload(
      Request request,
      SignedInOfficer officer,
      java.util.function.BiFunction<Map<String, String>, List<FieldError>, Map<String, Object>>
          refused,
      String template,
      java.util.function.BiConsumer<Map<String, String>, MultipartForm.UploadedFile> store,
      APIGatewayV2HTTPResponse done) {
    Map<String, String> fields = new HashMap<>();
    try {
      if (!MultipartForm.isMultipart(request)) {
        throw ProblemException.invalid(List.of(new FieldError("file", "Choose a CSV file")));
      }
      MultipartForm form = MultipartForm.parse(request, ImportPage.MAX_IMPORT_BYTES);
      fields.putAll(form.fields());
      MultipartForm.UploadedFile file = form.file().orElse(null);
      if (file == null || file.bytes().length == 0) {
        throw ProblemException.invalid(List.of(new FieldError("file", "Choose a CSV file")));
      }
      store.accept(fields, file);
      return done;
    } catch (ProblemException problem) {
      if (problem.status() != 400 && problem.status() != 413) {
        throw problem;
      }
      List<FieldError> errors =
          problem.errors().isEmpty()
              ? List.of(new FieldError("file", problem.detail()))
              : problem.errors();
      return officer.page(template, refused.apply(fields, errors), problem.status());
    }
  }

  private Map<String, Object> timelinessModel(
      String council, Map<String, String> fields, List<FieldError> errors) {
    Map<String, Object> model = base(council, "Import EHC plan timeliness figures", fields, errors);
    datasets
        .load(council, Datasets.TIMELINESS, EhcTimeliness.class)
        .ifPresent(t -> model.put("current", t));
    model.put("imports", importer.history(council, Datasets.TIMELINESS));
    return model;
  }

  private Map<String, Object> populationModel(
      String council, Map<String, String> fields, List<FieldError> errors) {
    Map<String, Object> model = base(council, "Import SEND population counts", fields, errors);
    datasets
        .load(council, Datasets.POPULATION, SendPopulation.class)
        .ifPresent(p -> model.put("current", p));
    model.put("imports", importer.history(council, Datasets.POPULATION));
    return model;
  }

  private static Map<String, Object> base(
      String council, String title, Map<String, String> fields, List<FieldError> errors) {
    Map<String, List<String>> given = new HashMap<>();
    fields.forEach((k, v) -> given.put(k, List.of(v)));
    Map<String, Object> model = FormModel.of(title, given, errors);
    model.put("council", council);
    List<String> problems = new ArrayList<>();
    errors.forEach(e -> problems.add(e.message()));
    model.put("problems", problems);
    return model;
  }
}
