package org.yousaid.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.testing.Accessibility.assertAccessible;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.yousaid.local.LocalMode;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ConsultationStatus;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.testing.WithBrowser;
import org.yousaid.testing.WithLocalMode;

/**
 * The survey builder, its preview, the "Find themes" errors and the public council page in a real
 * browser: an officer builds questions with the GOV.UK "add another" and move buttons (also with
 * JavaScript off), removes one after the confirmation and previews the form; a parent finds the
 * council's consultations and a closed one. axe-core finds no WCAG 2.2 AA problem on any page.
 */
// A guard against a wedged Chromium, not a speed check (see OfficerPagesBrowserTest).
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class SurveyBuilderBrowserTest {

  private static final String EMAIL = "builder@demo.example";
  private static final String PASSWORD = "a long enough password";
  private static final String DRAFT = "/officer/councils/demo/consultations/short-breaks-2027";

  @WithLocalMode static LocalMode local;
  @WithBrowser static Browser browser;
  private static String base;

  @BeforeAll
  static void start() {
    base = "http://127.0.0.1:" + local.port();
    local.officers().save(EMAIL, PASSWORD, Set.of("demo"));
    ZoneId london = ZoneId.of("Europe/London");
    Consultation closed =
        ConsultationTemplates.localOffer(
            "demo",
            "Demo Borough Council",
            "transport-2026",
            List.of(),
            null,
            LocalDate.now(london).minusDays(3).atStartOfDay(london).toInstant());
    local.services().consultations().save(closed.withStatus(ConsultationStatus.CLOSED));
  }

  private static Response open(Page page, String path) {
    return Browsers.open(page, base + path);
  }

  private static Page signedIn(BrowserContext context) {
    Page page = context.newPage();
    open(page, "/officer/sign-in");
    Browsers.signIn(page, EMAIL, PASSWORD);
    page.waitForURL(base + "/officer");
    return page;
  }

  private static void press(Page page, String name) {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true))
        .click();
    page.waitForLoadState();
  }

  private static List<Question> stored(String consultation) {
    return local.services().consultations().find("demo", consultation).orElseThrow().questions();
  }

  private static List<String> questions() {
    return stored("short-breaks-2027").stream().map(Question::text).toList();
  }

  @Test
  void anOfficerBuildsReordersRemovesAndPreviewsQuestions() throws Exception {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
      Page page = signedIn(context);
      open(page, "/officer/councils/demo/new-consultation");
      page.getByLabel("Local Offer consultation").check();
      page.getByLabel("Title").fill("Short breaks 2027");
      page.getByLabel("Web address name").fill("short-breaks-2027");
      press(page, "Create draft");
      page.getByRole(
              AriaRole.LINK,
              new Page.GetByRoleOptions().setName("Questions: add, change, remove or reorder"))
          .click();
      page.waitForLoadState();
      assertAccessible(page, "the questions of a draft");

      // "Find themes" with no answers yet: refused on the themes page, with the summary.
      open(page, DRAFT + "/themes");
      page.getByLabel("Number of themes per question (optional)").fill("99");
      press(page, "Find themes");
      assertTrue(page.content().contains("There are no answers to find themes in yet"));
      assertEquals("99", page.getByLabel("Number of themes per question (optional)").inputValue());
      assertAccessible(page, "the themes page with an error");

      open(page, DRAFT + "/questions");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a question"))
          .click();
      page.waitForLoadState();
      assertAccessible(page, "the add a question page");
      press(page, "Save question");
      assertTrue(page.content().contains("There is a problem"));
      assertAccessible(page, "the add a question page with errors");

      page.getByLabel("Choose one option", new Page.GetByLabelOptions().setExact(true)).check();
      page.getByLabel("Question", new Page.GetByLabelOptions().setExact(true))
          .fill("How do you hear about short breaks?");
      page.getByLabel("Option 1", new Page.GetByLabelOptions().setExact(true)).fill("Email");
      page.getByLabel("Option 2", new Page.GetByLabelOptions().setExact(true)).fill("Letter");
      press(page, "Add another option");
      page.getByLabel("Option 3", new Page.GetByLabelOptions().setExact(true)).fill("Text message");
      press(page, "Move up option 3");
      assertEquals(
          "Text message",
          page.getByLabel("Option 2", new Page.GetByLabelOptions().setExact(true)).inputValue());
      assertEquals(
          "How do you hear about short breaks?",
          page.getByLabel("Question", new Page.GetByLabelOptions().setExact(true)).inputValue(),
          "the wording survives the option buttons");
      assertAccessible(page, "the question form with three options");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browsers.screenshots().resolve("officer-question.png"))
              .setFullPage(true));
      press(page, "Save question");
      assertTrue(page.content().contains("Question added."));
      int count = questions().size();
      assertEquals("How do you hear about short breaks?", questions().get(count - 1));

      press(page, "Move up question " + count);
      assertTrue(page.content().contains("Question moved."));
      assertEquals("How do you hear about short breaks?", questions().get(count - 2));
      assertAccessible(page, "the questions after a move");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browsers.screenshots().resolve("officer-questions.png"))
              .setFullPage(true));

      String first = questions().get(0);
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Remove question 1"))
          .click();
      page.waitForLoadState();
      assertAccessible(page, "the removal confirmation");
      press(page, "Continue");
      assertTrue(page.content().contains("Select yes if you want to remove this question"));
      assertAccessible(page, "the removal confirmation with an error");
      page.getByLabel("Yes, remove it").check();
      press(page, "Continue");
      assertTrue(page.content().contains("Question removed."));
      assertFalse(questions().contains(first));

      open(page, DRAFT + "/preview");
      assertTrue(page.content().contains("This is how people will see the form"));
      assertTrue(page.content().contains("Text message"));
      assertAccessible(page, "the preview of the form");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browsers.screenshots().resolve("officer-preview.png"))
              .setFullPage(true));
      String url = page.url();
      press(page, "Send my answers");
      assertEquals(url, page.url(), "the preview sends nothing");
    }
  }

  @Test
  void theMoveAndAddAnotherButtonsWorkWithoutJavaScript() {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
      Page page = signedIn(context);
      String list = "/officer/councils/demo/consultations/local-offer-2026/questions";
      open(page, list);
      List<String> before = stored("local-offer-2026").stream().map(Question::id).toList();
      press(page, "Move down question 1");
      assertTrue(page.content().contains("Question moved."));
      List<String> after = stored("local-offer-2026").stream().map(Question::id).toList();
      assertEquals(before.get(0), after.get(1));
      assertEquals(before.get(1), after.get(0));

      open(page, list + "/new");
      page.getByLabel("Option 1", new Page.GetByLabelOptions().setExact(true)).fill("First");
      press(page, "Add another option");
      assertEquals(
          "First",
          page.getByLabel("Option 1", new Page.GetByLabelOptions().setExact(true)).inputValue());
      assertEquals(
          1, page.getByLabel("Option 3", new Page.GetByLabelOptions().setExact(true)).count());
    }
  }

  @Test
  void aParentFindsTheCouncilsConsultationsAndAClosedOne() throws Exception {
    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      assertEquals(200, open(page, "/c/demo").status());
      assertTrue(page.content().contains("Open consultations"));
      assertAccessible(page, "the council page");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Browsers.screenshots().resolve("council-page.png"))
              .setFullPage(true));
      assertEquals(200, open(page, "/c/demo/transport-2026").status());
      assertTrue(page.content().contains("This consultation has closed"));
      assertAccessible(page, "a closed consultation");
      assertEquals(404, open(page, "/c/nowhere").status());
      assertTrue(page.content().contains("We cannot find a council at this address"));
      assertAccessible(page, "the 404 page for an unknown council");
    }
  }
}
