package org.yousaid.analysis.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Where an answer turns, and which side carries its point. */
class ContrastTest {
  @Test
  void thePointFollowsButAndHowever() {
    assertEquals(
        new Contrast("The SENCO is lovely", "nothing happens"),
        Contrast.of("The SENCO is lovely but nothing happens"));
    assertEquals(
        new Contrast("school have been supportive", "the plan is still not finished"),
        Contrast.of("school have been supportive, however the plan is still not finished"));
    assertEquals(
        new Contrast("Staff are kind.", "the plan came 6 months late."),
        Contrast.of("Staff are kind. But the plan came 6 months late."));
  }

  @Test
  void theLastTurnCarriesThePoint() {
    assertEquals(
        new Contrast("good school but far away", "they do pick him up"),
        Contrast.of("good school but far away but they do pick him up"));
  }

  @Test
  void anOpeningConcessionGivesWayToWhatFollowsTheComma() {
    assertEquals(
        new Contrast("the team are friendly", "nothing ever gets done"),
        Contrast.of("although the team are friendly, nothing ever gets done"));
    assertEquals(
        new Contrast("all the meetings", "we still have no plan"),
        Contrast.of("Despite all the meetings; we still have no plan"));
  }

  @Test
  void regretWordsStayWithThePointTheyOpen() {
    assertEquals(
        new Contrast("lovely staff", "shame about the waiting list"),
        Contrast.of("lovely staff, shame about the waiting list"));
  }

  @Test
  void noTurnOrASideTooShortToReadIsNoContrast() {
    assertNull(Contrast.of("the caseworker was brilliant and kept us updated"));
    assertNull(Contrast.of("but why"), "nothing before the turn");
    assertNull(Contrast.of("fine but"), "nothing after it");
    assertNull(Contrast.of("good but slow"), "one word each side: the whole answer says it");
    assertNull(Contrast.of("a butterfly garden would help"), "'but' inside a word");
  }
}
