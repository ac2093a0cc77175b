package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.functions.officer.dashboards.DashboardPages;
import org.yousaid.functions.officer.dashboards.DateRange;
import org.yousaid.functions.officer.dashboards.EhcStageStats;
import org.yousaid.functions.officer.journey.CoverageStats;
import org.yousaid.functions.officer.journey.DatasetImporter;
import org.yousaid.functions.officer.journey.Datasets;
import org.yousaid.functions.officer.journey.DfeEhcpCsv;
import org.yousaid.functions.officer.journey.EhcTimeliness;
import org.yousaid.functions.officer.journey.SendPopulation;
import org.yousaid.functions.officer.oruk.OrukFeed;
import org.yousaid.functions.officer.oruk.ServiceFeedback;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.EhcJourneyStage;
import org.yousaid.shared.services.ServiceDirectory;
import org.yousaid.shared.storage.DatasetImport;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.validation.FieldError;

/**
 * The officer API of the EHC journey, "who has been heard" and Open Referral UK services: the
 * dashboards' figures as JSON, and the three council-wide imports. Every count is the one the page
 * shows, through the same suppression ({@code numbers=shareable}, the only kind given here: the
 * pages themselves never show these counts exactly), as {@code {"count": n, "hidden": null}} or
 * {@code {"count": null, "hidden": "fewer than 5"}}. Each figure set carries its dataset's import
 * history ({@link DatasetImport}).
 */
final class JourneyApi {

  private static final int MAX_FILE_NAME = 200;

  private final DashboardPages dashboards;
  private final DatasetImporter importer;
  private final ServicesPage services;

  JourneyApi(DashboardPages dashboards, DatasetImporter importer, ServicesPage services) {
    this.dashboards = dashboards;
    this.importer = importer;
    this.services = services;
  }

  // ------------------------------------------------------------------ the EHC journey

  /** Satisfaction at each EHC stage beside the council's DfE timeliness figures for it. */
  APIGatewayV2HTTPResponse ehcStages(Request request, SignedInOfficer officer) {
    String numbers = shareableOnly(request);
    Map<String, Object> model = dashboards.ehcStagesModel(request);
    DateRange range = range(model);
    if (Boolean.TRUE.equals(model.get("unknownSurvey"))) {
      throw ProblemException.notFound("The council has no stage survey with this id.");
    }
    Consultation survey = (Consultation) model.get("survey");
    EhcStageStats.Summary summary = (EhcStageStats.Summary) model.get("summary");
    String council = request.pathParameter("council");
    EhcTimeliness timeliness =
        (EhcTimeliness) model.get("timelinessSource"); // null until the DfE file is imported
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("numbers", numbers);
    body.put("from", range.from());
    body.put("to", range.to());
    List<Map<String, Object>> surveys = new ArrayList<>();
    @SuppressWarnings("unchecked")
    List<Consultation> all = (List<Consultation>) model.get("surveys");
    all.forEach(c -> surveys.add(consultation(c)));
    body.put("surveys", surveys);
    body.put("survey", survey == null ? null : consultation(survey));
    body.put("responses", summary == null ? count(0, "") : count(summary.responses()));
    body.put("headlineQuestion", summary == null ? null : summary.headlineQuestion());
    List<Map<String, Object>> stages = new ArrayList<>();
    for (EhcJourneyStage s : EhcJourneyStage.values()) {
      EhcStageStats.Stage shown =
          summary == null
              ? null
              : summary.stages().stream()
                  .filter(x -> x.code().equals(s.code()))
                  .findFirst()
                  .orElse(null);
      Map<String, Object> stage = stage(s.code(), s.label(), shown);
      stage.put("timeliness", timeliness == null ? List.of() : figures(timeliness, s));
      stages.add(stage);
    }
    if (summary != null) {
      summary.stages().stream()
          .filter(x -> x.code().equals("not-said"))
          .findFirst()
          .ifPresent(
              x -> {
                Map<String, Object> stage = stage(x.code(), x.label(), x);
                stage.put("timeliness", List.of());
                stages.add(stage);
              });
    }
    body.put("stages", stages);
    if (timeliness == null) {
      body.put("timelinessSource", null);
    } else {
      Map<String, Object> source = new LinkedHashMap<>();
      source.put("areaCode", timeliness.areaCode());
      source.put("areaName", timeliness.areaName());
      source.put("fileName", timeliness.fileName());
      source.put("importedAt", timeliness.importedAt());
      body.put("timelinessSource", source);
    }
    body.put("imports", importer.history(council, Datasets.TIMELINESS));
    return Responses.json(200, body);
  }

