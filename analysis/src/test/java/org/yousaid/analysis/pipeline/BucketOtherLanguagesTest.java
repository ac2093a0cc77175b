package org.yousaid.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BucketOtherLanguagesTest {
  @Test
  void onlyAnswersNotInEnglishGoToTheBucketAfterTheOther() {
    List<AnswerRecord> records =
        TestModels.checked(
            "Moje dziecko potrzebuje więcej pomocy w szkole, ale nie ma transportu.",
            "My child needs more help at school.",
            "n/a");
    new BucketOtherLanguages(new Grouping(4, null, null)).apply(records);
    assertEquals(List.of(new Membership(5, 1.0)), records.get(0).themes());
    assertTrue(records.get(1).themes().isEmpty());
    assertTrue(records.get(2).themes().isEmpty());
  }
}
