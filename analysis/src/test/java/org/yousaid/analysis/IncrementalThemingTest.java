package org.yousaid.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.work.AnswerWorkStore;
import org.yousaid.analysis.work.InMemoryAnswerWorkStore;
import org.yousaid.analysis.work.StoredAnswerWork;

/**
 * A re-run with the per-answer work kept in a store analyses only the answers that changed, and
 * gives what a cold run over the same answers gives: the same themes with the same members, the
 * same redacted text and themes for every answer.
 */
class IncrementalThemingTest {
  static ThemingEngine engine;

  @BeforeAll
  static void load() {
    engine = new ThemingEngine();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  /** Counts what each run asked the store to save and delete. */
  static final class Recording implements AnswerWorkStore {
    final InMemoryAnswerWorkStore inner = new InMemoryAnswerWorkStore();
    final List<String> saved = new ArrayList<>(), deleted = new ArrayList<>();

    @Override
    public Map<String, StoredAnswerWork> load() {
      return inner.load();
    }

    @Override
    public void save(List<StoredAnswerWork> entries) {
      entries.forEach(e -> saved.add(e.answerId()));
      inner.save(entries);
    }

    @Override
    public void delete(Collection<String> ids) {
      deleted.addAll(ids);
      inner.delete(ids);
    }

    /** The entries as they were at the last {@link #clear()}. */
    Map<String, StoredAnswerWork> before = Map.of();

    void clear() {
      saved.clear();
      deleted.clear();
      before = inner.load();
    }

    /**
     * Saved are the changed answers, and beside them only answers of unchanged text whose vector
     * was made again: those that shared an embedding batch with a changed answer (the int8 model's
     * vectors depend on their batch), a few.
     */
    void assertRedone(String... changed) {
      assertTrue(saved.containsAll(List.of(changed)), () -> "saved " + saved);
      for (String id : saved) {
        if (List.of(changed).contains(id)) continue;
        assertTrue(before.containsKey(id), id);
        assertEquals(before.get(id).key(), inner.load().get(id).key(), "same text: " + id);
      }
      assertTrue(saved.size() * 4 <= before.size(), () -> "saved " + saved);
    }
  }

  private static final String NEW_ANSWER =
      "Our respite transport was cancelled twice this term and my son missed his short break.";

  @Test
  void addingEditingAndErasingOneAnswerRedoesOnlyThatAnswerAndMatchesAColdRun() {
    List<Answer> answers = new ArrayList<>(TestData.respiteAnswers());
    Recording store = new Recording();
    ThemeOptions options = ThemeOptions.defaults();
    ThemeResult first = engine.theme(answers, options, store);
    assertEquals(answers.size(), store.inner.size(), "one entry per answer after the first run");
    assertEquals(summary(engine.theme(answers, options)), summary(first), "first run = cold run");

    store.clear();
    ThemeResult again = engine.theme(answers, options, store);
    assertEquals(List.of(), store.saved, "nothing changed, nothing analysed again");
    assertFalse(again.stageSeconds().containsKey("corenlp"), "CoreNLP did not run");
    assertFalse(again.stageSeconds().containsKey("embeddings"), "the embedder did not run");
    assertEquals(first.answers(), again.answers(), "every answer's outcome is unchanged");
    assertEquals(summary(first), summary(again));

    store.clear();
    answers.add(new Answer("new1", NEW_ANSWER));
    ThemeResult added = engine.theme(answers, options, store);
    store.assertRedone("new1");
    assertSameAsColdRun(engine.theme(answers, options), added);

    store.clear();
    Answer edited = new Answer("r3", answers.get(2).text() + " She needs the same driver.");
    answers.set(2, edited);
    ThemeResult afterEdit = engine.theme(answers, options, store);
    store.assertRedone("r3");
    assertSameAsColdRun(engine.theme(answers, options), afterEdit);

    store.clear();
    answers.remove(4);
    ThemeResult afterErase = engine.theme(answers, options, store);
    store.assertRedone();
    assertEquals(List.of("r5"), store.deleted, "the erased answer's entry goes");
    assertFalse(store.inner.load().containsKey("r5"));
    assertSameAsColdRun(engine.theme(answers, options), afterErase);
  }

  /**
   * As the worker re-runs: each run is given the run before's themes and sub-themes, so discovery
   * continues them (its count, sub-themes and members). A re-run with the store gives what a run
   * without any store gives for the same answers and the same earlier themes: the same themes,
   * sub-themes, labels, key terms, members and exemplars, and every answer's redacted text, themes,
   * confidences and sentiment ({@link #assertSameAsColdRun}).
   */
  @Test
  void reRunsGivenTheEarlierThemesMatchColdRunsGivenTheSameEarlierThemes() {
    List<Answer> answers = new ArrayList<>(TestData.respiteAnswers());
    Recording store = new Recording();
    ThemeResult last = engine.theme(answers, ThemeOptions.defaults(), store);

    store.clear();
    answers.add(new Answer("new1", NEW_ANSWER));
    ThemeOptions options = earlierThemes(last);
    last = engine.theme(answers, options, store);
    store.assertRedone("new1");
    assertSameAsColdRun(engine.theme(answers, options), last);

    answers.set(2, new Answer("r3", answers.get(2).text() + " She needs the same driver."));
    options = earlierThemes(last);
    last = engine.theme(answers, options, store);
    assertSameAsColdRun(engine.theme(answers, options), last);

    answers.remove(4);
    options = earlierThemes(last);
    last = engine.theme(answers, options, store);
    assertFalse(last.stageSeconds().containsKey("corenlp"));
    assertSameAsColdRun(engine.theme(answers, options), last);
  }

  /**
   * The whole result, to the bit: a re-run with the stored work after one answer is added, edited
   * or erased gives exactly what a run with no stored work gives over the same answers and the same
   * earlier themes — themes, sub-themes, labels, key terms, members, exemplars, and every answer's
   * themes with their confidences and its sentiment. Over 150 answers (several embedding batches),
   * so that reused vectors sit beside batches run afresh; and the re-runs must reuse most of them.
   */
  @Test
  void aReRunGivesExactlyWhatARunWithoutStoredWorkGives() {
    List<Answer> answers = manyAnswers();
    Recording store = new Recording();
    ThemeResult last = engine.theme(answers, ThemeOptions.defaults(), store);

    store.clear();
    answers.add(new Answer("new1", NEW_ANSWER));
    last = assertReRunIsExact(answers, earlierThemes(last), store);
    assertTrue(store.saved.contains("new1"));

    store.clear();
    answers.set(7, new Answer(answers.get(7).id(), answers.get(7).text() + " It is urgent."));
    last = assertReRunIsExact(answers, earlierThemes(last), store);

    store.clear();
    String erased = answers.remove(30).id();
    last = assertReRunIsExact(answers, earlierThemes(last), store);
    assertEquals(List.of(erased), store.deleted);

    store.clear();
    ThemeResult unchanged = engine.theme(answers, earlierThemes(last), store);
    assertEquals(List.of(), store.saved, "nothing changed, nothing saved");
    assertFalse(unchanged.stageSeconds().containsKey("embeddings"), "the embedder did not run");
    assertEquals(engine.theme(answers, earlierThemes(last)).answers(), unchanged.answers());
  }

  private static ThemeResult assertReRunIsExact(
      List<Answer> answers, ThemeOptions options, Recording store) {
    ThemeResult rerun = engine.theme(answers, options, store);
    ThemeResult cold = engine.theme(answers, options);
    assertEquals(cold.themes(), rerun.themes());
    assertEquals(cold.subThemes(), rerun.subThemes());
    assertEquals(cold.answers(), rerun.answers());
    assertEquals(cold.chosenK(), rerun.chosenK());
    // the point of the store: most answers' work (their vectors too) was reused, not redone
    assertTrue(
        store.saved.size() * 2 < answers.size(),
        () -> store.saved.size() + " of " + answers.size() + " answers' work redone");
    return rerun;
  }

  /** 38 seed-like answers, each also with three different endings: 152 distinct texts. */
  private static List<Answer> manyAnswers() {
    List<String> endings =
        List.of(
            "",
            " We told the council this last year.",
            " Please listen to families this time.",
            " This matters a great deal to us.");
    List<Answer> out = new ArrayList<>();
    for (String ending : endings)
      for (Answer a : TestData.respiteAnswers())
        out.add(new Answer(a.id() + "e" + endings.indexOf(ending), a.text() + ending));
    return out;
  }

  /** The options of a re-run after r, given r's themes and sub-themes as the worker gives them. */
  private static ThemeOptions earlierThemes(ThemeResult r) {
    List<PreviousTheme> previous = new ArrayList<>();
    r.themes().forEach(t -> previous.add(PreviousTheme.of(t)));
    r.subThemes().forEach(t -> previous.add(PreviousTheme.of(t)));
    assertFalse(previous.isEmpty());
    return ThemeOptions.defaults().withPreviousThemes(previous);
  }

  @Test
  void twoRespondentsWithTheSameWordsHaveAnEntryEachAndErasingOneLeavesTheOthers() {
    List<Answer> answers = new ArrayList<>(TestData.respiteAnswers());
    answers.add(new Answer("first", NEW_ANSWER));
    InMemoryAnswerWorkStore store = new InMemoryAnswerWorkStore();
    engine.theme(answers, ThemeOptions.defaults(), store);

    Recording recording = new Recording();
    recording.inner.save(List.copyOf(store.load().values()));
    answers.add(new Answer("second", NEW_ANSWER));
    ThemeResult both = engine.theme(answers, ThemeOptions.defaults(), recording);
    assertFalse(
        both.stageSeconds().containsKey("corenlp"), "the same words are not analysed twice");
    assertEquals(
        List.of("second"), recording.saved, "the second respondent gets an entry of their own");
    StoredAnswerWork firstEntry = recording.inner.load().get("first");
    StoredAnswerWork secondEntry = recording.inner.load().get("second");
    assertEquals(firstEntry.key(), secondEntry.key());

    // the first respondent erases their answer: their entry goes, the second's stays and is used
    answers.removeIf(a -> a.id().equals("first"));
    recording.clear();
    ThemeResult afterErase = engine.theme(answers, ThemeOptions.defaults(), recording);
    assertEquals(List.of("first"), recording.deleted);
    assertFalse(recording.inner.load().containsKey("first"));
    assertTrue(recording.inner.load().containsKey("second"));
    assertEquals(List.of(), recording.saved);
    assertFalse(afterErase.stageSeconds().containsKey("corenlp"));
  }

  @Test
  void anEntryHoldsNeitherTheAnswerNorItsRedactedText() {
    String text =
        "My daughter Amelia Hartley-Oyelowo at Greenfield Primary waits three hours for the respite bus.";
    List<Answer> answers = new ArrayList<>(TestData.respiteAnswers());
    answers.add(new Answer("named", text));
    InMemoryAnswerWorkStore store = new InMemoryAnswerWorkStore();
    ThemeResult result = engine.theme(answers, ThemeOptions.defaults(), store);
    String redacted =
        result.answers().stream()
            .filter(a -> a.id().equals("named"))
            .findFirst()
            .orElseThrow()
            .redactedText();
    assertNotEquals(text, redacted, "the name was redacted");
    String entry = new String(store.load().get("named").work(), StandardCharsets.ISO_8859_1);
    // nor any word of it, its lemma included ("wait" of "waits", "hour" of "hours")
    for (String word :
        List.of(
            "Amelia",
            "Hartley",
            "Oyelowo",
            "Greenfield",
            "Primary",
            "respite",
            "wait",
            "hour",
            "daughter",
            "bus")) assertFalse(entry.contains(word), () -> "the entry holds '" + word + "'");
    assertFalse(entry.contains("[name]"), "nor the redacted text");
    assertFalse(store.load().get("named").key().contains("Amelia"));
  }

  @Test
  void entriesOfAnotherPipelineAreNotReused() {
    List<Answer> answers = TestData.respiteAnswers();
    Recording store = new Recording();
    engine.theme(answers, ThemeOptions.defaults(), store);
    store.clear();
    // a theming-only run has no NER: its tokens are not the publishable run's
    ThemeResult other = engine.theme(answers, ThemeOptions.defaults().themingOnly(), store);
    assertEquals(answers.size(), store.saved.size());
    assertTrue(other.stageSeconds().containsKey("corenlp"));
  }

  /**
   * The same result to the bit: themes (labels, key terms, members, exemplar, sentiment split),
   * sub-themes, and every answer's redacted text, themes with their confidences, sentiment,
   * near-duplicate group and language. The embedder's batches depend only on their own members, so
   * a kept vector is the one a run without the store computes.
   */
  static void assertSameAsColdRun(ThemeResult cold, ThemeResult incremental) {
    assertEquals(summary(cold), summary(incremental)); // the readable difference first
    assertEquals(cold.themes(), incremental.themes());
    assertEquals(cold.subThemes(), incremental.subThemes());
    assertEquals(cold.answers(), incremental.answers());
  }

  /**
   * What officers see of a result: themes and sub-themes with their members, and each answer's
   * outcome.
   */
  static Map<String, Object> summary(ThemeResult r) {
    Map<String, Object> out = new TreeMap<>();
    for (Theme t : r.subThemes())
      out.put(
          "sub-theme " + t.id(),
          t.parentId() + " " + t.label() + " " + new java.util.TreeSet<>(t.memberIds()));
    for (Theme t : r.themes())
      out.put(
          "theme " + t.id(),
          t.label()
              + " "
              + t.keyTerms()
              + " "
              + new java.util.TreeSet<>(t.memberIds())
              + " ex="
              + t.exemplarId());
    for (AnalysedAnswer a : r.answers())
      out.put(
          "answer " + a.id(),
          a.redactedText()
              + " | "
              + a.themes().stream().map(ThemeMembership::themeId).toList()
              + " | "
              + a.nearDuplicateGroup()
              + " | "
              + a.nonAnswer()
              + " | "
              + a.language());
    out.put("k", r.chosenK());
    return out;
  }
}
