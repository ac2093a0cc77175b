package org.yousaid.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.testing.Accessibility.assertAccessible;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.yousaid.local.LocalMode;
import org.yousaid.testing.WithBrowser;
import org.yousaid.testing.WithLocalMode;

/**
 * Publishing in a real browser: an officer approves quotes, writes the council's response, checks
 * the publish page and its preview, and publishes; the public pages ("You said, we did", the
 * council's list) pass axe-core's WCAG 2.2 AA rules, work at phone width and run no script.
 */
// A guard against a wedged Chromium holding CI to its limit, not a speed check: on a loaded
// 2-core machine one walk through the pages has taken over 5 minutes.
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class PublishedPagesBrowserTest {

  private static final String EMAIL = "publisher@demo.example";
  private static final String PASSWORD = "a long enough password";

  /** The parent carer forum's second reviewer: reads, comments on and co-signs drafts only. */
  private static final String FORUM = "chair@forum.example";

  private static final String[] DISTRICTS = {"North", "South", "East", "West", "Central", "North"};

  @WithLocalMode static LocalMode local;
  @WithBrowser static Browser browser;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    base = "http://127.0.0.1:" + local.port();
    local.officers().save(EMAIL, PASSWORD, Set.of("demo"));
    local.officers().save(FORUM, PASSWORD, Set.of(), Set.of("demo"));
    for (int i = 0; i < 36; i++) {
      String body =
          "{\"answers\":{\"find-information\":\""
              + SampleAnswers.FIND_INFORMATION[i % SampleAnswers.FIND_INFORMATION.length]
              + "\","
              + "\"plain-english\":\""
              + (i % 3 == 0 ? "agree" : i % 3 == 1 ? "disagree" : "neither")
              + "\","
              + "\"format\":\""
              + (i % 2 == 0 ? "website" : "keyworker")
              + "\"},"
              + "\"profile\":{\"role\":\"parent-carer\",\"ageBand\":\""
              + (i % 2 == 0 ? "5-16" : "0-5")
              + "\",\"district\":\""
              + DISTRICTS[i % DISTRICTS.length]
              + "\"},\"consentToQuote\":true}";
      assertEquals(
          201,
          Browsers.postJson(
              base + "/api/v1/councils/demo/consultations/local-offer-2026/responses", body));
    }
  }

  private static Response open(Page page, String path) {
    return Browsers.open(page, base + path);
  }

  @Test
  void anOfficerPublishesAndThePublicPagesAreAccessible() throws Exception {
    String consultation = "/officer/councils/demo/consultations/local-offer-2026";
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
      Page page = context.newPage();
      open(page, "/officer/sign-in");
      Browsers.signIn(page, EMAIL, PASSWORD);
      page.waitForURL(base + "/officer");

      open(page, consultation + "/themes");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find themes")).click();
      page.waitForLoadState();
      assertTrue(local.analysisQueue().awaitIdle(4, TimeUnit.MINUTES));

      // For each theme: approve two answers as quotes and write the council's response.
      open(page, consultation + "/themes");
      List<String> themeLinks = new ArrayList<>();
      for (var link : page.locator(".govuk-summary-card__title a").all()) {
        themeLinks.add(link.getAttribute("href"));
      }
      assertTrue(themeLinks.size() >= 2, "themes found");
      String[] statuses = {"done", "in progress", "planned"};
      for (int i = 0; i < Math.min(3, themeLinks.size()); i++) {
        page.navigate(base + themeLinks.get(i));
        // Only answers whose authors agreed to be quoted: the others are refused, saying why.
        var boxes =
            page.locator(
                    ".govuk-checkboxes__item:not(:has-text('Cannot be quoted')) input[name=answer]")
                .all();
        for (int b = 0; b < Math.min(2, boxes.size()); b++) {
          boxes.get(b).check();
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve as quotes"))
            .click();
        page.waitForLoadState();
        page.getByLabel("What the council did or will do about this")
            .fill(
                "We have asked the Local Offer team to act on this and will report back to the parent carer forum.");
        page.getByLabel("Status").selectOption(statuses[i]);
        page.getByLabel("Date (optional)").fill((i + 1) + "/12/2026");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save \"we did\""))
            .click();
        page.waitForLoadState();
      }

      // A theme's page with a refused correction and the form to remove more words from a quote.
      page.navigate(base + themeLinks.get(0));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move").setExact(true))
          .click();
      page.waitForLoadState();
      assertTrue(page.content().contains("There is a problem"));
      assertAccessible(page, "a theme's page with errors");

      // The parent carer forum reads the draft, comments and co-signs it.
      try (BrowserContext forumContext =
          browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
        Page forum = forumContext.newPage();
        open(forum, "/officer/sign-in");
        Browsers.signIn(forum, FORUM, PASSWORD);
        forum.waitForURL(base + "/officer");
        assertAccessible(forum, "a reviewer's dashboard");
        forum
            .getByRole(
                AriaRole.LINK,
                new Page.GetByRoleOptions()
                    .setName("Tell us what would help you use our Local Offer"))
            .click();
        forum.waitForLoadState();
        assertAccessible(forum, "the review page");
        forum.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        forum.waitForLoadState();
        assertTrue(forum.content().contains("Write a comment, or co-sign the draft, or both"));
        assertAccessible(forum, "the review page with an error");
        forum.getByLabel("Comment (optional)").fill("This matches what parents told the forum.");
        forum.locator("#cosign").check();
        forum.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        forum.waitForLoadState();
        assertTrue(forum.content().contains("You co-signed this draft."));
        assertAccessible(forum, "the review page after co-signing");
        assertEquals(403, open(forum, consultation + "/themes").status());
      }

      assertEquals(200, open(page, consultation + "/publish").status());
      assertTrue(page.content().contains("co-signed this draft"));
      assertAccessible(page, "the publish page before publishing");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish a new version"))
          .click();
      page.waitForLoadState();
      assertTrue(page.content().contains("Confirm that you have checked what will be published"));
      assertAccessible(page, "the sign-off page with an error");
      assertEquals(200, open(page, consultation + "/publish/preview").status());
      assertTrue(page.content().contains("This page is not published yet"));
      assertAccessible(page, "the preview of the published page");

      open(page, consultation + "/publish");
      page.locator("#confirm").check();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish a new version"))
          .click();
      page.waitForLoadState();
      assertTrue(page.content().contains("Publishing has started"));
      assertTrue(local.publishQueue().awaitIdle(2, TimeUnit.MINUTES));
      open(page, consultation + "/publish");
      assertTrue(page.content().contains("Version 1"));
      assertAccessible(page, "the publish page with its publication record");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browsers.screenshots().resolve("officer-publish.png"))
              .setFullPage(true));
    }

    // The public pages, as a parent would see them: no sign-in, no script.
    List<String> scripts = new ArrayList<>();
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
      Page page = context.newPage();
      page.onConsoleMessage(m -> scripts.add(m.text()));
      assertEquals(200, open(page, "/published/demo/index.html").status());
      assertTrue(page.content().contains("Tell us what would help you use our Local Offer"));
      assertAccessible(page, "the council's published list");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browsers.screenshots().resolve("published-council.png"))
              .setFullPage(true));
      page.getByRole(
              AriaRole.LINK,
              new Page.GetByRoleOptions()
                  .setName("Tell us what would help you use our Local Offer"))
          .click();
      page.waitForLoadState();
      assertTrue(page.url().endsWith("/published/demo/local-offer-2026/index.html"));
      assertTrue(page.content().contains("You said:") && page.content().contains("We did"));
      assertTrue(
          page.content().contains("other answers support this answer")
              || page.content().contains("other answer supports this answer"));
      assertAccessible(page, "a published You said, we did page");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browsers.screenshots().resolve("published-you-said-we-did.png"))
              .setFullPage(true));
      for (var details : page.locator("details").all()) {
        details.locator("summary").click();
      }
      assertAccessible(page, "a published page with every breakdown open");
      assertEquals(0, (int) page.locator("script").count(), "published pages carry no script");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Version 1")).click();
      page.waitForLoadState();
      assertTrue(page.url().endsWith("/versions/1/index.html"));
      assertAccessible(page, "version 1 of the page");
    }
    try (BrowserContext phone =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(375, 740))) {
      Page page = phone.newPage();
      open(page, "/published/demo/local-offer-2026/index.html");
      assertAccessible(page, "a published page at phone width");
      Object overflow =
          page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
      assertEquals(false, overflow, "no sideways scrolling at 375 px");
    }
    assertTrue(
        scripts.stream().noneMatch(m -> m.contains("Content Security Policy")),
        "no CSP violations: " + scripts);
  }
}
