package org.yousaid.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's commands end to end on the engine's own small labelled test set. */
class MainTest {
  private static final Path RESPITE =
      Path.of(System.getProperty("yousaid.repo.root", ".."))
          .resolve("analysis/src/test/resources/respite-answers.csv");

  @Test
  void evalScoresALabelledSetWithTheOptionsGiven(@TempDir Path dir) throws Exception {
    // label = the topic letter the ids start with (r, p, c; n for the non-answers)
    StringBuilder csv = new StringBuilder("text,label\n");
    for (CSVRecord r :
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(Files.newBufferedReader(RESPITE))) {
      String id = r.get("id");
      if (id.startsWith("n")) continue;
      csv.append('"').append(r.get("text").replace("\"", "\"\"")).append("\",");
      csv.append(id.charAt(0)).append('\n');
    }
    Path labelled = dir.resolve("labelled.csv");
    Files.writeString(labelled, csv);
    Map<String, Object> scores =
        Main.eval(
            new Args(
                new String[] {
                  "--input", labelled.toString(),
                  "--text-column", "text",
                  "--label-column", "label",
                  "--k", "true-count",
                  "--seed", "1",
                  "--language-check", "false"
                },
                0));
    assertEquals(3, scores.get("themes"));
    assertTrue((double) scores.get("acc") >= 0.8, "acc " + scores);
    assertTrue(scores.keySet().containsAll(List.of("acc", "nmi", "ari", "themes", "seconds")));
  }

  @Test
  void themeWritesThemesWithRedactedTextAndASummary(@TempDir Path dir) throws Exception {
    JsonNode result = theme(RESPITE, dir.resolve("themes.json"), "--k", "3");
    assertEquals(3, result.get("chosenK").asInt());
    assertEquals(38, result.get("answers").size());
    assertTrue(result.get("answers").get(0).has("redactedText"));
    assertEachThemeSaysHowManyOtherAnswersSupportIt(result, dir.resolve("themes.md"));
  }

  /** With many themes some have 1-4 other answers: the officer's summary gives those exactly. */
  @Test
  void smallThemesSayExactlyHowManyOtherAnswersSupportTheExemplar(@TempDir Path dir)
      throws Exception {
    JsonNode result = theme(RESPITE, dir.resolve("themes.json"), "--k", "12");
    assertTrue(
        java.util.stream.StreamSupport.stream(result.get("themes").spliterator(), false)
            .anyMatch(
                t -> t.get("othersSupport").asInt() > 0 && t.get("othersSupport").asInt() < 5),
        "some theme has 1-4 other answers");
    assertEachThemeSaysHowManyOtherAnswersSupportIt(result, dir.resolve("themes.md"));
  }

  /**
   * Each theme says how many other answers support its exemplar, as the officer pages do: the exact
   * number, never "fewer than 5" beside a description that gives the count anyway.
   */
  private static void assertEachThemeSaysHowManyOtherAnswersSupportIt(JsonNode result, Path md)
      throws Exception {
    String summary = Files.readString(md);
    for (JsonNode t : result.get("themes")) {
      int others = t.get("othersSupport").asInt();
      String sentence =
          others == 0
              ? "No other answers support this answer."
              : others == 1
                  ? "1 other answer supports this answer."
                  : others + " other answers support this answer.";
      String section = summary.substring(summary.indexOf("## " + t.get("label").asText() + "\n"));
      int next = section.indexOf("\n## ", 1);
      assertTrue(
          (next < 0 ? section : section.substring(0, next)).contains(sentence),
          t.get("label").asText() + " should say: " + sentence);
    }
    assertFalse(summary.contains("Fewer than 5"), summary);
  }

