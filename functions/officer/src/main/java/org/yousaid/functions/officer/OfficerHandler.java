package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.http.FormBody;
import org.yousaid.functions.common.http.HttpHandler;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.functions.common.http.Route;
import org.yousaid.functions.common.queue.JobQueue;
import org.yousaid.functions.common.queue.PublishQueue;
import org.yousaid.functions.officer.auth.OfficerAuth;
import org.yousaid.functions.officer.auth.OfficerIdentity;
import org.yousaid.functions.officer.auth.Session;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Coded;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.storage.ConsultationRepository;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.themes.ConsultationThemes;
import org.yousaid.web.Pages;

/**
 * Officer pages and API. Every route but sign-in needs a valid ID token (401 without one) and acts
 * only for the councils in it (403 for any other); every form post carries the session's CSRF
 * token.
 */
public final class OfficerHandler extends HttpHandler {

  private static final int PAGE_SIZE = 50;

  /** A route that runs only for a verified officer. */
  @FunctionalInterface
  interface OfficerRoute {
    APIGatewayV2HTTPResponse handle(Request request, OfficerIdentity officer, String sessionToken);
  }

  private final OfficerAuth auth;
  private final ConsultationRepository consultations;
  private final ResponseRepository responses;
  private final ThemesPage themes;
  private final ConsultationAdmin admin;
  private final ThemeDetail themeDetail;
  private final CsvImport csvImport;
  private final ReportAssembler reports;
  private final org.yousaid.shared.audit.AuditLog audit;
  private final PublishPage publishing;
  private final org.yousaid.functions.officer.dashboards.DashboardPages dashboards;

  /** Kept here because CRaC holds its resources weakly. */
  private org.yousaid.functions.common.priming.SnapStartPriming priming;

  /** Used by AWS Lambda; SnapStart primes the function before its snapshot. */
  public OfficerHandler() {
    this(
        Services.fromEnvironment(),
        OfficerAuth.fromEnvironment(),
        SqsJobQueue.fromEnvironment("ANALYSIS_QUEUE_URL"),
        SqsJobQueue.fromEnvironment("PUBLISH_QUEUE_URL")::send);
    this.priming =
        org.yousaid.functions.common.priming.SnapStartPriming.register(
            "OfficerFunction", OfficerPriming::prime);
  }

