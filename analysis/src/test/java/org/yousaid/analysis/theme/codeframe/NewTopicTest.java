package org.yousaid.analysis.theme.codeframe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.CodeframeTheme;
import org.yousaid.analysis.represent.SentenceEmbedder;

/**
 * Issue 13 item 1: a re-run maps answers onto the officer's corrected themes (names, no
 * descriptions, their answers as examples, as the worker passes them) and proposes new themes only
 * for answers that fit none. 45 answers in 8 corrected themes; then two late answers about those
 * themes and five about changing places toilets, which no theme covers.
 */
class NewTopicTest {
  static SentenceEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = new SentenceEmbedder();
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  static final List<String[]> LATE =
      List.of(
          new String[] {
            "still waiting for the EHCP after 30 weeks, nobody from the SEND team replies",
            "EHCP delays and communication"
          },
          new String[] {
            "the saturday club is brilliant but we need overnight respite too",
            "Short breaks and respite"
          });

  /** Rows of a two-column CSV resource beside this class: first column, second column. */
  static List<String[]> rows(String name) throws IOException {
    List<String[]> out = new ArrayList<>();
    try (Reader r =
        new InputStreamReader(
            NewTopicTest.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
      for (CSVRecord rec :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r))
        out.add(new String[] {rec.get(0), rec.get(1)});
    }
    return out;
  }

  /** The officer's 8 themes: label, its 5-7 answers as examples. */
  static List<CodeframeTheme> correctedThemes(List<String[]> answers) {
    Map<String, List<String>> byTheme = new LinkedHashMap<>();
    for (String[] a : answers) byTheme.computeIfAbsent(a[0], x -> new ArrayList<>()).add(a[1]);
    List<CodeframeTheme> codes = new ArrayList<>();
    byTheme.forEach((label, members) -> codes.add(new CodeframeTheme(label, "", members)));
    return codes;
  }

  static List<String> newTopic(String topic) throws IOException {
    return rows("new-topics.csv").stream().filter(r -> r[0].equals(topic)).map(r -> r[1]).toList();
  }

  @Test
  void answersAboutATopicNoCorrectedThemeCoversAreProposedNotForcedIn() throws IOException {
    List<String[]> old = rows("corrected-themes.csv");
    List<CodeframeTheme> codes = correctedThemes(old);
    assertEquals(8, codes.size());
    List<String> texts = new ArrayList<>();
    old.forEach(a -> texts.add(a[1]));
    LATE.forEach(a -> texts.add(a[0]));
    List<String> toilets = newTopic("changing places toilets");
    texts.addAll(toilets);

    CodeframeClassifier c = new CodeframeClassifier(codes, embedder::embed);
    CodeframeClassifier.Result r = c.classify(texts, embedder.embed(texts));

    for (int i = texts.size() - toilets.size(); i < texts.size(); i++)
      assertTrue(r.fitsNoCode(i), "new topic, forced into a theme: " + texts.get(i));
    for (int i = 0; i < old.size(); i++) {
      assertFalse(r.fitsNoCode(i), "the officer's own answer pushed out: " + texts.get(i));
      assertEquals(old.get(i)[0], codes.get(r.assignments().get(i).get(0).code()).name());
    }
    for (int l = 0; l < LATE.size(); l++) {
      int i = old.size() + l;
      assertFalse(r.fitsNoCode(i), "a late answer about a corrected theme: " + texts.get(i));
      assertEquals(LATE.get(l)[1], codes.get(r.assignments().get(i).get(0).code()).name());
    }
  }

  /** Without a new topic, a re-run proposes nothing: no answer of the officer's themes leaves. */
  @Test
  void withoutANewTopicNothingIsProposed() throws IOException {
    List<String[]> old = rows("corrected-themes.csv");
    List<String> texts = new ArrayList<>();
    old.forEach(a -> texts.add(a[1]));
    LATE.forEach(a -> texts.add(a[0]));
    CodeframeClassifier c = new CodeframeClassifier(correctedThemes(old), embedder::embed);
    CodeframeClassifier.Result r = c.classify(texts, embedder.embed(texts));
    for (int i = 0; i < texts.size(); i++) assertFalse(r.fitsNoCode(i), texts.get(i));
  }
}
