package org.yousaid.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.testing.Accessibility.assertAccessible;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.local.LocalMode;
import org.yousaid.shared.json.Json;
import org.yousaid.testing.WithBrowser;
import org.yousaid.testing.WithLocalMode;

/**
 * "Email me when this changes" in Chromium, checked by axe-core for WCAG 2.2 AA: the opt-in form on
 * the confirmation page, its error summary (linked to the field, what was typed kept, focus moved
 * to it), its confirmation, the same form without JavaScript, and the unsubscribe pages.
 */
class ActionAlertsBrowserTest {

  private static final String FIND_INFORMATION =
      "What would help you find information about services for your child or young person?";

  @WithLocalMode static LocalMode local;
  @WithBrowser static Browser browser;
  private static String base;

  @WithBrowser(viewportWidth = 1024, viewportHeight = 768)
  Page page;

  private final List<String> consoleErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    base = "http://127.0.0.1:" + local.port();
  }

  @BeforeEach
  void watchPage() {
    page.onPageError(error -> consoleErrors.add("uncaught: " + error));
    page.onConsoleMessage(
        message -> {
          if (message.type().equals("error")
              && !message.text().startsWith("Failed to load resource: the server responded")) {
            consoleErrors.add(message.text());
          }
        });
  }

  private static void sendAnswers(Page on) {
    on.navigate(base + LocalMode.DEMO_FORM_PATH);
    on.getByLabel(FIND_INFORMATION).fill("A search page with filters for age and need.");
    on.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers")).click();
    on.locator("h1.govuk-panel__title").waitFor();
  }

  private static void askForEmails(Page on, String email) {
    on.getByLabel("Email address").fill(email);
    on.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Email me when this changes"))
        .click();
    on.waitForLoadState();
  }

  @Test
  void theOptInFormItsErrorAndItsConfirmationAreAccessible() throws Exception {
    sendAnswers(page);
    String receipt = page.locator(".yousaid-receipt").innerText().trim();
    assertTrue(page.getByText("What we keep: your email address").isVisible());
    assertAccessible(page, "the confirmation page with the opt-in form");

    askForEmails(page, "parent at home");
    assertTrue(page.title().startsWith("Error: "), page.title());
    assertTrue(
        page.locator(".govuk-error-summary")
            .innerText()
            .contains("Enter an email address in the correct format, like name@example.com"));
    assertEquals(
        "govuk-error-summary",
        page.evaluate(
            "document.activeElement.closest('.govuk-error-summary') ? 'govuk-error-summary' : document.activeElement.className"),
        "GOV.UK Frontend moves focus to the error summary");
    assertEquals("parent at home", page.getByLabel("Email address").inputValue(), "nothing lost");
    assertEquals(receipt, page.locator(".yousaid-receipt").innerText().trim());
    assertEquals(
        "email-hint email-privacy email-error",
        page.getByLabel("Email address").getAttribute("aria-describedby"));
    assertAccessible(page, "the opt-in form with an error");
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(Browsers.screenshots().resolve("alert-opt-in-error.png"))
            .setFullPage(true));
    page.locator(".govuk-error-summary a").click();
    assertEquals(
        "email", page.evaluate("document.activeElement.id"), "the error links to the field");

    askForEmails(page, "parent@example.com");
    assertEquals("We will email you", page.locator("h1").innerText().trim());
    assertTrue(page.locator("main").innerText().contains("parent@example.com"));
    assertTrue(page.locator("main").innerText().contains("How to stop"));
    assertAccessible(page, "the opt-in confirmation");
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(Browsers.screenshots().resolve("alert-opt-in.png"))
            .setFullPage(true));
    assertTrue(consoleErrors.isEmpty(), "errors in the browser console: " + consoleErrors);
  }

  @Test
  void theOptInWorksWithoutJavaScript() {
    BrowserContext noJs =
        browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
    try {
      Page on = noJs.newPage();
      sendAnswers(on);
      askForEmails(on, "");
      assertTrue(
          on.locator(".govuk-error-summary").innerText().contains("Enter your email address"));
      askForEmails(on, "parent@example.com");
      assertEquals("We will email you", on.locator("h1").innerText().trim());
    } finally {
      noJs.close();
    }
  }

  @Test
  void theUnsubscribePagesAreAccessibleAndAskBeforeStopping() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> sent =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        base + "/api/v1/councils/demo/consultations/local-offer-2026/responses"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"answers\":{\"find-information\":\"Stop test\"}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String receipt = Json.mapper().readTree(sent.body()).get("receipt").asText();
    HttpResponse<String> on =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/receipts/" + receipt + "/alerts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"stop@example.com\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(201, on.statusCode(), on.body());
    String stop = Json.mapper().readTree(on.body()).get("stop").asText();

    assertEquals(200, Browsers.open(page, base + stop).status());
    assertEquals("Stop emails about what we do", page.locator("h1").innerText().trim());
    assertAccessible(page, "the unsubscribe page");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop these emails"))
        .click();
    page.waitForLoadState();
    assertEquals("You will not get any more emails", page.locator("h1").innerText().trim());
    assertAccessible(page, "the stopped page");
    assertEquals(404, Browsers.open(page, base + stop).status(), "the link works once");
    assertAccessible(page, "the page of a link already used");
  }
}
