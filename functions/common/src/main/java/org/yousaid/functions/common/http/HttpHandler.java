package org.yousaid.functions.common.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.functions.common.logging.SafeErrors;
import org.yousaid.functions.common.telemetry.Telemetry;
import org.yousaid.shared.storage.StorageRetry.StorageUnavailable;
import org.yousaid.shared.submission.ProblemException;

/**
 * A Lambda handler for a group of HTTP API routes: looks up the route by API Gateway's route key,
 * turns refusals into clear 4xx responses and anything unexpected into a 500 that reveals nothing.
 * Logs carry the route, status and request id only, never what people wrote; each invocation runs
 * in Powertools' logging context with API Gateway's request id as the correlation id (see {@link
 * Telemetry}).
 */
public abstract class HttpHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private static final Logger LOG = LoggerFactory.getLogger(HttpHandler.class);

  private final Map<String, Route> routes = new LinkedHashMap<>();
  private RateLimiter rateLimiter = RateLimiter.off();

  /** Limits how often one client (by source IP) may call this handler's routes; off unless set. */
  protected final void rateLimit(RateLimiter limiter) {
    this.rateLimiter = limiter == null ? RateLimiter.off() : limiter;
  }

  /**
   * Whether a request counts against the client's rate limit; everything but static assets by
   * default.
   */
  protected boolean isRateLimited(Request request) {
    return request.path() == null || !request.path().startsWith("/assets/");
  }

  /**
   * Registers a route by its API Gateway route key, e.g. {@code "GET /c/{council}/{consultation}"}.
   */
  protected final void route(String routeKey, Route route) {
    routes.put(routeKey, route);
  }

  /** The route keys this handler serves, as wired in template.yaml. */
  public final java.util.Set<String> routeKeys() {
    return java.util.Collections.unmodifiableSet(routes.keySet());
  }

  @Override
  public final APIGatewayV2HTTPResponse handleRequest(
      APIGatewayV2HTTPEvent event, Context context) {
    String correlationId =
        event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
    return Telemetry.invocation(
        context,
        correlationId,
        () -> {
          APIGatewayV2HTTPResponse response = handle(event);
          if (response.getStatusCode() >= 500) {
            Telemetry.count("ServerErrors", "Route", event.getRouteKey());
          }
          return response;
        });
  }

  private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
    Request request = new Request(event);
    APIGatewayV2HTTPResponse response;
    try {
      Route route = routes.get(event.getRouteKey());
      if (route == null) {
        throw ProblemException.notFound("This page does not exist.");
      }
      java.util.OptionalLong wait =
          isRateLimited(request)
              ? rateLimiter.acquire(request.sourceIp())
              : java.util.OptionalLong.empty();
      if (wait.isPresent()) {
        response =
            refuse(
                request,
                new ProblemException(
                    429,
                    "Too many requests",
                    "You have sent a lot of requests in a short time. Please wait "
                        + wait.getAsLong()
                        + (wait.getAsLong() == 1 ? " second" : " seconds")
                        + ", then try again. Nothing has been sent yet: "
                        + "your browser's Back button takes you back to what you typed.",
                    null));
        response.getHeaders().put("Retry-After", Long.toString(wait.getAsLong()));
      } else {
        response = route.handle(request);
      }
    } catch (ProblemException problem) {
      response = refuse(request, problem);
    } catch (StorageUnavailable unavailable) {
      LOG.warn(
          "route={} requestId={} storage unavailable after retries: {}",
          event.getRouteKey(),
          request.requestId(),
          SafeErrors.describe(
              unavailable.getCause() == null ? unavailable : unavailable.getCause()));
      response =
          refuse(
              request,
              new ProblemException(
                  503,
                  "Sorry, there is a problem with the service",
                  "Sorry, the service is busy. Please try again in a moment. Nothing was changed.",
                  null));
      response.getHeaders().put("Retry-After", "2");
    } catch (RuntimeException unexpected) {
      LOG.error(
          "route={} requestId={} failed: {}",
          event.getRouteKey(),
          request.requestId(),
          SafeErrors.describe(unexpected));
      response =
          refuse(
              request,
              new ProblemException(
                  500,
                  "Sorry, there is a problem with the service",
                  "Something went wrong on our side. Your answers have not been saved. Please try again later.",
                  null));
    }
    if (response.getStatusCode() == 503
        && response.getHeaders() != null
        && !response.getHeaders().containsKey("Retry-After")) {
      response.getHeaders().put("Retry-After", "2");
    }
    LOG.info(
        "route={} status={} requestId={}",
        event.getRouteKey(),
        response.getStatusCode(),
        request.requestId());
    return response;
  }

  /** How a refusal is shown: JSON problem details by default; page handlers show an HTML page. */
  protected APIGatewayV2HTTPResponse refuse(Request request, ProblemException problem) {
    return Responses.problem(problem);
  }
}
