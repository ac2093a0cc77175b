package org.yousaid.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for API Gateway's HTTP API on 127.0.0.1: matches the routes of template.yaml, builds
 * the same payload-2.0 event Lambda would receive, and invokes the same handler classes.
 */
public final class LocalHttpServer implements AutoCloseable {

  /** Like API Gateway's own payload cap (10 MB), so handlers see what they would see in AWS. */
  private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  private record Binding(
      String method,
      Pattern pattern,
      List<String> names,
      String routeKey,
      RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {}

  private final List<Binding> bindings = new ArrayList<>();
  private final HttpServer server;
  private final ExecutorService executor;

  /**
   * How long a client may take to send a whole request (line, headers and body) and to read a whole
   * response; then the connection is closed and its thread is free again.
   */
  public static final int REQUEST_SECONDS = 20;

  public static final int RESPONSE_SECONDS = 60;

  /**
   * Threads for requests. The JDK server reads each request on one of them, so a client that sends
   * slowly holds one until {@link #REQUEST_SECONDS}; with this many, dozens of slow clients still
   * leave threads for everyone else.
   */
  public static final int THREADS = 64;

  public LocalHttpServer(int port) throws IOException {
    // Headers and body go out as separate writes; without TCP_NODELAY, Nagle's algorithm and the
    // client's delayed ACK add ~40 ms to every response on loopback.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    // Read and write timeouts (the JDK server has none by default: a client that stops sending
    // holds its thread for ever). Read once per JVM, when the first server starts.
    System.setProperty("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
    System.setProperty("sun.net.httpserver.maxRspTime", Integer.toString(RESPONSE_SECONDS));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
    executor = Executors.newFixedThreadPool(THREADS);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  public void bind(
      SamTemplate.Route route,
      RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("\\{([^}+]+)(\\+?)}").matcher(route.path());
    StringBuilder regex = new StringBuilder();
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(route.path().substring(last, m.start())));
      names.add(m.group(1));
      regex.append(m.group(2).isEmpty() ? "([^/]+)" : "(.+)");
      last = m.end();
    }
    regex.append(Pattern.quote(route.path().substring(last)));
    bindings.add(
        new Binding(
            route.method(), Pattern.compile(regex.toString()), names, route.routeKey(), handler));
  }

  /**
   * Serves a folder's files read-only under a path prefix, as CloudFront serves the published
   * site's bucket: GET and HEAD only, never outside the folder, a folder's {@code index.html} for
   * its path.
   */
  public void serveFolder(String prefix, java.nio.file.Path folder) {
    java.nio.file.Path root = folder.toAbsolutePath().normalize();
    server.createContext(
        prefix,
        exchange -> {
          try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            if (!method.equals("GET") && !method.equals("HEAD")) {
              exchange.getResponseHeaders().add("Allow", "GET, HEAD");
              exchange.sendResponseHeaders(405, -1);
              return;
            }
            String relative =
                URLDecoder.decode(
                    exchange
                        .getRequestURI()
                        .getRawPath()
                        .substring(prefix.length())
                        .replace("+", "%2B"),
                    StandardCharsets.UTF_8);
            java.nio.file.Path file;
            try {
              file = root.resolve(relative).normalize();
            } catch (java.nio.file.InvalidPathException e) {
              file = root.resolve("missing");
            }
            if (java.nio.file.Files.isDirectory(file)) {
              file = file.resolve("index.html");
            }
            if (!file.startsWith(root) || !java.nio.file.Files.isRegularFile(file)) {
              byte[] body =
                  "<!DOCTYPE html><title>Page not found</title><p>Page not found. Nothing has been published at this address.</p>"
                      .getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
              exchange.sendResponseHeaders(404, method.equals("HEAD") ? -1 : body.length);
              if (!method.equals("HEAD")) {
                exchange.getResponseBody().write(body);
              }
              return;
            }
            byte[] body = java.nio.file.Files.readAllBytes(file);
            exchange
                .getResponseHeaders()
                .add("Content-Type", contentType(file.getFileName().toString()));
            exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
            exchange
                .getResponseHeaders()
                .add(
                    "Content-Security-Policy",
                    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
            exchange.sendResponseHeaders(200, method.equals("HEAD") ? -1 : body.length);
            if (!method.equals("HEAD")) {
              exchange.getResponseBody().write(body);
            }
          }
        });
  }

  private static String contentType(String name) {
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    } else if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    } else if (name.endsWith(".json")) {
      return "application/json; charset=utf-8";
    } else if (name.endsWith(".csv")) {
      return "text/csv; charset=utf-8";
    } else if (name.endsWith(".atom")) {
      return "application/atom+xml; charset=utf-8";
    }
    return "application/octet-stream";
  }

  public void start() {
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      if (path.equals("/") && method.equals("GET")) {
        exchange.getResponseHeaders().add("Location", LocalMode.DEMO_FORM_PATH);
        exchange.sendResponseHeaders(303, -1);
        return;
      }
      Binding binding = null;
      Matcher matcher = null;
      for (Binding b : bindings) {
        Matcher m = b.pattern().matcher(path);
        if (b.method().equals(method) && m.matches()) {
          binding = b;
          matcher = m;
          break;
        }
      }
      if (binding == null) {
        byte[] body = "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(404, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      byte[] body = readBody(exchange.getRequestBody());
      if (body == null) {
        byte[] tooLarge =
            "{\"message\":\"Request Entity Too Large\"}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(413, tooLarge.length);
        exchange.getResponseBody().write(tooLarge);
        return;
      }
      Map<String, String> pathParameters = new LinkedHashMap<>();
      for (int i = 0; i < binding.names().size(); i++) {
        pathParameters.put(
            binding.names().get(i),
            URLDecoder.decode(matcher.group(i + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
      }
      APIGatewayV2HTTPResponse response =
          binding.handler().handleRequest(event(exchange, binding, pathParameters, body), null);
      write(exchange, response);
    }
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    return bytes.length > MAX_BODY_BYTES ? null : bytes;
  }

  private static APIGatewayV2HTTPEvent event(
      HttpExchange exchange, Binding binding, Map<String, String> pathParameters, byte[] body) {
    Map<String, String> headers = new HashMap<>();
    List<String> cookies = new ArrayList<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              String lower = name.toLowerCase(Locale.ROOT);
              if (lower.equals("cookie")) {
                values.forEach(v -> cookies.addAll(List.of(v.split(";\\s*"))));
              } else {
                headers.put(lower, String.join(",", values));
              }
            });
    String rawQuery = exchange.getRequestURI().getRawQuery();
    Map<String, String> query = null;
    if (rawQuery != null && !rawQuery.isEmpty()) {
      query = new LinkedHashMap<>();
      for (String pair : rawQuery.split("&")) {
        String[] kv = pair.split("=", 2);
        String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
        String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
        query.merge(key, value, (a, b) -> a + "," + b);
      }
    }
    // Text that is not valid UTF-8 goes through as its bytes (base64), so the handler refuses it
    // with a 400
    // instead of seeing it silently repaired with U+FFFD.
    boolean text = isText(headers.get("content-type")) && isUtf8(body);
    long now = Instant.now().toEpochMilli();
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(binding.routeKey())
        .withRawPath(exchange.getRequestURI().getRawPath())
        .withRawQueryString(rawQuery == null ? "" : rawQuery)
        .withHeaders(headers)
        .withCookies(cookies.isEmpty() ? null : cookies)
        .withQueryStringParameters(query)
        .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
        .withBody(
            body.length == 0
                ? null
                : text
                    ? new String(body, StandardCharsets.UTF_8)
                    : Base64.getEncoder().encodeToString(body))
        .withIsBase64Encoded(body.length > 0 && !text)
        .withRequestContext(
            APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRouteKey(binding.routeKey())
                .withStage("$default")
                .withRequestId(UUID.randomUUID().toString())
                .withDomainName("127.0.0.1")
                .withTimeEpoch(now)
                .withHttp(
                    APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(binding.method())
                        .withPath(exchange.getRequestURI().getRawPath())
                        .withProtocol(exchange.getProtocol())
                        .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                        .withUserAgent(headers.getOrDefault("user-agent", ""))
                        .build())
                .build())
        .build();
  }

  private static boolean isUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  /**
   * API Gateway passes text bodies as they are and base64-encodes the rest; so do we, but strictly.
   */
  private static boolean isText(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("text/")
        || type.startsWith("application/json")
        || type.startsWith("application/x-www-form-urlencoded")
        || type.contains("+json")
        || type.startsWith("application/xml");
  }

  private static void write(HttpExchange exchange, APIGatewayV2HTTPResponse response)
      throws IOException {
    if (response.getHeaders() != null) {
      response.getHeaders().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    }
    if (response.getMultiValueHeaders() != null) {
      response
          .getMultiValueHeaders()
          .forEach((k, vs) -> vs.forEach(v -> exchange.getResponseHeaders().add(k, v)));
    }
    if (response.getCookies() != null) {
      response.getCookies().forEach(c -> exchange.getResponseHeaders().add("Set-Cookie", c));
    }
    byte[] body =
        response.getBody() == null
            ? new byte[0]
            : response.getIsBase64Encoded()
                ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
    int status = response.getStatusCode();
    if (status == 204 || status == 304 || body.length == 0) {
      exchange.sendResponseHeaders(status, -1);
    } else {
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
