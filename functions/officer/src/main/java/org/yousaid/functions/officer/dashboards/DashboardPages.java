package org.yousaid.functions.officer.dashboards;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.officer.journey.CoverageStats;
import org.yousaid.functions.officer.journey.Datasets;
import org.yousaid.functions.officer.journey.EhcTimeliness;
import org.yousaid.functions.officer.journey.SendPopulation;
import org.yousaid.functions.officer.journey.TimelinessView;
import org.yousaid.reports.ReportBuilder;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ConsultationKind;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.storage.ConsultationRepository;
import org.yousaid.shared.storage.CouncilDatasets;
import org.yousaid.shared.storage.ResponseRepository;

/**
 * The models of the officers' page-feedback and EHC stage dashboards and of the snippet page. Every
 * value reaches the page through Pebble's auto-escaping; nothing here is logged.
 */
public final class DashboardPages {

  /** Comments per page of the drill-down. */
  public static final int COMMENTS_PER_PAGE = 50;

  /** One comment as the drill-down shows it (officers see the original text). */
  public record Comment(
      String date, String subject, String subjectLabel, String useful, String text) {}

  private final ConsultationRepository consultations;
  private final ResponseRepository responses;
  private final EhcStageStats stages;
  private final CouncilDatasets datasets;
  private final String configuredApiUrl;

  /**
   * @param configuredApiUrl the API's public address when it is not the one the officer's browser
   *     used (a custom domain), or null
   */
  public DashboardPages(
      ConsultationRepository consultations,
      ResponseRepository responses,
      CouncilDatasets datasets,
      ReportBuilder builder,
      String configuredApiUrl) {
    this.consultations = consultations;
    this.responses = responses;
    this.datasets = datasets;
    this.stages = new EhcStageStats(builder);
    this.configuredApiUrl = configuredApiUrl;
  }

  private List<Consultation> ofKind(String council, ConsultationKind kind) {
    return consultations.listForCouncil(council).stream()
        .filter(c -> c.kind() == kind)
        .sorted(Comparator.comparing(Consultation::id))
        .toList();
  }

  /** Every page-feedback answer of the council, from each of its page-feedback forms. */
  private List<Response> pageFeedback(String council) {
    List<Response> all = new ArrayList<>();
    for (Consultation c : ofKind(council, ConsultationKind.PAGE_FEEDBACK)) {
      all.addAll(responses.listForConsultation(council, c.id()));
    }
    return all;
  }

  public Map<String, Object> pageFeedbackModel(Request request) {
    String council = request.pathParameter("council");
    DateRange range = DateRange.parse(request.query("from"), request.query("to"));
    PageFeedbackStats.Summary summary = PageFeedbackStats.of(pageFeedback(council), range);
    Map<String, Object> model = base(council, range);
    model.put("pageTitle", "Page feedback");
    model.put("summary", summary);
    model.put("serviceNames", serviceNames(council, summary));
    return model;
  }

