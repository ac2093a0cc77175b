package org.yousaid.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.stream.Collectors;

/** axe-core's check of a page at WCAG 2.2 AA. */
public final class Accessibility {

  /** WCAG 2.2 AA and everything below it. */
  public static final List<String> WCAG_TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  private Accessibility() {}

  /** Runs axe-core on the page as it is now and fails listing every violation. */
  public static void assertAccessible(Page on, String what) {
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
                              .map(node -> "    " + node.getTarget() + "  " + node.getHtml())
                              .collect(Collectors.joining("\n")))
              .collect(Collectors.joining("\n"));
      fail(what + " has " + violations.size() + " accessibility violation(s):\n" + report);
    }
    assertFalse(results.getPasses().isEmpty(), "axe-core ran no checks on " + what);
  }
}
