package org.yousaid.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.nlp.TextNormaliser;
import org.yousaid.analysis.theme.NearDuplicateDetector;

/** Stages that need no model. */
class StagesTest {
  @Test
  void normaliserCollapsesWhitespaceAndQuotesAndSpotsNonAnswers() {
    TextNormaliser n = new TextNormaliser();
    assertEquals(
        "It's \"fine\" - really", n.normalise("  It\u2019s \u201Cfine\u201D \u2013\n really "));
    assertTrue(n.isNonAnswer(n.normalise(" N/A ")));
    assertTrue(n.isNonAnswer(""));
    assertFalse(n.isNonAnswer("No transport means no respite"));
  }

  @Test
  void nearDuplicatesAreGroupedAndShortAnswersIgnored() {
    String a =
        "I strongly object to the closure of the respite unit because families like mine depend on it every month";
    int[] g =
        new NearDuplicateDetector(0.7)
            .groups(
                List.of(
                    a,
                    a + " thank you",
                    "Completely different answer about holiday playschemes in the summer for older children",
                    "More respite",
                    "More respite",
                    a.replace("strongly ", "")));
    assertTrue(g[0] >= 0);
    assertEquals(g[0], g[1]);
    assertEquals(g[0], g[5]);
    assertEquals(-1, g[2]);
    assertEquals(-1, g[3]);
  }
}
