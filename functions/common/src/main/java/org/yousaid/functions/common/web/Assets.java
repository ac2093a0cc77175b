package org.yousaid.functions.common.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.shared.submission.ProblemException;

/**
 * Serves the CSS and JS bundled under {@code assets/} on the classpath: an allow-list, never a file
 * path.
 */
public final class Assets {

  private static final Map<String, String> TYPES =
      Map.of(
          "govuk-frontend.min.css", "text/css; charset=utf-8",
          "govuk-frontend.min.js", "text/javascript; charset=utf-8",
          "yousaid.css", "text/css; charset=utf-8",
          "yousaid.js", "text/javascript; charset=utf-8",
          "page-feedback.js", "text/javascript; charset=utf-8");
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private Assets() {}

  public static Set<String> names() {
    return TYPES.keySet();
  }

  public static APIGatewayV2HTTPResponse serve(String name) {
    String type = TYPES.get(name);
    if (type == null) {
      throw ProblemException.notFound("This file does not exist.");
    }
    String body = CACHE.computeIfAbsent(name, Assets::load);
    Map<String, String> headers = new HashMap<>();
    headers.put("Cache-Control", "public, max-age=86400");
    return Responses.response(200, type, body, headers);
  }

  private static String load(String name) {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream("assets/" + name)) {
      if (in == null) {
        throw ProblemException.notFound("This file does not exist.");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
