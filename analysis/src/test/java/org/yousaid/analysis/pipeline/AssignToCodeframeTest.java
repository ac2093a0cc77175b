package org.yousaid.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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

  /**
   * Issue 13 item 1, as the worker re-runs a corrected analysis: the officer's 8 themes are the
   * codeframe (their answers as examples), and five new answers about changing places toilets
   * become one proposed theme instead of joining "Short breaks and respite".
   */
  @Test
  void answersAboutSomethingNoThemeCoversBecomeOneProposedTheme() throws Exception {
    List<String[]> old = rows("corrected-themes.csv");
    List<String> toilets =
        rows("new-topics.csv").stream()
            .filter(r -> r[0].equals("changing places toilets"))
            .map(r -> r[1])
            .toList();
    List<String> texts = new ArrayList<>();
    old.forEach(r -> texts.add(r[1]));
    texts.add("still waiting for the EHCP after 30 weeks, nobody from the SEND team replies");
    texts.addAll(toilets);
    List<AnswerRecord> records = TestModels.embedded(texts.toArray(String[]::new));
    Map<String, List<String>> members = new LinkedHashMap<>();
    for (int i = 0; i < old.size(); i++)
      members
          .computeIfAbsent(old.get(i)[0], x -> new ArrayList<>())
          .add(records.get(i).publishedText());
    List<CodeframeTheme> corrected = new ArrayList<>();
    members.forEach((label, answers) -> corrected.add(new CodeframeTheme(label, "", answers)));

    Grouping g =
        new AssignToCodeframe(corrected, TestModels.embedder(), 1L)
            .apply(records, new Represent(TestModels.embedder().dimension(), 0.85).apply(records));

    assertEquals(9, g.k(), "the officer's 8 themes and one proposed");
    assertNull(g.names().get(8), "the proposed theme is labelled from its answers");
    for (int i = texts.size() - toilets.size(); i < texts.size(); i++) {
      assertEquals(1, records.get(i).themes().size(), texts.get(i));
      assertEquals(8, records.get(i).themes().get(0).theme(), texts.get(i));
    }
    List<String> labels = new ArrayList<>(members.keySet());
    for (int i = 0; i < old.size(); i++)
      assertEquals(old.get(i)[0], labels.get(records.get(i).themes().get(0).theme()), texts.get(i));
    assertEquals(0, records.get(old.size()).themes().get(0).theme(), "the late EHCP answer");
  }

  private static List<String[]> rows(String name) throws Exception {
    List<String[]> out = new ArrayList<>();
    try (Reader r =
        new InputStreamReader(
            AssignToCodeframeTest.class.getResourceAsStream(
                "/org/yousaid/analysis/theme/codeframe/" + name),
            StandardCharsets.UTF_8)) {
      for (CSVRecord rec :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r))
        out.add(new String[] {rec.get(0), rec.get(1)});
    }
    return out;
  }
}