  /**
   * @param publishQueue where publish requests go; the published site's address comes from SITE_URL
   *     (local mode serves the site from the same origin, so "/" by default)
   */
  public OfficerHandler(
      Services services, OfficerAuth auth, JobQueue analysisQueue, PublishQueue publishQueue) {
    this.auth = auth;
    this.consultations = services.consultations();
    this.responses = services.responses();
    this.themes = new ThemesPage(services, analysisQueue);
    this.audit =
        new org.yousaid.shared.audit.AuditLog(
            services.dynamo(), services.tableName(), services.clock());
    this.admin = new ConsultationAdmin(consultations, audit);
    this.themeDetail = new ThemeDetail(services, themes, audit);
    this.csvImport = new CsvImport(services.submissions());
    this.reports = new ReportAssembler(new org.yousaid.reports.ReportBuilder(services.clock()));
    this.publishing =
        new PublishPage(
            services, publishQueue, audit, System.getenv().getOrDefault("SITE_URL", "/"));
    route(
        "GET /officer/councils/{council}/consultations/{consultation}/publish",
        signedIn(
            (r, o, t) ->
                page(
                    "officer/publish",
                    publishing.model(consultation(r), r.queryParameters().containsKey("requested")),
                    o,
                    t)));
    route(
        "GET /officer/councils/{council}/consultations/{consultation}/publish/preview",
        signedIn((r, o, t) -> Responses.html(200, publishing.preview(consultation(r)))));
    route(
        "POST /officer/councils/{council}/consultations/{consultation}/publish",
        signedIn(
            (r, o, t) -> {
              Consultation c = consultation(r);
              publishing.request(c, o);
              return Responses.redirect(
                  "/officer/councils/"
                      + c.council()
                      + "/consultations/"
                      + c.id()
                      + "/publish?requested=1");
            }));
    this.dashboards =
        new org.yousaid.functions.officer.dashboards.DashboardPages(
            consultations,
            responses,
            new org.yousaid.reports.ReportBuilder(services.clock()),
            System.getenv(org.yousaid.functions.officer.dashboards.DashboardPages.PUBLIC_API_URL));
    route(
        "GET /officer/councils/{council}/consultations/{consultation}/import",
        signedIn(
            (r, o, t) ->
                page(
                    "officer/import",
                    Map.of("pageTitle", "Import answers", "consultation", consultation(r)),
                    o,
                    t)));
    route(
        "POST /officer/councils/{council}/consultations/{consultation}/import",
        signedIn(this::importPage));
    route(
        "POST /api/v1/officer/councils/{council}/consultations/{consultation}/import",
        signedIn(this::importApi));
    route(
        "GET /officer/councils/{council}/consultations/{consultation}/themes/{question}/{theme}",
        signedIn(
            (r, o, t) -> {
              Consultation c = consultation(r);
              return page(
                  "officer/theme",
                  themeDetail.model(
                      c,
                      r.pathParameter("question"),
                      r.pathParameter("theme"),
                      responses.listForConsultation(c.council(), c.id())),
                  o,
                  t);
            }));
    route(
        "POST /officer/councils/{council}/consultations/{consultation}/themes/{question}/{theme}",
        signedIn(
            (r, o, t) -> {
              Consultation c = consultation(r);
              String question = r.pathParameter("question");
              String next =
                  themeDetail.correct(
                      c,
                      question,
                      r.pathParameter("theme"),
                      FormBody.parse(r.bodyText(256 * 1024)),
                      o.email(),
                      responses.listForConsultation(c.council(), c.id()));
              return Responses.redirect(
                  "/officer/councils/"
                      + c.council()
                      + "/consultations/"
                      + c.id()
                      + "/themes/"
                      + question
                      + "/"
                      + next);
            }));
    route(
        "GET /officer/councils/{council}/new-consultation",
        signedIn((r, o, t) -> newConsultationPage(r, Map.of(), List.of(), 200, o, t)));
    route("POST /officer/councils/{council}/new-consultation", signedIn(this::createConsultation));
    route(
        "GET /officer/councils/{council}/consultations/{consultation}",
        signedIn((r, o, t) -> managePage(consultation(r), Map.of(), List.of(), 200, o, t)));
    route(
        "POST /officer/councils/{council}/consultations/{consultation}",
        signedIn(this::changeConsultation));
    route("GET /officer/sign-in", auth.signIn()::start);
    route("POST /officer/sign-in", auth.signIn()::complete);
    route("GET /officer/callback", auth.signIn()::complete);
    route("POST /officer/sign-out", signedIn(this::signOut));
    route("GET /officer", signedIn(this::dashboard));
    route(
        "GET /officer/councils/{council}/consultations/{consultation}/responses",
        signedIn(this::responsesPage));
    route(
        "GET /officer/councils/{council}/consultations/{consultation}/report",
        signedIn(
            (r, o, t) -> {
              Consultation c = consultation(r);
              List<Response> all = responses.listForConsultation(c.council(), c.id());
              return page(
                  "officer/report",
                  Map.of(
                      "pageTitle",
                      "Summary: " + c.title(),
                      "report",
                      reports.build(c, all, themes.analysed(c, all, null)),
                      "base",
                      "/officer/councils/" + c.council() + "/consultations/" + c.id()),
                  o,
                  t);
            }));
    route(
        "GET /officer/councils/{council}/consultations/{consultation}/export/{format}",
        signedIn(this::export));

    route(
        "GET /officer/councils/{council}/consultations/{consultation}/themes",
        signedIn((r, o, t) -> page("officer/themes", themes.model(consultation(r)), o, t)));
    route(
        "POST /officer/councils/{council}/consultations/{consultation}/analysis",
        signedIn(
            (r, o, t) -> {
              Consultation c = consultation(r);
              themes.requestAnalysis(
                  c, o, FormBody.parse(r.bodyText(8 * 1024)).first("themeCount"));
              return Responses.redirect(
                  "/officer/councils/" + c.council() + "/consultations/" + c.id() + "/themes");
            }));
    route(
        "GET /api/v1/officer/councils/{council}/consultations", signedIn(this::consultationsJson));
    route(
        "GET /officer/councils/{council}/page-feedback",
        signedIn(
            (r, o, t) -> page("officer/page-feedback", dashboards.pageFeedbackModel(r), o, t)));
    route(
        "GET /officer/councils/{council}/page-feedback/comments",
        signedIn(
            (r, o, t) ->
                page("officer/page-feedback-comments", dashboards.commentsModel(r), o, t)));
    route(
        "GET /officer/councils/{council}/page-feedback/snippet",
        signedIn(
            (r, o, t) -> page("officer/page-feedback-snippet", dashboards.snippetModel(r), o, t)));
    route(
        "GET /officer/councils/{council}/ehc-stages",
        signedIn((r, o, t) -> page("officer/ehc-stages", dashboards.ehcStagesModel(r), o, t)));
    route(
        "GET /api/v1/officer/councils/{council}/consultations/{consultation}/responses",
        signedIn(this::responsesJson));
  }

