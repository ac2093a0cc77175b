package org.yousaid.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.local.LocalMode;
import org.yousaid.shared.json.Json;
import org.yousaid.testing.WithBrowser;
import org.yousaid.testing.WithLocalMode;

/**
 * A corpus of script payloads (xss-payloads.txt, after the OWASP cheat sheets) sent as answers,
 * profile values and page-feedback comments, then every page that can show them opened in headless
 * Chromium: the confirmation, the form sent back with errors, the receipt view, the feedback
 * thank-you page, and the officer responses, report, themes and theme pages. A dialog listener, a
 * securitypolicyviolation listener, {@code window.__xss} and a scan of the DOM for handlers,
 * foreign scripts and javascript: URLs must all find nothing.
 */
class XssBrowserTest {

  private static final String EMAIL = "xss@demo.example";
  private static final String PASSWORD = "a long enough password";
  private static final String CONSULTATION =
      "/officer/councils/demo/consultations/local-offer-2026";

  @WithLocalMode(publicRateLimit = "off")
  static LocalMode local;

  @WithBrowser static Browser browser;
  private static String base;
  private static List<String> payloads;
  private static final AtomicInteger DIALOGS = new AtomicInteger();
  private static final List<String> CONSOLE_ERRORS = new ArrayList<>();
  private static int pagesChecked;

  static List<String> payloads() throws IOException {
    try (InputStream in = XssBrowserTest.class.getResourceAsStream("/xss-payloads.txt")) {
      assertNotNull(in, "xss-payloads.txt");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList();
    }
  }

  @BeforeAll
  static void start() throws Exception {
    payloads = payloads();
    assertTrue(payloads.size() >= 50, "the corpus has " + payloads.size() + " payloads");
    base = "http://127.0.0.1:" + local.port();
    local.officers().save(EMAIL, PASSWORD, Set.of("demo"));
    for (int i = 0; i < payloads.size(); i++) {
      String p = payloads.get(i);
      String body =
          Json.write(
              java.util.Map.of(
                  "answers",
                  java.util.Map.of(
                      "find-information",
                      p + " a website I can search " + i,
                      "anything-else",
                      p,
                      "search-by",
                      List.of("age"),
                      "format",
                      "website"),
                  "profile",
                  java.util.Map.of("role", "parent-carer"),
                  "consentToQuote",
                  true));
      assertEquals(
          201, post("/api/v1/councils/demo/consultations/local-offer-2026/responses", body), p);
      String feedback =
          Json.write(
              java.util.Map.of(
                  "pageUrl",
                  "https://localoffer.example/short-breaks",
                  "useful",
                  false,
                  "comment",
                  p));
      assertEquals(201, post("/api/v1/councils/demo/page-feedback", feedback), p);
    }
  }

  private static int post(String path, String json) throws Exception {
    return Browsers.postJson(base + path, json);
  }

  private static Page watchedPage(BrowserContext context) {
    Page page = context.newPage();
    page.onDialog(
        dialog -> {
          DIALOGS.incrementAndGet();
          dialog.dismiss();
        });
    page.onConsoleMessage(
        message -> {
          if (message.type().equals("error")) {
            synchronized (CONSOLE_ERRORS) {
              CONSOLE_ERRORS.add(message.text());
            }
          }
        });
    page.addInitScript(
        "window.__csp = []; document.addEventListener('securitypolicyviolation', "
            + "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");
    return page;
  }

