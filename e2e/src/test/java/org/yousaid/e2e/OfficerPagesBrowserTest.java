package org.yousaid.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.testing.Accessibility.assertAccessible;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.yousaid.local.LocalMode;
import org.yousaid.testing.WithBrowser;
import org.yousaid.testing.WithLocalMode;

/**
 * Every officer page in a real browser: an officer signs in with the form, reads responses, asks
 * for themes, corrects one, creates and edits a consultation and imports answers; axe-core finds no
 * WCAG 2.2 AA problem on any page along the way.
 */
// A guard against a wedged Chromium holding CI to its limit, not a speed check: on a loaded
// 2-core machine one walk through the pages has taken over 5 minutes.
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class OfficerPagesBrowserTest {

  private static final String EMAIL = "a11y@demo.example";
  private static final String PASSWORD = "a long enough password";

  @WithLocalMode static LocalMode local;
  @WithBrowser static Browser browser;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    base = "http://127.0.0.1:" + local.port();
    local.officers().save(EMAIL, PASSWORD, Set.of("demo"));
    for (int i = 0; i < 24; i++) {
      String body =
          "{\"answers\":{\"find-information\":\""
              + SampleAnswers.FIND_INFORMATION[i % SampleAnswers.FIND_INFORMATION.length]
              + " "
              + i
              + "\","
              + "\"search-by\":"
              + (i % 3 == 0 ? "[\"age\",\"disability\"]" : "[\"area\"]")
              + ","
              + "\"plain-english\":\""
              + (i % 4 == 0 ? "agree" : i % 4 == 1 ? "disagree" : "strongly-disagree")
              + "\","
              + "\"format\":\""
              + (i % 2 == 0 ? "website" : "keyworker")
              + "\"},"
              + "\"profile\":{\"role\":\"parent-carer\",\"ageBand\":\""
              + (i % 2 == 0 ? "5-16" : "0-5")
              + "\"},\"consentToQuote\":"
              + (i % 3 == 0)
              + "}";
      assertEquals(
          201,
          Browsers.postJson(
              base + "/api/v1/councils/demo/consultations/local-offer-2026/responses", body));
    }
  }

  private static Response open(Page page, String path) {
    return Browsers.open(page, base + path);
  }

  private static Page signedIn(BrowserContext context) {
    Page page = context.newPage();
    open(page, "/officer/sign-in");
    assertAccessible(page, "the sign-in page");
    Browsers.signIn(page, EMAIL, "not the password");
    page.waitForLoadState();
    assertTrue(page.content().contains("Enter a correct email address and password"));
    assertAccessible(page, "the sign-in page with an error");
    Browsers.signIn(page, EMAIL, PASSWORD);
    page.waitForURL(base + "/officer");
    return page;
  }

  @Test
  void everyOfficerPageIsAccessibleAlongAnOfficersDay() throws Exception {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
      Page page = signedIn(context);
      assertAccessible(page, "the dashboard");

      String consultation = "/officer/councils/demo/consultations/local-offer-2026";
      assertEquals(200, open(page, consultation).status());
      assertAccessible(page, "the manage page of an open consultation");
      assertEquals(200, open(page, consultation + "/responses?ageBand=0-5").status());
      assertTrue(page.content().contains("Showing 12 of 24 responses"));
      assertAccessible(page, "the filtered responses");

      open(page, consultation + "/themes");
      assertAccessible(page, "the themes page before analysis");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find themes")).click();
      page.waitForLoadState();
      assertTrue(local.analysisQueue().awaitIdle(4, TimeUnit.MINUTES));
      open(page, consultation + "/themes");
      assertTrue(page.content().contains("other answers support this answer"));
      assertAccessible(page, "the themes page");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browsers.screenshots().resolve("officer-themes.png"))
              .setFullPage(true));

      page.locator(".govuk-summary-card__title a").first().click();
      page.waitForLoadState();
      assertAccessible(page, "a theme's page");
      page.getByLabel("Rename this theme").fill("Finding services by age");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rename")).click();
      page.waitForLoadState();
      assertEquals("Finding services by age", page.locator("h1").innerText().trim());

      // sub-themes: another theme becomes a sub-theme of this one (issue 12 item 1)
      String parentUrl = page.url().replaceAll("\\?.*", "");
      open(page, consultation + "/themes");
      page.locator(".govuk-summary-card__title a").nth(1).click();
      page.waitForLoadState();
      page.getByLabel("Make this a sub-theme of")
          .selectOption(
              new com.microsoft.playwright.options.SelectOption()
                  .setLabel("Finding services by age"));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make sub-theme"))
          .click();
      page.waitForLoadState();
      assertTrue(page.content().contains("This theme is now a sub-theme."));
      assertTrue(page.content().contains("sub-theme of “Finding services by age”"));
      assertAccessible(page, "a sub-theme's page");
      Browsers.open(page, parentUrl);
      assertTrue(page.content().contains(">Sub-themes</h2>"));
      assertAccessible(page, "a theme's page with its sub-themes");
      open(page, consultation + "/themes");
      assertTrue(page.content().contains("Sub-themes of “Finding services by age”"));
      assertAccessible(page, "the themes page with sub-themes");

      assertEquals(200, open(page, consultation + "/report").status());
      assertTrue(
          page.content().contains("Finding services by age"),
          "the report shows the corrected theme");
      assertAccessible(page, "the summary report");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browsers.screenshots().resolve("officer-report.png"))
              .setFullPage(true));

      open(page, "/officer/councils/demo/new-consultation");
      assertAccessible(page, "the new consultation page");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create draft")).click();
      page.waitForLoadState();
      assertTrue(page.content().contains("There is a problem"));
      assertAccessible(page, "the new consultation page with errors");
      page.getByLabel("Local Offer page feedback").check();
      page.getByLabel("Title").fill("Was this page useful? 2027");
      page.getByLabel("Web address name").fill("page-feedback-2027");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create draft")).click();
      page.waitForURL(
          base + "/officer/councils/demo/consultations/page-feedback-2027?done=created");
      assertTrue(page.content().contains("Draft created."));
      assertAccessible(page, "the manage page of a draft");
      page.getByLabel("Last day for answers (optional)").fill("31 March");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();
      page.waitForLoadState();
      assertTrue(
          page.content().contains("Enter the date it closes as a real date, like 31/12/2026"));
      assertAccessible(page, "the draft with errors");

      open(page, consultation + "/import");
      assertAccessible(page, "the import page");
      page.getByLabel("Paper forms").check();
      page.getByLabel("Or paste CSV")
          .fill(
              "find-information,Answering as\nA paper answer about short breaks,Parent or carer\n,Parent or carer\n");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
      page.waitForLoadState();
      assertAccessible(page, "the column-mapping preview");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import 1 rows")).click();
      page.waitForLoadState();
      assertTrue(page.content().contains("1 answer imported"), "the import outcome");
      assertAccessible(page, "the import outcome");

      assertEquals(
          403,
          open(page, "/officer/councils/elsewhere/consultations/local-offer-2026/themes").status());
      assertAccessible(page, "the 403 page");
    }
    try (BrowserContext anonymous = browser.newContext()) {
      Page page = anonymous.newPage();
      assertEquals(401, open(page, "/officer").status());
      assertAccessible(page, "the 401 page");
    }
  }
}
