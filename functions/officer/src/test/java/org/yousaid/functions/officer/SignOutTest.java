package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.dynamodblocal.EmbeddedDynamoDb;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.priming.PrimingData;
import org.yousaid.functions.officer.auth.CognitoSignIn;
import org.yousaid.functions.officer.auth.OfficerAuth;
import org.yousaid.functions.officer.auth.OfficerSessions;
import org.yousaid.functions.officer.auth.Session;
import org.yousaid.functions.officer.auth.TokenRevocation;
import org.yousaid.functions.officer.auth.TokenVerifier;
import org.yousaid.shared.storage.TableSetup;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sign-out as it runs in AWS, on DynamoDB Local: the officer function wired with Cognito's sign-in,
 * Cognito-shaped RS256 ID tokens and a revocation that records what it was asked to revoke (the
 * call to Cognito itself needs AWS). After sign-out the same cookie or Bearer token is refused,
 * although the token's signature and expiry are still good.
 */
class SignOutTest {

  private static final String DOMAIN = "https://council.auth.eu-west-2.amazoncognito.com";
  private static final String ISSUER = "https://cognito-idp.eu-west-2.amazonaws.com/pool";
  private static final String CLIENT = "client-1";
  private static final String API_HOST = "abc123.execute-api.eu-west-2.amazonaws.com";

  private static EmbeddedDynamoDb dynamo;
  private static RSAKey key;
  private Services services;
  private final List<String> revoked = new ArrayList<>();
  private TokenRevocation revocation;
  private OfficerHandler handler;

  @BeforeAll
  static void startDynamo() throws Exception {
    dynamo = EmbeddedDynamoDb.inMemory();
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
  }

  @AfterAll
  static void stopDynamo() {
    dynamo.close();
  }

  @BeforeEach
  void wire() {
    String table = "t" + UUID.randomUUID();
    TableSetup.createIfMissing(dynamo.client(), table);
    services = new Services(dynamo.client(), table, Clock.systemUTC());
    revocation = revoked::add;
    handler = handler(refresh -> revocation.revoke(refresh));
  }

