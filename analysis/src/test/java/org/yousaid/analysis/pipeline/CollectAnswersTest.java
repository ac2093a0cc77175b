package org.yousaid.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.AnalysedAnswer;
import org.yousaid.analysis.Sentiment;
import org.yousaid.analysis.SentimentSplit;
import org.yousaid.analysis.Theme;
import org.yousaid.analysis.ThemeMembership;

class CollectAnswersTest {
  private static Theme theme(String id) {
    return new Theme(
        id, id, "", List.of(), List.of(), 0, 0, new SentimentSplit(0, 0, 0), "", 0, 0, false);
  }

  @Test
  void eachAnswerInOrderWithThemeIdsRoundedConfidenceAndNoOriginalText() {
    List<AnswerRecord> records = TestModels.checked("Call Jo on 07700 900123 about respite", "n/a");
    records.get(0).publishedText("Call [name] on [phone] about respite");
    records.get(1).publishedText("n/a");
    records.get(0).sentiment(Sentiment.NEUTRAL);
    records.get(0).addTheme(new Membership(2, 0.87654));
    records.get(0).addTheme(new Membership(0, 0.1));
    records.get(0).nearDuplicateGroup(0);
    List<AnalysedAnswer> out =
        new CollectAnswers().apply(records, Map.of(2, theme("T1"), 0, theme("T2")));
    AnalysedAnswer first = out.get(0);
    assertEquals("a0", first.id());
    assertEquals("Call [name] on [phone] about respite", first.redactedText());
    assertEquals(Sentiment.NEUTRAL, first.sentiment());
    assertEquals(
        List.of(new ThemeMembership("T1", 0.877), new ThemeMembership("T2", 0.1)), first.themes());
    assertEquals("D1", first.nearDuplicateGroup());
    assertFalse(first.nonAnswer());
    assertEquals("en", first.language());
    AnalysedAnswer second = out.get(1);
    assertEquals("a1", second.id());
    assertTrue(second.nonAnswer());
    assertTrue(second.themes().isEmpty());
    assertNull(second.nearDuplicateGroup());
    assertNull(second.sentiment());
  }
}
