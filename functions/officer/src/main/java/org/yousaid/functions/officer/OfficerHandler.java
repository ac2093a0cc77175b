package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.http.HttpHandler;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Route;
import org.yousaid.functions.common.priming.SnapStartPriming;
import org.yousaid.functions.common.queue.ImportQueue;
import org.yousaid.functions.common.queue.JobQueue;
import org.yousaid.functions.common.queue.PublishQueue;
import org.yousaid.functions.officer.auth.OfficerAuth;
import org.yousaid.functions.officer.auth.OfficerIdentity;
import org.yousaid.shared.submission.ProblemException;

/**
 * Officer pages and API. Every route but sign-in needs a valid ID token whose session has not ended
 * (401 without one) and acts only for the councils in it (403 for any other); every form post
 * carries the session's CSRF token. Each area's pages are their own class; this class only routes
 * to them.
 */
public final class OfficerHandler extends HttpHandler {

  private final OfficerAuth auth;

  /** Kept here because CRaC holds its resources weakly. */
  private SnapStartPriming priming;

  /** Used by AWS Lambda; SnapStart primes the function before its snapshot. */
  public OfficerHandler() {
    this(Services.fromEnvironment(), OfficerConfig.fromEnvironment());
    this.priming = SnapStartPriming.register("OfficerFunction", OfficerPriming::prime);
  }

  private OfficerHandler(Services services, OfficerConfig config) {
    this(
        services,
        OfficerAuth.fromEnvironment(services),
        SqsJobQueue.at(config.requiredAnalysisQueueUrl()),
        SqsJobQueue.at(config.requiredPublishQueueUrl())::send,
        SqsJobQueue.at(ImportPage.importQueueUrl(System.getenv()))::send,
        config);
  }

  /** Used by local mode, which passes its own queues; SITE_URL and PUBLIC_API_URL as set. */
  public OfficerHandler(
      Services services, OfficerAuth auth, JobQueue analysisQueue, PublishQueue publishQueue) {
    this(services, auth, analysisQueue, publishQueue, OfficerConfig.fromEnvironment());
  }

  /** As above; every import is stored within its request (no import worker). */
  public OfficerHandler(
      Services services,
      OfficerAuth auth,
      JobQueue analysisQueue,
      PublishQueue publishQueue,
      OfficerConfig config) {
    this(services, auth, analysisQueue, publishQueue, null, config);
  }

