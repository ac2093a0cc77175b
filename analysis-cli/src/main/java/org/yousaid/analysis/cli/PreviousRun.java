package org.yousaid.analysis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yousaid.analysis.PreviousTheme;

/**
 * The themes of an earlier {@code theme} run, read back from its themes.json, so that a re-run
 * after answers were added, changed or removed continues them as the service's re-runs do (an
 * answer stays in its theme unless the answers clearly put it elsewhere; ids and labels are kept)
 * instead of finding themes afresh, which at 30-300 overlapping answers can regroup many answers.
 */
final class PreviousRun {
  private PreviousRun() {}

  static List<PreviousTheme> read(Path file, ObjectMapper json) throws IOException {
    if (!Files.isRegularFile(file))
      throw new IllegalArgumentException("--previous: no such file: " + file);
    JsonNode root;
    try {
      root = json.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--previous: " + file + " is not JSON written by the theme command", e);
    }
    if (root == null || !root.path("themes").isArray())
      throw new IllegalArgumentException(
          "--previous: "
              + file
              + " has no \"themes\": give the --out file of an earlier theme run");
    List<PreviousTheme> out = new ArrayList<>();
    for (JsonNode t : root.get("themes")) {
      // the catch-all bucket is not a theme to continue; its answers are found a place afresh
      if (t.path("other").asBoolean(false)) continue;
      out.add(theme(t, null));
    }
    for (JsonNode s : root.path("subThemes")) out.add(theme(s, s.path("parentId").asText(null)));
    return out;
  }

  private static PreviousTheme theme(JsonNode t, String parentId) {
    List<String> keyTerms = new ArrayList<>();
    t.path("keyTerms").forEach(k -> keyTerms.add(k.asText()));
    List<String> members = new ArrayList<>();
    t.path("memberIds").forEach(m -> members.add(m.asText()));
    return new PreviousTheme(
        t.path("id").asText(), t.path("label").asText(), keyTerms, members, parentId);
  }
}