  /** Wraps a route with authentication, tenancy and (for posts) CSRF checks. */
  private Route signedIn(OfficerRoute route) {
    return request -> {
      String token = auth.session().token(request).orElse(null);
      OfficerIdentity officer = token == null ? null : auth.verifier().verify(token).orElse(null);
      if (officer == null) {
        throw new ProblemException(401, "You need to sign in", "Sign in to see this page.", null);
      }
      Map<String, String> params = request.pathParameters();
      String council = params.get("council");
      if (council != null && !officer.actsFor(council)) {
        throw new ProblemException(
            403,
            "You cannot see this council's data",
            "Your account is not set up for this council. Ask your administrator if you need access.",
            null);
      }
      if (request.method().equals("POST")
          && request.mediaType().equals("application/x-www-form-urlencoded")) {
        FormBody form = FormBody.parse(request.bodyText(1024 * 1024));
        if (!Session.csrfMatches(token, form.first("csrf"))) {
          throw new ProblemException(
              403, "This form has expired", "Go back, reload the page and try again.", null);
        }
      } else if (request.method().equals("POST") && request.header("authorization").isEmpty()) {
        // Cookie-authenticated posts must be forms carrying the CSRF token.
        throw new ProblemException(
            403, "This form has expired", "Go back, reload the page and try again.", null);
      }
      return route.handle(request, officer, token);
    };
  }

  private APIGatewayV2HTTPResponse signOut(Request request, OfficerIdentity officer, String token) {
    APIGatewayV2HTTPResponse response = Responses.redirect("/officer/sign-in");
    response.setCookies(List.of(auth.session().clearCookie()));
    return response;
  }

