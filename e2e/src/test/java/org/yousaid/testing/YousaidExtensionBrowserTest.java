package org.yousaid.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The browser part of {@link YousaidExtension}, run on a small test class through the JUnit engine:
 * one Chromium for the run, a page per test in a context of its own with the annotation's viewport,
 * everything closed after. It lives in e2e/, the module with Playwright and Chromium.
 */
class YousaidExtensionBrowserTest {

  @WithBrowser(viewportWidth = 800, viewportHeight = 600)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PagePerTest {
    static final List<Page> PAGES = new ArrayList<>();

    @Test
    @Order(1)
    void leavesACookieBehind(Page page) {
      PAGES.add(page);
      assertEquals(800, page.viewportSize().width);
      assertEquals(600, page.viewportSize().height);
      page.context()
          .addCookies(List.of(new Cookie("session", "first-test").setUrl("http://council.test/")));
      assertEquals(1, page.context().cookies().size());
    }

    @Test
    @Order(2)
    void doesNotSeeIt(Page page, Browser browser) {
      PAGES.add(page);
      assertNotSame(PAGES.get(0), page);
      assertSame(browser, PAGES.get(0).context().browser(), "one browser for both");
      assertSame(browser, page.context().browser());
      assertTrue(page.context().cookies().isEmpty(), "a context of its own");
    }
  }

  @Test
  void eachTestGetsItsOwnPageInOneBrowserAndEverythingIsClosedAfter() {
    PagePerTest.PAGES.clear();
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(PagePerTest.class))
        .execute()
        .testEvents()
        .assertStatistics(s -> s.started(2).succeeded(2));
    assertEquals(2, PagePerTest.PAGES.size());
    for (Page page : PagePerTest.PAGES) {
      assertTrue(page.isClosed(), "the page is closed after its test");
    }
    assertFalse(
        PagePerTest.PAGES.get(0).context().browser().isConnected(),
        "Chromium is closed after the run");
  }
}
