package org.yousaid.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkNearDuplicatesTest {
  private static final String CAMPAIGN =
      "I object to the proposed cuts to short breaks because they will leave disabled children "
          + "and their families without the support they need to cope.";

  @Test
  void campaignCopiesShareAGroupAndOtherAnswersHaveNone() {
    List<AnswerRecord> records =
        TestModels.checked(
            CAMPAIGN,
            "More respite",
            "  " + CAMPAIGN.replace("I object", "I  \u201Cobject\u201D") + " Thank you.",
            "Completely different answer about holiday playschemes for older children in summer",
            "More respite",
            "n/a");
    new MarkNearDuplicates().apply(records);
    assertTrue(records.get(0).nearDuplicateGroup() >= 0);
    assertEquals(records.get(0).nearDuplicateGroup(), records.get(2).nearDuplicateGroup());
    assertEquals(-1, records.get(1).nearDuplicateGroup(), "short answers are not a campaign");
    assertEquals(-1, records.get(3).nearDuplicateGroup());
    assertEquals(-1, records.get(4).nearDuplicateGroup());
    assertEquals(-1, records.get(5).nearDuplicateGroup());
  }
}
