package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an officer's browser sends through API Gateway: the session cookie (as the deployed function
 * names it), the CSRF token read from a page with every form, or the token as a Bearer header for
 * API calls.
 */
final class OfficerSession {

  static final String COOKIE = "__Host-yousaid-officer";
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  /** A response as the browser sees it: the body decoded when API Gateway got it as base64. */
  record Reply(int status, String body, byte[] bytes, Map<String, String> headers) {

    static Reply of(APIGatewayV2HTTPResponse response) {
      String raw = response.getBody() == null ? "" : response.getBody();
      byte[] bytes =
          response.getIsBase64Encoded()
              ? Base64.getDecoder().decode(raw)
              : raw.getBytes(StandardCharsets.UTF_8);
      return new Reply(
          response.getStatusCode(),
          new String(bytes, StandardCharsets.UTF_8),
          bytes,
          response.getHeaders() == null ? Map.of() : response.getHeaders());
    }

    Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue)
          .findFirst();
    }
  }

  private final ApiGateway gateway;
  private final String token;

  /** {@code token}: null for someone who is not signed in. */
  OfficerSession(ApiGateway gateway, String token) {
    this.gateway = gateway;
    this.token = token;
  }

  Reply get(String path) {
    return Reply.of(gateway.send("GET", path, Map.of(), cookies(), null, null));
  }

  /** Posts a form as the page would: with the session's CSRF token, read from the dashboard. */
  Reply postForm(String path, String form) {
    String csrf = csrf(get("/officer").body());
    return postForm(path, "csrf=" + csrf + (form.isEmpty() ? "" : "&" + form), true);
  }

  /** Posts exactly this form body, with or without the session cookie. */
  Reply postForm(String path, String body, boolean withCookie) {
    return Reply.of(
        gateway.send(
            "POST",
            path,
            Map.of(),
            withCookie ? cookies() : List.of(),
            "application/x-www-form-urlencoded",
            body));
  }

  /**
   * Uploads a text file as a page's form would (multipart, with the session's CSRF token and these
   * other fields).
   */
  Reply upload(String path, Map<String, String> fields, String fileName, String content) {
    String boundary = "----yousaid" + Long.toHexString(System.nanoTime());
    StringBuilder body = new StringBuilder();
    Map<String, String> all = new java.util.LinkedHashMap<>();
    all.put("csrf", csrf(get("/officer").body()));
    all.putAll(fields);
    all.forEach(
        (k, v) ->
            body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(k)
                .append("\"\r\n\r\n")
                .append(v)
                .append("\r\n"));
    body.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
        .append(fileName)
        .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .append(content)
        .append("\r\n--")
        .append(boundary)
        .append("--\r\n");
    return Reply.of(
        gateway.send(
            "POST",
            path,
            Map.of(),
            cookies(),
            "multipart/form-data; boundary=" + boundary,
            body.toString()));
  }

  /** An API call with the token as a Bearer header (no cookie, so no CSRF token needed). */
  Reply postApi(String path, String contentType, String body) {
    return Reply.of(
        gateway.send(
            "POST",
            path,
            token == null ? Map.of() : Map.of("Authorization", "Bearer " + token),
            List.of(),
            contentType,
            body));
  }

  /** An API read with the token as a Bearer header. */
  Reply getApi(String path) {
    return Reply.of(
        gateway.send(
            "GET",
            path,
            token == null ? Map.of() : Map.of("Authorization", "Bearer " + token),
            List.of(),
            null,
            null));
  }

  private List<String> cookies() {
    return token == null ? List.of() : List.of(COOKIE + "=" + token);
  }

  static String csrf(String page) {
    Matcher m = CSRF.matcher(page);
    assertTrue(m.find(), "the page carries a CSRF token");
    return m.group(1);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
