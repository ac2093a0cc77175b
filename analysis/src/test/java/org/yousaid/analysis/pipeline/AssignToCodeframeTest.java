package org.yousaid.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.CodeframeTheme;

class AssignToCodeframeTest {
  private static final List<CodeframeTheme> CODEFRAME =
      List.of(
          new CodeframeTheme(
              "Transport to respite",
              "Getting children to and from respite placements",
              List.of("We cannot drive our child to respite")),
          new CodeframeTheme("Holiday playschemes", "Activities and clubs in the holidays", null),
          CodeframeTheme.named("Funding cuts"));

  @Test
  void answersJoinTheOfficersThemesBestFirst() {
    List<AnswerRecord> records =
        TestModels.embedded(
            "The bus to the respite unit never turns up so she misses her overnight stays.",
            "n/a",
            "There is nothing for him to do in the summer holidays, we need playschemes.",
            "The council keeps cutting the budget for short breaks to save money.");
    Grouping g =
        new AssignToCodeframe(CODEFRAME, TestModels.embedder(), 1L)
            .apply(records, new Represent(TestModels.embedder().dimension(), 0.85).apply(records));
    assertEquals(3, g.k());
    assertNull(g.centroids());
    assertEquals(List.of("Transport to respite", "Holiday playschemes", "Funding cuts"), g.names());
    assertEquals(0, records.get(0).themes().get(0).theme());
    assertEquals(1, records.get(2).themes().get(0).theme());
    assertEquals(2, records.get(3).themes().get(0).theme());
    assertTrue(records.get(1).themes().isEmpty());
    for (AnswerRecord r : List.of(records.get(0), records.get(2), records.get(3))) {
      List<Membership> m = r.themes();
      for (int i = 1; i < m.size(); i++)
        assertTrue(m.get(i - 1).confidence() >= m.get(i).confidence(), "best first");
    }
  }
}
