package org.yousaid.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.testing.Accessibility.assertAccessible;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.yousaid.local.LocalMode;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.testing.WithBrowser;
import org.yousaid.testing.WithLocalMode;

/**
 * The comments register in Chromium: the home page's warning, the register, a comment sent back
 * with an error, themed and kept out with a reason, a theme's response and status, the annual
 * report's sign-off and its published page; axe-core finds no WCAG 2.2 AA problem on any of them.
 */
// A guard against a wedged Chromium, not a speed check.
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class RegisterBrowserTest {

  private static final String EMAIL = "register@kr.example";
  private static final String PASSWORD = "a long enough password";

  @WithLocalMode static LocalMode local;
  @WithBrowser static Browser browser;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    base = "http://127.0.0.1:" + local.port();
    local.officers().save(EMAIL, PASSWORD, Set.of("kr"));
    local
        .services()
        .consultations()
        .save(
            ConsultationTemplates.localOffer(
                "kr", "Kingston and Richmond", "lo-2026", List.of(), null, null));
    List<String> comments =
        List.of(
            "the short breaks page helped us find a play scheme",
            "short breaks prices are out of date",
            "the short breaks list has no phone numbers",
            "thank you mrs okafor at st mary's primary for showing me the short breaks page",
            "short breaks page should say which clubs have wheelchair access",
            "the search does not work with my screen reader",
            "you are all useless");
    for (String c : comments) {
      assertEquals(
          201,
          Browsers.postJson(
              base + "/api/v1/councils/kr/consultations/lo-2026/responses",
              "{\"answers\":{\"find-information\":\"" + c + "\"},\"consentToQuote\":true}"));
    }
  }

  private static void click(Page page, String button) {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button)).click();
    page.waitForLoadState();
  }

  @Test
  void theRegisterAndTheAnnualReportAreAccessible() throws Exception {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
      Page page = context.newPage();
      Browsers.open(page, base + "/officer/sign-in");
      Browsers.signIn(page, EMAIL, PASSWORD);
      page.waitForURL(base + "/officer");
      assertTrue(page.content().contains("has not published the comments"));
      assertAccessible(page, "the home page warning that nothing was published in 12 months");

      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Comments register"))
          .first()
          .click();
      page.waitForURL(base + "/officer/councils/kr/register");
      assertTrue(page.content().contains("7 comments: 7 new"));
      assertAccessible(page, "the register");

      page.getByText("the short breaks page helped us find a play scheme").click();
      page.waitForLoadState();
      assertAccessible(page, "a comment in the register");
      page.getByLabel("Which theme is it about?").selectOption("new");
      click(page, "Save theme");
      assertTrue(page.content().contains("There is a problem"));
      assertAccessible(page, "a comment sent back with its errors");
      page.getByLabel("Which theme is it about?").selectOption("new");
      page.getByLabel("The Local Offer's content").check();
      page.getByLabel("For a new theme: its name").fill("Short breaks information");
      page.getByLabel("Quote it in the published report").check();
      click(page, "Save theme");
      assertTrue(page.content().contains("Comment saved in its theme."));
      assertAccessible(page, "a comment saved in its theme");

      for (String c :
          List.of(
              "short breaks prices are out of date",
              "the short breaks list has no phone numbers",
              "thank you mrs okafor",
              "short breaks page should say which clubs")) {
        Browsers.open(page, base + "/officer/councils/kr/register");
        page.getByText(c).click();
        page.waitForLoadState();
        page.getByLabel("Which theme is it about?").selectOption("short-breaks-information");
        if (c.startsWith("thank you")) {
          page.getByLabel("Quote it in the published report").check();
        }
        click(page, "Save theme");
      }
      Browsers.open(page, base + "/officer/councils/kr/register");
      page.getByText("you are all useless").click();
      page.waitForLoadState();
      page.getByLabel("Vexatious or abusive").check();
      click(page, "Keep it out of publication");
      assertTrue(page.content().contains("The reason is recorded with it."));
      assertAccessible(page, "a comment kept out of publication");

      Browsers.open(page, base + "/officer/councils/kr/register/themes/short-breaks-information");
      page.getByLabel("What we did, or will do").fill("We checked every price on the page.");
      click(page, "Save");
      assertTrue(page.content().contains("Choose where the action has got to"));
      assertAccessible(page, "a theme sent back with its error");
      page.getByLabel("Done").check();
      click(page, "Save");
      assertTrue(page.content().contains("Theme, response and action saved."));
      assertAccessible(page, "a theme with its status history");

      Browsers.open(page, base + "/officer/councils/kr/register");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browsers.screenshots().resolve("officer-register.png"))
              .setFullPage(true));
      Browsers.open(page, base + "/officer/councils/kr/register/report");
      assertTrue(page.content().contains("1 comment is not in a theme yet"));
      assertAccessible(page, "the annual report's sign-off page");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browsers.screenshots().resolve("officer-register-report.png"))
              .setFullPage(true));
      click(page, "Publish the report");
      assertTrue(page.content().contains("Confirm that you have checked"));
      assertAccessible(page, "the sign-off sent back unconfirmed");
      page.getByLabel("I have checked what will be published").check();
      click(page, "Publish the report");
      assertTrue(local.publishQueue().awaitIdle(2, TimeUnit.MINUTES));

      Browsers.open(page, base + "/published/kr/local-offer-feedback/index.html");
      String published = page.content();
      assertTrue(published.contains("What families told us"));
      assertTrue(published.contains("We checked every price on the page."));
      assertTrue(published.contains("[staff] at [school]"));
      assertTrue(!published.contains("useless") && !published.contains("okafor"));
      assertAccessible(page, "the published Local Offer feedback report");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browsers.screenshots().resolve("published-local-offer-feedback.png"))
              .setFullPage(true));
      Browsers.open(page, base + "/officer");
      assertTrue(!page.content().contains("has not published the comments"));
    }
  }
}
