package org.yousaid.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.EffectiveThemes;
import org.yousaid.shared.themes.RunChanges;
import org.yousaid.shared.themes.StoredTheme;
import org.yousaid.shared.themes.ThemeCorrection;
import org.yousaid.shared.themes.ThemeCorrection.Kind;

/**
 * Corrections on a run that already holds them (a re-run over the officer's corrected themes): they
 * are not applied twice, quotes and "we did" entries follow theme ids through merges, proposed
 * themes wait for the officer, and what officers placed by hand is reported for the next run.
 */
class CorrectedRunsTest {

  private static StoredTheme theme(String id, String label, boolean other, boolean proposed) {
    return new StoredTheme(id, label, "", List.of(), 0, 0, 0, 0, 0, null, 0, 0, other, proposed);
  }

  private static AnswerAnalysis answer(String id, String... themes) {
    return new AnswerAnalysis(id, "text of " + id, "neutral", List.of(themes), null);
  }

  private static ThemeCorrection c(
      String n, Kind kind, String theme, String target, List<String> responses, String text) {
    return new ThemeCorrection(
        "01J" + n + "ABCDEFGHJKMNPQRSTV",
        "q",
        "officer@x",
        Instant.EPOCH,
        kind,
        theme,
        target,
        responses,
        text,
        kind == Kind.WE_DID ? "done" : null,
        null);
  }

  /** The officer's history on the first run (t1, t2, t3, other). */
  private final List<ThemeCorrection> history =
      List.of(
          c("0001", Kind.RENAME, "t1", null, List.of(), "Transport"),
          c("0002", Kind.APPROVE_QUOTE, "t3", null, List.of("r6"), null),
          c("0003", Kind.MERGE, "t3", "t2", List.of(), null),
          c("0004", Kind.MOVE, "t1", "t2", List.of("r2"), null),
          c("0005", Kind.WE_DID, "t1", null, List.of(), "New buses"),
          c("0006", Kind.APPROVE_QUOTE, "t1", null, List.of("r1"), null));

  private static final String BASELINE = "01J0006ABCDEFGHJKMNPQRSTV";

  @Test
  void aRunHoldingTheCorrectionsIsNotCorrectedTwice() {
    // The re-run: t1 keeps its id and the officer's label; t3 was merged into t2, r2 was placed in
    // t2; the classifier put r3 (a plain member of t1 before) into t2 as well.
    var rerun =
        List.of(
            theme("t1", "Transport", false, false),
            theme("t2", "Key worker", false, false),
            theme("other", "Other", true, false));
    var answers =
        List.of(
            answer("r1", "t1"),
            answer("r2", "t2"),
            answer("r3", "t1", "t2"),
            answer("r6", "t2"),
            answer("r7", "other"));
    var result = EffectiveThemes.apply(rerun, answers, history, Set.of("r1", "r6"), BASELINE);
    assertTrue(result.skipped().isEmpty(), "held corrections are not reported as skipped");
    var t1 = byId(result, "t1");
    assertEquals("Transport", t1.label());
    assertEquals(List.of("r1", "r3"), t1.memberIds(), "the held move is not applied again");
    assertEquals(Set.of("r1"), t1.quotes().keySet());
    assertEquals("New buses", t1.weDid().text());
    var t2 = byId(result, "t2");
    assertEquals(Set.of("r6"), t2.quotes().keySet(), "a quote approved in t3 follows it into t2");
  }

  @Test
  void correctionsAfterTheBaselineStillApply() {
    var rerun =
        List.of(theme("t1", "Transport", false, false), theme("t2", "Key worker", false, false));
    var answers = List.of(answer("r1", "t1"), answer("r2", "t2"));
    var later = new java.util.ArrayList<>(history);
    later.add(c("0007", Kind.RENAME, "t2", null, List.of(), "A named key worker"));
    var result = EffectiveThemes.apply(rerun, answers, later, Set.of(), BASELINE);
    assertEquals("A named key worker", byId(result, "t2").label());
    assertEquals("Transport", byId(result, "t1").label());
  }

