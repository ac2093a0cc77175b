package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yousaid.functions.common.http.HttpHandler;

/**
 * What API Gateway's HTTP API does in front of the functions, without a server: finds the route
 * whose key matches a request (among the handlers' own route keys), and hands the handler a payload
 * 2.0 event as API Gateway builds it (path and query parameters decoded, repeated query values
 * joined by commas, cookies apart, form bodies base64-encoded).
 */
final class ApiGateway {

  /** The API's domain, as the officer's browser and the handlers see it. */
  static final String DOMAIN = "abc123def4.execute-api.eu-west-2.amazonaws.com";

  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

  private record Binding(String routeKey, String method, Pattern path, List<String> names) {}

  private final List<Binding> bindings = new ArrayList<>();
  private final Map<String, HttpHandler> handlers = new HashMap<>();

  /** Routes every route key of each handler to it. */
  ApiGateway(HttpHandler... served) {
    for (HttpHandler handler : served) {
      for (String routeKey : handler.routeKeys()) {
        handlers.put(routeKey, handler);
        bindings.add(binding(routeKey));
      }
    }
  }

  private static Binding binding(String routeKey) {
    String method = routeKey.substring(0, routeKey.indexOf(' '));
    String path = routeKey.substring(routeKey.indexOf(' ') + 1);
    List<String> names = new ArrayList<>();
    StringBuilder regex = new StringBuilder();
    Matcher m = PARAMETER.matcher(path);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(path.substring(last, m.start()))).append("([^/]+)");
      names.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(path.substring(last)));
    return new Binding(routeKey, method, Pattern.compile(regex.toString()), names);
  }

  /**
   * Sends a request; {@code target} is the path with its query string. 404 for a path no route
   * matches, as API Gateway answers.
   */
  APIGatewayV2HTTPResponse send(
      String method,
      String target,
      Map<String, String> headers,
      List<String> cookies,
      String contentType,
      String body) {
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String rawQuery = q < 0 ? "" : target.substring(q + 1);
    // API Gateway prefers the route with the fewest parameters when several match.
    Binding binding = null;
    Matcher matched = null;
    for (Binding b : bindings) {
      Matcher m = b.path().matcher(path);
      if (b.method().equals(method)
          && m.matches()
          && (binding == null || b.names().size() < binding.names().size())) {
        binding = b;
        matched = m;
      }
    }
    if (binding == null) {
      APIGatewayV2HTTPResponse notFound = new APIGatewayV2HTTPResponse();
      notFound.setStatusCode(404);
      notFound.setBody("{\"message\":\"Not Found\"}");
      return notFound;
    }
    Map<String, String> pathParameters = new LinkedHashMap<>();
    for (int i = 0; i < binding.names().size(); i++) {
      pathParameters.put(binding.names().get(i), decode(matched.group(i + 1).replace("+", "%2B")));
    }
    Map<String, String> query = new LinkedHashMap<>();
    if (!rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        String[] kv = pair.split("=", 2);
        query.merge(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "", (a, b) -> a + "," + b);
      }
    }
    Map<String, String> allHeaders = new HashMap<>();
    headers.forEach((name, value) -> allHeaders.put(name.toLowerCase(Locale.ROOT), value));
    allHeaders.putIfAbsent("host", DOMAIN);
    allHeaders.putIfAbsent("x-forwarded-proto", "https");
    if (contentType != null) {
      allHeaders.put("content-type", contentType);
    }
    boolean base64 = body != null && !contentType.startsWith("application/json");
    APIGatewayV2HTTPEvent event =
        APIGatewayV2HTTPEvent.builder()
            .withVersion("2.0")
            .withRouteKey(binding.routeKey())
            .withRawPath(path)
            .withRawQueryString(rawQuery)
            .withHeaders(allHeaders)
            .withCookies(cookies.isEmpty() ? null : cookies)
            .withQueryStringParameters(query.isEmpty() ? null : query)
            .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
            .withBody(
                body == null
                    ? null
                    : base64
                        ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))
                        : body)
            .withIsBase64Encoded(base64)
            .withRequestContext(
                APIGatewayV2HTTPEvent.RequestContext.builder()
                    .withRouteKey(binding.routeKey())
                    .withStage("$default")
                    .withRequestId(UUID.randomUUID().toString())
                    .withDomainName(DOMAIN)
                    .withHttp(
                        APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                            .withMethod(method)
                            .withPath(path)
                            .withProtocol("HTTP/1.1")
                            .withSourceIp("203.0.113.10")
                            .withUserAgent("officer-tests")
                            .build())
                    .build())
            .build();
    return handlers.get(binding.routeKey()).handleRequest(event, null);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
