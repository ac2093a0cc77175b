package org.yousaid.analysis.cli;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yousaid.analysis.AnalysedAnswer;
import org.yousaid.analysis.Theme;
import org.yousaid.analysis.ThemeResult;

/**
 * A readable summary in the councils' own style (seeds 002): per theme, the exemplar answer
 * (redacted) and "N other answers support this answer". It is the officer's working file, like the
 * officer pages: exact counts (the description beside it gives them too), never published as it is;
 * the publisher applies its own disclosure control.
 */
public final class MarkdownSummary {
  private MarkdownSummary() {}

  public static String render(String title, ThemeResult result) {
    Map<String, AnalysedAnswer> byId =
        result.answers().stream()
            .collect(Collectors.toMap(AnalysedAnswer::id, Function.identity(), (a, b) -> a));
    long themed = result.answers().stream().filter(a -> !a.nonAnswer()).count();
    StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%d responses to this question (%d with something to say), in %d themes.%n%n",
            result.answers().size(),
            themed,
            result.chosenK()));
    for (Theme t : result.themes()) {
      md.append("## ").append(t.label()).append("\n\n");
      md.append(t.description()).append("\n\n");
      // answers not in English have no exemplar that speaks for them: an officer reads or
      // translates each
      if (org.yousaid.analysis.ThemingEngine.OTHER_LANGUAGES_ID.equals(t.id())) continue;
      if (!t.keyTerms().isEmpty())
        md.append("Key terms: ").append(String.join(", ", t.keyTerms())).append("\n\n");
      AnalysedAnswer ex = byId.get(t.exemplarId());
      md.append("Exemplar answer:\n\n> ")
          .append(ex.redactedText().replace("\n", " "))
          .append("\n\n");
      md.append(others(t.othersSupport())).append("\n\n");
    }
    return md.toString();
  }

  private static String others(int n) {
    if (n == 0) return "No other answers support this answer.";
    if (n == 1) return "1 other answer supports this answer.";
    return n + " other answers support this answer.";
  }
}
