package org.yousaid.analysis.theme;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.nlp.AnnotatedText;
import org.yousaid.analysis.nlp.CoreNlpAnnotator;

/** Key phrases and topics of a theme, with real CoreNLP. */
class KeyPhraseExtractorTest {

  /**
   * A theme's sentence says what its answers are about: "long", "stop" or "amazing" are among its
   * key words, but "most often about long, stop and amazing" says nothing an officer can use.
   */
  @Test
  void textSpeakIsNeverAKeyTerm() {
    List<String> texts =
        List.of(
            "idk, the plan took ages",
            "idk really, plan was late tbh",
            "lol the plan never came",
            "idk who to ask about the plan",
            "The taxi to school was late again.");
    KeyPhraseExtractor extractor =
        new KeyPhraseExtractor(new CoreNlpAnnotator(false).annotateAll(texts));
    List<Integer> members = IntStream.range(0, 4).boxed().toList();
    for (String term : extractor.keyPhrases(members, 8))
      for (String filler : List.of("idk", "tbh", "lol"))
        assertFalse(
            List.of(term.toLowerCase(java.util.Locale.ROOT).split("\\s+")).contains(filler), term);
  }

  @Test
  void topicsAreNounsAndNounPhrasesOnly() {
    List<String> texts =
        List.of(
            "The annual review was long and nothing changed in the plan.",
            "Speech therapy stopped and the wait was long.",
            "The review meeting was amazing but took long.",
            "Physio stopped when he left hospital, the wait is long.",
            "Our short breaks were amazing this year.",
            "The taxi to school was late again.");
    List<AnnotatedText> annotated = new CoreNlpAnnotator(false).annotateAll(texts);
    KeyPhraseExtractor extractor = new KeyPhraseExtractor(annotated);
    List<Integer> members = IntStream.range(0, 4).boxed().toList();
    List<String> keyPhrases = extractor.keyPhrases(members, 8);
    List<String> topics = extractor.topics(members, 8);
    assertTrue(
        keyPhrases.contains("long"), "the key phrases keep every content word: " + keyPhrases);
    assertFalse(topics.isEmpty(), "the theme has topics");
    for (String word : List.of("long", "stop", "amazing", "leave", "change"))
      assertFalse(topics.contains(word), word + " is no topic: " + topics);
    assertTrue(topics.contains("review") || topics.contains("wait"), topics.toString());
  }
}
