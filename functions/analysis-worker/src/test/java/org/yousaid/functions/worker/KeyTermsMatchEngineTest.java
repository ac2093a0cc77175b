package org.yousaid.functions.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.AnalysedAnswer;
import org.yousaid.analysis.Answer;
import org.yousaid.analysis.Theme;
import org.yousaid.analysis.ThemeMembership;
import org.yousaid.analysis.ThemeOptions;
import org.yousaid.analysis.ThemeResult;
import org.yousaid.analysis.ThemingEngine;
import org.yousaid.analysis.theme.PhraseLabeller;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.KeyTerms;

/**
 * The officers' side finds a corrected theme's key terms from each answer's stored phrases ({@link
 * KeyTerms}), without the language models: for the themes of a real run, it must give exactly the
 * engine's key terms, so a corrected theme reads as a run would have described it.
 */
class KeyTermsMatchEngineTest {

  @Test
  void storedPhrasesGiveEveryThemeTheEnginesKeyTerms() throws Exception {
    List<Answer> answers = new ArrayList<>();
    try (Reader in =
        Files.newBufferedReader(
            Path.of(System.getProperty("yousaid.repo.root", "../.."))
                .resolve("../shared/datasets/pxt-phase1/text_data.csv"),
            StandardCharsets.UTF_8)) {
      for (CSVRecord r :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
        if (answers.size() == 300) break;
        answers.add(new Answer("r" + r.get("row_index"), r.get("feedback"), true));
      }
    }
    ThemeResult result = new ThemingEngine().theme(answers, ThemeOptions.defaults());

    // each answer's analysis as the worker stores it, read back from its JSON
    List<AnswerAnalysis> stored = new ArrayList<>();
    Map<String, List<String>> members = new HashMap<>();
    for (AnalysedAnswer a : result.answers()) {
      assertNotNull(a.keyPhrases(), "every answer of an unsharded run has its phrases");
      List<String> ids =
          new ArrayList<>(a.themes().stream().map(ThemeMembership::themeId).toList());
      if (a.subThemeId() != null) ids.add(a.subThemeId());
      AnswerAnalysis analysis =
          new AnswerAnalysis(
              a.id(), a.redactedText(), null, ids, a.nearDuplicateGroup(), a.keyPhrases());
      stored.add(Json.read(Json.write(analysis), AnswerAnalysis.class));
      ids.forEach(id -> members.computeIfAbsent(id, k -> new ArrayList<>()).add(a.id()));
    }
    // what keeping the phrases costs: each answer's stored document, with and without them
    long with = 0;
    long without = 0;
    for (AnswerAnalysis x : stored) {
      with += Json.write(x).length();
      without +=
          Json.write(
                  new AnswerAnalysis(
                      x.responseId(),
                      x.redactedText(),
                      x.sentiment(),
                      x.themeIds(),
                      x.nearDuplicateGroup()))
              .length();
    }
    System.out.printf(
        Locale.ROOT,
        "stored answer analysis: %.0f characters on average with phrases, %.0f without%n",
        (double) with / stored.size(),
        (double) without / stored.size());
    KeyTerms keyTerms = new KeyTerms(stored);
    int compared = 0;
    int subThemes = 0;
    for (Theme t : result.themes()) {
      if (ThemingEngine.OTHER_LANGUAGES_ID.equals(t.id())) continue;
      List<String> found = keyTerms.of(members.getOrDefault(t.id(), List.of())).orElseThrow();
      assertEquals(t.keyTerms(), found, "key terms of " + t.label());
      compared++;
      if (t.parentId() != null) subThemes++;
    }
    System.out.printf(
        Locale.ROOT,
        "key terms: %d themes (%d sub-themes) of %d answers match the engine's%n",
        compared,
        subThemes,
        answers.size());
    assertTrue(compared >= 5, "a run with themes to compare: " + compared);
    assertFalse(result.themes().stream().allMatch(t -> t.keyTerms().isEmpty()));
  }

  @Test
  void theWordsTooGeneralToStandAloneAreTheEngines() {
    assertEquals(PhraseLabeller.TOO_GENERIC_ALONE, KeyTerms.TOO_GENERIC_ALONE);
  }
}