  @Test
  void placementsFollowMergesForTheNextRun() {
    var first =
        List.of(
            theme("t1", "a", false, false),
            theme("t2", "b", false, false),
            theme("t3", "c", false, false));
    var answers =
        List.of(answer("r1", "t1"), answer("r2", "t1"), answer("r3", "t3"), answer("r6", "t3"));
    var result = EffectiveThemes.apply(first, answers, history, Set.of("r1", "r6"));
    assertEquals(Set.of("t2"), result.placements().get("r2"), "moved to t2");
    assertEquals(Set.of("t1"), result.movedOut().get("r2"), "and out of t1");
    assertEquals(Set.of("t2"), result.placements().get("r6"), "quoted in t3, now t2");
    assertEquals(Set.of("t1"), result.placements().get("r1"));
    assertFalse(
        result.placements().containsKey("r3"), "the classifier's choice, not the officer's");
  }

  @Test
  void proposedThemesWaitForTheOfficer() {
    var themes =
        List.of(
            theme("t1", "Transport", false, false),
            theme("p1", "College places", false, true),
            theme("p2", "Parking", false, true));
    var answers =
        List.of(answer("r1", "t1"), answer("r2", "p1"), answer("r3", "p2"), answer("r4", "p2"));
    var open = EffectiveThemes.apply(themes, answers, List.of(), Set.of());
    assertTrue(byId(open, "p1").proposed());
    var decided =
        EffectiveThemes.apply(
            themes,
            answers,
            List.of(
                c("0001", Kind.ACCEPT_THEME, "p1", null, List.of(), null),
                c("0002", Kind.REJECT_THEME, "p2", null, List.of("r3", "r4"), null),
                c("0003", Kind.REJECT_THEME, "t1", null, List.of("r1"), null)),
            Set.of());
    assertFalse(byId(decided, "p1").proposed(), "accepted: one of the officer's themes");
    assertEquals(null, byId(decided, "p2"), "rejected: gone");
    assertEquals(List.of("r3", "r4"), byId(decided, "other").memberIds(), "its answers in Other");
    assertEquals(Set.of("r3", "r4"), decided.declined());
    assertEquals(1, decided.skipped().size(), "only a proposal can be rejected");
    assertFalse(byId(decided, "t1").proposed());
  }

  @Test
  void runChangesCountAddedRemovedMovedAndKept() {
    var before =
        EffectiveThemes.apply(
            List.of(theme("t1", "a", false, false), theme("t2", "b", false, false)),
            List.of(answer("r1", "t1"), answer("r2", "t1"), answer("r3", "t2"), answer("r4", "t2")),
            List.of(),
            Set.of());
    var after =
        EffectiveThemes.apply(
            List.of(
                theme("t1", "a", false, false),
                theme("t2", "b", false, false),
                theme("p1", "c", false, true)),
            List.of(answer("r1", "t1"), answer("r2", "t2"), answer("r3", "t2"), answer("r5", "p1")),
            List.of(),
            Set.of());
    var changes =
        RunChanges.between(
            before, Set.of("r1", "r2", "r3", "r4"), after, Set.of("r1", "r2", "r3", "r5"));
    assertEquals(List.of("r5"), changes.added());
    assertEquals(List.of("r4"), changes.removed());
    assertEquals(1, changes.moved().size());
    assertEquals("r2", changes.moved().get(0).responseId());
    assertEquals(List.of("t1"), changes.moved().get(0).fromThemeIds());
    assertEquals(Map.of("t1", 0.5, "t2", 1.0), changes.kept());
    assertEquals("p1", changes.proposed().get(0).id());
  }

  private static EffectiveThemes.Theme byId(EffectiveThemes.Result r, String id) {
    return r.themes().stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
  }
}
