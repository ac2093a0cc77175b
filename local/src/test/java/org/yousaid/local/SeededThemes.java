package org.yousaid.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.themes.AnalysisStatus;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.QuestionAnalysis;
import org.yousaid.shared.themes.StoredTheme;

/**
 * Answers sent over the public JSON API and a finished analysis of them stored as the worker would
 * store it, so the officer's forms can be tested without loading the NLP models: theme {@code t1}
 * ("Search by age") holds the first half of the answers, {@code t2} ("Key workers") the rest. The
 * first answer of each theme agreed to be quoted; every third answer did not.
 */
final class SeededThemes {

  static final String QUESTION = "find-information";
  static final String BASE = "/officer/councils/demo/consultations/" + DemoData.LOCAL_OFFER;

  /** Response ids, in the order sent. */
  final List<String> ids = new ArrayList<>();

  /** Receipt codes, in the order sent (they let each respondent erase their answers). */
  final List<String> receipts = new ArrayList<>();

  final List<String> texts = new ArrayList<>();
  final List<Boolean> consent = new ArrayList<>();

  private SeededThemes() {}

  static SeededThemes seed(LocalMode local, String... answers) throws Exception {
    SeededThemes seeded = new SeededThemes();
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < answers.length; i++) {
      boolean consent = i % 3 != 2;
      HttpResponse<String> r =
          PublicResponses.post(
              http,
              local.port(),
              "demo",
              DemoData.LOCAL_OFFER,
              PublicResponses.json(
                  QUESTION, answers[i], consent, java.util.Map.of("role", "parent-carer")));
      JsonNode body = Json.mapper().readTree(r.body());
      seeded.ids.add(body.path("responseId").asText());
      seeded.receipts.add(body.path("receipt").asText());
      seeded.texts.add(answers[i]);
      seeded.consent.add(consent);
    }
    int half = answers.length / 2;
    List<AnswerAnalysis> analysed = new ArrayList<>();
    for (int i = 0; i < answers.length; i++) {
      analysed.add(
          new AnswerAnalysis(
              seeded.ids.get(i), answers[i], "neutral", List.of(i < half ? "t1" : "t2"), null));
    }
    var analyses = local.services().analyses();
    analyses.replaceAnswers("demo", DemoData.LOCAL_OFFER, QUESTION, analysed);
    analyses.saveStatus(
        new QuestionAnalysis(
            "demo",
            DemoData.LOCAL_OFFER,
            QUESTION,
            "run-1",
            AnalysisStatus.DONE,
            "seed",
            Instant.now(),
            Instant.now(),
            answers.length,
            List.of(
                theme("t1", "Search by age", half, seeded.ids.get(0)),
                theme("t2", "Key workers", answers.length - half, seeded.ids.get(half))),
            null));
    return seeded;
  }

  private static StoredTheme theme(String id, String label, int count, String exemplar) {
    return new StoredTheme(
        id, label, "", List.of(), count, 0.5, 0, count, 0, exemplar, count - 1, 0, false);
  }

  static String themePath(String theme) {
    return BASE + "/themes/" + QUESTION + "/" + theme;
  }
}
