package org.yousaid.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
}
