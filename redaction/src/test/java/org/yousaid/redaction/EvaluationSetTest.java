package org.yousaid.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yousaid.redaction.eval.LabelledAnswer;
import org.yousaid.redaction.eval.RedactionScore;

/**
 * The rules on the development half of the labelled set (the held-out half is only run by the
 * benchmark). Guards against a change that quietly loses recall or precision.
 */
class EvaluationSetTest {

  @Test
  void marksParseIntoSpansOfTheCleanText() {
    LabelledAnswer a = LabelledAnswer.parse("my son [[name:jack]] goes to [[school:Oak Academy]].");
    assertEquals("my son jack goes to Oak Academy.", a.text());
    assertEquals(
        List.of(
            new PersonalDataSpan(PersonalDataKind.NAME, 7, 11),
            new PersonalDataSpan(PersonalDataKind.SCHOOL, 20, 31)),
        a.gold());
  }

  @Test
  void devHalfRecallAndPrecision() throws Exception {
    RedactionScore score = new RedactionScore();
    List<LabelledAnswer> answers = LabelledAnswer.read(Path.of("eval/dev.txt"));
    assertTrue(answers.size() > 200);
    for (LabelledAnswer a : answers) {
      score.add(a.text(), a.gold(), Redaction.standard().find(a.text()));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> all = (Map<String, Object>) score.table().get("all");
    assertTrue((Double) all.get("recall") >= 0.98, () -> "recall " + all);
    assertTrue((Double) all.get("precision") >= 0.98, () -> "precision " + all);
  }
}