  private static Map<String, Object> stage(String code, String label, EhcStageStats.Stage shown) {
    Map<String, Object> stage = new LinkedHashMap<>();
    stage.put("code", code);
    stage.put("label", label);
    stage.put("responses", shown == null ? count(0, "") : count(shown.responses()));
    List<Map<String, Object>> questions = new ArrayList<>();
    List<Map<String, Object>> months = new ArrayList<>();
    if (shown != null) {
      for (EhcStageStats.QuestionSplit q : shown.questions()) {
        Map<String, Object> question = new LinkedHashMap<>();
        question.put("questionId", q.questionId());
        question.put("text", q.text());
        question.put("answered", count(q.answered()));
        question.put("options", options(q.options()));
        questions.add(question);
      }
      for (EhcStageStats.MonthRow m : shown.months()) {
        Map<String, Object> month = new LinkedHashMap<>();
        month.put("month", m.month().toString());
        month.put("responses", count(m.responses()));
        month.put("answered", count(m.answered()));
        month.put("options", options(m.options()));
        months.add(month);
      }
    }
    stage.put("questions", questions);
    stage.put("months", months);
    return stage;
  }

  private static List<Map<String, Object>> options(List<EhcStageStats.OptionShare> shares) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (EhcStageStats.OptionShare o : shares) {
      Map<String, Object> option = new LinkedHashMap<>();
      option.put("value", o.value());
      option.put("label", o.label());
      option.put("count", count(o.count()));
      option.put("percent", o.percent() < 0 ? null : o.percent());
      out.add(option);
    }
    return out;
  }

  /** The DfE's values for a stage, as the file had them (already published, with its own rules). */
  private static List<Map<String, Object>> figures(EhcTimeliness t, EhcJourneyStage stage) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (EhcTimeliness.Figure f : t.figures()) {
      if (f.measure().stage() != stage) {
        continue;
      }
      Map<String, Object> figure = new LinkedHashMap<>();
      figure.put("measure", f.measure().name());
      figure.put("label", f.measure().label());
      figure.put("percent", f.measure().percent());
      figure.put("area", f.area());
      figure.put("period", f.period());
      figure.put("periodLabel", f.periodLabel());
      figure.put("value", f.value());
      figure.put("missing", f.missing());
      out.add(figure);
    }
    return out;
  }

  // ------------------------------------------------------------------ who has been heard

  /** Answers per respondent group against the council's SEND population, suppressed as shown. */
  APIGatewayV2HTTPResponse coverage(Request request, SignedInOfficer officer) {
    String numbers = shareableOnly(request);
    Map<String, Object> model = dashboards.coverageModel(request);
    DateRange range = range(model);
    if (Boolean.TRUE.equals(model.get("unknownConsultation"))) {
      throw ProblemException.notFound("The council has no consultation with this id.");
    }
    CoverageStats.Coverage coverage = (CoverageStats.Coverage) model.get("coverage");
    SendPopulation population = (SendPopulation) model.get("population");
    Consultation chosen = (Consultation) model.get("chosen");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("numbers", numbers);
    body.put("from", range.from());
    body.put("to", range.to());
    body.put("consultation", chosen == null ? null : consultation(chosen));
    body.put("responses", count(coverage.responses().shown(), coverage.responses().text()));
    body.put("answersPer100Children", rate(coverage.councilRate()));
    List<Map<String, Object>> dimensions = new ArrayList<>();
    for (CoverageStats.DimensionView d : coverage.dimensions()) {
      Map<String, Object> dimension = new LinkedHashMap<>();
      dimension.put("code", d.code());
      dimension.put("label", d.label());
      dimension.put("hasPopulation", d.hasPopulation());
      dimension.put("answersPer100Children", rate(d.rate()));
      dimension.put("notHeard", d.notHeard());
      List<Map<String, Object>> groups = new ArrayList<>();
      for (CoverageStats.Group g : d.groups()) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("label", g.label());
        group.put("answers", count(g.answers().shown(), g.answers().text()));
        group.put("children", count(g.children().shown(), g.children().text()));
        group.put("answersPer100Children", rate(g.rate()));
        group.put("underRepresented", g.underRepresented());
        group.put("note", g.note().isEmpty() ? null : g.note());
        groups.add(group);
      }
      dimension.put("groups", groups);
      dimensions.add(dimension);
    }
    body.put("dimensions", dimensions);
    if (population == null) {
      body.put("populationSource", null);
    } else {
      Map<String, Object> source = new LinkedHashMap<>();
      source.put("fileName", population.fileName());
      source.put("importedAt", population.importedAt());
      body.put("populationSource", source);
    }
    body.put("imports", importer.history(request.pathParameter("council"), Datasets.POPULATION));
    return Responses.json(200, body);
  }

  // ------------------------------------------------------------------ services

  /** The council's Open Referral UK services with their page feedback, suppressed as shown. */
  APIGatewayV2HTTPResponse services(Request request, SignedInOfficer officer) {
    String numbers = shareableOnly(request);
    String council = request.pathParameter("council");
    ServicesPage.Figures figures = services.figures(council);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("numbers", numbers);
    ServiceDirectory directory = figures.directory();
    if (directory == null) {
      body.put("directory", null);
      body.put("answers", null);
      body.put("matched", null);
      body.put("unmatched", null);
      body.put("services", List.of());
    } else {
      Map<String, Object> source = new LinkedHashMap<>();
      source.put("source", directory.source());
      source.put("importedAt", directory.importedAt());
      source.put("services", directory.services().size());
      body.put("directory", source);
      ServiceFeedback.Summary feedback = figures.feedback();
      body.put("answers", count(feedback.answers().shown(), feedback.answers().text()));
      body.put("matched", count(feedback.matched().shown(), feedback.matched().text()));
      body.put("unmatched", count(feedback.unmatched().shown(), feedback.unmatched().text()));
      List<Map<String, Object>> rows = new ArrayList<>();
      for (ServiceFeedback.Row r : feedback.rows()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", r.service().id());
        row.put("name", r.service().name());
        row.put("organisation", r.service().organisation());
        row.put("url", r.service().url());
        row.put("status", r.service().status());
        row.put("subject", r.subject());
        row.put("answers", count(r.answers().shown(), r.answers().text()));
        row.put("useful", count(r.useful().shown(), r.useful().text()));
        row.put("notUseful", count(r.notUseful().shown(), r.notUseful().text()));
        row.put("usefulPercent", percent(r.usefulPercent()));
        rows.add(row);
      }
      body.put("services", rows);
    }
    body.put("imports", importer.history(council, Datasets.SERVICES));
    return Responses.json(200, body);
  }

  // ------------------------------------------------------------------ imports

  /** The DfE EHC plans CSV, as downloaded, for the council whose LA code is {@code area}. */
  APIGatewayV2HTTPResponse importTimeliness(Request request, SignedInOfficer officer) {
    if (!request.mediaType().equals("text/csv")) {
      throw ProblemException.unsupportedMediaType(
          "Send the DfE file as text/csv, as explore-education-statistics gives it.");
    }
    byte[] bytes = bytes(request, DfeEhcpCsv.MAX_BYTES);
    String name = fileName(request, "dfe-ehc-plans.csv");
    String area = request.query("area").orElse(null);
    DatasetImporter.Imported<EhcTimeliness> done =
        ApiJson.fields(
            () ->
                importer.timeliness(
                    request.pathParameter("council"),
                    officer.identity().email(),
                    bytes,
                    name,
                    area),
            n -> n);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("import", done.record());
    body.put("areaCode", done.dataset().areaCode());
    body.put("areaName", done.dataset().areaName());
    body.put("values", done.dataset().figures().size());
    return Responses.json(200, body);
  }

  /** The council's SEND population counts: CSV or an XLSX workbook's first sheet. */
  APIGatewayV2HTTPResponse importPopulation(Request request, SignedInOfficer officer) {
    String suffix;
    if (request.mediaType().equals("text/csv")) {
      suffix = ".csv";
    } else if (request.mediaType().equals(ImportPage.XLSX)) {
      suffix = ".xlsx";
    } else {
      throw ProblemException.unsupportedMediaType(
          "Send the counts as text/csv or as an XLSX workbook.");
    }
    byte[] bytes = bytes(request, ImportPage.MAX_IMPORT_BYTES);
    String given = fileName(request, "send-population" + suffix);
    // The reader goes by the name's ending: keep the one the content type says.
    String name =
        given.toLowerCase(java.util.Locale.ROOT).endsWith(suffix) ? given : given + suffix;
    DatasetImporter.Imported<SendPopulation> done =
        ApiJson.fields(
            () ->
                importer.population(
                    request.pathParameter("council"), officer.identity().email(), bytes, name),
            n -> n);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("import", done.record());
    body.put("groups", done.dataset().groups().size());
    return Responses.json(200, body);
  }

  /**
   * The council's Open Referral UK feed: {@code {"url": …}} fetches it from its web address (page
   * by page), {@code {"feed": …}} is the feed's JSON itself.
   */
  APIGatewayV2HTTPResponse importServices(Request request, SignedInOfficer officer) {
    if (!request.mediaType().equals("application/json")) {
      throw ProblemException.unsupportedMediaType("Send the request as application/json.");
    }
    byte[] bytes = bytes(request, OrukFeed.MAX_BYTES + 1024);
    Object parsed;
    try {
      parsed = Json.mapper().readValue(bytes, Object.class);
    } catch (java.io.IOException e) {
      throw ProblemException.badRequest("The request body is not valid JSON.");
    }
    if (!(parsed instanceof Map<?, ?> fields)) {
      throw ProblemException.badRequest("The request body must be a JSON object.");
    }
    Object url = fields.get("url");
    Object feed = fields.get("feed");
    if ((url == null) == (feed == null)) {
      throw ApiJson.unprocessable(
          List.of(
              new FieldError(
                  url == null ? "url" : "feed",
                  "Give either the feed's web address (url) or the feed itself (feed)")));
    }
    if (url != null && !(url instanceof String)) {
      throw ApiJson.unprocessable(List.of(new FieldError("url", "Must be text")));
    }
    String council = request.pathParameter("council");
    String email = officer.identity().email();
    DatasetImporter.Imported<ServiceDirectory> done =
        url != null
            ? ApiJson.fields(
                () -> importer.servicesFromWeb(council, email, (String) url),
                n -> n.equals("feed") || n.equals("file") ? "url" : n)
            : ApiJson.fields(
                () ->
                    importer.servicesFile(
                        council,
                        email,
                        Json.write(feed).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        fileName(request, "feed.json")),
                n -> n.equals("file") ? "feed" : n);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("import", done.record());
    body.put("services", done.dataset().services().size());
    return Responses.json(200, body);
  }

  // ------------------------------------------------------------------ shared

  /**
   * The {@code numbers} asked for: only {@code shareable}, the default, as the pages never show
   * these counts exactly either.
   */
  static String shareableOnly(Request request) {
    String numbers = request.query("numbers").orElse(PageFeedbackApi.SHAREABLE);
    if (numbers.equals(PageFeedbackApi.EXACT)) {
      throw ApiJson.unprocessable(
          List.of(
              new FieldError(
                  "numbers",
                  "Only shareable numbers are given here: the officers' page shows them with small"
                      + " numbers hidden too")));
    }
    if (!numbers.equals(PageFeedbackApi.SHAREABLE)) {
      throw ApiJson.unprocessable(List.of(new FieldError("numbers", "Numbers must be shareable")));
    }
    return numbers;
  }

  private static DateRange range(Map<String, Object> model) {
    DateRange range = (DateRange) model.get("range");
    if (range.hasErrors()) {
      List<FieldError> errors = new ArrayList<>();
      range.errors().forEach((field, message) -> errors.add(new FieldError(field, message)));
      throw ApiJson.unprocessable(errors);
    }
    return range;
  }

  private static byte[] bytes(Request request, int max) {
    byte[] bytes = request.bodyBytes();
    if (bytes.length > max) {
      throw ProblemException.tooLarge(
          "The file is larger than " + (max / (1024 * 1024)) + " MB. Split or filter it first.");
    }
    if (bytes.length == 0) {
      throw ApiJson.unprocessable(List.of(new FieldError("file", "The request has no file")));
    }
    return bytes;
  }

  private static String fileName(Request request, String otherwise) {
    String name = request.query("fileName").map(String::strip).orElse("");
    if (name.length() > MAX_FILE_NAME || name.chars().anyMatch(Character::isISOControl)) {
      throw ApiJson.unprocessable(
          List.of(new FieldError("fileName", "A file name of at most 200 characters")));
    }
    return name.isEmpty() ? otherwise : name;
  }

  private static Map<String, Object> consultation(Consultation c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", c.id());
    out.put("title", c.title());
    return out;
  }

  private static Map<String, Object> count(EhcStageStats.Count c) {
    return count(c.shown(), c.text());
  }

  /** A count as shown: the number, or null with why ("fewer than 5", "not shown"). */
  private static Map<String, Object> count(int shown, String text) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("count", shown < 0 ? null : shown);
    // A count with no text is one that does not apply (children of those who did not say).
    out.put(
        "hidden", shown < 0 ? (text == null || text.isEmpty() ? "not applicable" : text) : null);
    return out;
  }

  /** A rate as CoverageStats writes it ("12.5"), or null where it is not shown. */
  private static Double rate(String text) {
    try {
      return text == null || text.isBlank() ? null : Double.parseDouble(text);
    } catch (NumberFormatException notShown) {
      return null;
    }
  }

  private static Integer percent(String text) {
    if (text == null || !text.endsWith("%")) {
      return null;
    }
    return Integer.parseInt(text.substring(0, text.length() - 1));
  }
}
