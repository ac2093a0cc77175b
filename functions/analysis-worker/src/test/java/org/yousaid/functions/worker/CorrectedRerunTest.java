package org.yousaid.functions.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.AnalysedAnswer;
import org.yousaid.analysis.CodeframeTheme;
import org.yousaid.analysis.Sentiment;
import org.yousaid.analysis.Theme;
import org.yousaid.analysis.ThemeMembership;
import org.yousaid.analysis.ThemeResult;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.EffectiveThemes;
import org.yousaid.shared.themes.StoredTheme;
import org.yousaid.shared.themes.ThemeCorrection;
import org.yousaid.shared.themes.ThemeCorrection.Kind;

/**
 * The officer's corrected themes as the codeframe, and the classifier's answer mapped back onto
 * them: ids and labels kept, the officer's placements winning over the classifier, proposals with
 * fresh ids. The engine's result is given here, so each rule is tested on its own.
 */
class CorrectedRerunTest {

  private static StoredTheme theme(String id, String label, boolean other) {
    return new StoredTheme(id, label, "", List.of("k"), 0, 0, 0, 0, 0, null, 0, 0, other);
  }

  private static ThemeCorrection c(String n, Kind kind, String theme, String target, String... r) {
    return new ThemeCorrection(
        "01J" + n + "ABCDEFGHJKMNPQRSTV",
        "q",
        "o",
        Instant.EPOCH,
        kind,
        theme,
        target,
        List.of(r),
        kind == Kind.RENAME ? "Transport" : kind == Kind.WE_DID ? "New buses" : null,
        kind == Kind.WE_DID ? "done" : null,
        null);
  }

  /** Officer's view: T1 "Transport" (r1, r2 moved in, r3), T2 "Key worker" (r4, r5). */
  private final EffectiveThemes.Result finalised =
      EffectiveThemes.apply(
          List.of(
              theme("T1", "bus", false),
              theme("T2", "Key worker", false),
              theme("other", "Other", true)),
          List.of(
              new AnswerAnalysis("r1", "the bus is late", "negative", List.of("T1"), null),
              new AnswerAnalysis("r2", "taxi driver rude", "negative", List.of("T2"), null),
              new AnswerAnalysis("r3", "school bus ok", "positive", List.of("T1"), null),
              new AnswerAnalysis("r4", "a named worker", "neutral", List.of("T2"), null),
              new AnswerAnalysis("r5", "someone to call", "neutral", List.of("T2"), null)),
          List.of(
              c("0001", Kind.RENAME, "T1", null),
              c("0002", Kind.MOVE, "T2", "T1", "r2"),
              c("0003", Kind.APPROVE_QUOTE, "T2", null, "r5"),
              c("0004", Kind.WE_DID, "T1", null)),
          Set.of("r5"));

  private static Theme engineTheme(
      String id, String label, String description, List<String> m, boolean other) {
    return new Theme(
        id,
        label,
        description,
        List.of("k"),
        m,
        m.size(),
        0,
        null,
        m.get(0),
        m.size() - 1,
        0,
        other);
  }

  private static AnalysedAnswer answer(String id, String... themes) {
    return new AnalysedAnswer(
        id,
        "text " + id,
        Sentiment.NEUTRAL,
        java.util.Arrays.stream(themes).map(t -> new ThemeMembership(t, 0.9)).toList(),
        null,
        false);
  }

  @Test
  void theCorrectedThemesAreTheCodeframeWithWhatTheOfficerPlacedAsExamples() {
    CorrectedRerun rerun = new CorrectedRerun(finalised);
    assertTrue(rerun.applies());
    Map<String, String> redacted = new LinkedHashMap<>();
    for (String r : List.of("r1", "r2", "r3", "r4", "r5")) {
      redacted.put(r, "text " + r);
    }
    List<CodeframeTheme> codes = rerun.codeframe(redacted).codes();
    assertEquals(
        List.of("Transport", "Key worker"), codes.stream().map(CodeframeTheme::name).toList());
    assertEquals("text r2", codes.get(0).examples().get(0), "the moved answer leads its examples");
    assertTrue(codes.get(0).examples().containsAll(List.of("text r1", "text r3")));
  }

  @Test
  void theOfficersIdsLabelsAndPlacementsWinOverTheClassifier() {
    ThemeResult engine =
        new ThemeResult(
            List.of(
                engineTheme("C1", "Transport", "3 answers", List.of("r1", "r3", "r6"), false),
                engineTheme(
                    "C2", "Key worker", "4 answers", List.of("r2", "r4", "r5", "r7"), false),
                engineTheme(
                    "C3",
                    "Parking at school",
                    "Proposed new theme (these answers fit no code of the codeframe): ...",
                    List.of("r8", "r9"),
                    false),
                engineTheme("other", "Other", "", List.of("r10"), true)),
            List.of(
                answer("r1", "C1"),
                answer("r2", "C2"), // the classifier disagrees with the officer's move
                answer("r3", "C1"),
                answer("r4", "C2"),
                answer("r5", "C3"), // a quoted answer the classifier would propose elsewhere
                answer("r6", "C1"), // new
                answer("r7", "C2"), // new
                answer("r8", "C3"),
                answer("r9", "C3"),
                answer("r10", "other")),
            3,
            Map.of());
    CorrectedRerun.Outcome outcome =
        new CorrectedRerun(finalised).map(engine, "01JRUNABCDEF123456");
    Map<String, List<String>> themesOf = new LinkedHashMap<>();
    outcome.answers().forEach(a -> themesOf.put(a.responseId(), a.themeIds()));
    assertEquals(
        List.of("T1"), themesOf.get("r2"), "moved by the officer: stays, and not back in T2");
    assertEquals(List.of("T2"), themesOf.get("r5"), "quoted in T2: stays, not proposed elsewhere");
    assertEquals(List.of("T1"), themesOf.get("r6"));
    assertEquals(List.of("p123456-1"), themesOf.get("r8"), "a proposal gets an id of this run");
    StoredTheme t1 = byId(outcome, "T1");
    assertEquals("Transport", t1.label());
    assertEquals(4, t1.count()); // r1 r2 r3 r6
    assertFalse(t1.proposed());
    StoredTheme proposal = byId(outcome, "p123456-1");
    assertTrue(proposal.proposed());
    assertEquals("Parking at school", proposal.label());
    assertTrue(byId(outcome, "other").other());
  }

  @Test
  void aCorrectedThemeNoAnswerFitsAnyMoreIsKept() {
    ThemeResult engine =
        new ThemeResult(
            List.of(engineTheme("C1", "Transport", "", List.of("r1", "r3"), false)),
            List.of(answer("r1", "C1"), answer("r3", "C1")),
            1,
            Map.of());
    CorrectedRerun.Outcome outcome = new CorrectedRerun(finalised).map(engine, "01JRUN");
    StoredTheme keyWorker = byId(outcome, "T2");
    assertEquals("Key worker", keyWorker.label(), "kept, so its quotes and we did have a home");
    assertEquals(0, keyWorker.count());
  }

  private static StoredTheme byId(CorrectedRerun.Outcome o, String id) {
    return o.themes().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }
}
