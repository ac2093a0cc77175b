package org.yousaid.functions.officer.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.http.Request;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * Cognito's hosted sign-in as the function drives it, against a token endpoint on 127.0.0.1 that
 * answers as Cognito's does: the PKCE verifier and state go round trip in the flow cookie, and the
 * ID token it returns becomes the session only if the same verifier as every request accepts it.
 */
@WithDynamoDb
class CognitoSignInTest {

  private static final String ISSUER = "https://cognito-idp.eu-west-2.amazonaws.com/pool";
  private static final String CLIENT = "client-1";
  private static final String FLOW = "__Host-yousaid-signin";

  private final ECKey key = key();
  private final TokenVerifier verifier =
      new TokenVerifier(new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), ISSUER, CLIENT);
  private final Session session = new Session(true);

  /** What the token endpoint answers next, and the form it was sent last. */
  private final AtomicReference<String> idToken = new AtomicReference<>();

  private final AtomicReference<Integer> status = new AtomicReference<>(200);
  private final AtomicReference<Map<String, String>> received = new AtomicReference<>();
  private HttpServer cognito;
  private CognitoSignIn signIn;

  private static ECKey key() {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID("k").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private OfficerSessions sessions;

  @BeforeEach
  void startTokenEndpoint(DynamoTable table) throws IOException {
    sessions =
        new OfficerSessions(
            new Services(table.client(), table.name(), java.time.Clock.systemUTC())
                .officerSessions(),
            refresh -> {});
    cognito = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    cognito.createContext(
        "/oauth2/token",
        exchange -> {
          received.set(
              form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          byte[] body =
              ("{\"id_token\":\"" + idToken.get() + "\",\"token_type\":\"Bearer\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status.get(), body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    cognito.start();
    signIn =
        new CognitoSignIn(
            "http://127.0.0.1:" + cognito.getAddress().getPort(),
            CLIENT,
            "https://officers.example/officer/callback",
            session,
            verifier,
            sessions);
  }

  @AfterEach
  void stop() {
    cognito.stop(0);
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return form;
  }

  private String token(String audience) {
    Instant now = Instant.now();
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k").build(),
              new JWTClaimsSet.Builder()
                  .issuer(ISSUER)
                  .audience(audience)
                  .subject("sub-1")
                  .issueTime(Date.from(now))
                  .expirationTime(Date.from(now.plusSeconds(600)))
                  .claim("token_use", "id")
                  .claim("cognito:groups", List.of("council-demo"))
                  .build());
      jwt.sign(new ECDSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Request callback(String query, String cookie) {
    Map<String, String> parameters = form(query);
    return new Request(
        APIGatewayV2HTTPEvent.builder()
            .withRawPath("/officer/callback")
            .withHeaders(Map.of())
            .withQueryStringParameters(parameters)
            .withCookies(cookie == null ? null : List.of(cookie))
            .build());
  }

  /** Starts sign-in; returns the flow cookie ("name=state.verifier") and the redirect's query. */
  private String[] start() {
    APIGatewayV2HTTPResponse started =
        signIn.start(new Request(APIGatewayV2HTTPEvent.builder().withHeaders(Map.of()).build()));
    assertEquals(303, started.getStatusCode());
    String location = started.getHeaders().get("Location");
    String cookie = started.getCookies().get(0);
    return new String[] {
      cookie.substring(0, cookie.indexOf(';')), location.substring(location.indexOf('?') + 1)
    };
  }

  @Test
  void theBrowserIsSentToCognitoWithAStateAndAPkceChallengeKeptInAShortCookie() throws Exception {
    APIGatewayV2HTTPResponse started =
        signIn.start(new Request(APIGatewayV2HTTPEvent.builder().withHeaders(Map.of()).build()));
    String cookie = started.getCookies().get(0);
    assertTrue(cookie.startsWith(FLOW + "="));
    assertTrue(
        cookie.contains("HttpOnly") && cookie.contains("Secure") && cookie.contains("Max-Age=600"));
    Map<String, String> query = form(start()[1]);
    assertEquals("code", query.get("response_type"));
    assertEquals(CLIENT, query.get("client_id"));
    assertEquals("https://officers.example/officer/callback", query.get("redirect_uri"));
    assertEquals("openid email", query.get("scope"));
    assertEquals("S256", query.get("code_challenge_method"));
    String[] flow = start();
    String state = flow[0].substring(FLOW.length() + 1, flow[0].indexOf('.'));
    String verifierCode = flow[0].substring(flow[0].indexOf('.') + 1);
    Map<String, String> sent = form(flow[1]);
    assertEquals(state, sent.get("state"));
    String challenge =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(verifierCode.getBytes(StandardCharsets.US_ASCII)));
    assertEquals(challenge, sent.get("code_challenge"), "the challenge is the verifier's hash");
    assertTrue(!sent.containsValue(verifierCode), "the verifier itself never leaves the cookie");
  }

  @Test
  void aValidCodeBecomesTheSessionAndTheFlowCookieIsCleared() {
    String[] flow = start();
    String state = form(flow[1]).get("state");
    idToken.set(token(CLIENT));
    APIGatewayV2HTTPResponse done =
        signIn.complete(callback("code=the-code&state=" + state, flow[0]));
    assertEquals(303, done.getStatusCode());
    assertEquals("/officer", done.getHeaders().get("Location"));
    assertTrue(
        done.getCookies().get(0).startsWith("__Host-yousaid-officer" + "=" + idToken.get() + ";"),
        done.getCookies().get(0));
    assertTrue(sessions.isActive(idToken.get()), "the token's session is started");
    assertTrue(
        done.getCookies().get(1).startsWith(FLOW + "=;")
            && done.getCookies().get(1).contains("Max-Age=0"));
    Map<String, String> exchanged = received.get();
    assertEquals("authorization_code", exchanged.get("grant_type"));
    assertEquals("the-code", exchanged.get("code"));
    assertEquals(CLIENT, exchanged.get("client_id"));
    assertEquals(flow[0].substring(flow[0].indexOf('.') + 1), exchanged.get("code_verifier"));
    assertEquals("https://officers.example/officer/callback", exchanged.get("redirect_uri"));
  }

  @Test
  void aStateThatIsNotTheFlowCookiesIsRefusedBeforeCognitoIsAsked() {
    String[] flow = start();
    idToken.set(token(CLIENT));
    for (Request forged :
        List.of(
            callback("code=c&state=guessed", flow[0]),
            callback("code=c&state=" + form(flow[1]).get("state"), null),
            callback("code=c&state=" + form(flow[1]).get("state"), FLOW + "=no-dot"),
            callback("state=" + form(flow[1]).get("state"), flow[0]))) {
      ProblemException refused =
          assertThrows(ProblemException.class, () -> signIn.complete(forged));
      assertEquals(400, refused.status());
    }
    assertEquals(null, received.get(), "the token endpoint was never called");
  }

  @Test
  void aTokenTheVerifierRefusesOrAFailedExchangeSetsNoSession() {
    String[] flow = start();
    String query = "code=c&state=" + form(flow[1]).get("state");
    idToken.set(token("another-client"));
    ProblemException foreign =
        assertThrows(ProblemException.class, () -> signIn.complete(callback(query, flow[0])));
    assertEquals(401, foreign.status());
    assertFalse(sessions.isActive(idToken.get()), "no session for a refused token");
    idToken.set(token(CLIENT));
    status.set(400);
    ProblemException refused =
        assertThrows(ProblemException.class, () -> signIn.complete(callback(query, flow[0])));
    assertEquals(400, refused.status(), "Cognito refused the code");
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    CognitoSignIn down =
        new CognitoSignIn(
            "http://127.0.0.1:" + closedPort, CLIENT, null, session, verifier, sessions);
    ProblemException unreachable =
        assertThrows(ProblemException.class, () -> down.complete(callback(query, flow[0])));
    assertEquals(
        503, unreachable.status(), "Cognito cannot be reached: try again, not an error page");
  }
}