  /** Nothing ran, nothing was blocked, and the DOM holds no markup that came from a payload. */
  private static void assertNoScriptFromInput(Page page, String what) {
    page.waitForLoadState();
    pagesChecked++;
    assertEquals(0, DIALOGS.get(), what + ": a payload opened a dialog");
    Object xss = page.evaluate("() => window.__xss === undefined ? null : String(window.__xss)");
    assertEquals(null, xss, what + ": a payload set window.__xss");
    Object csp = page.evaluate("() => window.__csp.join('; ')");
    assertEquals(
        "",
        csp,
        what
            + ": the Content-Security-Policy blocked something, so markup from input reached the page");
    Object found =
        page.evaluate(
            "() => {"
                + " const out = [];"
                + " for (const e of document.querySelectorAll('*')) {"
                + "   for (const a of e.attributes) {"
                + "     if (a.name.startsWith('on')) out.push(e.tagName + '[' + a.name + ']');"
                + "     if (/^\\s*(javascript|data|vbscript):/i.test(a.value) && ['href','src','action','formaction','data','background','xlink:href'].includes(a.name)) out.push(e.tagName + '[' + a.name + '=' + a.value + ']');"
                + "   }"
                + " }"
                + " for (const s of document.scripts) {"
                + "   if (s.src ? !s.src.startsWith(location.origin + '/assets/') : !s.textContent.includes('js-enabled')) out.push('SCRIPT ' + (s.src || s.textContent.slice(0, 60)));"
                + " }"
                + " for (const t of ['iframe','object','embed','svg','math','base','meta[http-equiv]','link[href^=javascript]','img[src=x]','video','audio','marquee','xmp'])"
                + "   if (document.querySelector('main ' + t) && !document.querySelector('main ' + t).closest('.yousaid-chart')) out.push('element ' + t);"
                + " return out.join('; ');"
                + "}");
    assertEquals("", found, what + ": markup from a payload is in the page");
  }

  private static Response open(Page page, String path) {
    return Browsers.open(page, base + path);
  }

  private static String receiptOn(Page page) {
    Matcher m =
        Pattern.compile("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")
            .matcher(page.locator(".yousaid-receipt").innerText());
    assertTrue(m.find(), page.content());
    return m.group();
  }

  @Test
  void noPayloadRunsOnAnyPublicPage() throws Exception {
    try (BrowserContext context = browser.newContext()) {
      Page page = watchedPage(context);
      // Through the real form: a payload in a free-text answer, and one as a profile value the form
      // never offers.
      for (String p : payloads.subList(0, 8)) {
        open(page, "/c/demo/local-offer-2026");
        page.locator("#q-find-information").fill(p);
        page.evaluate(
            "v => { const i = document.createElement('input'); i.type = 'hidden'; i.name = 'profile.district'; i.value = v;"
                + " document.querySelector('form[data-yousaid-draft]').appendChild(i); }",
            p);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers"))
            .click();
        page.waitForLoadState();
        assertTrue(page.content().contains("There is a problem"), "an unknown district is refused");
        assertNoScriptFromInput(page, "the form sent back with errors for " + p);
        assertEquals(
            p.strip(),
            page.locator("#q-find-information").inputValue().strip(),
            "the answer is kept, as text");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers"))
            .click();
        page.waitForLoadState();
        assertTrue(page.content().contains("Your answers have been sent"), page.content());
        assertNoScriptFromInput(page, "the confirmation for " + p);
        String receipt = receiptOn(page);

        open(page, "/receipt");
        page.locator("#receipt").fill(receipt);
        page.locator("form button[type=submit]").first().click();
        page.waitForLoadState();
        assertTrue(
            page.locator("main").innerText().contains(p.strip()),
            "the receipt view shows the answer as text");
        assertNoScriptFromInput(page, "the receipt view for " + p);
      }
      // The no-JavaScript page-feedback form, posted from a page on this origin.
      for (String p : payloads.subList(8, 14)) {
        open(page, "/receipt");
        page.evaluate(
            "v => { const f = document.createElement('form'); f.method = 'post'; f.action = '/api/v1/councils/demo/page-feedback';"
                + " for (const [n, x] of [['pageUrl', 'https://localoffer.example/short-breaks?q=' + encodeURIComponent(v)], ['useful', 'no'], ['comment', v]]) {"
                + "   const i = document.createElement('input'); i.type = 'hidden'; i.name = n; i.value = x; f.appendChild(i); }"
                + " const b = document.createElement('button'); b.type = 'submit'; b.id = 'send-feedback'; b.textContent = 'Send';"
                + " f.appendChild(b); document.body.appendChild(f); }",
            p);
        page.locator("#send-feedback").click();
        page.waitForLoadState();
        assertTrue(page.content().contains("Thank you for your feedback"), page.content());
        assertNoScriptFromInput(page, "the feedback thank-you page for " + p);
      }
    }
  }

