package org.yousaid.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What every browser test shares: Debian's Chromium through Playwright, axe-core at WCAG 2.2 AA,
 * screenshots.
 */
final class Browsers {

  static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  static final List<String> WCAG_TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  private Browsers() {}

  static Playwright playwright() {
    if (!Files.isExecutable(CHROMIUM)) {
      fail(
          "These browser tests need Debian's Chromium at "
              + CHROMIUM
              + ". Install it with: apt-get install -y chromium");
    }
    return Playwright.create(
        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  /** Headless Chromium with background networking off: this machine has no internet to reach. */
  static Browser chromium(Playwright playwright) {
    return playwright
        .chromium()
        .launch(
            new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(
                    List.of(
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync")));
  }

  /** Runs axe-core on the page as it is now and fails listing every violation. */
  static void assertAccessible(Page on, String what) {
    AxeResults results = new AxeBuilder(on).withTags(WCAG_TAGS).analyze();
    List<Rule> violations = results.getViolations();
    if (!violations.isEmpty()) {
      String report =
          violations.stream()
              .map(
                  rule ->
                      rule.getId()
                          + " ("
                          + rule.getImpact()
                          + "): "
                          + rule.getHelp()
                          + "\n"
                          + rule.getNodes().stream()
                              .map(
                                  (CheckedNode node) ->
                                      "    " + node.getTarget() + "  " + node.getHtml())
                              .collect(Collectors.joining("\n")))
              .collect(Collectors.joining("\n"));
      fail(what + " has " + violations.size() + " accessibility violation(s):\n" + report);
    }
    assertFalse(results.getPasses().isEmpty(), "axe-core ran no checks on " + what);
  }

  /**
   * Screenshots go to target/ on every run; {@code bin/screenshots}
   * (-Dyousaid.screenshots.update=true) refreshes the committed ones in docs/screenshots, so a test
   * run never leaves the checkout modified.
   */
  /** Goes to a page and returns the main response (never null: a test wants to read its status). */
  static com.microsoft.playwright.Response open(Page page, String url) {
    com.microsoft.playwright.Response response = page.navigate(url);
    org.junit.jupiter.api.Assertions.assertNotNull(response, url);
    return response;
  }

  /** Closes what a browser test started, in this order, skipping what never started. */
  static void closeAll(AutoCloseable... started) {
    for (AutoCloseable c : started) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          throw new IllegalStateException("could not close " + c.getClass().getSimpleName(), e);
        }
      }
    }
  }

  static Path screenshots() throws Exception {
    String root = System.getProperty("yousaid.repo.root");
    Path folder =
        Boolean.getBoolean("yousaid.screenshots.update")
            ? (root == null || root.isBlank() ? Paths.get("..") : Paths.get(root))
                .resolve("docs/screenshots")
            : Paths.get("target", "screenshots");
    Files.createDirectories(folder);
    return folder;
  }
}