  public Map<String, Object> commentsModel(Request request) {
    String council = request.pathParameter("council");
    DateRange range = DateRange.parse(request.query("from"), request.query("to"));
    String subject = request.query("subject").filter(s -> !s.isBlank()).orElse(null);
    List<Response> all = pageFeedback(council);
    PageFeedbackStats.Summary summary =
        PageFeedbackStats.of(
            subject == null
                ? all
                : all.stream().filter(r -> PageFeedbackStats.subject(r).equals(subject)).toList(),
            range);
    List<Response> withComments = new ArrayList<>();
    for (Response r : all) {
      if (range.contains(r.submittedAt())
          && PageFeedbackStats.comment(r) != null
          && (subject == null || PageFeedbackStats.subject(r).equals(subject))) {
        withComments.add(r);
      }
    }
    withComments.sort(
        Comparator.comparing(Response::submittedAt).reversed().thenComparing(Response::id));
    int pages = Math.max(1, (withComments.size() + COMMENTS_PER_PAGE - 1) / COMMENTS_PER_PAGE);
    int page =
        Math.min(pages, Math.max(1, request.query("page").map(DashboardPages::number).orElse(1)));
    java.time.format.DateTimeFormatter day =
        java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);
    List<Comment> shown =
        withComments
            .subList(
                (page - 1) * COMMENTS_PER_PAGE,
                Math.min(withComments.size(), page * COMMENTS_PER_PAGE))
            .stream()
            .map(
                r ->
                    new Comment(
                        day.format(r.submittedAt().atZone(Months.UK)),
                        PageFeedbackStats.subject(r),
                        PageFeedbackStats.label(PageFeedbackStats.subject(r)),
                        "yes".equals(PageFeedbackStats.useful(r))
                            ? "Yes"
                            : "no".equals(PageFeedbackStats.useful(r)) ? "No" : "Not said",
                        PageFeedbackStats.comment(r)))
            .toList();
    Map<String, Object> model = base(council, range);
    model.put(
        "pageTitle",
        subject == null
            ? "Page feedback comments"
            : "Feedback on " + PageFeedbackStats.label(subject));
    model.put("subject", subject);
    model.put("row", subject == null ? null : PageFeedbackStats.row(summary, subject));
    model.put("summary", summary);
    model.put("comments", shown);
    model.put("commentCount", withComments.size());
    model.put("page", page);
    model.put("pages", pages);
    model.put("hiddenFields", subject == null ? Map.of() : Map.of("subject", subject));
    model.put(
        "clearQuery",
        subject == null
            ? ""
            : "subject="
                + java.net.URLEncoder.encode(subject, java.nio.charset.StandardCharsets.UTF_8));
    model.put(
        "pageLinkBase",
        "/officer/councils/"
            + council
            + "/page-feedback/comments?"
            + (subject == null
                ? ""
                : "subject="
                    + java.net.URLEncoder.encode(subject, java.nio.charset.StandardCharsets.UTF_8)
                    + "&")
            + (range.query().isEmpty() ? "" : range.query() + "&")
            + "page=");
    return model;
  }

  public Map<String, Object> snippetModel(Request request) {
    String council = request.pathParameter("council");
    Optional<String> api =
        FeedbackSnippet.apiBase(
            configuredApiUrl, request.header("host"), request.header("x-forwarded-proto"));
    String base = api.orElse("https://your-yousaid-address.example");
    Map<String, Object> model = base(council, DateRange.ALL);
    model.put("pageTitle", "Add page feedback to your Local Offer pages");
    model.put("apiBase", base);
    model.put("apiKnown", api.isPresent());
    model.put("pageUrlPlaceholder", FeedbackSnippet.PAGE_URL_PLACEHOLDER);
    model.put(
        "pageSnippet",
        FeedbackSnippet.html(base, council, "pageUrl", FeedbackSnippet.PAGE_URL_PLACEHOLDER, true));
    model.put(
        "serviceSnippet",
        FeedbackSnippet.html(
            base, council, "serviceId", FeedbackSnippet.SERVICE_ID_PLACEHOLDER, true));
    model.put(
        "hasForm",
        ofKind(council, ConsultationKind.PAGE_FEEDBACK).stream()
            .anyMatch(
                c ->
                    c.id().equals("page-feedback")
                        && c.status() == org.yousaid.shared.model.ConsultationStatus.OPEN));
    return model;
  }

  public Map<String, Object> ehcStagesModel(Request request) {
    String council = request.pathParameter("council");
    DateRange range = DateRange.parse(request.query("from"), request.query("to"));
    List<Consultation> surveys = ofKind(council, ConsultationKind.STAGE_SURVEY);
    String wanted = request.query("survey").orElse(null);
    Consultation survey =
        surveys.stream()
            .filter(c -> c.id().equals(wanted))
            .findFirst()
            .orElse(surveys.isEmpty() ? null : surveys.get(0));
    Map<String, Object> model = base(council, range);
    model.put("pageTitle", "EHC stage satisfaction");
    model.put("surveys", surveys);
    model.put("survey", survey);
    model.put("unknownSurvey", wanted != null && (survey == null || !survey.id().equals(wanted)));
    datasets
        .load(council, Datasets.TIMELINESS, EhcTimeliness.class)
        .ifPresent(
            t -> {
              model.put("timeliness", TimelinessView.of(t));
              model.put("timelinessSource", t);
            });
    if (survey != null) {
      model.put(
          "summary", stages.of(survey, responses.listForConsultation(council, survey.id()), range));
      model.put(
          "filterQuery",
          "survey=" + survey.id() + (range.query().isEmpty() ? "" : "&" + range.query()));
    }
    return model;
  }

  /**
   * Who has been heard: answers per respondent group against the council's SEND population, over
   * every consultation and survey of the council or the one chosen, within the dates chosen.
   */
  public Map<String, Object> coverageModel(Request request) {
    String council = request.pathParameter("council");
    DateRange range = DateRange.parse(request.query("from"), request.query("to"));
    List<Consultation> all =
        consultations.listForCouncil(council).stream()
            .filter(c -> c.kind() != ConsultationKind.PAGE_FEEDBACK)
            .sorted(Comparator.comparing(Consultation::id))
            .toList();
    String wanted = request.query("consultation").filter(s -> !s.isBlank()).orElse(null);
    List<Consultation> chosen =
        wanted == null ? all : all.stream().filter(c -> c.id().equals(wanted)).toList();
    List<Response> answers = new ArrayList<>();
    for (Consultation c : chosen) {
      for (Response r : responses.listForConsultation(council, c.id())) {
        if (range.contains(r.submittedAt())) {
          answers.add(r);
        }
      }
    }
    SendPopulation population =
        datasets.load(council, Datasets.POPULATION, SendPopulation.class).orElse(null);
    Map<String, Object> model = base(council, range);
    model.put("pageTitle", "Who has been heard");
    model.put("consultations", all);
    model.put("chosen", wanted == null || chosen.isEmpty() ? null : chosen.get(0));
    model.put("unknownConsultation", wanted != null && chosen.isEmpty());
    model.put("population", population);
    model.put("coverage", CoverageStats.of(answers, population));
    model.put(
        "hidden", wanted == null || chosen.isEmpty() ? Map.of() : Map.of("consultation", wanted));
    model.put(
        "clearQuery",
        wanted == null || chosen.isEmpty()
            ? ""
            : "consultation="
                + java.net.URLEncoder.encode(wanted, java.nio.charset.StandardCharsets.UTF_8));
    return model;
  }

  /** The Open Referral UK service each page or service row is about, by its subject. */
  private Map<String, String> serviceNames(String council, PageFeedbackStats.Summary summary) {
    Map<String, String> names = new HashMap<>();
    datasets
        .load(council, Datasets.SERVICES, org.yousaid.shared.services.ServiceDirectory.class)
        .ifPresent(
            directory -> {
              var matcher = directory.matcher();
              for (PageFeedbackStats.Row row : summary.rows()) {
                matcher
                    .of(row.subject())
                    .ifPresent(s -> names.put(row.subject(), s.name() + " (" + s.id() + ")"));
              }
            });
    return names;
  }

  private static Map<String, Object> base(String council, DateRange range) {
    Map<String, Object> model = new HashMap<>();
    model.put("council", council);
    model.put("range", range);
    model.put("errors", range.errors());
    model.put("hasErrors", range.hasErrors());
    model.put("few", EhcStageStats.FEW);
    return model;
  }

  private static int number(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
