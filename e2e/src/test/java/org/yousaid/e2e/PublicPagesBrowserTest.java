package org.yousaid.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.testing.Accessibility.assertAccessible;

import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;
import org.yousaid.local.LocalMode;
import org.yousaid.testing.Accessibility;
import org.yousaid.testing.WithBrowser;
import org.yousaid.testing.WithLocalMode;

/**
 * The public pages in a real browser (Debian's Chromium driven by Playwright) against local mode:
 * axe-core finds no WCAG 2.2 AA problems on any of them, a person can fill in and send the form
 * with or without JavaScript, and nothing they type can run as script.
 */
// A guard against a browser that stops answering, so a hang fails the build instead of stalling it.
// A guard against a wedged Chromium holding CI to its limit, not a speed check: on a loaded
// 2-core machine one walk through the pages has taken over 5 minutes.
@Timeout(value = 30, unit = java.util.concurrent.TimeUnit.MINUTES)
class PublicPagesBrowserTest {

  private static final Pattern RECEIPT = Pattern.compile("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
  private static final String XSS =
      "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=1</script>";
  private static final String FIND_INFORMATION =
      "What would help you find information about services for your child or young person?";

  @WithLocalMode static LocalMode local;
  @WithBrowser static Browser browser;
  private static String base;

  @WithBrowser(viewportWidth = 1024, viewportHeight = 768)
  Page page;

  /**
   * Script errors and console errors (such as Content-Security-Policy refusals) seen on {@link
   * #page}.
   */
  private final List<String> consoleErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    base = "http://127.0.0.1:" + local.port();
  }

  @BeforeEach
  void watchPage() {
    page.onConsoleMessage(
        message -> {
          // A page's own 4xx status (the form with errors, a 404) is logged as a failed load;
          // statuses are asserted where
          // they matter, and failed stylesheets or scripts are caught below.
          if (message.type().equals("error")
              && !message.text().startsWith("Failed to load resource: the server responded")) {
            consoleErrors.add(message.location() + ": " + message.text());
          }
        });
    page.onResponse(
        response -> {
          if (!response.request().resourceType().equals("document") && response.status() >= 400) {
            consoleErrors.add(response.status() + " for " + response.url());
          }
        });
    page.onPageError(error -> consoleErrors.add("uncaught: " + error));
  }

  private void assertNoConsoleErrors() {
    assertTrue(consoleErrors.isEmpty(), "errors in the browser console: " + consoleErrors);
  }

  private Response open(Page on, String path) {
    return Browsers.open(on, base + path);
  }

  /**
   * Answers the required question and a few others, with labels and the keyboard, as a person
   * would.
   */
  private static void fillForm(Page on, String findInformation) {
    Locator text = on.getByLabel(FIND_INFORMATION);
    text.click();
    on.keyboard().type(findInformation);
    on.getByLabel("Search by age").check();
    on.getByLabel("Search by where I live").check();
    // A radio group reached with Tab and chosen with the arrow keys and Space.
    on.getByRole(
            AriaRole.RADIO,
            new Page.GetByRoleOptions().setName("A website I can search").setExact(true))
        .focus();
    on.keyboard().press("ArrowDown");
    on.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Parent or carer")).check();
    on.getByLabel("North").check();
    on.getByLabel("You can quote my answers", new Page.GetByLabelOptions().setExact(false)).focus();
    on.keyboard().press("Space");
  }

  private static String submitAndReadReceipt(Page on) {
    on.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers")).click();
    on.locator("h1.govuk-panel__title").waitFor();
    assertEquals(base + LocalMode.DEMO_FORM_PATH, on.url());
    assertEquals("Your answers have been sent", on.locator("h1").innerText().trim());
    String receipt = on.locator(".yousaid-receipt").innerText().trim();
    assertTrue(RECEIPT.matcher(receipt).matches(), "receipt code: " + receipt);
    return receipt;
  }

  private static void lookUpReceipt(Page on, String receipt) {
    on.navigate(base + "/receipt");
    on.getByLabel("See or delete your answers").fill(receipt);
    on.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
    on.waitForLoadState();
  }