  /**
   * An officer themes the answers, renames the themes by hand in themes.json, then one answer is
   * taken out and another comes in: with {@code --previous} the re-run keeps the renamed themes and
   * leaves the other answers where they were.
   */
  @Test
  void aReRunWithPreviousContinuesTheEarlierThemesAndTheirNames(@TempDir Path dir)
      throws Exception {
    List<CSVRecord> rows =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(Files.newBufferedReader(RESPITE))
            .getRecords();
    Path first = dir.resolve("first.json");
    theme(RESPITE, first);
    com.fasterxml.jackson.databind.node.ObjectNode earlier =
        (com.fasterxml.jackson.databind.node.ObjectNode) Main.JSON.readTree(first.toFile());
    Map<String, String> renamed = new java.util.HashMap<>();
    Map<String, String> themeBefore = new java.util.HashMap<>();
    for (JsonNode t : earlier.get("themes")) {
      if (t.get("other").asBoolean()) continue;
      String name = "Officer's name " + t.get("id").asText();
      ((com.fasterxml.jackson.databind.node.ObjectNode) t).put("label", name);
      renamed.put(t.get("id").asText(), name);
      t.get("memberIds").forEach(m -> themeBefore.put(m.asText(), t.get("id").asText()));
    }
    assertTrue(renamed.size() >= 2, "the first run found themes: " + renamed);
    Main.JSON.writeValue(first.toFile(), earlier);

    // one answer out (the first themed one), one new answer in
    String removed =
        rows.stream().map(r -> r.get("id")).filter(themeBefore::containsKey).findFirst().get();
    StringBuilder csv = new StringBuilder("id,text\n");
    for (CSVRecord r : rows) {
      if (r.get("id").equals(removed)) continue;
      csv.append(r.get("id"))
          .append(",\"")
          .append(r.get("text").replace("\"", "\"\""))
          .append("\"\n");
    }
    csv.append(
        "new1,\"Please keep the transport to respite, the drive there takes all our break.\"\n");
    Path changed = dir.resolve("changed.csv");
    Files.writeString(changed, csv);
    JsonNode again = theme(changed, dir.resolve("second.json"), "--previous", first.toString());
    Map<String, String> themeAfter = new java.util.HashMap<>();
    int kept = 0;
    for (JsonNode t : again.get("themes")) {
      if (t.get("other").asBoolean()) continue;
      String id = t.get("id").asText();
      if (renamed.containsKey(id)) {
        assertEquals(renamed.get(id), t.get("label").asText(), "the officer's name is kept");
        kept++;
      }
      t.get("memberIds").forEach(m -> themeAfter.put(m.asText(), id));
    }
    assertTrue(kept >= renamed.size() - 1, "earlier themes continue: " + kept + " of " + renamed);
    long same =
        themeBefore.keySet().stream()
            .filter(a -> !a.equals(removed))
            .filter(a -> themeBefore.get(a).equals(themeAfter.get(a)))
            .count();
    assertTrue(
        same >= 0.9 * (themeBefore.size() - 1),
        same + " of " + (themeBefore.size() - 1) + " answers stayed in their theme");
  }

  @Test
  void previousNeedsIdsAndAnEarlierThemesFile(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("themes.json");
    String noIds =
        refused(
            "--input",
            RESPITE.toString(),
            "--text-column",
            "text",
            "--out",
            out.toString(),
            "--previous",
            out.toString());
    assertTrue(noIds.contains("--id-column"), noIds);
    Path notThemes = dir.resolve("not-themes.json");
    Files.writeString(notThemes, "{\"answers\": []}");
    String wrongFile =
        refused(
            "--input",
            RESPITE.toString(),
            "--text-column",
            "text",
            "--id-column",
            "id",
            "--out",
            out.toString(),
            "--previous",
            notThemes.toString());
    assertTrue(wrongFile.contains("themes"), wrongFile);
    assertTrue(Files.notExists(out), "nothing is written when the options are wrong");
  }

  /** The message of the theme command's refusal of these options. */
  private static String refused(String... args) {
    return org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> Main.theme(new Args(args, 0)))
        .getMessage();
  }

  /**
   * Themes a CSV of id and text columns into {@code out} with the engine's defaults and more
   * options.
   */
  private static JsonNode theme(Path input, Path out, String... more) throws Exception {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--input",
                input.toString(),
                "--text-column",
                "text",
                "--id-column",
                "id",
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    Main.theme(new Args(args.toArray(String[]::new), 0));
    return Main.JSON.readTree(out.toFile());
  }
}
