package org.yousaid.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
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
    Path out = dir.resolve("themes.json");
    Main.main(
        new String[] {
          "theme",
          "--input",
          input.toString(),
          "--text-column",
          "text",
          "--id-column",
          "ref",
          "--codeframe",
          codes.toString(),
          "--out",
          out.toString()
        });
    JsonNode json = Main.JSON.readTree(out.toFile());
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
}
