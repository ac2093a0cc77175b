package org.yousaid.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.structure.Access1D;
import org.yousaid.shared.json.Json;

/**
 * The check that keeps {@link LinearAttacker}'s verdicts honest: what it assumes of the published
 * numbers is evaluated at the true counts, and a truth that breaks an assumption is named, so an
 * infeasible attack is never mistaken for a safe or an unsafe publication.
 */
class LinearAttackerTest {

  static JsonNode version(int version, int responses, String yes, String no) throws IOException {
    return Json.mapper()
        .readTree(
            """
            {"version": %d, "responses": %d, "questions": [
              {"id": "q", "type": "SINGLE_CHOICE", "answered": %d, "options": [%s, %s]}]}
            """
                .formatted(version, responses, responses, yes, no));
  }

  static final String FEWER = "{\"label\": \"Yes\", \"note\": \"fewer than 5\"}";
  static final String NOT_SHOWN = "{\"label\": \"No\", \"note\": \"not shown\"}";

  @Test
  void theTrueCountsSatisfyEverythingTheAttackerAssumes() throws IOException {
    LinearAttacker attacker = new LinearAttacker(true).read(version(1, 12, FEWER, NOT_SHOWN));
    assertEquals(
        List.of(),
        attacker.violatedAt(
            Map.of(
                "v1:responses",
                12L,
                "v1:q/q/answered",
                12L,
                "v1:q/q/option/Yes",
                3L,
                "v1:q/q/option/No",
                9L)));
  }

  @Test
  void aSingleChoiceQuestionWhoseOptionsDoNotAddUpIsNamed() throws IOException {
    LinearAttacker attacker = new LinearAttacker(true).read(version(1, 12, FEWER, NOT_SHOWN));
    List<String> broken =
        attacker.violatedAt(
            Map.of(
                "v1:responses",
                12L,
                "v1:q/q/answered",
                12L,
                "v1:q/q/option/Yes",
                3L,
                "v1:q/q/option/No",
                10L));
    assertEquals(1, broken.size(), broken.toString());
    assertTrue(broken.get(0).contains("v1:q/q/option/No(=10.0)"), broken.get(0));
  }

  @Test
  void aHiddenNumberOutsideWhatItsNoteSaysIsNamed() throws IOException {
    LinearAttacker attacker = new LinearAttacker(true).read(version(1, 12, FEWER, NOT_SHOWN));
    List<String> broken =
        attacker.violatedAt(
            Map.of(
                "v1:responses",
                12L,
                "v1:q/q/answered",
                12L,
                "v1:q/q/option/Yes",
                0L,
                "v1:q/q/option/No",
                12L));
    assertEquals(List.of("v1:q/q/option/Yes is 0.0, assumed 1.0..4.0"), broken);
  }

  /**
   * Erasing answers between two versions makes a count shrink; the attacker assumes counts of
   * people only grow, so on such a history its attack would prove nothing: the check says so.
   */
  @Test
  void aCountThatShrankBetweenVersionsBreaksTheGrowthTheAttackerAssumes() throws IOException {
    String yes = "{\"label\": \"Yes\", \"count\": 6}";
    String no = "{\"label\": \"No\", \"count\": 8}";
    LinearAttacker attacker =
        new LinearAttacker(true)
            .read(version(1, 14, yes, no))
            .read(version(2, 13, yes, "{\"label\": \"No\", \"count\": 7}"))
            .growth(1, 2);
    List<String> broken =
        attacker.violatedAt(
            Map.of(
                "v1:responses",
                14L,
                "v1:q/q/answered",
                14L,
                "v1:q/q/option/Yes",
                6L,
                "v1:q/q/option/No",
                8L,
                "v2:responses",
                13L,
                "v2:q/q/answered",
                13L,
                "v2:q/q/option/Yes",
                6L,
                "v2:q/q/option/No",
                7L));
    assertEquals(3, broken.size(), broken.toString());
    assertTrue(broken.stream().allMatch(b -> b.startsWith("growth ") && b.contains("is -1.0")));
  }

  /**
   * A deliberately weak publication: the answered count is withheld but "Yes" shows its percentage,
   * so with "No" shown as 8 of at most 10 responses, Yes = 2 (19.5% to 20.5% of 8 + Yes). No single
   * relation gives it away; several together do.
   */
  static JsonNode weak() throws IOException {
    return Json.mapper()
        .readTree(
            """
            {"version": 1, "responses": 10, "questions": [
              {"id": "q", "type": "SINGLE_CHOICE", "answeredNote": "not shown", "options": [
                {"label": "Yes", "note": "fewer than 5", "percent": 20},
                {"label": "No", "count": 8}]}]}
            """);
  }

  static final Map<String, Long> WEAK_TRUTH =
      Map.of(
          "v1:responses",
          10L,
          "v1:q/q/answered",
          10L,
          "v1:q/q/option/Yes",
          2L,
          "v1:q/q/option/No",
          8L);

