package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.officer.auth.OfficerIdentity;
import org.yousaid.functions.officer.auth.Session;

/** Every officer page carries who is signed in and the session's CSRF token, escaped. */
class SignedInOfficerTest {

  private static final SignedInOfficer OFFICER =
      new SignedInOfficer(
          new OfficerIdentity("sub-1", "o'brien<script>@council.example", Set.of("demo")),
          "session-token-1");

  @Test
  void thePageHasTheOfficerTheCsrfTokenAndTheServiceName() {
    APIGatewayV2HTTPResponse response =
        OFFICER.page(
            "officer/dashboard", Map.of("pageTitle", "Your consultations", "councils", List.of()));
    assertEquals(200, response.getStatusCode());
    String html = response.getBody();
    assertTrue(
        html.contains("name=\"csrf\" value=\"" + Session.csrfToken("session-token-1") + "\""),
        "the sign-out form carries the CSRF token");
    assertFalse(html.contains("session-token-1"), "the session token itself never reaches a page");
    assertFalse(html.contains("<script>@council"), "the officer's email is escaped");
    assertTrue(html.contains("o&#39;brien&lt;script&gt;@council.example"), html);
    assertTrue(html.contains(SignedInOfficer.SERVICE_NAME));
  }

  @Test
  void aPageCannotReplaceTheSessionsCsrfToken() {
    String html =
        OFFICER
            .page(
                "officer/dashboard",
                Map.of("pageTitle", "x", "councils", List.of(), "csrf", "attacker-chosen"),
                400)
            .getBody();
    assertFalse(html.contains("attacker-chosen"));
    assertTrue(html.contains(Session.csrfToken("session-token-1")));
  }

  @Test
  void aPageCanBeSentWithAnotherStatus() {
    assertEquals(
        409,
        OFFICER
            .page("officer/dashboard", Map.of("pageTitle", "x", "councils", List.of()), 409)
            .getStatusCode());
  }
}
