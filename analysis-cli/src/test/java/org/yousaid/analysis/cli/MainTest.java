package org.yousaid.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    Path out = dir.resolve("themes.json");
    Main.theme(
        new Args(
            new String[] {
              "--input", RESPITE.toString(),
              "--text-column", "text",
              "--id-column", "id",
              "--out", out.toString(),
              "--k", "3"
            },
            0));
    JsonNode result = Main.JSON.readTree(out.toFile());
    assertEquals(3, result.get("chosenK").asInt());
    assertEquals(38, result.get("answers").size());
    assertTrue(result.get("answers").get(0).has("redactedText"));
    assertTrue(Files.readString(dir.resolve("themes.md")).contains("other answers support"));
  }
}
