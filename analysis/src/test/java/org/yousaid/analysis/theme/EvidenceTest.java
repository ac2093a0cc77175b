package org.yousaid.analysis.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceTest {
  // answers 0-5 short "staff were great" answers; 6 a long story that touches everything
  private static final double[] CLOSENESS = {0.70, 0.69, 0.68, 0.66, 0.65, 0.64, 0.74};
  private static final double[] WORDS = {6, 5, 7, 6, 8, 5, 180};
  private static final List<Integer> ALL = List.of(0, 1, 2, 3, 4, 5, 6);

  /** 0-2 say it one way, 3-5 another way; the story is like both. */
  private static double similarity(int a, int b) {
    if (a == b) return 1;
    if (a == 6 || b == 6) return 0.6;
    return (a < 3) == (b < 3) ? 0.9 : 0.4;
  }

  private static Evidence.Quotes choose(boolean... consented) {
    return Evidence.choose(
        ALL,
        i -> CLOSENESS[i],
        i -> WORDS[i],
        i -> i < consented.length && consented[i],
        EvidenceTest::similarity);
  }

  @Test
  void theExemplarIsATypicalAnswerNotTheLongAtypicalStory() {
    Evidence.Quotes q = choose();
    assertEquals(0, q.exemplar(), "the story is closest to the centre but 30 times as long");
    assertFalse(q.supporting().contains(6) && q.supporting().indexOf(6) == 0);
  }

  @Test
  void aRespondentWhoAgreedToBeQuotedIsPreferredAmongTypicalAnswers() {
    assertEquals(2, choose(false, false, true).exemplar());
    // consent does not make an atypical answer the exemplar
    assertEquals(0, choose(false, false, false, false, false, false, true).exemplar());
  }

  @Test
  void supportingQuotesAreTwoOrThreeDiverseMembers() {
    Evidence.Quotes q = choose();
    assertEquals(3, q.supporting().size());
    assertFalse(q.supporting().contains(q.exemplar()));
    assertTrue(
        q.supporting().stream().anyMatch(i -> i >= 3 && i <= 5),
        "a quote that says it the other way: " + q.supporting());
    assertEquals(
        List.of(),
        Evidence.choose(List.of(4), i -> 1, i -> 3, i -> false, (a, b) -> 1).supporting());
  }
}
