package org.yousaid.analysis.theme.codeframe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.AnalysedAnswer;
import org.yousaid.analysis.Answer;
import org.yousaid.analysis.CodeframeTheme;
import org.yousaid.analysis.Theme;
import org.yousaid.analysis.ThemeOptions;
import org.yousaid.analysis.ThemeResult;
import org.yousaid.analysis.ThemingEngine;

/** Codeframe mode through the engine, as the worker and the CLI use it. */
class CodeframeModeTest {
  static ThemingEngine engine;
  static final Codeframe SEND = Codeframe.shipped(Codeframe.SEND_V1);

  /**
   * Answers about nothing the SEND codeframe covers. (A block of answers on an uncovered council
   * topic, e.g. bin collections, is only partly caught: see analysis/NOTES.md.)
   */
  static final List<String> BINS =
      List.of(
          "The recipe needs two eggs and a cup of flour",
          "Bake the cake for forty minutes and add the icing when it is cool",
          "Manchester United lost 3-0 on Saturday",
          "The football match went to penalties after extra time");

  @BeforeAll
  static void load() {
    engine = new ThemingEngine();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  static List<String[]> sendAnswers() throws Exception {
    List<String[]> out = new ArrayList<>();
    try (var r =
        new InputStreamReader(
            CodeframeModeTest.class.getResourceAsStream(
                "/org/yousaid/analysis/codeframes/bench/send-eval-v1.csv"),
            StandardCharsets.UTF_8)) {
      for (CSVRecord rec :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r))
        out.add(new String[] {rec.get("text"), rec.get("codes")});
    }
    return out;
  }

  @Test
  void everyAnswerGetsCodesByLabelAndOffTopicAnswersAreProposedAsNewThemes() throws Exception {
    List<String[]> send = sendAnswers();
    List<Answer> answers = new ArrayList<>();
    for (int i = 0; i < send.size(); i++) answers.add(new Answer("s" + i, send.get(i)[0]));
    for (int i = 0; i < BINS.size(); i++) answers.add(new Answer("b" + i, BINS.get(i)));
    ThemeResult result = engine.theme(answers, ThemeOptions.defaults().withCodeframe(SEND.codes()));

    Set<String> codeLabels =
        SEND.codes().stream().map(CodeframeTheme::name).collect(Collectors.toSet());
    Map<String, Theme> byId = result.themes().stream().collect(Collectors.toMap(Theme::id, t -> t));
    int right = 0;
    long codesGiven = 0;
    for (AnalysedAnswer a : result.answers()) {
      assertFalse(a.themes().isEmpty(), a.id());
      if (!a.id().startsWith("s")) continue;
      Set<String> truth = Set.of(send.get(Integer.parseInt(a.id().substring(1)))[1].split("\\|"));
      Theme first = byId.get(a.themes().get(0).themeId());
      if (truth.contains(first.label())) right++;
      codesGiven += a.themes().size();
    }
    assertTrue(right >= 0.6 * send.size(), "first code right for " + right + " of " + send.size());
    double perAnswer = (double) codesGiven / send.size();
    assertTrue(perAnswer >= 1.0 && perAnswer <= 1.8, "codes per answer " + perAnswer);

    // proposed themes hold only off-topic answers: no parent's answer is pushed out of the
    // codeframe;
    // at least half of the off-topic answers get no SEND code (the rest are caught by neither test,
    // e.g. "bake for forty minutes" read as a wait: see analysis/NOTES.md)
    List<Theme> proposedThemes =
        result.themes().stream()
            .filter(t -> t.description().startsWith("Proposed new theme"))
            .toList();
    for (Theme proposed : proposedThemes) {
      assertFalse(proposed.other());
      assertFalse(codeLabels.contains(proposed.label()), proposed.label());
      assertTrue(
          proposed.memberIds().stream().allMatch(id -> id.startsWith("b")),
          proposed.label() + ": " + proposed.memberIds());
    }
    for (Theme t : result.themes())
      if (t.other())
        assertTrue(
            t.memberIds().stream().allMatch(id -> id.startsWith("b")), "other: " + t.memberIds());
    long uncoded =
        result.answers().stream()
            .filter(a -> a.id().startsWith("b"))
            .filter(
                a ->
                    a.themes().stream()
                        .noneMatch(m -> codeLabels.contains(byId.get(m.themeId()).label())))
            .count();
    assertTrue(
        uncoded >= BINS.size() / 2,
        uncoded + " of " + BINS.size() + " off-topic answers without a code");
    for (Theme t : result.themes())
      if (!t.other() && !proposedThemes.contains(t))
        assertTrue(codeLabels.contains(t.label()), t.label());
  }

  /** The worker passes officers' corrected answers as examples; the next run follows them. */
  @Test
  void correctionsPassedAsExamplesMoveTheNextMapping() {
    Function<String, Answer> a =
        new Function<>() {
          int n;

          public Answer apply(String text) {
            return new Answer("a" + n++, text);
          }
        };
    List<CodeframeTheme> two =
        List.of(CodeframeTheme.named("Theme one"), CodeframeTheme.named("Theme two"));
    List<Answer> answers =
        List.of(
            a.apply("The school bus never turns up on time"),
            // not "... and my son gets upset": that answer sat on the edge between the two codes'
            // examples, and tipped to the respite one with the embedder's content-defined batches
            a.apply("Our taxi driver to school changes every week"),
            a.apply("Transport to college was refused"),
            a.apply("We need more overnight respite"),
            a.apply("Short breaks hours were cut again"),
            a.apply("The sitting service is our only break"));
    Codeframe corrected =
        new Codeframe("two", two)
            .withExamples(
                Map.of(
                    "Theme one",
                        List.of("The bus to school is late", "Travel assistance was withdrawn"),
                    "Theme two",
                        List.of(
                            "Respite keeps our family together",
                            "Please do not cut short breaks")));
    ThemeResult r = engine.theme(answers, ThemeOptions.defaults().withCodeframe(corrected.codes()));
    Map<String, String> label =
        r.themes().stream().collect(Collectors.toMap(Theme::id, Theme::label));
    for (AnalysedAnswer x : r.answers()) {
      int i = Integer.parseInt(x.id().substring(1));
      assertEquals(
          i < 3 ? "Theme one" : "Theme two",
          label.get(x.themes().get(0).themeId()),
          answers.get(i).text());
    }
  }
}