  private static Path screenshots() throws Exception {
    return Browsers.screenshots();
  }

  @Test
  void theFormIsAccessibleAndAPersonCanSendIt() throws Exception {
    Response response = open(page, LocalMode.DEMO_FORM_PATH);
    assertEquals(200, response.status());
    assertEquals(
        "Tell us what would help you use our Local Offer - Demo Borough Council", page.title());
    assertEquals(
        1,
        page.locator("body.govuk-frontend-supported").count(),
        "the start-up script did not run");
    // GOV.UK Frontend's components started: the character count replaced its static hint with a
    // live one.
    Locator liveCount =
        page.locator(
            ".govuk-character-count:has(#q-find-information) .govuk-character-count__status");
    assertEquals(
        "You have 2,000 characters remaining",
        liveCount.innerText().trim(),
        "GOV.UK Frontend was not initialised");
    assertAccessible(page, "the Local Offer form");
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(screenshots().resolve("public-form.png"))
            .setFullPage(true));

    fillForm(page, "A single search page with filters for age and need.");
    page.waitForCondition(
        () -> liveCount.innerText().contains("You have 1,949 characters remaining"));
    assertTrue(
        page.getByLabel("A printed directory or leaflet").isChecked(),
        "arrow key should move the radio choice");
    assertTrue(
        page.getByLabel("You can quote my answers", new Page.GetByLabelOptions().setExact(false))
            .isChecked());
    String receipt = submitAndReadReceipt(page);
    assertAccessible(page, "the confirmation page");
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(screenshots().resolve("confirmation.png"))
            .setFullPage(true));

    page.locator("main")
        .getByRole(
            AriaRole.LINK, new Locator.GetByRoleOptions().setName("see or delete your answers"))
        .click();
    assertEquals(base + "/receipt", page.url());
    assertAccessible(page, "the receipt lookup page");

    page.getByLabel("See or delete your answers").fill(receipt.toLowerCase(java.util.Locale.ROOT));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
    page.waitForLoadState();
    assertEquals("Your answers", page.locator("h1").innerText().trim());
    assertTrue(
        page.locator("dl").innerText().contains("Search by age, Search by where I live"),
        page.locator("dl").innerText());
    assertTrue(page.locator("dl").innerText().contains("A printed directory or leaflet"));
    assertAccessible(page, "the receipt page");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete my answers"))
        .click();
    page.waitForLoadState();
    assertEquals("Your answers have been deleted", page.locator("h1").innerText().trim());
    assertAccessible(page, "the answers-deleted page");
    assertNoConsoleErrors();
    lookUpReceipt(page, receipt);
    assertTrue(
        page.locator(".govuk-error-summary")
            .innerText()
            .contains("We cannot find answers with this receipt code"));
    assertAccessible(page, "the receipt lookup page with an error");
  }

  @Test
  void aMissingRequiredAnswerShowsAnAccessibleErrorSummaryThatLinksToTheQuestion() {
    open(page, LocalMode.DEMO_FORM_PATH);
    page.getByLabel("Search by age").check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers")).click();
    page.waitForLoadState();
    assertTrue(page.title().startsWith("Error: "), page.title());
    Locator summary = page.locator(".govuk-error-summary");
    assertTrue(summary.isVisible());
    // GOV.UK Frontend moves focus to the summary, so screen readers announce it first.
    page.waitForCondition(
        () ->
            Boolean.TRUE.equals(
                page.evaluate(
                    "() => document.activeElement.classList.contains('govuk-error-summary')")));
    assertTrue(
        summary.innerText().contains("Enter an answer for \"" + FIND_INFORMATION + "\""),
        summary.innerText());
    assertTrue(
        page.getByLabel("Search by age").isChecked(), "answers given must survive the error");
    assertAccessible(page, "the form with an error summary");

    summary.getByRole(AriaRole.LINK).first().click();
    assertEquals("q-find-information", page.evaluate("() => document.activeElement.id"));
    assertNoConsoleErrors();
  }

  @Test
  void axeReportsAProblemWhenThereIsOne() {
    // Guards the checks above: a page with an unlabelled field must not pass.
    page.setContent(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Broken</title></head>"
            + "<body><main><h1>Broken</h1><input type=\"text\" name=\"x\"></main></body></html>");
    List<Rule> violations = Accessibility.check(page).getViolations();
    assertTrue(
        violations.stream().anyMatch(rule -> rule.getId().equals("label")),
        "axe-core missed an unlabelled input: " + violations.stream().map(Rule::getId).toList());
    AssertionFailedError failed =
        assertThrows(AssertionFailedError.class, () -> assertAccessible(page, "the broken page"));
    assertTrue(failed.getMessage().contains("label ("), failed.getMessage());
  }

  @Test
  void theEhcSurveyFormIsAccessible() {
    assertEquals(200, open(page, "/c/demo/ehc-plan-survey").status());
    assertTrue(page.getByText("Which stage have you just finished?").isVisible());
    assertAccessible(page, "the EHC plan survey form");
    assertNoConsoleErrors();
  }

  @Test
  void aMissingPageIsAnAccessible404() {
    assertEquals(404, open(page, "/c/demo/no-such-consultation").status());
    assertEquals("Page not found", page.locator("h1").innerText().trim());
    assertAccessible(page, "the 404 page");
  }

  @Test
  void scriptTypedIntoAnAnswerIsShownAsTextAndNeverRuns() {
    // CSP would also stop the script; bypass it here so this test proves the escaping on its own.
    BrowserContext noCsp = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true));
    try {
      Page on = noCsp.newPage();
      on.navigate(base + LocalMode.DEMO_FORM_PATH);
      on.getByLabel(FIND_INFORMATION).fill(XSS);
      on.getByLabel("Is there anything else you would like to tell us? (optional)").fill(XSS);
      String receipt = submitAndReadReceipt(on);
      assertEquals("undefined", on.evaluate("() => typeof window.__xss"));

      lookUpReceipt(on, receipt);
      assertEquals("Your answers", on.locator("h1").innerText().trim());
      assertEquals("undefined", on.evaluate("() => typeof window.__xss"));
      assertEquals(0, on.locator("main img, main script").count(), "an answer became markup");
      Locator answers =
          on.locator("dd.yousaid-answer").filter(new Locator.FilterOptions().setHasText("onerror"));
      assertEquals(2, answers.count());
      assertEquals(XSS, answers.first().innerText());

      // And in the form sent back with an error (the required answer emptied).
      on.navigate(base + LocalMode.DEMO_FORM_PATH);
      on.getByLabel("Is there anything else you would like to tell us? (optional)").fill(XSS);
      on.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers")).click();
      on.waitForLoadState();
      assertTrue(on.title().startsWith("Error: "));
      assertEquals("undefined", on.evaluate("() => typeof window.__xss"));
      assertEquals(
          XSS,
          on.getByLabel("Is there anything else you would like to tell us? (optional)")
              .inputValue());
    } finally {
      noCsp.close();
    }
  }

  @Test
  void theFormWorksWithJavaScriptDisabled() {
    BrowserContext noJs =
        browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
    try {
      Page on = noJs.newPage();
      on.navigate(base + LocalMode.DEMO_FORM_PATH);
      assertEquals(
          0, on.locator("body.js-enabled").count(), "JavaScript ran although it is disabled");
      // The static character count hint is there without JavaScript.
      assertTrue(on.getByText("You can enter up to 2000 characters").first().isVisible());

      on.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers")).click();
      on.waitForLoadState();
      assertTrue(on.title().startsWith("Error: "), on.title());
      assertTrue(on.locator(".govuk-error-summary").innerText().contains(FIND_INFORMATION));
      // (axe-core itself needs JavaScript, so it runs on these pages in the tests above, with the
      // same markup.)

      fillForm(on, "Fewer forms, more conversations.");
      String receipt = submitAndReadReceipt(on);
      lookUpReceipt(on, receipt);
      assertTrue(on.locator("dl").innerText().contains("Fewer forms, more conversations."));
    } finally {
      noJs.close();
    }
  }
}
