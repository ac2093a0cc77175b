package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an officer's browser does against local mode over real HTTP: carries the session cookie,
 * reads the CSRF token from a page and sends it with every form.
 */
final class OfficerBrowser {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final LocalMode local;
  private final String token;

  /** Signed in (with a token from local mode's issuer) as an officer of these councils. */
  OfficerBrowser(LocalMode local, String email, List<String> councils) {
    this(local, email, councils, List.of());
  }

  /** Signed in as an officer of {@code councils} and a second reviewer of {@code reviews}. */
  OfficerBrowser(LocalMode local, String email, List<String> councils, List<String> reviews) {
    this.local = local;
    this.token =
        local.officerSignIn(
            "subject-" + email,
            email,
            java.util.stream.Stream.concat(
                    councils.stream().map(c -> "council-" + c),
                    reviews.stream().map(c -> "reviewer-" + c))
                .toList(),
            Duration.ofMinutes(30));
  }

  /** The session token, for tests that send their own requests. */
  String token() {
    return token;
  }

  HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> getBytes(String path) throws Exception {
    return HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * Posts a form as the page would: with the session's CSRF token, read from the officer dashboard.
   */
  HttpResponse<String> postForm(String path, String form) throws Exception {
    String body = "csrf=" + csrf(get("/officer").body()) + (form.isEmpty() ? "" : "&" + form);
    return HTTP.send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Signs off and publishes the draft as the publish page shows it now: the officer ticks "I have
   * checked" and presses the button.
   */
  HttpResponse<String> signOffAndPublish(String consultationPath) throws Exception {
    Matcher draft =
        Pattern.compile("name=\"draft\" value=\"([0-9a-f]{64})\"")
            .matcher(get(consultationPath + "/publish").body());
    assertTrue(draft.find(), "the publish page names its draft");
    return postForm(consultationPath + "/publish", "confirm=yes&draft=" + draft.group(1));
  }

  /** An API call with the token as a Bearer header (no cookie, so no CSRF token needed). */
  HttpResponse<String> postApi(String path, String contentType, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String csrf(String page) {
    Matcher m = CSRF.matcher(page);
    assertTrue(m.find(), "the page carries a CSRF token");
    return m.group(1);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path)).header("Cookie", "yousaid-officer=" + token);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + local.port() + path);
  }
}
