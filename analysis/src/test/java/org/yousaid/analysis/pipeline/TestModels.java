package org.yousaid.analysis.pipeline;

import java.util.List;
import org.yousaid.analysis.Answer;
import org.yousaid.analysis.nlp.CoreNlpAnnotator;
import org.yousaid.analysis.represent.SentenceEmbedder;

/**
 * The real models the stage tests share (loaded once per test JVM: each takes seconds), and records
 * set up as the stages before the one under test would leave them.
 */
final class TestModels {
  private static CoreNlpAnnotator withNames, withoutNames;
  private static SentenceEmbedder embedder;

  private TestModels() {}

  static synchronized CoreNlpAnnotator annotator(boolean names) {
    if (names) {
      if (withNames == null) withNames = new CoreNlpAnnotator(true);
      return withNames;
    }
    if (withoutNames == null) withoutNames = new CoreNlpAnnotator(false);
    return withoutNames;
  }

  static synchronized SentenceEmbedder embedder() {
    if (embedder == null) embedder = new SentenceEmbedder();
    return embedder;
  }

  /** Records of the given texts (ids a0, a1, ...), normalised and language-checked. */
  static List<AnswerRecord> checked(String... texts) {
    List<AnswerRecord> records = records(texts);
    new Normalise().apply(records);
    new CheckLanguage(true).apply(records);
    return records;
  }

  /** ... and annotated with NER, redacted and embedded, as a publishable run leaves them. */
  static List<AnswerRecord> embedded(String... texts) {
    List<AnswerRecord> records = checked(texts);
    new Annotate(annotator(true)).apply(records);
    Redact.themingOnly().apply(records);
    Embed.with(embedder(), null).apply(records);
    return records;
  }

  static List<AnswerRecord> records(String... texts) {
    Answer[] answers = new Answer[texts.length];
    for (int i = 0; i < texts.length; i++) answers[i] = new Answer("a" + i, texts[i]);
    return AnswerRecord.of(List.of(answers));
  }
}
