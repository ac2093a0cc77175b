package org.yousaid.functions.officer.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.common.http.Request;

/** Where the session token is read from, the cookie it lives in, and its CSRF token. */
class SessionTest {

  private static Request request(Map<String, String> headers, List<String> cookies) {
    return new Request(
        APIGatewayV2HTTPEvent.builder()
            .withHeaders(headers)
            .withCookies(cookies.isEmpty() ? null : cookies)
            .build());
  }

  @Test
  void aBearerHeaderWinsOverTheCookie() {
    Session session = new Session(true);
    assertEquals(
        Optional.of("from-header"),
        session.token(
            request(
                Map.of("authorization", "bearer   from-header "),
                List.of("__Host-yousaid-officer=from-cookie"))));
    assertEquals(
        Optional.of("from-cookie"),
        session.token(request(Map.of(), List.of("other=1", "__Host-yousaid-officer=from-cookie"))));
    assertEquals(
        Optional.of("from-cookie"),
        session.token(
            request(
                Map.of("authorization", "Basic abc"),
                List.of("__Host-yousaid-officer=from-cookie"))),
        "only a Bearer header carries a token");
  }

  @Test
  void inAwsOnlyTheSecureHostCookieCounts() {
    Session aws = new Session(true);
    assertEquals(Optional.empty(), aws.token(request(Map.of(), List.of("yousaid-officer=t"))));
    assertEquals(
        Optional.empty(),
        aws.token(request(Map.of(), List.of("x__Host-yousaid-officer=t"))),
        "the name must match exactly");
    String cookie = aws.setCookie("t", 3600);
    assertTrue(cookie.startsWith("__Host-yousaid-officer=t; Path=/; HttpOnly; SameSite=Strict"));
    assertTrue(cookie.endsWith("; Secure"));
    assertTrue(aws.clearCookie().contains("Max-Age=0") && aws.clearCookie().endsWith("; Secure"));

    Session local = new Session(false);
    assertEquals(Optional.of("t"), local.token(request(Map.of(), List.of("yousaid-officer=t"))));
    assertFalse(local.setCookie("t", 60).contains("Secure"), "local mode runs on plain http");
  }

  @Test
  void theCsrfTokenBelongsToOneSessionAndIsNotTheSessionToken() {
    String csrf = Session.csrfToken("session-a");
    assertEquals(csrf, Session.csrfToken("session-a"), "the same for every page of a session");
    assertNotEquals(csrf, Session.csrfToken("session-b"));
    assertFalse(csrf.contains("session-a"));
    assertTrue(Session.csrfMatches("session-a", csrf));
    assertFalse(Session.csrfMatches("session-b", csrf));
    assertFalse(Session.csrfMatches("session-a", null));
    assertFalse(Session.csrfMatches("session-a", ""));
    assertFalse(Session.csrfMatches("session-a", csrf + "x"));
  }
}
