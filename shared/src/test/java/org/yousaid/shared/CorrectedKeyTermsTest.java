package org.yousaid.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.themes.AnalysisStatus;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.ConsultationThemes.AnalysedQuestion;
import org.yousaid.shared.themes.EffectiveThemes;
import org.yousaid.shared.themes.QuestionAnalysis;
import org.yousaid.shared.themes.StoredTheme;
import org.yousaid.shared.themes.ThemeCorrection;
import org.yousaid.shared.themes.ThemeCorrection.Kind;

/**
 * A theme an officer corrects (or loses an erased answer) reads as a run would describe its answers
 * now: key terms found again from the members' stored phrases, never from answers that left it; the
 * run's sentence is held back, with a flag the pages turn into a note; where the phrases were not
 * kept, the key terms are marked pending rather than shown stale. Expected key terms are worked out
 * by hand from the engine's score (in-theme rate x log(1 + rate / overall rate), x1.3 for a phrase
 * of two or more words, ties alphabetical, a phrase inside a better one left out).
 */
class CorrectedKeyTermsTest {

  private static final String TRANSPORT_SENTENCE =
      "3 answers (50% of answers), most often about bus and driver; only 1 of these 3 answers uses"
          + " the label's words.";

  private final List<StoredTheme> themes =
      List.of(
          new StoredTheme(
              "t1",
              "Transport",
              TRANSPORT_SENTENCE,
              List.of("bus", "driver"),
              3,
              0.5,
              0,
              0,
              0,
              "r1",
              2,
              0,
              false),
          new StoredTheme(
              "t2",
              "EHC plans",
              "3 answers about plans.",
              List.of("plan"),
              3,
              0.5,
              0,
              0,
              0,
              "r4",
              2,
              0,
              false),
          new StoredTheme(
              "t2a",
              "Waiting",
              "2 of this theme's answers.",
              List.of("wait"),
              2,
              0.33,
              0,
              0,
              0,
              "r4",
              1,
              0,
              false,
              false,
              "t2"));

  private static AnswerAnalysis answer(String id, List<String> themeIds, String... phrases) {
    return new AnswerAnalysis(id, "text " + id, "neutral", themeIds, null, List.of(phrases));
  }

  private final List<AnswerAnalysis> answers =
      List.of(
          answer("r1", List.of("t1"), "bus", "late", "school bus"),
          answer("r2", List.of("t1"), "driver", "taxi"),
          answer("r3", List.of("t1"), "bus", "driver", "transport"),
          answer("r4", List.of("t2", "t2a"), "ehc plan", "plan", "wait"),
          answer("r5", List.of("t2", "t2a"), "assessment", "plan", "wait"),
          answer("r6", List.of("t2"), "caseworker", "plan"));

  private static ThemeCorrection c(
      String id, Kind kind, String theme, String target, List<String> responses, String text) {
    return new ThemeCorrection(
        "01J" + id + "ABCDEFGHJKMNPQRSTV",
        "q",
        "officer@x",
        Instant.EPOCH,
        kind,
        theme,
        target,
        responses,
        text,
        null,
        null);
  }

  private EffectiveThemes.Result apply(List<AnswerAnalysis> held, ThemeCorrection... corrections) {
    return EffectiveThemes.apply(themes, held, List.of(corrections), Set.of());
  }

