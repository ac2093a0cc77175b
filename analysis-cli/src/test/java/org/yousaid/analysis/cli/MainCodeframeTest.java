package org.yousaid.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI contract: theme --input F --text-column text [--id-column id] --codeframe codes.csv --out
 * themes.json.
 */
class MainCodeframeTest {
  @TempDir Path dir;

  @Test
  void eachCodeOfCodesCsvComesBackAsAThemeWithThatLabel() throws Exception {
    Path input = dir.resolve("answers.csv");
    Files.writeString(
        input,
        "ref,text\n"
            + "1,The school taxi is late every morning\n"
            + "2,\"We waited two years for CAMHS, she is self-harming\"\n"
            + "3,The bus escort keeps changing and my son is scared\n"
            + "4,Counselling for his anxiety stopped after two sessions\n"
            + "5,\"Transport was refused, the school is not the nearest\"\n");
    Path codes = dir.resolve("codes.csv");
    Files.writeString(
        codes,
        "label,description,examples\n"
            + "Getting to school,\"Home to school transport, taxis, buses, escorts\",Taxi late|Bus driver changes\n"
            + "Mental health,,\n");
    JsonNode json = themeWithCodeframe(input, codes);
    Map<String, String> labelById = new HashMap<>();
    for (JsonNode t : json.get("themes"))
      labelById.put(t.get("id").asText(), t.get("label").asText());
    assertEquals(Set.of("Getting to school", "Mental health"), new HashSet<>(labelById.values()));
    Map<String, String> first = new HashMap<>();
    for (JsonNode a : json.get("answers")) {
      JsonNode themes = a.get("themes");
      assertTrue(themes.size() >= 1);
      assertTrue(themes.get(0).get("confidence").asDouble() > 0);
      first.put(a.get("id").asText(), labelById.get(themes.get(0).get("themeId").asText()));
    }
    assertEquals(
        Map.of(
            "1",
            "Getting to school",
            "2",
            "Mental health",
            "3",
            "Getting to school",
            "4",
            "Mental health",
            "5",
            "Getting to school"),
        first);
  }

  @Test
  void theShippedSendCodeframeCanBeNamedInsteadOfAFile() throws Exception {
    assertEquals(24, Main.readCodeframe("send-v1").codes().size());
  }

  /**
   * Two questions in one file, coded with --question-column: the same answer, "Nothing. Everyone
   * was really friendly.", replies "what was good?" in one and "what could be improved?" in the
   * other. A pooled run gives both copies the same codes (same text); per-question runs estimate
   * each question's code shares from its own answers, so each copy takes its question's code, and
   * every answer gets exactly what a run over its question's answers alone gives it.
   */
  @Test
  void eachQuestionsAnswersAreCodedInTheirOwnRun() throws Exception {
    String[] good = {
      "The nurses were so kind to my mum",
      "Staff were friendly and welcoming",
      "The receptionist was lovely and helpful",
      "Everyone on the ward was kind",
      "The doctor was caring and patient",
      "Friendly staff who always smiled",
      "The team were warm and kind",
      "Nurses were lovely",
      "Really kind and friendly people",
      "Staff treated us with kindness",
      "The carers were very friendly",
      "Lovely staff, always cheerful",
      "The midwife was so kind",
      "Everyone was welcoming and warm",
      "The porter was friendly and chatty",
      "Kind nurses on every shift",
      "The staff were caring and gentle",
      "All the staff were friendly",
      "The healthcare assistants were kind",
      "Staff were approachable and nice",
      "The physio was friendly and encouraging",
      "Such kind and caring staff",
      "The nurses made us feel welcome"
    };
    String[] improve = {
      "Nothing",
      "Nothing really",
      "Nothing to improve",
      "No improvements needed",
      "I can't think of anything",
      "Nothing at all",
      "Nothing, it was fine",
      "Not a thing",
      "None",
      "Nothing I can think of",
      "No, nothing",
      "Nothing needs changing",
      "Cannot think of anything to improve",
      "There is nothing to improve",
      "Nothing comes to mind",
      "Nothing would make it better",
      "No suggestions",
      "Keep it as it is, nothing to change",
      "Nothing, all fine",
      "I would not change anything",
      "Nothing more could have been done",
      "No changes needed",
      "Nothing to add"
    };
    String same = "Nothing. Everyone was really friendly.";
    StringBuilder csv = new StringBuilder("ref,question,text\n");
    StringBuilder goodCsv = new StringBuilder("ref,text\n");
    StringBuilder improveCsv = new StringBuilder("ref,text\n");
    // the two questions' answers interleaved, as an export of a whole survey would have them
    for (int i = 0; i < Math.max(good.length, improve.length); i++) {
      if (i < good.length) {
        csv.append("g").append(i).append(",What was good?,").append(good[i]).append("\n");
        goodCsv.append("g").append(i).append(",").append(good[i]).append("\n");
      }
      if (i < improve.length) {
        csv.append("i")
            .append(i)
            .append(",What could be improved?,\"")
            .append(improve[i])
            .append("\"\n");
        improveCsv.append("i").append(i).append(",\"").append(improve[i]).append("\"\n");
      }
    }
    csv.append("g-same,What was good?,").append(same).append("\n");
    goodCsv.append("g-same,").append(same).append("\n");
    csv.append("i-same,What could be improved?,").append(same).append("\n");
    improveCsv.append("i-same,").append(same).append("\n");
    Path codes = dir.resolve("codes.csv");
    Files.writeString(
        codes,
        "label,description,examples\n"
            + "Staff attitude,\"Kind, friendly, caring staff\",Nurses were kind|The staff were lovely\n"
            + "Nothing to improve,\"Nothing should change\",Nothing|No improvements\n");
    JsonNode both =
        themeWithCodeframe(write("survey.csv", csv), codes, "--question-column", "question");
    JsonNode goodOnly = themeWithCodeframe(write("good.csv", goodCsv), codes);
    JsonNode improveOnly = themeWithCodeframe(write("improve.csv", improveCsv), codes);

    // one theme per code, whichever question its answers came from
    List<String> labels = new ArrayList<>();
    for (JsonNode t : both.get("themes"))
      if (!t.get("other").asBoolean()) labels.add(t.get("label").asText());
    assertTrue(
        labels.containsAll(List.of("Staff attitude", "Nothing to improve")), labels.toString());
    assertEquals(labels.size(), new HashSet<>(labels).size(), labels.toString());

    Map<String, List<String>> coded = codesById(both);
    Map<String, List<String>> alone = codesById(goodOnly);
    alone.putAll(codesById(improveOnly));
    assertEquals(alone, coded);
    assertEquals(List.of("Staff attitude"), coded.get("g-same").subList(0, 1));
    assertEquals(List.of("Nothing to improve"), coded.get("i-same").subList(0, 1));

    // the file's order is kept, and each theme's count is its members over both questions
    List<String> order = new ArrayList<>();
    for (JsonNode a : both.get("answers")) order.add(a.get("id").asText());
    assertEquals(List.of("g0", "i0", "g1"), order.subList(0, 3));
    Map<String, Integer> members = new HashMap<>();
    for (JsonNode a : both.get("answers"))
      for (JsonNode m : a.get("themes")) members.merge(m.get("themeId").asText(), 1, Integer::sum);
    Map<String, Integer> perQuestion = new HashMap<>();
    for (JsonNode q : both.get("questions"))
      for (JsonNode t : q.get("themes"))
        perQuestion.merge(t.get("themeId").asText(), t.get("count").asInt(), Integer::sum);
    Map<String, Integer> counts = new HashMap<>();
    for (JsonNode t : both.get("themes")) {
      counts.put(t.get("id").asText(), t.get("count").asInt());
      assertEquals(t.get("count").asInt(), t.get("memberIds").size());
    }
    assertEquals(counts, members);
    assertEquals(counts, perQuestion);
    assertEquals(2, both.get("questions").size());
    assertEquals("What was good?", both.get("questions").get(0).get("question").asText());
    assertEquals(good.length + 1, both.get("questions").get(0).get("answers").asInt());
  }