  private OfficerHandler handler(TokenRevocation through) {
    TokenVerifier verifier =
        new TokenVerifier(new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), ISSUER, CLIENT);
    Session session = new Session(true);
    OfficerSessions sessions = new OfficerSessions(services.officerSessions(), through);
    OfficerAuth auth =
        new OfficerAuth(
            verifier,
            session,
            new CognitoSignIn(DOMAIN, CLIENT, null, session, verifier, sessions),
            sessions);
    return new OfficerHandler(services, auth, body -> {}, body -> {});
  }

  private String signedIn(String refreshToken) throws Exception {
    return withSession(token(), Instant.now().plusSeconds(3600), refreshToken);
  }

  private String withSession(String token, Instant expires, String refreshToken) {
    services
        .officerSessions()
        .start(
            token,
            new org.yousaid.shared.storage.OfficerSessionRepository.OfficerSession(
                "officer-1", expires, refreshToken));
    return token;
  }

  private static String token() throws Exception {
    Instant now = Instant.now();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
            new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(CLIENT)
                .subject("officer-1")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("email", "officer@council.example")
                .claim("cognito:groups", List.of("council-demo"))
                .claim("token_use", "id")
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private APIGatewayV2HTTPResponse dashboard(String token) {
    return send(PrimingData.http("GET /officer", "/officer", Map.of(), Map.of(), null), token);
  }

  private APIGatewayV2HTTPResponse api(String token) {
    APIGatewayV2HTTPEvent event =
        PrimingData.http(
            "GET /api/v1/officer/councils/{council}/consultations",
            "/api/v1/officer/councils/demo/consultations",
            Map.of("council", "demo"),
            Map.of("authorization", "Bearer " + token),
            null);
    return handler.handleRequest(event, null);
  }

  private APIGatewayV2HTTPResponse signOut(String token) {
    APIGatewayV2HTTPEvent event =
        PrimingData.http(
            "POST /officer/sign-out",
            "/officer/sign-out",
            Map.of(),
            Map.of("content-type", "application/x-www-form-urlencoded"),
            "csrf=" + Session.csrfToken(token));
    event.getRequestContext().setDomainName(API_HOST);
    return send(event, token);
  }

  private APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event, String token) {
    event.setCookies(List.of("__Host-yousaid-officer=" + token));
    return handler.handleRequest(event, null);
  }

  @Test
  void afterSignOutTheSameCookieAndTheSameBearerTokenAreRefused() throws Exception {
    String token = signedIn("refresh-1");
    assertEquals(200, dashboard(token).getStatusCode());
    assertEquals(200, api(token).getStatusCode());

    APIGatewayV2HTTPResponse out = signOut(token);
    assertEquals(303, out.getStatusCode());
    assertTrue(
        out.getCookies().stream().anyMatch(c -> c.startsWith("__Host-yousaid-officer=;")),
        "the browser's cookie is cleared: " + out.getCookies());

    assertEquals(401, dashboard(token).getStatusCode(), "a copy of the cookie is refused");
    assertEquals(401, api(token).getStatusCode(), "the token as a Bearer header is refused");
    assertEquals(List.of("refresh-1"), revoked, "Cognito is asked to revoke the refresh token");
  }

  @Test
  void signOutEndsOnlyThatSession() throws Exception {
    String laptop = signedIn("refresh-laptop");
    String phone = signedIn("refresh-phone");
    signOut(laptop);
    assertEquals(401, dashboard(laptop).getStatusCode());
    assertEquals(200, dashboard(phone).getStatusCode());
    assertEquals(List.of("refresh-laptop"), revoked);
  }

  @Test
  void signOutGoesThroughCognitosLogoutSoTheHostedSignInForgetsTheOfficerToo() throws Exception {
    String location = signOut(signedIn("refresh-1")).getHeaders().get("Location");
    assertEquals(
        DOMAIN
            + "/logout?client_id="
            + CLIENT
            + "&logout_uri="
            + URLEncoder.encode("https://" + API_HOST + "/officer/sign-in", StandardCharsets.UTF_8),
        location);
  }

  @Test
  void aValidTokenWithoutASessionIsRefused() throws Exception {
    String neverSignedIn = token();
    assertEquals(401, dashboard(neverSignedIn).getStatusCode());
    assertEquals(401, api(neverSignedIn).getStatusCode());
  }

  @Test
  void anExpiredSessionIsRefusedBeforeDynamoDbHasRemovedIt() throws Exception {
    String token = withSession(token(), Instant.now().minusSeconds(1), null);
    assertEquals(401, dashboard(token).getStatusCode());
  }

  @Test
  void whenCognitoCannotBeReachedTheSessionStillEnds() throws Exception {
    revocation =
        refresh -> {
          throw new IllegalStateException("Cognito unreachable");
        };
    String token = signedIn("refresh-1");
    assertEquals(303, signOut(token).getStatusCode());
    assertEquals(401, dashboard(token).getStatusCode());
  }

  @Test
  void signingOutTwiceRevokesOnceAndAForgedSignOutEndsNothing() throws Exception {
    String token = signedIn("refresh-1");
    APIGatewayV2HTTPEvent forged =
        PrimingData.http(
            "POST /officer/sign-out",
            "/officer/sign-out",
            Map.of(),
            Map.of("content-type", "application/x-www-form-urlencoded"),
            "csrf=not-the-token");
    assertEquals(403, send(forged, token).getStatusCode(), "sign-out needs the CSRF token");
    assertEquals(200, dashboard(token).getStatusCode());
    signOut(token);
    assertEquals(401, signOut(token).getStatusCode());
    assertEquals(List.of("refresh-1"), revoked);
  }

  @Test
  void theTableKeepsNoUsableCopyOfTheToken() throws Exception {
    String token = signedIn("refresh-1");
    List<Map<String, AttributeValue>> items =
        dynamo.client().scan(b -> b.tableName(services.tableName())).items();
    String stored = items.toString();
    assertTrue(stored.contains("OFFICER_SESSION#"), stored);
    assertFalse(stored.contains(token), "the table holds the token's hash, not the token");
    assertFalse(stored.contains(token.substring(token.lastIndexOf('.') + 1)));
  }
}