  private static EffectiveThemes.Theme find(EffectiveThemes.Result r, String id) {
    return EffectiveThemes.flatten(r.themes()).stream()
        .filter(t -> t.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private AnalysedQuestion question(List<AnswerAnalysis> held, EffectiveThemes.Result r) {
    QuestionAnalysis run =
        new QuestionAnalysis(
            "c",
            "k",
            "q",
            "run1",
            AnalysisStatus.DONE,
            null,
            null,
            null,
            held.size(),
            themes,
            null);
    return new AnalysedQuestion(
        Question.freeText("q", "What could be better?", null, false, 500), run, held, r);
  }

  @Test
  void untouchedThemesKeepTheRunsKeyTermsAndSentence() {
    var r = apply(answers);
    for (EffectiveThemes.Theme t : EffectiveThemes.flatten(r.themes())) {
      assertFalse(t.membersChanged(), t.id());
      assertFalse(t.keyTermsPending(), t.id());
    }
    assertEquals(List.of("bus", "driver"), find(r, "t1").keyTerms());
    assertEquals(TRANSPORT_SENTENCE, question(answers, r).description(find(r, "t1")));
  }

  @Test
  void aMovedAnswerTakesItsWordsToItsNewTheme() {
    var r = apply(answers, c("0001", Kind.MOVE, "t2", "t1", List.of("r6"), null));
    EffectiveThemes.Theme transport = find(r, "t1");
    EffectiveThemes.Theme plans = find(r, "t2");
    // t1 (r1, r2, r3, r6): bus and driver 0.5 x ln 2.5; school bus holds bus; then the 0.25s
    assertEquals(List.of("bus", "driver", "caseworker", "late", "taxi"), transport.keyTerms());
    // t2 (r4, r5): wait 1 x ln 4, plan 1 x ln 3; ehc plan holds plan; assessment 0.5 x ln 4
    assertEquals(List.of("wait", "plan", "assessment"), plans.keyTerms());
    assertFalse(plans.keyTerms().contains("caseworker"), "no word of an answer that moved away");
    assertTrue(transport.membersChanged() && plans.membersChanged());
    assertFalse(transport.keyTermsPending() || plans.keyTermsPending());
    // the sub-theme kept its answers, but its sentence gives its share of a theme that changed
    EffectiveThemes.Theme waiting = find(r, "t2a");
    assertFalse(waiting.membersChanged());
    assertEquals(List.of("wait"), waiting.keyTerms());
    AnalysedQuestion q = question(answers, r);
    assertNull(q.description(transport));
    assertNull(q.description(waiting));
    assertFalse(q.descriptionHolds(waiting));
    assertEquals(4, transport.count());
    assertEquals(3, transport.othersSupport());
  }

  @Test
  void aThemeWhoseExemplarLeftItIsShownByTheAnswerThatUsesMostOfItsKeyTerms() {
    var r = apply(answers, c("0006", Kind.MOVE, "t1", "t2", List.of("r1"), null));
    EffectiveThemes.Theme transport = find(r, "t1");
    // r2 and r3: driver 1 x ln 4, then taxi and transport 0.5 x ln 4, bus 0.5 x ln 2.5
    assertEquals(List.of("driver", "taxi", "transport", "bus"), transport.keyTerms());
    // r3 uses three of them (bus, driver, transport), r2 two
    assertEquals("r3", transport.exemplarId());
    assertEquals(1, transport.othersSupport());
  }

  @Test
  void aSplitThemeGetsKeyTermsOfItsOwnAnswers() {
    ThemeCorrection split = c("0002", Kind.SPLIT, "t1", null, List.of("r2"), "Taxis");
    var r = apply(answers, split);
    EffectiveThemes.Theme taxis = find(r, EffectiveThemes.splitId(split));
    // taxi is in r2 only (1 x ln 7), driver in r2 and r3 (1 x ln 4)
    assertEquals(List.of("taxi", "driver"), taxis.keyTerms());
    assertEquals("r2", taxis.exemplarId());
    // t1 (r1, r3): bus 1 x ln 4 beats the rest; late, school bus, transport and driver follow
    EffectiveThemes.Theme transport = find(r, "t1");
    assertFalse(transport.keyTerms().contains("taxi"), "no word of the answer split away");
    assertEquals("bus", transport.keyTerms().get(0));
    assertNull(question(answers, r).description(taxis));
    assertFalse(question(answers, r).descriptionHolds(taxis));
  }

  @Test
  void aMergedThemeIsDescribedByAllItsAnswers() {
    var r = apply(answers, c("0003", Kind.MERGE, "t1", "t2", List.of(), null));
    EffectiveThemes.Theme merged = find(r, "t2");
    assertEquals(6, merged.count());
    // over the whole question every answer is in it: plan (3 of 6) leads, then bus and driver
    assertEquals(List.of("plan", "bus", "driver", "wait", "assessment"), merged.keyTerms());
    assertTrue(merged.membersChanged());
  }

  @Test
  void aRenameKeepsTheSentenceButNotItsClauseAboutTheOldLabel() {
    var r = apply(answers, c("0004", Kind.RENAME, "t1", null, List.of(), "Getting to school"));
    EffectiveThemes.Theme t = find(r, "t1");
    assertFalse(t.membersChanged());
    assertEquals(
        "3 answers (50% of answers), most often about bus and driver.",
        question(answers, r).description(t));
  }

  @Test
  void anErasedAnswersWordsLeaveTheKeyTermsOfItsTheme() {
    List<AnswerAnalysis> held = new ArrayList<>(answers);
    held.removeIf(a -> a.responseId().equals("r1"));
    var r = apply(held);
    EffectiveThemes.Theme transport = find(r, "t1");
    assertTrue(transport.membersChanged(), "the run described an answer that is gone");
    assertFalse(transport.keyTerms().contains("late"));
    assertFalse(transport.keyTerms().contains("school bus"));
    assertEquals(List.of("driver", "bus", "taxi", "transport"), transport.keyTerms());
    assertNull(question(held, r).description(transport));
  }

  @Test
  void withoutStoredPhrasesACorrectedThemesKeyTermsArePendingNotStale() {
    List<AnswerAnalysis> old =
        answers.stream()
            .map(
                a ->
                    new AnswerAnalysis(
                        a.responseId(),
                        a.redactedText(),
                        a.sentiment(),
                        a.themeIds(),
                        a.nearDuplicateGroup()))
            .toList();
    var r = apply(old, c("0005", Kind.MOVE, "t2", "t1", List.of("r6"), null));
    EffectiveThemes.Theme transport = find(r, "t1");
    assertTrue(transport.keyTermsPending());
    assertEquals(List.of(), transport.keyTerms(), "no key terms of answers it no longer holds");
    // a theme no correction touched keeps the run's key terms
    EffectiveThemes.Theme waiting = find(r, "t2a");
    assertFalse(waiting.keyTermsPending());
    assertEquals(List.of("wait"), waiting.keyTerms());
  }
}
