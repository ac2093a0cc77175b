package org.yousaid.functions.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.validation.FieldError;
import org.yousaid.web.Assets;
import org.yousaid.web.InlineScripts;

/** Builds HTTP API responses with the security headers every response carries. */
public final class Responses {

  /**
   * Pages allow only their own scripts and styles (plus the one inline start-up script, by hash).
   */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self' "
          + InlineScripts.JS_ENABLED_HASH
          + "; style-src 'self'; img-src 'self' data:; form-action 'self'; "
          + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

  private Responses() {}

  public static APIGatewayV2HTTPResponse html(int status, String html) {
    return response(status, "text/html; charset=utf-8", html, Map.of("Cache-Control", "no-store"));
  }

  public static APIGatewayV2HTTPResponse json(int status, Object body) {
    return response(
        status, "application/json", Json.write(body), Map.of("Cache-Control", "no-store"));
  }

  public static APIGatewayV2HTTPResponse noContent() {
    return response(204, null, null, Map.of("Cache-Control", "no-store"));
  }

  public static APIGatewayV2HTTPResponse redirect(String location) {
    return response(303, null, null, Map.of("Location", location, "Cache-Control", "no-store"));
  }

  /** One of the bundled CSS and JS files (an allow-list, never a file path), cached for a day. */
  public static APIGatewayV2HTTPResponse asset(String name) {
    Assets.Asset asset =
        Assets.find(name).orElseThrow(() -> ProblemException.notFound("This file does not exist."));
    return response(
        200, asset.contentType(), asset.text(), Map.of("Cache-Control", "public, max-age=86400"));
  }

  /** RFC 9457 problem details, with per-field errors for validation problems. */
  public static APIGatewayV2HTTPResponse problem(ProblemException problem) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", problem.title());
    body.put("status", problem.status());
    body.put("detail", problem.detail());
    if (!problem.errors().isEmpty()) {
      List<Map<String, String>> errors =
          problem.errors().stream()
              .map((FieldError e) -> Map.of("field", e.field(), "message", e.message()))
              .toList();
      body.put("errors", errors);
    }
    Map<String, String> headers = new HashMap<>(Map.of("Cache-Control", "no-store"));
    if (problem.status() == 503) {
      headers.put("Retry-After", "2");
    }
    return response(problem.status(), "application/problem+json", Json.write(body), headers);
  }

  public static APIGatewayV2HTTPResponse response(
      int status, String contentType, String body, Map<String, String> extraHeaders) {
    Map<String, String> headers = new HashMap<>(securityHeaders());
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    headers.putAll(extraHeaders);
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(headers)
        .withBody(body)
        .withIsBase64Encoded(false)
        .build();
  }

  /** A binary body (a download), base64-encoded as API Gateway expects. */
  public static APIGatewayV2HTTPResponse binary(
      int status, String contentType, byte[] body, Map<String, String> extraHeaders) {
    APIGatewayV2HTTPResponse response =
        response(
            status, contentType, java.util.Base64.getEncoder().encodeToString(body), extraHeaders);
    response.setIsBase64Encoded(true);
    return response;
  }

  public static Map<String, String> securityHeaders() {
    return Map.of(
        "Content-Security-Policy", CONTENT_SECURITY_POLICY,
        "X-Content-Type-Options", "nosniff",
        "Referrer-Policy", "no-referrer",
        "X-Frame-Options", "DENY",
        "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
        "Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  }
}
