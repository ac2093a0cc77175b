package org.yousaid.functions.officer.auth;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.submission.ProblemException;

/**
 * Cognito's hosted sign-in: the OAuth 2.0 authorisation code flow with PKCE and a state value, both
 * kept in a short-lived cookie. The returned ID token is verified before it becomes the session.
 */
public final class CognitoSignIn implements SignInMethod {

  private static final String FLOW_COOKIE = "__Host-yousaid-signin";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String domain;
  private final String clientId;
  private final String redirectUri;
  private static final String CALLBACK = "/officer/callback";
  private final Session session;
  private final TokenVerifier verifier;
  private final OfficerSessions sessions;

  /** As the cookie's Max-Age and at least the ID token's validity (60 minutes at most). */
  private static final java.time.Duration SESSION = java.time.Duration.ofHours(1);

  /** The tokens of one sign-in: the ID token becomes the cookie, the refresh token stays here. */
  private record Tokens(String id, String refresh) {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  /**
   * @param redirectUri the registered callback URL, or null to use https://{the API's
   *     domain}/officer/callback for each request (the template cannot name the API's URL in the
   *     function without a dependency cycle)
   */
  public CognitoSignIn(
      String domain,
      String clientId,
      String redirectUri,
      Session session,
      TokenVerifier verifier,
      OfficerSessions sessions) {
    this.sessions = sessions;
    this.domain = domain;
    this.clientId = clientId;
    this.redirectUri = redirectUri;
    this.session = session;
    this.verifier = verifier;
  }

  @Override
  public APIGatewayV2HTTPResponse start(Request request) {
    String state = random();
    String verifierCode = random();
    String location =
        domain
            + "/oauth2/authorize?response_type=code&client_id="
            + enc(clientId)
            + "&redirect_uri="
            + enc(redirectUri(request))
            + "&scope="
            + enc("openid email")
            + "&state="
            + state
            + "&code_challenge_method=S256&code_challenge="
            + challenge(verifierCode);
    APIGatewayV2HTTPResponse response = Responses.redirect(location);
    response.setCookies(
        List.of(
            FLOW_COOKIE
                + "="
                + state
                + "."
                + verifierCode
                + "; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=600"));
    return response;
  }

  @Override
  public APIGatewayV2HTTPResponse complete(Request request) {
    String code =
        request
            .query("code")
            .orElseThrow(
                () -> ProblemException.badRequest("Sign-in did not finish. Please try again."));
    String state = request.query("state").orElse("");
    String flow =
        request.cookies().stream()
            .filter(c -> c.startsWith(FLOW_COOKIE + "="))
            .map(c -> c.substring(FLOW_COOKIE.length() + 1))
            .findFirst()
            .orElse("");
    String[] parts = flow.split("\\.", 2);
    if (parts.length != 2
        || !MessageDigest.isEqual(
            parts[0].getBytes(StandardCharsets.US_ASCII),
            state.getBytes(StandardCharsets.US_ASCII))) {
      throw ProblemException.badRequest("Sign-in did not finish. Please try again.");
    }
    Tokens tokens = exchange(code, parts[1], redirectUri(request));
    OfficerIdentity officer =
        verifier
            .verify(tokens.id())
            .orElseThrow(
                () ->
                    new ProblemException(
                        401,
                        "You are not signed in",
                        "Sign-in did not finish. Please try again.",
                        null));
    sessions.start(
        tokens.id(),
        officer.subject(),
        java.time.Instant.now().plus(SESSION),
        tokens.refresh().isEmpty() ? null : tokens.refresh());
    APIGatewayV2HTTPResponse response = Responses.redirect("/officer");
    response.setCookies(
        List.of(
            session.setCookie(tokens.id(), SESSION.toSeconds()),
            FLOW_COOKIE + "=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0"));
    return response;
  }

  /**
   * Cognito's logout endpoint, which ends the hosted sign-in's own session too (otherwise the next
   * "Sign in" would go straight through) and returns to our sign-in page, one of the app client's
   * LogoutURLs.
   */
  @Override
  public String signOutLocation(Request request) {
    String callback = redirectUri(request);
    String signIn =
        callback.endsWith(CALLBACK)
            ? callback.substring(0, callback.length() - CALLBACK.length()) + "/officer/sign-in"
            : URI.create(callback).resolve("/officer/sign-in").toString();
    return domain + "/logout?client_id=" + enc(clientId) + "&logout_uri=" + enc(signIn);
  }

  private String redirectUri(Request request) {
    return redirectUri != null ? redirectUri : "https://" + request.domainName() + CALLBACK;
  }

  private Tokens exchange(String code, String codeVerifier, String redirectUri) {
    String form =
        "grant_type=authorization_code&client_id="
            + enc(clientId)
            + "&code="
            + enc(code)
            + "&redirect_uri="
            + enc(redirectUri)
            + "&code_verifier="
            + enc(codeVerifier);
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(domain + "/oauth2/token"))
                  .timeout(Duration.ofSeconds(5))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw ProblemException.badRequest("Sign-in did not finish. Please try again.");
      }
      JsonNode tokens = Json.mapper().readTree(response.body());
      return new Tokens(tokens.path("id_token").asText(), tokens.path("refresh_token").asText());
    } catch (IOException e) {
      throw ProblemException.serviceBusy(
          "We could not reach the sign-in service. Please try again.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProblemException.serviceBusy(
          "We could not reach the sign-in service. Please try again.");
    }
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String challenge(String verifier) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
