package org.yousaid.analysis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yousaid.analysis.nlp.AnnotatedText;
import org.yousaid.analysis.nlp.CoreNlpAnnotator;

/**
 * The shapes of label an officer would not write (issue 12): one word ("Plan") and a fragment
 * opening with a verb in its base form ("Tell parents", read as an order). The label is tagged on
 * its own, lower case, by CoreNLP: independent of how the labeller tagged it inside an answer, so
 * that the labeller is not scored by its own rule.
 */
final class LabelShape {
  static final String ONE_WORD = "one word";
  static final String BARE_VERB = "bare verb";
  static final String PHRASE = "phrase";

  private final CoreNlpAnnotator tagger = new CoreNlpAnnotator(false);

  String of(String label) {
    AnnotatedText t = tagger.annotate(label.toLowerCase(Locale.ROOT));
    if (t.tokens().size() <= 1) return ONE_WORD;
    String first = t.tokens().get(0).pos();
    return first.equals("VB") || first.equals("VBP") ? BARE_VERB : PHRASE;
  }

  /** Per sample size: the share of themes whose label is one word, and opens with a bare verb. */
  static String summary(List<Map<String, Object>> rows) {
    Map<Object, List<Map<String, Object>>> bySize = new LinkedHashMap<>();
    for (Map<String, Object> r : rows)
      if (r.get("shape") != null)
        bySize.computeIfAbsent(r.get("answers"), x -> new ArrayList<>()).add(r);
    StringBuilder out =
        new StringBuilder(
            "| answers | themes | labels of one word | labels opening with a bare verb |\n"
                + "|---|---|---|---|\n");
    for (Map.Entry<Object, List<Map<String, Object>>> e : bySize.entrySet()) {
      List<Map<String, Object>> g = e.getValue();
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.0f%% | %.0f%% |%n",
              e.getKey(),
              g.size(),
              100 * share(g, ONE_WORD),
              100 * share(g, BARE_VERB)));
    }
    return out.toString();
  }

  private static double share(List<Map<String, Object>> g, String shape) {
    return g.stream().filter(r -> shape.equals(r.get("shape"))).count()
        / (double) Math.max(1, g.size());
  }

  /**
   * Adds the shape to the rows of an earlier {@code bench labels --show-labels} run (one that
   * predates this measure) and prints the summary: {@code java -cp yousaid-analysis.jar
   * org.yousaid.analysis.cli.LabelShape rows.json}.
   */
  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<Map<String, Object>> rows = json.readValue(Path.of(args[0]).toFile(), List.class);
    LabelShape shape = new LabelShape();
    for (Map<String, Object> r : rows)
      if (r.get("label") != null) r.put("shape", shape.of((String) r.get("label")));
    System.out.print(summary(rows));
  }
}
