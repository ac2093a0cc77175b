package org.yousaid.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.Answer;
import org.yousaid.analysis.ThemingEngine;
import org.yousaid.analysis.represent.ThemeSpace;
import org.yousaid.analysis.theme.SubThemeSplit;

/**
 * The sub-theme criterion on real answers and real embeddings (the respite answers: three crisp
 * topics of 12 answers, which no setting was tuned on): a theme that mixes two topics splits along
 * them, a theme about one topic does not, and a theme too small for two parts of 5 never splits.
 */
class SubThemeSplitTest {
  private static List<AnswerRecord> records;
  private static ThemeSpace space;

  @BeforeAll
  static void prepare() throws Exception {
    List<Answer> answers = new ArrayList<>();
    try (Reader r =
        new InputStreamReader(
            SubThemeSplitTest.class.getResourceAsStream("/respite-answers.csv"),
            StandardCharsets.UTF_8)) {
      for (CSVRecord rec :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r))
        if (!rec.get("text").isBlank() && !rec.get("text").equals("n/a"))
          answers.add(new Answer(rec.get("id"), rec.get("text")));
    }
    records = AnswerRecord.of(answers);
    new Normalise().apply(records);
    new CheckLanguage(true).apply(records);
    new Annotate(TestModels.annotator(false)).apply(records);
    Redact.themingOnly().apply(records);
    Embed.with(TestModels.embedder(), null).apply(records);
    space =
        new Represent(TestModels.embedder().dimension(), ThemingEngine.DEFAULT_EMBEDDING_WEIGHT)
            .apply(records);
  }

  /** The records whose ids start with one of these topic letters (r, p or c). */
  private static int[] topics(String letters, int perTopic) {
    Map<Character, Integer> taken = new HashMap<>();
    return records.stream()
        .filter(r -> letters.indexOf(r.answer().id().charAt(0)) >= 0)
        .filter(r -> taken.merge(r.answer().id().charAt(0), 1, Integer::sum) <= perTopic)
        .mapToInt(AnswerRecord::index)
        .toArray();
  }

  private static SubThemeSplit.Result split(int[] members) {
    long[] keys =
        IntStream.of(members)
            .mapToLong(i -> DiscoverThemes.key(records.get(i).answer().id()))
            .toArray();
    return new SubThemeSplit().split(space, members, keys);
  }

  @Test
  void aThemeMixingTwoTopicsSplitsAlongThem() {
    for (String pair : List.of("rp", "rc", "pc")) {
      int[] members = topics(pair, 12);
      SubThemeSplit.Result result = split(members);
      assertTrue(result.split(), pair + ": " + result.reason() + " " + result.separation());
      assertTrue(result.parts() >= 2, pair);
      // each part is one topic (a topic may be cut in two): at most one of the 24 answers is in a
      // part of the other topic (c4, "should not cut funding for respite", is about both)
      Map<String, Integer> together = new HashMap<>();
      for (int m = 0; m < members.length; m++)
        together.merge(
            result.labels()[m] + "/" + records.get(members[m]).answer().id().charAt(0),
            1,
            Integer::sum);
      Map<String, Integer> largestPerPart = new HashMap<>();
      together.forEach((key, n) -> largestPerPart.merge(key.split("/")[0], n, Math::max));
      int majority = largestPerPart.values().stream().mapToInt(x -> x).sum();
      assertTrue(members.length - majority <= 1, pair + ": parts " + together);
    }
  }

  @Test
  void aThemeAboutOneTopicDoesNotSplit() {
    for (String topic : List.of("r", "p", "c")) {
      SubThemeSplit.Result result = split(topics(topic, 12));
      assertFalse(result.split(), topic + " split, separation " + result.separation());
    }
  }

  @Test
  void aThemeTooSmallForTwoPartsOfFiveNeverSplits() {
    // two crisp topics, 4 + 5 answers: each topic would be a sub-theme, but not one under 5
    for (int perTopic = 1; perTopic <= 4; perTopic++) {
      int[] members = topics("rp", perTopic);
      SubThemeSplit.Result result = split(members);
      assertFalse(result.split(), members.length + " answers split");
    }
    int[] nine =
        IntStream.concat(IntStream.of(topics("r", 5)), IntStream.of(topics("p", 4))).toArray();
    assertFalse(split(nine).split(), "9 answers split");
    // a split with a part under 5 is refused even when the parts are clear: 10 = 7 + 3
    int[] sevenAndThree =
        IntStream.concat(IntStream.of(topics("r", 7)), IntStream.of(topics("c", 3))).toArray();
    assertFalse(split(sevenAndThree).split(), "7 + 3 split");
  }
}