  @Test
  void noPayloadRunsOnAnyOfficerPage() throws Exception {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
      Page page = watchedPage(context);
      open(page, "/officer/sign-in");
      Browsers.signIn(page, EMAIL, PASSWORD);
      page.waitForURL(base + "/officer");
      assertNoScriptFromInput(page, "the dashboard");

      assertEquals(200, open(page, CONSULTATION + "/responses").status());
      String shown = page.locator("main").innerText();
      assertTrue(
          shown.contains("<script>alert('XSS')</script>"),
          "the responses page shows the payloads as text");
      assertNoScriptFromInput(page, "the responses page");
      assertEquals(
          200, open(page, "/officer/councils/demo/consultations/page-feedback/responses").status());
      assertNoScriptFromInput(page, "the page-feedback responses page");
      assertEquals(200, open(page, CONSULTATION + "/report").status());
      assertNoScriptFromInput(page, "the report before analysis");

      open(page, CONSULTATION + "/themes");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find themes")).click();
      page.waitForLoadState();
      assertTrue(local.analysisQueue().awaitIdle(6, TimeUnit.MINUTES), "the analysis finished");
      open(page, CONSULTATION + "/themes");
      assertTrue(
          page.content().contains("other answers support this answer"),
          "themes were found from the payload answers");
      assertNoScriptFromInput(page, "the themes page");
      page.locator(".govuk-summary-card__title a").first().click();
      page.waitForLoadState();
      assertNoScriptFromInput(page, "a theme's page");

      // An officer approves payload answers as quotes, names the theme and writes "we did" with
      // payloads,
      // then publishes: the public pages must show them as text too.
      for (var box : page.locator("input[name=answer]").all()) {
        box.check();
      }
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve as quotes"))
          .click();
      page.waitForLoadState();
      page.getByLabel("Rename this theme").fill("<img src=x onerror=alert('label')>");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rename")).click();
      page.waitForLoadState();
      page.getByLabel("What the council did or will do about this")
          .fill("<script>alert('we did')</script> We fixed it.");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save \"we did\""))
          .click();
      page.waitForLoadState();
      assertNoScriptFromInput(page, "a theme's page after corrections");
      assertEquals(200, open(page, CONSULTATION + "/report").status());
      assertNoScriptFromInput(page, "the report with themes");
      assertEquals(200, open(page, CONSULTATION + "/publish/preview").status());
      assertNoScriptFromInput(page, "the preview of the published page");
      open(page, CONSULTATION + "/publish");
      page.locator("#confirm").check();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish a new version"))
          .click();
      page.waitForLoadState();
      assertTrue(local.publishQueue().awaitIdle(2, TimeUnit.MINUTES), "publishing finished");
      assertEquals(200, open(page, "/published/demo/local-offer-2026/index.html").status());
      String published = page.locator("main").innerText();
      assertTrue(
          published.contains("<script>alert('we did')</script>")
              && published.contains("<img src=x onerror=alert('label')>"),
          "the published page shows the payloads as text");
      assertNoScriptFromInput(page, "the published You said, we did page");
      assertEquals(200, open(page, "/published/demo/index.html").status());
      assertNoScriptFromInput(page, "the council's published list");
    }
    assertEquals(0, DIALOGS.get());
    synchronized (CONSOLE_ERRORS) {
      assertTrue(
          CONSOLE_ERRORS.stream()
              .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to")),
          "console: " + CONSOLE_ERRORS);
    }
    assertTrue(pagesChecked >= 6);
  }
}
