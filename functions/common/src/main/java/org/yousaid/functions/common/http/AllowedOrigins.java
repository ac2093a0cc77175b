package org.yousaid.functions.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The web sites (origins) whose pages may send page feedback to the API from script, per
 * deployment: a comma-separated list such as {@code https://www.localoffer.example,
 * demo=https://send.demo.example}. An entry {@code council=origin} allows that origin for that
 * council only; a bare origin allows it for every council of the deployment. Nothing is allowed by
 * default: the plain HTML form needs no CORS.
 */
public final class AllowedOrigins {

  /**
   * The environment variable read in AWS (set from the template's PageFeedbackOrigins parameter).
   */
  public static final String ENVIRONMENT_VARIABLE = "PAGE_FEEDBACK_ORIGINS";

  public static final String ALLOWED_HEADERS = "Content-Type, Idempotency-Key";

  private record Entry(String council, String origin) {}

  private final List<Entry> entries;

  private AllowedOrigins(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public static AllowedOrigins none() {
    return new AllowedOrigins(List.of());
  }

  public static AllowedOrigins fromEnvironment() {
    return parse(System.getenv(ENVIRONMENT_VARIABLE));
  }

  /**
   * Parses the setting; an entry that is not an http(s) origin stops the start-up, so a typo cannot
   * pass unnoticed.
   */
  public static AllowedOrigins parse(String setting) {
    List<Entry> entries = new ArrayList<>();
    if (setting == null || setting.isBlank()) {
      return new AllowedOrigins(entries);
    }
    for (String raw : setting.split(",")) {
      String item = raw.trim();
      if (item.isEmpty()) {
        continue;
      }
      String council = null;
      int eq = item.indexOf('=');
      if (eq > 0) {
        council = item.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        item = item.substring(eq + 1).trim();
      }
      entries.add(
          new Entry(
              council,
              normalise(item)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              ENVIRONMENT_VARIABLE
                                  + " holds an entry that is not an origin such as https://www.example.gov.uk"))));
    }
    return new AllowedOrigins(entries);
  }

  /**
   * {@code scheme://host[:port]} in lower case, or empty if this is not an http(s) origin (no path,
   * query or credentials).
   */
  static Optional<String> normalise(String origin) {
    try {
      URI uri = new URI(origin);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http"))
          || uri.getHost() == null
          || uri.getRawUserInfo() != null
          || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null) {
        return Optional.empty();
      }
      return Optional.of(
          scheme
              + "://"
              + uri.getHost().toLowerCase(Locale.ROOT)
              + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Whether a page from {@code origin} may send this council's page feedback from script. */
  public boolean allows(String council, String origin) {
    if (origin == null) {
      return false;
    }
    Optional<String> wanted = normalise(origin.trim());
    return wanted.isPresent()
        && entries.stream()
            .anyMatch(
                e ->
                    e.origin().equals(wanted.get())
                        && (e.council() == null || e.council().equals(council)));
  }

  /**
   * The answer to a CORS preflight: 204 with the allow headers for an allowed origin, 403 for any
   * other.
   */
  public APIGatewayV2HTTPResponse preflight(Request request, String council) {
    String origin = request.header("origin").orElse(null);
    if (!allows(council, origin)) {
      APIGatewayV2HTTPResponse refused =
          Responses.response(
              403, null, null, Map.of("Cache-Control", "no-store", "Vary", "Origin"));
      return refused;
    }
    Map<String, String> headers = new HashMap<>();
    headers.put("Access-Control-Allow-Origin", origin.trim());
    headers.put("Access-Control-Allow-Methods", "POST");
    headers.put("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    headers.put("Access-Control-Max-Age", "600");
    headers.put("Vary", "Origin");
    headers.put("Cache-Control", "no-store");
    return Responses.response(204, null, null, headers);
  }

  /**
   * Adds the CORS headers to an actual response when the request came from an allowed origin's
   * page.
   */
  public APIGatewayV2HTTPResponse decorate(
      Request request, String council, APIGatewayV2HTTPResponse response) {
    Map<String, String> headers =
        response.getHeaders() == null ? new HashMap<>() : new HashMap<>(response.getHeaders());
    headers.merge("Vary", "Origin", (a, b) -> a.contains("Origin") ? a : a + ", Origin");
    String origin = request.header("origin").orElse(null);
    if (allows(council, origin)) {
      headers.put("Access-Control-Allow-Origin", origin.trim());
      headers.put("Access-Control-Expose-Headers", "Idempotent-Replayed");
    }
    response.setHeaders(headers);
    return response;
  }
}
