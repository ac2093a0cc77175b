package org.yousaid.analysis.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.yousaid.analysis.SentimentSplit;

class ShareAndStanceTest {
  @Test
  void wilsonIntervalMatchesThePublishedFigures() {
    // Newcombe (1998), table I: 81/263 -> 0.2553 to 0.3662; 1/29 -> 0.0061 to 0.1718
    ShareWording.Share a = ShareWording.of(81, 263);
    assertEquals(0.2553, a.low(), 5e-4);
    assertEquals(0.3662, a.high(), 5e-4);
    ShareWording.Share b = ShareWording.of(1, 29);
    assertEquals(0.0061, b.low(), 5e-4);
    assertEquals(0.1718, b.high(), 5e-4);
    ShareWording.Share all = ShareWording.of(5, 5);
    assertEquals(1.0, all.high(), 1e-12);
    assertTrue(all.low() > 0.5 && all.low() < 0.6);
  }

  @Test
  void sharesInWords() {
    assertEquals("most", ShareWording.of(16, 30).word());
    assertEquals("many", ShareWording.of(15, 30).word());
    assertEquals("many", ShareWording.of(8, 30).word());
    assertEquals("some", ShareWording.of(3, 30).word());
    assertEquals("a few", ShareWording.of(2, 30).word());
    assertEquals(
        "some answers (6 of 30, 20%; 95% interval 10% to 37%)",
        ShareWording.of(6, 30).describe("answers"));
  }

  @Test
  void praiseAndComplaintAboutTheSameThingAreNeverOneVoice() {
    SentimentSplit mixed = new SentimentSplit(4, 1, 5);
    assertTrue(Stance.mixed(mixed));
    assertEquals(
        "mixed: 5 praise it and 4 complain (1 neutral), so read both sides",
        Stance.describe(mixed));
    assertFalse(Stance.mixed(new SentimentSplit(1, 2, 9)), "one complaint among praise");
    assertEquals("mostly praise (9 of 12 positive)", Stance.describe(new SentimentSplit(1, 2, 9)));
    assertEquals(
        "mostly complaint (7 of 9 negative)", Stance.describe(new SentimentSplit(7, 2, 0)));
    assertEquals("", Stance.describe(new SentimentSplit(0, 0, 0)), "theming-only runs");
    // In the order of the "Sentiment: 0 positive, 10 neutral, 1 negative" line under it.
    assertEquals(
        "0 positive, 10 neutral, 1 negative", Stance.describe(new SentimentSplit(1, 10, 0)));
  }
}