  @Test
  void aHiddenNumberTheOtherNumbersGiveAwayIsPinned() throws IOException {
    LinearAttacker.Result blind = new LinearAttacker(true).read(weak()).attack();
    assertEquals(List.of("v1:q/q/option/Yes = 2"), blind.pinned());
    // The true counts as a point of the program change nothing about what is pinned.
    LinearAttacker.Result witnessed =
        new LinearAttacker(true).read(weak()).witness(WEAK_TRUTH).attack();
    assertEquals(List.of("v1:q/q/option/Yes = 2"), witnessed.pinned());
  }

  @Test
  void theSameQuestionWithTheAnsweredCountShownAndNoPercentageLeavesYesOpen() throws IOException {
    JsonNode safe =
        version(1, 12, FEWER, NOT_SHOWN); // Yes 1 to 4, No the rest: neither can be worked out
    LinearAttacker.Result r = new LinearAttacker(true).read(safe).attack();
    assertEquals(List.of(), r.pinned());
    assertEquals(1, r.hiddenCells());
  }

  /** A newcomer count between two versions, from numbers each version alone keeps safe. */
  @Test
  void aGrowthOfOneToFourBetweenVersionsIsPinned() throws IOException {
    String yes = "{\"label\": \"Yes\", \"count\": 10}";
    String no = "{\"label\": \"No\", \"count\": 10}";
    LinearAttacker.Result r =
        new LinearAttacker(true)
            .read(version(1, 20, yes, no))
            .read(version(2, 23, "{\"label\": \"Yes\", \"note\": \"not shown\"}", no))
            .growth(1, 2)
            .attack();
    assertTrue(
        r.pinned().contains("growth v1:q/q/option/Yes -> v2:q/q/option/Yes = 3"),
        r.pinned().toString());
    assertEquals(4, r.growths()); // responses, answered, Yes and No
  }

  private static Optimisation.Result failed() {
    return new Optimisation.Result(Optimisation.State.FAILED, 0, Access1D.wrap(new double[0]));
  }

  private static Optimisation.Result zeros(org.ojalgo.optimisation.ExpressionsBasedModel model) {
    return new Optimisation.Result(
        Optimisation.State.OPTIMAL, 0, Access1D.wrap(new double[model.getVariables().size()]));
  }

  /**
   * The first attempt's solver claims an optimum at a point that breaks the relations (every number
   * 0), the second fails: the third way decides the question's numbers as a working solver does, on
   * every solve.
   */
  @Test
  void aSolveThatFailsOrReturnsAPointBreakingARelationIsRetriedAnotherWay() throws IOException {
    LinearAttacker.Solver flaky =
        (model, maximise, attempt) ->
            switch (attempt) {
              case IMPLIED_LEFT_OUT -> zeros(model);
              case EVERY_RELATION -> failed();
              case SPARSE_SOLVER -> LinearAttacker.Solver.OJALGO.solve(model, maximise, attempt);
            };
    LinearAttacker.Result r =
        new LinearAttacker(true).read(version(1, 12, FEWER, NOT_SHOWN)).attack(flaky);
    assertEquals(List.of(), r.pinned());
    assertTrue(r.solves() > 0);
    assertEquals(2 * r.solves() / 3, r.failedAttempts(), "two of every three attempts failed");
  }

  /** A program no attempt solves is not reported as giving nothing away. */
  @Test
  void whenEveryAttemptFailsTheAttackFailsInsteadOfPassing() throws IOException {
    LinearAttacker attacker = new LinearAttacker(true).read(version(1, 12, FEWER, NOT_SHOWN));
    AssertionError e =
        assertThrows(AssertionError.class, () -> attacker.attack((m, max, a) -> failed()));
    assertTrue(e.getMessage().startsWith("no attempt reached a verified optimum"), e.getMessage());
  }

  /** Nor is one where the solver's every "optimum" breaks a relation: its word is not taken. */
  @Test
  void aSolverWhoseOptimaBreakTheRelationsIsNotBelieved() throws IOException {
    LinearAttacker attacker = new LinearAttacker(true).read(version(1, 12, FEWER, NOT_SHOWN));
    AssertionError e =
        assertThrows(AssertionError.class, () -> attacker.attack((m, max, a) -> zeros(m)));
    assertTrue(e.getMessage().startsWith("no attempt reached a verified optimum"), e.getMessage());
  }

  @Test
  void trueCountsThatBreakTheModelAreRefusedAsAWitness() {
    Map<String, Long> wrong = new java.util.HashMap<>(WEAK_TRUTH);
    wrong.put("v1:q/q/option/No", 7L);
    assertThrows(AssertionError.class, () -> new LinearAttacker(true).read(weak()).witness(wrong));
  }
}