  private APIGatewayV2HTTPResponse dashboard(
      Request request, OfficerIdentity officer, String token) {
    List<Map<String, Object>> councils = new ArrayList<>();
    for (String council : officer.councils().stream().sorted().toList()) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Consultation c : consultations.listForCouncil(council)) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("consultation", c);
        row.put("responses", responses.countForConsultation(council, c.id()));
        rows.add(row);
      }
      councils.add(Map.of("slug", council, "consultations", rows));
    }
    return page(
        "officer/dashboard",
        Map.of("pageTitle", "Your consultations", "councils", councils),
        officer,
        token);
  }

  private APIGatewayV2HTTPResponse responsesPage(
      Request request, OfficerIdentity officer, String token) {
    Consultation consultation = consultation(request);
    ResponseFilter filter = ResponseFilter.from(request);
    List<Response> all = responses.listForConsultation(consultation.council(), consultation.id());
    List<ConsultationThemes.AnalysedQuestion> analysed = themes.analysed(consultation, all, null);
    List<Response> matching =
        new ArrayList<>(
            filter.apply(
                all,
                ThemesPage.facts(
                    filter.question() == null
                        ? analysed
                        : analysed.stream()
                            .filter(q -> q.question().id().equals(filter.question()))
                            .toList())));
    matching.sort(Comparator.comparing(Response::submittedAt).reversed());
    int page = Math.max(1, request.query("page").map(OfficerHandler::parsePage).orElse(1));
    int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    page = Math.min(page, pages);
    List<Response> shown =
        matching.subList((page - 1) * PAGE_SIZE, Math.min(matching.size(), page * PAGE_SIZE));
    Map<String, Object> model = new HashMap<>();
    model.put("pageTitle", "Responses: " + consultation.title());
    model.put("consultation", consultation);
    model.put("filter", filter);
    model.put("total", all.size());
    model.put("matching", matching.size());
    model.put("rows", shown.stream().map(r -> ResponseRow.of(r, consultation)).toList());
    model.put("page", page);
    model.put("pages", pages);
    model.put("filterOptions", FilterOptions.of(consultation));
    model.put("themeOptions", ThemesPage.themeOptions(analysed));
    model.put(
        "sentimentOptions",
        List.of(
            new org.yousaid.shared.model.ChoiceOption("positive", "Positive"),
            new org.yousaid.shared.model.ChoiceOption("neutral", "Neutral"),
            new org.yousaid.shared.model.ChoiceOption("negative", "Negative")));
    return page("officer/responses", model, officer, token);
  }

  private APIGatewayV2HTTPResponse createConsultation(
      Request request, OfficerIdentity officer, String token) {
    FormBody form = FormBody.parse(request.bodyText(64 * 1024));
    try {
      Consultation created =
          admin.create(
              request.pathParameter("council"),
              form.first("template"),
              form.first("id"),
              form.first("title"),
              officer.email());
      return Responses.redirect(
          "/officer/councils/" + created.council() + "/consultations/" + created.id());
    } catch (ProblemException problem) {
      if (problem.status() == 400 || problem.status() == 409) {
        List<org.yousaid.shared.validation.FieldError> errors =
            problem.errors().isEmpty()
                ? List.of(new org.yousaid.shared.validation.FieldError("id", problem.detail()))
                : problem.errors();
        return newConsultationPage(
            request, form.fields(), errors, problem.status(), officer, token);
      }
      throw problem;
    }
  }

  private APIGatewayV2HTTPResponse newConsultationPage(
      Request request,
      Map<String, List<String>> given,
      List<org.yousaid.shared.validation.FieldError> errors,
      int status,
      OfficerIdentity officer,
      String token) {
    Map<String, Object> model = new HashMap<>();
    model.put("pageTitle", "Create a consultation");
    model.put("council", request.pathParameter("council"));
    model.put("templates", new java.util.TreeMap<>(ConsultationAdmin.TEMPLATES));
    model.put("given", FormValues.of(given));
    model.put("errors", ErrorMessages.of(errors));
    model.put("hasErrors", !errors.isEmpty());
    return page("officer/new-consultation", model, officer, token, status);
  }

  private APIGatewayV2HTTPResponse changeConsultation(
      Request request, OfficerIdentity officer, String token) {
    Consultation current = consultation(request);
    FormBody form = FormBody.parse(request.bodyText(256 * 1024));
    String action = String.valueOf(form.first("action"));
    try {
      switch (action) {
        case "open" -> admin.open(current, officer.email());
        case "close" -> admin.close(current, officer.email());
        case "save" -> admin.update(current, form.fields(), officer.email());
        default -> throw ProblemException.badRequest("Choose an action.");
      }
    } catch (ProblemException problem) {
      if (problem.status() == 400 && !problem.errors().isEmpty()) {
        return managePage(current, form.fields(), problem.errors(), 400, officer, token);
      }
      throw problem;
    }
    return Responses.redirect(
        "/officer/councils/" + current.council() + "/consultations/" + current.id());
  }

  private APIGatewayV2HTTPResponse managePage(
      Consultation consultation,
      Map<String, List<String>> given,
      List<org.yousaid.shared.validation.FieldError> errors,
      int status,
      OfficerIdentity officer,
      String token) {
    Map<String, Object> model = new HashMap<>();
    model.put("pageTitle", "Manage: " + consultation.title());
    model.put("consultation", consultation);
    model.put(
        "isDraft", consultation.status() == org.yousaid.shared.model.ConsultationStatus.DRAFT);
    model.put("isOpen", consultation.status() == org.yousaid.shared.model.ConsultationStatus.OPEN);
    model.put("given", FormValues.of(given));
    model.put("edited", !given.isEmpty());
    model.put("errors", ErrorMessages.of(errors));
    model.put("hasErrors", !errors.isEmpty());
    model.put(
        "opens",
        consultation.opensAt() == null
            ? ""
            : consultation
                .opensAt()
                .atZone(java.time.ZoneId.of("Europe/London"))
                .toLocalDate()
                .toString());
    model.put(
        "closes",
        consultation.closesAt() == null
            ? ""
            : consultation
                .closesAt()
                .atZone(java.time.ZoneId.of("Europe/London"))
                .toLocalDate()
                .minusDays(1)
                .toString());
    model.put(
        "responses", responses.countForConsultation(consultation.council(), consultation.id()));
    model.put("audit", audit.entries(consultation.council(), consultation.id()));
    return page("officer/manage", model, officer, token, status);
  }

  private static final int MAX_IMPORT_BYTES = 6 * 1024 * 1024;

  /**
   * Downloads: every response (CSV), the summary with every response (XLSX), the committee report
   * (DOCX, PDF).
   */
  private APIGatewayV2HTTPResponse export(Request request, OfficerIdentity officer, String token) {
    Consultation c = consultation(request);
    String format = request.pathParameter("format");
    List<Response> all = responses.listForConsultation(c.council(), c.id());
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    String type;
    try {
      switch (format) {
        case "csv" -> {
          new org.yousaid.reports.CsvExport()
              .writeAnswers(org.yousaid.reports.AnswerTable.of(c, all), out);
          type = "text/csv; charset=utf-8";
        }
        case "xlsx" -> {
          new org.yousaid.reports.XlsxExport()
              .write(
                  reports.build(c, all, themes.analysed(c, all, null)),
                  org.yousaid.reports.AnswerTable.of(c, all),
                  out);
          type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        case "docx" -> {
          new org.yousaid.reports.DocxExport()
              .write(reports.build(c, all, themes.analysed(c, all, null)), out);
          type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        case "pdf" -> {
          new org.yousaid.reports.PdfExport()
              .write(reports.build(c, all, themes.analysed(c, all, null)), out);
          type = "application/pdf";
        }
        default -> throw ProblemException.notFound("We can export CSV, XLSX, DOCX or PDF.");
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    audit.record(
        c.council(),
        c.id(),
        officer.email(),
        "exported",
        "downloaded the " + format.toUpperCase(java.util.Locale.ROOT));
    Map<String, String> headers =
        Map.of(
            "Cache-Control",
            "no-store",
            "Content-Disposition",
            "attachment; filename=\""
                + c.id()
                + (format.equals("csv") ? "-responses." : "-report.")
                + format
                + "\"");
    if (format.equals("csv")) {
      return Responses.response(
          200, type, out.toString(java.nio.charset.StandardCharsets.UTF_8), headers);
    }
    return Responses.binary(200, type, out.toByteArray(), headers);
  }

  private APIGatewayV2HTTPResponse importPage(
      Request request, OfficerIdentity officer, String token) {
    Consultation c = consultation(request);
    FormBody form = FormBody.parse(request.bodyText(MAX_IMPORT_BYTES));
    Channel channel =
        Coded.fromCode(Channel.class, String.valueOf(form.first("channel"))).orElse(Channel.IMPORT);
    CsvImport.Outcome outcome =
        csvImport.importCsv(c, String.valueOf(form.first("csv")), channel, Map.of());
    audit.record(
        c.council(),
        c.id(),
        officer.email(),
        "imported",
        "imported "
            + outcome.imported()
            + " answers ("
            + channel.code()
            + "), "
            + outcome.problems().size()
            + " rows refused");
    return page(
        "officer/import",
        Map.of("pageTitle", "Import answers", "consultation", c, "outcome", outcome),
        officer,
        token);
  }

  private APIGatewayV2HTTPResponse importApi(
      Request request, OfficerIdentity officer, String token) {
    Consultation c = consultation(request);
    if (!request.mediaType().equals("text/csv")) {
      throw ProblemException.unsupportedMediaType("Send the file as text/csv.");
    }
    Channel channel =
        request
            .query("channel")
            .flatMap(v -> Coded.fromCode(Channel.class, v))
            .orElse(Channel.IMPORT);
    Map<String, String> mapping = new HashMap<>();
    request
        .queryParameters()
        .forEach(
            (k, v) -> {
              if (k.startsWith("map.")) {
                mapping.put(k.substring(4), v);
              }
            });
    CsvImport.Outcome outcome =
        csvImport.importCsv(c, request.bodyText(MAX_IMPORT_BYTES), channel, mapping);
    audit.record(
        c.council(),
        c.id(),
        officer.email(),
        "imported",
        "imported "
            + outcome.imported()
            + " answers ("
            + channel.code()
            + "), "
            + outcome.problems().size()
            + " rows refused");
    return Responses.json(200, outcome);
  }

  private APIGatewayV2HTTPResponse consultationsJson(
      Request request, OfficerIdentity officer, String token) {
    String council = request.pathParameter("council");
    List<Map<String, Object>> body = new ArrayList<>();
    for (Consultation c : consultations.listForCouncil(council)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", c.id());
      row.put("title", c.title());
      row.put("kind", c.kind());
      row.put("status", c.status());
      row.put("responses", responses.countForConsultation(council, c.id()));
      body.add(row);
    }
    return Responses.json(200, Map.of("consultations", body));
  }

  /** The most responses one call of the officer API returns ({@code ?limit=}, 1 to this). */
  static final int API_MAX_LIMIT = 1000;

  /**
   * A page stops before its responses pass this size: Lambda returns at most 6 MB, a big
   * consultation far more.
   */
  static final int API_PAGE_BYTES = 4 * 1024 * 1024;

  private static final java.util.regex.Pattern RESPONSE_ID =
      java.util.regex.Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");

  /**
   * Matching responses oldest first (by id), a page at a time: {@code next} is there when more
   * remain and is the {@code ?after=} of the next page. Answers that arrive meanwhile come on later
   * pages, so paging never skips one.
   */
  private APIGatewayV2HTTPResponse responsesJson(
      Request request, OfficerIdentity officer, String token) {
    Consultation consultation = consultation(request);
    ResponseFilter filter = ResponseFilter.from(request);
    int limit = request.query("limit").map(OfficerHandler::parseLimit).orElse(API_MAX_LIMIT);
    String after = request.query("after").filter(v -> !v.isBlank()).orElse(null);
    if (after != null && !RESPONSE_ID.matcher(after).matches()) {
      throw ProblemException.badRequest(
          "\"after\" must be the \"next\" value of the previous page.");
    }
    List<Response> all = responses.listForConsultation(consultation.council(), consultation.id());
    List<Response> matching =
        filter.apply(
            all,
            filter.needsAnalysis()
                ? ThemesPage.facts(themes.analysed(consultation, all, filter.question()))
                : Map.of());
    List<OfficerResponseView> page = new ArrayList<>();
    long bytes = 0;
    String next = null;
    for (Response response :
        matching.stream().sorted(Comparator.comparing(Response::id)).toList()) {
      if (after != null && response.id().compareTo(after) <= 0) {
        continue;
      }
      OfficerResponseView r = OfficerResponseView.of(response);
      long size =
          org.yousaid.shared.json.Json.write(r)
              .getBytes(java.nio.charset.StandardCharsets.UTF_8)
              .length;
      if (page.size() == limit || (!page.isEmpty() && bytes + size > API_PAGE_BYTES)) {
        next = page.get(page.size() - 1).id();
        break;
      }
      page.add(r);
      bytes += size;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", matching.size());
    body.put("responses", page);
    if (next != null) {
      body.put("next", next);
    }
    return Responses.json(200, body);
  }

  private static int parseLimit(String value) {
    try {
      int limit = Integer.parseInt(value.trim());
      if (limit >= 1 && limit <= API_MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ProblemException.badRequest(
        "\"limit\" must be a whole number from 1 to " + API_MAX_LIMIT + ".");
  }

  private Consultation consultation(Request request) {
    return consultations
        .find(request.pathParameter("council"), request.pathParameter("consultation"))
        .orElseThrow(() -> ProblemException.notFound("There is no consultation at this address."));
  }

  private static APIGatewayV2HTTPResponse page(
      String template, Map<String, ?> content, OfficerIdentity officer, String token) {
    return page(template, content, officer, token, 200);
  }

  private static APIGatewayV2HTTPResponse page(
      String template, Map<String, ?> content, OfficerIdentity officer, String token, int status) {
    Map<String, Object> model = new HashMap<>(content);
    model.put("officer", officer);
    model.put("csrf", Session.csrfToken(token));
    model.put("serviceName", "Consultations");
    return Responses.html(status, Pages.render(template, model));
  }

  private static int parsePage(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  @Override
  protected APIGatewayV2HTTPResponse refuse(Request request, ProblemException problem) {
    if (request.path() != null && request.path().startsWith("/api/")) {
      return Responses.problem(problem);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("pageTitle", problem.title());
    model.put("detail", problem.detail());
    model.put("signInLink", problem.status() == 401);
    model.put("serviceName", "Consultations");
    return Responses.html(problem.status(), Pages.render("officer/problem", model));
  }
}
