package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.http.FormBody;
import org.yousaid.functions.common.http.HttpHandler;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.functions.common.http.Route;
import org.yousaid.functions.common.priming.SnapStartPriming;
import org.yousaid.functions.common.queue.JobQueue;
import org.yousaid.functions.common.queue.PublishQueue;
import org.yousaid.functions.officer.auth.OfficerAuth;
import org.yousaid.functions.officer.auth.OfficerIdentity;
import org.yousaid.functions.officer.auth.Session;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.web.Pages;

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
        config);
  }

  /** Used by local mode, which passes its own queues; SITE_URL and PUBLIC_API_URL as set. */
  public OfficerHandler(
      Services services, OfficerAuth auth, JobQueue analysisQueue, PublishQueue publishQueue) {
    this(services, auth, analysisQueue, publishQueue, OfficerConfig.fromEnvironment());
  }

  public OfficerHandler(
      Services services,
      OfficerAuth auth,
      JobQueue analysisQueue,
      PublishQueue publishQueue,
      OfficerConfig config) {
    this.auth = auth;
    OfficerAreas areas = OfficerAreas.create(services, analysisQueue, publishQueue, config);
    route("GET /officer/sign-in", auth.signIn()::start);
    route("POST /officer/sign-in", auth.signIn()::complete);
    route("GET /officer/callback", auth.signIn()::complete);
    route("POST /officer/sign-out", signedIn((request, officer) -> auth.signOut(request)));
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
        page("officer/page-feedback", areas.dashboards()::pageFeedbackModel));
    route(
        "GET /officer/councils/{council}/page-feedback/comments",
        page("officer/page-feedback-comments", areas.dashboards()::commentsModel));
    route(
        "GET /officer/councils/{council}/page-feedback/snippet",
        page("officer/page-feedback-snippet", areas.dashboards()::snippetModel));
    route(
        "GET /officer/councils/{council}/ehc-stages",
        page("officer/ehc-stages", areas.dashboards()::ehcStagesModel));
  }

  /** A page whose model depends only on the request. */
  private Route page(String template, Function<Request, Map<String, Object>> model) {
    return signedIn((request, officer) -> officer.page(template, model.apply(request)));
  }

  /** Wraps a route with authentication, tenancy and (for posts) CSRF checks. */
  private Route signedIn(OfficerRoute route) {
    return checked(route, false);
  }

  /**
   * As {@link #signedIn}, also open to the council's second reviewers: the draft, its themes, and
   * their comments and co-signatures. No other route lets a reviewer in.
   */
  private Route reviewable(OfficerRoute route) {
    return checked(route, true);
  }

  private Route checked(OfficerRoute route, boolean reviewersToo) {
    return request -> {
      String token = auth.session().token(request).orElse(null);
      OfficerIdentity officer = token == null ? null : auth.identify(token).orElse(null);
      if (officer == null) {
        throw new ProblemException(401, "You need to sign in", "Sign in to see this page.", null);
      }
      String council = request.pathParameters().get("council");
      if (council != null
          && !(reviewersToo ? officer.mayReview(council) : officer.actsFor(council))) {
        throw new ProblemException(
            403,
            "You cannot see this council's data",
            "Your account is not set up for this council. Ask your administrator if you need access.",
            null);
      }
      if (request.method().equals("POST") && !postAllowed(request, token)) {
        throw new ProblemException(
            403, "This form has expired", "Go back, reload the page and try again.", null);
      }
      return route.handle(
          request, new SignedInOfficer(officer, token, Flash.of(request).orElse(null)));
    };
  }

  /**
   * Cookie-authenticated posts must be forms carrying the session's CSRF token; API clients send
   * their token in the Authorization header, which a cross-site page cannot set.
   */
  private static boolean postAllowed(Request request, String token) {
    if (request.mediaType().equals("application/x-www-form-urlencoded")) {
      FormBody form = FormBody.parse(request.bodyText(1024 * 1024));
      return Session.csrfMatches(token, form.first("csrf"));
    }
    return request.header("authorization").isPresent();
  }

  /** API routes answer with problem details, pages with an error page (sign-in link on 401). */
  @Override
  protected APIGatewayV2HTTPResponse refuse(Request request, ProblemException problem) {
    if (request.path() != null && request.path().startsWith("/api/")) {
      return Responses.problem(problem);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("pageTitle", problem.title());
    model.put("detail", problem.detail());
    model.put("signInLink", problem.status() == 401);
    model.put("serviceName", SignedInOfficer.SERVICE_NAME);
    return Responses.html(problem.status(), Pages.render("officer/problem", model));
  }
}
