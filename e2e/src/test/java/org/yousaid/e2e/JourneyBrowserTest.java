package org.yousaid.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.testing.Accessibility.assertAccessible;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.yousaid.local.DemoData;
import org.yousaid.local.LocalMode;
import org.yousaid.testing.YousaidExtension;

/**
 * An officer's walk through the EHC journey, who has been heard and Open Referral UK services in
 * Chromium: each file chosen with the page's own file input, a wrong file sent back with its
 * problems, the dashboards after each import; axe-core finds no WCAG 2.2 AA problem on any page.
 */
// A guard against a wedged Chromium, not a speed check.
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class JourneyBrowserTest {

  private static final String EMAIL = "journey@demo.example";
  private static final String PASSWORD = "a long enough password";

  @RegisterExtension
  static final YousaidExtension yousaid =
      YousaidExtension.withLocalMode(org.yousaid.testing.LocalModeOptions.DEFAULT);

  private static LocalMode local;
  private static Browser browser;
  private static String base;

  static final String DFE =
      "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,initial_requests,initial_requests_refused,new_ehcps,pct_within_20wks_exc,ehcp_total\n"
          + "2023,Calendar year,National,E92000001,England,,,,,,138242,39021,80329,50.3,517049\n"
          + "2023,Calendar year,Local authority,E92000001,England,E12000004,East Midlands,855,E10000018,Leicestershire,1675,412,1019,7.6,5735\n"
          + "2023,Calendar year,Local authority,E92000001,England,E12000004,East Midlands,856,E06000016,Leicester,1302,281,844,61.4,4121\n"
          + "2022,Calendar year,National,E92000001,England,,,,,,114482,31587,66657,50.7,473255\n"
          + "2022,Calendar year,Local authority,E92000001,England,E12000004,East Midlands,855,E10000018,Leicestershire,1402,355,853,c,5080\n"
          + "2021,Calendar year,National,E92000001,England,,,,,,93263,26146,61975,59.9,430697\n"
          + "2021,Calendar year,Local authority,E92000001,England,E12000004,East Midlands,855,E10000018,Leicestershire,1188,301,744,21.9,4622\n";

  static final String POPULATION =
      "dimension,group,children\n"
          + "district,North,1400\n"
          + "district,South,6400\n"
          + "district,East,900\n"
          + "district,West,3\n"
          + "age band,0-5,520\n"
          + "age band,5-16,3410\n"
          + "age band,16-25,1805\n"
          + "area of need,Communication and interaction,2304\n"
          + "area of need,\"Social, emotional and mental health\",1290\n";

  static final String SERVICES =
      "{\"total_pages\":1,\"page_number\":1,\"contents\":["
          + "{\"id\":\"3f6a1c2e-0b8d-4c6a-9d0e-1a2b3c4d5e6f\",\"name\":\"Short breaks for disabled children\",\"url\":\"https://localoffer.demo.example/send/short-breaks\",\"status\":\"active\",\"organization\":{\"name\":\"Demo County Council\"}},"
          + "{\"id\":\"7c9d2b4a-5e6f-4a1b-8c2d-3e4f5a6b7c8d\",\"name\":\"EHC needs assessment\",\"url\":\"https://localoffer.demo.example/send/ehc-needs-assessment\",\"status\":\"active\"},"
          + "{\"id\":\"c0ffee00-1111-2222-3333-444455556666\",\"name\":\"Transport to school\",\"url\":\"https://localoffer.demo.example/send/transport-to-school\",\"status\":\"active\"},"
          + "{\"id\":\"portage\",\"name\":\"Portage home visiting\",\"status\":\"temporarily closed\"}]}";

  @BeforeAll
  static void start(LocalMode started, Browser chromium) throws Exception {
    local = started;
    browser = chromium;
    base = "http://127.0.0.1:" + local.port();
    local.officers().save(EMAIL, PASSWORD, Set.of("demo"));
    DemoData.seedAnswers(local.services(), Clock.systemUTC());
  }

  private static Path file(Path folder, String name, String content) throws Exception {
    Path f = folder.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  private static void shoot(Page page, String name) throws Exception {
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(Browsers.screenshots().resolve(name))
            .setFullPage(true));
  }

  @Test
  void anOfficerImportsFiguresPopulationAndServicesAndSeesEachBesideTheAnswers(@TempDir Path folder)
      throws Exception {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
      Page page = context.newPage();
      Browsers.open(page, base + "/officer/sign-in");
      Browsers.signIn(page, EMAIL, PASSWORD);
      page.waitForURL(base + "/officer");

      // The EHC journey: a file for the wrong council, then the right one.
      Browsers.open(page, base + "/officer/councils/demo/ehc-stages/timeliness");
      assertAccessible(page, "the timeliness import form");
      page.getByLabel("Your council's local authority code").fill("E99999999");
      page.getByLabel("DfE CSV file").setInputFiles(file(folder, "ehcp.csv", DFE));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import figures"))
          .click();
      page.waitForLoadState();
      assertTrue(page.content().contains("The file has no local authority row for"));
      assertAccessible(page, "the timeliness import form with an error");
      page.getByLabel("Your council's local authority code").fill("E10000018");
      page.getByLabel("DfE CSV file").setInputFiles(file(folder, "ehcp.csv", DFE));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import figures"))
          .click();
      page.waitForURL(url -> url.contains("/ehc-stages?done=timeliness-imported"));
      assertTrue(page.content().contains("England: 50.3%"));
      assertTrue(page.content().contains("Phase transfer"));
      assertAccessible(page, "the EHC journey with timeliness figures");
      page.getByText("Plan issued: every question and the trend by month").click();
      assertAccessible(page, "the EHC journey with a stage opened");
      shoot(page, "officer-ehc-journey.png");
      // The import page lists both attempts: who, which file, refused or kept, what it replaced.
      Browsers.open(page, base + "/officer/councils/demo/ehc-stages/timeliness");
      String history = page.locator("table.yousaid-import-history").innerText();
      assertTrue(history.contains("Refused") && history.contains("Imported"), history);
      assertTrue(history.contains(EMAIL) && history.contains("ehcp.csv"), history);
      assertAccessible(page, "the timeliness import page with its import history");
      shoot(page, "officer-import-history.png");

      // Who has been heard: a wrong file, then the council's counts.
      Browsers.open(page, base + "/officer/councils/demo/coverage");
      assertAccessible(page, "who has been heard, before any population counts");
      page.getByRole(
              AriaRole.LINK,
              new Page.GetByRoleOptions().setName("import your SEND population counts"))
          .click();
      page.getByLabel("Population file (CSV or .xlsx)")
          .setInputFiles(
              file(
                  folder,
                  "wrong.csv",
                  "dimension,group,children\nward,Abbey,10\ndistrict,North,lots\n"));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import counts")).click();
      page.waitForLoadState();
      assertTrue(page.content().contains("Every problem found"));
      assertAccessible(page, "the population import with every problem");
      page.getByLabel("Population file (CSV or .xlsx)")
          .setInputFiles(file(folder, "population.csv", POPULATION));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import counts")).click();
      page.waitForURL(url -> url.contains("/coverage?done=population-imported"));
      assertTrue(page.content().contains("answers per 100 children"));
      assertFalse(page.content().contains(">3<"), "West's 3 children are not shown");
      assertAccessible(page, "who has been heard");
      shoot(page, "officer-coverage.png");
      Browsers.open(page, base + "/officer/councils/demo/coverage/population");
      String counts = page.locator("table.yousaid-import-history").innerText();
      assertTrue(counts.contains("wrong.csv") && counts.contains("population.csv"), counts);
      assertAccessible(page, "the population import page with its import history");

      // Open Referral UK services from a file.
      Browsers.open(page, base + "/officer/councils/demo/services");
      assertAccessible(page, "the services page before any feed");
      page.getByLabel("Feed address").fill("http://169.254.169.254/latest/meta-data/");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Fetch services"))
          .click();
      page.waitForLoadState();
      assertTrue(page.content().contains("There is a problem"));
      assertAccessible(page, "the services page with a refused address");
      page.getByLabel("Feed file (JSON)").setInputFiles(file(folder, "services.json", SERVICES));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload services"))
          .click();
      page.waitForURL(url -> url.contains("/services?done=services-imported"));
      assertTrue(page.content().contains("Short breaks for disabled children"));
      String feeds = page.locator("table.yousaid-import-history").innerText();
      assertTrue(
          feeds.contains("169.254.169.254") && feeds.contains("services.json"),
          "the refused address and the kept file: " + feeds);
      assertAccessible(page, "page feedback by service, with the feed's import history");
      shoot(page, "officer-services.png");
      Browsers.open(page, base + "/officer/councils/demo/page-feedback");
      assertTrue(page.content().contains("Service: Transport to school"));
      assertAccessible(page, "page feedback with service names");
    }
  }
}
