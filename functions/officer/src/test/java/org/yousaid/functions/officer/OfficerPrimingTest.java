package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The SnapStart priming hook's work runs without AWS: no network, no DynamoDB, no Cognito. */
class OfficerPrimingTest {

  @Test
  void primingVerifiesATokenAndRendersTheOfficerPages() {
    // sign-in (redirect to Cognito), dashboard, responses, themes, report, CSV download
    assertEquals(List.of(303, 200, 200, 200, 200, 200), OfficerPriming.prime());
  }
}