  /** Discovered themes differ by question, and an earlier run's themes belong to one question. */
  @Test
  void aQuestionColumnNeedsACodeframeAndNoEarlierRun() throws Exception {
    Path input = write("q.csv", "ref,question,text\n1,Q1,The taxi is late\n");
    Path codes = write("codes.csv", "label\nGetting to school\n");
    String[] base =
        themeArgs(input, dir.resolve("o.json"), "--question-column", "question")
            .toArray(String[]::new);
    var noCodeframe =
        assertThrows(IllegalArgumentException.class, () -> Main.theme(new Args(base, 1)));
    assertTrue(noCodeframe.getMessage().contains("--codeframe"), noCodeframe.getMessage());
    List<String> withPrevious = new ArrayList<>(List.of(base));
    withPrevious.addAll(
        List.of("--codeframe", codes.toString(), "--previous", dir.resolve("old.json").toString()));
    var previous =
        assertThrows(
            IllegalArgumentException.class,
            () -> Main.theme(new Args(withPrevious.toArray(String[]::new), 1)));
    assertTrue(previous.getMessage().contains("one question at a time"), previous.getMessage());
  }

  private Path write(String name, CharSequence text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private JsonNode themeWithCodeframe(Path input, Path codes, String... more) throws Exception {
    Path out = dir.resolve(input.getFileName() + ".json");
    List<String> args = themeArgs(input, out, "--codeframe", codes.toString());
    args.addAll(List.of(more));
    Main.main(args.toArray(String[]::new));
    return Main.JSON.readTree(out.toFile());
  }

  /** {@code theme} over a CSV with ref and text columns into {@code out}, then more options. */
  private static List<String> themeArgs(Path input, Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "theme",
                "--input",
                input.toString(),
                "--text-column",
                "text",
                "--id-column",
                "ref",
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    return args;
  }

  /** Each answer's code labels, best first. */
  private static Map<String, List<String>> codesById(JsonNode json) {
    Map<String, String> label = new HashMap<>();
    for (JsonNode t : json.get("themes")) label.put(t.get("id").asText(), t.get("label").asText());
    Map<String, List<String>> out = new HashMap<>();
    for (JsonNode a : json.get("answers")) {
      List<String> l = new ArrayList<>();
      for (JsonNode m : a.get("themes")) l.add(label.get(m.get("themeId").asText()));
      out.put(a.get("id").asText(), l);
    }
    return out;
  }
}
