package org.yousaid.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.args.AxeRunOptions;
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

  /**
   * axe-core's results for the page as it is now: every WCAG 2.2 AA rule, every node of every
   * violation.
   *
   * <p>Run in one pass in the page ({@code setLegacyMode(true)}), not AxeBuilder's default of a
   * partial run per frame finished in a new blank page: that default opens a page and injects
   * axe-core a second time on every check, and took 4 times as long as this for the same
   * violations, passes, incomplete and inapplicable rules (docs/benchmarks.md). The default is for
   * pages with cross-origin frames, which ours do not have. Passing and inapplicable rules keep at
   * most one node each ({@code resultTypes}): only violations are reported, and those keep all
   * their nodes.
   */
  public static AxeResults check(Page on) {
    AxeRunOptions options = new AxeRunOptions();
    options.setResultTypes(List.of("violations"));
    return new AxeBuilder(on).options(options).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  }

  /** Runs axe-core on the page as it is now and fails listing every violation. */
  public static void assertAccessible(Page on, String what) {
    AxeResults results = check(on);
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
