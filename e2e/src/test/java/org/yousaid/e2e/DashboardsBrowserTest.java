package org.yousaid.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.testing.Accessibility.assertAccessible;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yousaid.functions.officer.dashboards.FeedbackSnippet;
import org.yousaid.local.DemoData;
import org.yousaid.local.LocalMode;
import org.yousaid.testing.LocalModeOptions;
import org.yousaid.testing.YousaidExtension;

/**
 * The "Was this page useful?" snippet on a council's own page (a plain test page served from
 * another origin), sent with and without JavaScript, and the officers' page-feedback and EHC stage
 * dashboards with months of demo answers; axe-core finds no WCAG 2.2 AA problem on any of them.
 */
// A guard against a wedged Chromium holding CI to its limit, not a speed check: on a loaded
// 2-core machine one walk through the pages has taken over 5 minutes.
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class DashboardsBrowserTest {

  private static final String EMAIL = "dashboards@demo.example";
  private static final String PASSWORD = "a long enough password";

  /**
   * The council's Local Offer site: another origin (another port) than yousaid's API. Bound before
   * the extension field below, which allows its origin in local mode.
   */
  private static final HttpServer councilSite = bindCouncilSite();

  private static final String site = "http://127.0.0.1:" + councilSite.getAddress().getPort();

  @RegisterExtension
  static final YousaidExtension yousaid =
      YousaidExtension.withLocalMode(new LocalModeOptions("demo=" + site, ""));

  private static LocalMode local;
  private static Browser browser;
  private static String base;

  private static HttpServer bindCouncilSite() {
    try {
      return HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeAll
  static void start(LocalMode started, Browser chromium) throws Exception {
    local = started;
    browser = chromium;
    base = "http://127.0.0.1:" + local.port();
    councilSite.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          String subject = "https://localoffer.demo.example/send" + path;
          byte[] page =
              ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Short breaks - Demo Local Offer</title></head>\n"
                      + "<body><main><h1>Short breaks</h1><p>Short breaks give disabled children and their families time apart.</p>\n"
                      + FeedbackSnippet.html(base, "demo", "pageUrl", subject, true)
                      + "</main></body></html>")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    councilSite.start();
    local.officers().save(EMAIL, PASSWORD, Set.of("demo"));
    DemoData.seedAnswers(local.services(), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    councilSite.stop(0);
  }

  private static List<org.yousaid.shared.model.Response> feedbackAbout(String path) {
    String subject = "https://localoffer.demo.example/send" + path;
    return local.services().responses().listForConsultation("demo", "page-feedback").stream()
        .filter(r -> subject.equals(r.subject()))
        .toList();
  }

  @Test
  void withJavaScriptTheSnippetThanksTheReaderInPlace() {
    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      assertEquals(200, Browsers.open(page, site + "/short-breaks-js").status());
      assertAccessible(page, "the council's page with the snippet");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send feedback")).click();
      page.locator(".govuk-error-message").waitFor();
      assertTrue(
          page.locator(".govuk-error-message")
              .innerText()
              .contains("Select yes if this page was useful"));
      assertAccessible(page, "the snippet with an error");
      page.getByLabel("No").check();
      page.getByLabel("How could we improve this page? (optional)")
          .fill("The opening times were out of date <b>twice</b>");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send feedback")).click();
      page.getByText("Thank you for your feedback.").waitFor();
      assertEquals(site + "/short-breaks-js", page.url(), "the reader stays on the council's page");
      assertAccessible(page, "the snippet's thank-you");
      List<org.yousaid.shared.model.Response> stored = feedbackAbout("/short-breaks-js");
      assertEquals(1, stored.size(), "sent once");
      assertEquals(
          "The opening times were out of date <b>twice</b>",
          stored.get(0).answer("comment").orElseThrow().text());
      assertEquals(List.of("no"), stored.get(0).answer("useful").orElseThrow().choices());
    }
  }

  @Test
  void withoutJavaScriptTheSnippetIsAPlainFormWithAThankYouPage() {
    // axe-core itself needs JavaScript, so the page is checked with the snippet's script blocked:
    // the same
    // page a reader without JavaScript gets. Then a browser with JavaScript off sends the form.
    try (BrowserContext context = browser.newContext()) {
      context.route("**/assets/page-feedback.js", route -> route.abort());
      Page page = context.newPage();
      Browsers.open(page, site + "/short-breaks-no-script");
      assertAccessible(page, "the council's page with the snippet, without its script");
      page.getByLabel("Yes").check();
      Response thanks =
          page.waitForNavigation(
              () ->
                  page.getByRole(
                          AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send feedback"))
                      .click());
      assertEquals(201, thanks.status());
      assertTrue(page.url().startsWith(base + "/api/v1/councils/demo/page-feedback"), page.url());
      assertTrue(page.content().contains("Go back to the page you were reading"));
      assertAccessible(page, "the thank-you page");
      assertEquals(1, feedbackAbout("/short-breaks-no-script").size());
    }
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
      Page page = context.newPage();
      Browsers.open(page, site + "/short-breaks-no-js");
      page.getByLabel("No").check();
      page.getByLabel("How could we improve this page? (optional)")
          .fill("Please add an easy read version");
      Response thanks =
          page.waitForNavigation(
              () ->
                  page.getByRole(
                          AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send feedback"))
                      .click());
      assertEquals(201, thanks.status());
      assertTrue(page.content().contains("Thank you for your feedback"));
      List<org.yousaid.shared.model.Response> stored = feedbackAbout("/short-breaks-no-js");
      assertEquals(1, stored.size());
      assertEquals(
          "Please add an easy read version", stored.get(0).answer("comment").orElseThrow().text());
    }
  }

  @Test
  void fromASiteThatIsNotAllowedTheScriptFallsBackToThePlainForm() {
    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      // "localhost" is another origin than the allowed 127.0.0.1: the preflight is refused.
      Browsers.open(page, site.replace("127.0.0.1", "localhost") + "/short-breaks-fallback");
      page.getByLabel("Yes").check();
      page.waitForNavigation(
          () ->
              page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send feedback"))
                  .click());
      assertTrue(page.content().contains("Thank you for your feedback"));
      assertEquals(
          1, feedbackAbout("/short-breaks-fallback").size(), "stored once, by the form post");
    }
  }

  @Test
  void theDashboardsAreAccessible() throws Exception {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
      Page page = context.newPage();
      Browsers.open(page, base + "/officer/sign-in");
      Browsers.signIn(page, EMAIL, PASSWORD);
      page.waitForURL(base + "/officer");
      assertAccessible(page, "the dashboard with links to page feedback and EHC stages");

      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Page feedback"))
          .first()
          .click();
      page.waitForURL(base + "/officer/councils/demo/page-feedback");
      assertTrue(
          page.content().contains("https://localoffer.demo.example/send/ehc-needs-assessment"));
      assertAccessible(page, "the page feedback dashboard");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browsers.screenshots().resolve("officer-page-feedback.png"))
              .setFullPage(true));

      page.getByRole(
              AriaRole.LINK,
              new Page.GetByRoleOptions()
                  .setName("https://localoffer.demo.example/send/transport-to-school"))
          .click();
      page.waitForLoadState();
      assertTrue(
          page.content()
              .contains("Feedback on https://localoffer.demo.example/send/transport-to-school"));
      assertAccessible(page, "one page's feedback and comments");

      Browsers.open(page, base + "/officer/councils/demo/page-feedback/comments?from=last+week");
      assertTrue(page.content().contains("There is a problem"));
      assertAccessible(page, "every comment, with a date error");

      Browsers.open(page, base + "/officer/councils/demo/page-feedback/snippet");
      assertTrue(
          page.locator("pre code")
              .first()
              .innerText()
              .contains("action=\"" + base + "/api/v1/councils/demo/page-feedback\""));
      assertAccessible(page, "the snippet page");

      Browsers.open(page, base + "/officer/councils/demo/consultations/ehc-plan-survey");
      page.getByRole(
              AriaRole.LINK, new Page.GetByRoleOptions().setName("Satisfaction by EHC stage"))
          .click();
      page.waitForLoadState();
      assertTrue(page.content().contains("Annual review") && page.content().contains("% clear / "));
      assertAccessible(page, "the EHC stage satisfaction dashboard");
      page.getByText("Plan issued: every question and the trend by month").click();
      assertTrue(page.getByText("Plan issued, month by month").isVisible());
      assertAccessible(page, "the EHC stage dashboard with a stage opened");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browsers.screenshots().resolve("officer-ehc-stages.png"))
              .setFullPage(true));
    }
  }
}