  /**
   * Used by local mode and AWS: large imports go to the import worker through {@code importQueue}.
   */
  public OfficerHandler(
      Services services,
      OfficerAuth auth,
      JobQueue analysisQueue,
      PublishQueue publishQueue,
      ImportQueue importQueue,
      OfficerConfig config) {
    this.auth = auth;
    OfficerAreas areas =
        OfficerAreas.create(services, analysisQueue, publishQueue, importQueue, config);
    route("GET /officer/sign-in", auth.signIn()::start);
    route("POST /officer/sign-in", auth.signIn()::complete);
    route("GET /officer/callback", auth.signIn()::complete);
    route("POST /officer/sign-out", signedIn(OfficerRoute.signOut(auth)));
    route("GET /officer", signedIn(areas.consultations()::dashboard));
    route(
        "GET /api/v1/officer/councils/{council}/consultations",
        signedIn(areas.consultations()::json));
    route(
        "GET /officer/councils/{council}/new-consultation",
        signedIn(areas.consultations()::newForm));
    route(
        "POST /officer/councils/{council}/new-consultation",
        signedIn(areas.consultations()::create));
    route(
        "GET /officer/councils/{council}/consultations/{consultation}",
        signedIn(areas.consultations()::manage));
    route(
        "POST /officer/councils/{council}/consultations/{consultation}",
        signedIn(areas.consultations()::change));
    String questions = "/officer/councils/{council}/consultations/{consultation}/questions";
    route("GET " + questions, signedIn(areas.questions()::list));
    route("POST " + questions, signedIn(areas.questions()::listAction));
    route("GET " + questions + "/{question}", signedIn(areas.questions()::form));
    route("POST " + questions + "/{question}", signedIn(areas.questions()::act));
    route(
        "GET /officer/councils/{council}/consultations/{consultation}/preview",
        signedIn(areas.questions()::preview));
    route(
        "GET /officer/councils/{council}/consultations/{consultation}/responses",
        signedIn(areas.responses()::show));
    route(
        "GET /api/v1/officer/councils/{council}/consultations/{consultation}/responses",
        signedIn(areas.responses()::json));
    route(
        "GET /officer/councils/{council}/consultations/{consultation}/themes",
        signedIn(areas.themes()::show));
    route(
        "POST /officer/councils/{council}/consultations/{consultation}/analysis",
        signedIn(areas.themes()::analyse));
    route(
        "GET /officer/councils/{council}/consultations/{consultation}/analysis/{question}",
        signedIn(areas.versions()::show));
    route(
        "POST /officer/councils/{council}/consultations/{consultation}/analysis/{question}",
        signedIn(areas.versions()::change));
    route(
        "GET /api/v1/officer/councils/{council}/consultations/{consultation}/analysis/{question}",
        signedIn(areas.versions()::json));
    route(
        "POST /api/v1/officer/councils/{council}/consultations/{consultation}/analysis/{question}",
        signedIn(areas.versions()::changeJson));
    route(
        "GET /officer/councils/{council}/consultations/{consultation}/themes/{question}/{theme}",
        signedIn(areas.theme()::show));
    route(
        "POST /officer/councils/{council}/consultations/{consultation}/themes/{question}/{theme}",
        signedIn(areas.theme()::correct));
    route(
        "GET /officer/councils/{council}/consultations/{consultation}/report",
        signedIn(areas.exports()::report));
    route(
        "GET /officer/councils/{council}/consultations/{consultation}/export/{format}",
        signedIn(areas.exports()::download));
    route(
        "GET /officer/councils/{council}/consultations/{consultation}/import",
        signedIn(areas.imports()::form));
    route(
        "POST /officer/councils/{council}/consultations/{consultation}/import",
        signedIn(areas.imports()::fromForm));
    route(
        "POST /api/v1/officer/councils/{council}/consultations/{consultation}/import",
        signedIn(areas.imports()::fromApi));
    route(
        "GET /officer/councils/{council}/consultations/{consultation}/publish",
        signedIn(areas.publish()::show));
    route(
        "GET /officer/councils/{council}/consultations/{consultation}/publish/preview",
        reviewable(areas.publish()::preview));
    route(
        "GET /officer/councils/{council}/consultations/{consultation}/review",
        reviewable(areas.review()::show));
    route(
        "POST /officer/councils/{council}/consultations/{consultation}/review",
        reviewable(areas.review()::act));
    route(
        "POST /officer/councils/{council}/consultations/{consultation}/publish",
        signedIn(areas.publish()::request));
    route(
        "GET /officer/councils/{council}/page-feedback",
        signedIn(
            OfficerRoute.page("officer/page-feedback", areas.dashboards()::pageFeedbackModel)));
    route(
        "GET /officer/councils/{council}/page-feedback/comments",
        signedIn(
            OfficerRoute.page(
                "officer/page-feedback-comments", areas.dashboards()::commentsModel)));
    route(
        "GET /officer/councils/{council}/page-feedback/snippet",
        signedIn(
            OfficerRoute.page("officer/page-feedback-snippet", areas.dashboards()::snippetModel)));
    route(
        "GET /officer/councils/{council}/ehc-stages",
        signedIn(OfficerRoute.page("officer/ehc-stages", areas.dashboards()::ehcStagesModel)));
    journeyRoutes(areas);
    registerRoutes(areas.register());
    apiRoutes(OfficerApis.create(services, areas), areas);
  }

