package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.yousaid.functions.common.priming.PrimingData;
import org.yousaid.functions.officer.auth.CognitoSignIn;
import org.yousaid.functions.officer.auth.OfficerAuth;
import org.yousaid.functions.officer.auth.OfficerSessions;
import org.yousaid.functions.officer.auth.Session;
import org.yousaid.functions.officer.auth.TokenRevocation;
import org.yousaid.functions.officer.auth.TokenVerifier;

/**
 * SnapStart priming for OfficerFunction: an RS256 ID token (as Cognito signs them) from a key made
 * for the purpose, verified by the real {@link TokenVerifier}, then the dashboard, responses,
 * themes and report pages and the CSV download rendered for sample answers on an in-memory table.
 * The Cognito JWKS is not fetched here (that needs the network); it is fetched and cached on the
 * first real request.
 */
public final class OfficerPriming {

  static final int ROUNDS = 15;
  private static final String ISSUER = "https://priming.invalid/pool";
  private static final String CLIENT = "priming-client";

  private OfficerPriming() {}

  /** Runs the sample requests; returns the status codes of the last round. */
  public static List<Integer> prime() {
    PrimingData data = PrimingData.create();
    data.seedResponses(20);
    RSAKey key = rsaKey();
    TokenVerifier verifier =
        new TokenVerifier(new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), ISSUER, CLIENT);
    Session session = new Session(true);
    OfficerSessions sessions =
        new OfficerSessions(data.services().officerSessions(), TokenRevocation.NONE);
    OfficerAuth auth =
        new OfficerAuth(
            verifier,
            session,
            new CognitoSignIn(
                "https://priming.auth.eu-west-2.amazoncognito.com",
                CLIENT,
                null,
                session,
                verifier,
                sessions),
            sessions);
    OfficerHandler handler = new OfficerHandler(data.services(), auth, body -> {}, body -> {});
    String token = token(key);
    sessions.start(token, "priming-officer", Instant.now().plusSeconds(3600), null);
    String cookie = "__Host-yousaid-officer=" + token;
    String base =
        "/officer/councils/" + PrimingData.COUNCIL + "/consultations/" + PrimingData.CONSULTATION;
    Map<String, String> path =
        Map.of("council", PrimingData.COUNCIL, "consultation", PrimingData.CONSULTATION);
    List<Integer> statuses = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      statuses.clear();
      statuses.add(get(handler, "GET /officer/sign-in", "/officer/sign-in", Map.of(), null));
      statuses.add(get(handler, "GET /officer", "/officer", Map.of(), cookie));
      statuses.add(
          get(
              handler,
              "GET /officer/councils/{council}/consultations/{consultation}/responses",
              base + "/responses",
              path,
              cookie));
      statuses.add(
          get(
              handler,
              "GET /officer/councils/{council}/consultations/{consultation}/themes",
              base + "/themes",
              path,
              cookie));
      statuses.add(
          get(
              handler,
              "GET /officer/councils/{council}/consultations/{consultation}/report",
              base + "/report",
              path,
              cookie));
      Map<String, String> csv = new java.util.HashMap<>(path);
      csv.put("format", "csv");
      statuses.add(
          get(
              handler,
              "GET /officer/councils/{council}/consultations/{consultation}/export/{format}",
              base + "/export/csv",
              csv,
              cookie));
    }
    return List.copyOf(statuses);
  }

  private static int get(
      OfficerHandler handler,
      String routeKey,
      String path,
      Map<String, String> pathParameters,
      String cookie) {
    APIGatewayV2HTTPEvent event = PrimingData.http(routeKey, path, pathParameters, Map.of(), null);
    if (cookie != null) {
      event.setCookies(List.of(cookie));
    }
    return handler.handleRequest(event, null).getStatusCode();
  }

  private static RSAKey rsaKey() {
    try {
      return new RSAKeyGenerator(2048).keyID("priming").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String token(RSAKey key) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(CLIENT)
            .subject("priming-officer")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(3600)))
            .claim("email", "officer@priming.invalid")
            .claim("cognito:groups", List.of("council-" + PrimingData.COUNCIL))
            .claim("token_use", "id")
            .build();
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
