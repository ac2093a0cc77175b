package org.yousaid.functions.officer.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedbackSnippetTest {

  @Test
  void theSnippetIsALabelledFormThatPostsToTheCouncilsEndpoint() {
    String html =
        FeedbackSnippet.html(
            "https://api.example", "demo", "pageUrl", "https://lo.example/a?b=1&c=\"2\"", true);
    assertTrue(
        html.contains(
            "<form class=\"yousaid-feedback\" method=\"post\" action=\"https://api.example/api/v1/councils/demo/page-feedback\""));
    assertTrue(
        html.contains(
            "<input type=\"hidden\" name=\"pageUrl\" value=\"https://lo.example/a?b=1&amp;c=&quot;2&quot;\">"),
        "the value is escaped as an attribute");
    assertTrue(html.contains("<fieldset class=\"govuk-fieldset\">") && html.contains("<legend"));
    for (String id : new String[] {"yousaid-useful-yes", "yousaid-useful-no", "yousaid-comment"}) {
      assertTrue(
          html.contains("id=\"" + id + "\"") && html.contains("for=\"" + id + "\""),
          id + " has its label");
    }
    assertTrue(
        html.contains(
            "<script src=\"https://api.example/assets/page-feedback.js\" defer></script>"));
    // The public API's honeypot ("website"): hidden from people and assistive technology with no
    // CSS needed.
    assertTrue(
        html.contains("<div hidden>") && html.contains("name=\"website\" tabindex=\"-1\""),
        "the snippet carries the honeypot");
    assertFalse(
        FeedbackSnippet.html("https://api.example", "demo", "serviceId", "svc-1", false)
            .contains("<script"));
    assertTrue(
        FeedbackSnippet.html("https://api.example", "demo", "serviceId", "svc-1", false)
            .contains("name=\"serviceId\" value=\"svc-1\""));
    assertThrows(
        IllegalArgumentException.class,
        () -> FeedbackSnippet.html("https://api.example", "demo", "onclick", "x", false));
  }

  @Test
  void theApiAddressComesFromSettingsOrTheRequest() {
    assertEquals(
        Optional.of("https://feedback.council.example"),
        FeedbackSnippet.apiBase(
            "https://feedback.council.example/",
            Optional.of("abc.execute-api.example"),
            Optional.empty()));
    assertEquals(
        Optional.of("https://abc.execute-api.eu-west-2.amazonaws.com"),
        FeedbackSnippet.apiBase(
            null, Optional.of("abc.execute-api.eu-west-2.amazonaws.com"), Optional.of("https")));
    assertEquals(
        Optional.of("http://127.0.0.1:8080"),
        FeedbackSnippet.apiBase("", Optional.of("127.0.0.1:8080"), Optional.empty()));
    assertEquals(
        Optional.empty(),
        FeedbackSnippet.apiBase(null, Optional.of("evil.example/\"><script>"), Optional.empty()),
        "a Host header that is not a host name is not used");
    assertEquals(
        Optional.empty(), FeedbackSnippet.apiBase(null, Optional.empty(), Optional.empty()));
    assertEquals(
        Optional.of("https://x.example"),
        FeedbackSnippet.apiBase(null, Optional.of("x.example"), Optional.of("gopher")));
  }
}