  /**
   * The officer API beyond the routes above: everything the officer pages do, as JSON, over the
   * same logic. Posts that create something take an Idempotency-Key.
   */
  private void apiRoutes(OfficerApis api, OfficerAreas areas) {
    String council = "/api/v1/officer/councils/{council}";
    String consultation = council + "/consultations/{consultation}";
    ApiIdempotency keys = api.idempotency();
    route("POST " + council + "/consultations", signedIn(keys.around(api.consultations()::create)));
    route("GET " + consultation, signedIn(api.consultations()::show));
    route("POST " + consultation, signedIn(api.consultations()::update));
    route("POST " + consultation + "/status", signedIn(api.consultations()::status));
    route("POST " + consultation + "/analysis", signedIn(keys.around(api.themes()::analyse)));
    route("GET " + consultation + "/themes", signedIn(api.themes()::list));
    route("GET " + consultation + "/themes/{question}/{theme}", signedIn(api.themes()::show));
    route(
        "POST " + consultation + "/themes/{question}/{theme}",
        signedIn(keys.around(api.themes()::correct)));
    route("GET " + consultation + "/export/{format}", signedIn(areas.exports()::download));
    route("GET " + consultation + "/publish", signedIn(api.publish()::show));
    route("POST " + consultation + "/publish", signedIn(keys.around(api.publish()::request)));
    route("GET " + consultation + "/review", reviewable(api.publish()::review));
    route("POST " + consultation + "/review", reviewable(keys.around(api.publish()::addReview)));
    route("GET " + council + "/page-feedback", signedIn(api.pageFeedback()::summary));
    route("GET " + council + "/ehc-stages", signedIn(api.journey()::ehcStages));
    route("POST " + council + "/ehc-stages/timeliness", signedIn(api.journey()::importTimeliness));
    route("GET " + council + "/coverage", signedIn(api.journey()::coverage));
    route("POST " + council + "/coverage/population", signedIn(api.journey()::importPopulation));
    route("GET " + council + "/services", signedIn(api.journey()::services));
    route("POST " + council + "/services", signedIn(api.journey()::importServices));
    route("GET " + council + "/register/report", signedIn(areas.register()::reportJson));
  }

  /** The EHC journey, coverage and Open Referral UK pages (issue 16, items 4 to 6). */
  private void journeyRoutes(OfficerAreas areas) {
    String council = "/officer/councils/{council}";
    route("GET " + council + "/ehc-stages/timeliness", signedIn(areas.journey()::timelinessForm));
    route(
        "POST " + council + "/ehc-stages/timeliness", signedIn(areas.journey()::importTimeliness));
    route(
        "GET " + council + "/coverage",
        signedIn(OfficerRoute.page("officer/coverage", areas.dashboards()::coverageModel)));
    route("GET " + council + "/coverage/population", signedIn(areas.journey()::populationForm));
    route("POST " + council + "/coverage/population", signedIn(areas.journey()::importPopulation));
    route("GET " + council + "/services", signedIn(areas.services()::show));
    route("POST " + council + "/services", signedIn(areas.services()::act));
  }

  /** The reg. 56 comments register and the annual Local Offer feedback report. */
  private void registerRoutes(RegisterPages register) {
    String base = "/officer/councils/{council}/register";
    route("GET " + base, signedIn(register::list));
    route("GET " + base + "/entries/{entry}", signedIn(register::entry));
    route("POST " + base + "/entries/{entry}", signedIn(register::entryAction));
    route("GET " + base + "/themes/{theme}", signedIn(register::theme));
    route("POST " + base + "/themes/{theme}", signedIn(register::themeAction));
    route("GET " + base + "/report", signedIn(register::report));
    route("POST " + base + "/report", signedIn(register::publish));
    route("GET " + base + "/report/preview", signedIn(register::preview));
    route("GET " + base + "/report/download/{format}", signedIn(register::download));
    route("GET /api/v1/officer/councils/{council}/register", signedIn(register::json));
  }

  /** Wraps a route with authentication, tenancy and (for posts) CSRF checks. */
  private Route signedIn(OfficerRoute route) {
    return checked(route, false);
  }

  /**
   * As {@link #signedIn}, also open to the council's second reviewers: see {@link CouncilAccess}.
   */
  private Route reviewable(OfficerRoute route) {
    return checked(route, true);
  }

  /** The sign-in check: a valid token whose session has not ended, or 401. */
  private Route checked(OfficerRoute route, boolean reviewersToo) {
    return request -> {
      String token = auth.session().token(request).orElse(null);
      OfficerIdentity officer = token == null ? null : auth.identify(token).orElse(null);
      if (officer == null) {
        throw new ProblemException(401, "You need to sign in", "Sign in to see this page.", null);
      }
      CouncilAccess.check(officer, request.pathParameters().get("council"), reviewersToo);
      FormPosts.check(request, token);
      return route.handle(
          request, new SignedInOfficer(officer, token, Flash.of(request).orElse(null)));
    };
  }

  /** API routes answer with problem details, pages with an error page (sign-in link on 401). */
  @Override
  protected APIGatewayV2HTTPResponse refuse(Request request, ProblemException problem) {
    return ProblemPage.of(request, problem);
  }
}
