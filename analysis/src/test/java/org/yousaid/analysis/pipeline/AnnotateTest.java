package org.yousaid.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.nlp.Token;

class AnnotateTest {
  private static final String TEXT = "Oliver Bennett was waiting for buses. Transport is late.";

  @Test
  void everyAnswerGetsLemmasSentencesAndNamesInItsOwnOrder() {
    List<AnswerRecord> records = TestModels.checked(TEXT, "n/a", "Respite helps.");
    new Annotate(TestModels.annotator(true)).apply(records);
    List<Token> tokens = records.get(0).annotated().tokens();
    assertEquals(TEXT, records.get(0).annotated().text());
    assertTrue(tokens.stream().anyMatch(t -> t.word().equals("buses") && t.lemma().equals("bus")));
    assertEquals(1, tokens.get(tokens.size() - 1).sentence(), "two sentences");
    assertTrue(tokens.stream().filter(Token::isPerson).count() >= 2, "NER finds the name");
    assertEquals("n/a", records.get(1).annotated().text(), "non-answers are annotated too");
    assertEquals("Respite helps.", records.get(2).annotated().text());
  }

  @Test
  void withoutNerNoTokenIsAPerson() {
    List<AnswerRecord> records = TestModels.checked(TEXT);
    new Annotate(TestModels.annotator(false)).apply(records);
    assertFalse(records.get(0).annotated().tokens().stream().anyMatch(Token::isPerson));
  }
}
