package org.yousaid.analysis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.analysis.AnalysedAnswer;
import org.yousaid.analysis.Answer;
import org.yousaid.analysis.ThemeOptions;
import org.yousaid.analysis.ThemeResult;
import org.yousaid.analysis.ThemingEngine;
import org.yousaid.analysis.eval.ClusteringMetrics;
import org.yousaid.analysis.theme.codeframe.Codeframe;

/**
 * Command line (contract in DESIGN.md):
 *
 * <pre>
 * theme --input answers.csv --text-column text [--id-column id] --out themes.json [--k N] [--summary themes.md]
 *       [--codeframe codes.csv | --codeframe send-v1] [--previous earlier-themes.json]
 *       [--question-column question]
 * eval  --input labelled.csv --text-column text --label-column label [--k N | --k true-count] [--max-k N] [--seed S]
 * bench quality|speed|redaction|sentiment [--data-dir DIR] ...   (see docs/benchmarks.md)
 * train-sentiment --data-dir DIR --out weights.json [--pxt-weight W --l2 L]
 * </pre>
 *
 * <p>The commands that theme or embed also take the engine's settings as options ({@link
 * EngineFlags}, listed in analysis/README.md); an option a command does not know stops it.
 */
public final class Main {
  static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: theme|eval|bench|train-sentiment --help");
      System.exit(2);
    }
    try {
      run(args);
    } catch (IllegalArgumentException e) {
      // a wrong option or input file: say what is wrong, not a stack trace
      System.err.println(args[0] + ": " + e.getMessage());
      System.exit(2);
    }
  }

  private static void run(String[] args) throws Exception {
    switch (args[0]) {
      case "theme" -> theme(new Args(args, 1));
      case "eval" -> System.out.println(JSON.writeValueAsString(eval(new Args(args, 1))));
      case "bench" -> Benchmarks.run(args);
      case "train-sentiment" -> SentimentTraining.run(new Args(args, 1));
      default -> {
        System.err.println("unknown command " + args[0]);
        System.exit(2);
      }
    }
  }

  static void theme(Args a) throws Exception {
    Path input = Path.of(a.required("input"));
    String idColumn = a.get("id-column", null);
    String textColumn = a.required("text-column");
    Path out = Path.of(a.required("out"));
    Path summary = Path.of(a.get("summary", out.toString().replaceFirst("\\.json$", "") + ".md"));
    ThemeOptions options = ThemeOptions.defaults().withK(a.integer("k"));
    if (a.integer("max-k") != null) options = options.withMaxK(a.integer("max-k"));
    options = EngineFlags.apply(a, options);
    String codeframe = a.get("codeframe", null);
    if (codeframe != null) options = options.withCodeframe(readCodeframe(codeframe).codes());
    // answers to several questions in one file: each question coded in its own run
    String questionColumn = a.get("question-column", null);
    if (questionColumn != null && codeframe == null)
      throw new IllegalArgumentException("--question-column needs --codeframe");
    String previous = a.get("previous", null);
    if (previous != null) {
      // answers are matched to the earlier run by id; row numbers move when a row is added
      if (idColumn == null)
        throw new IllegalArgumentException(
            "--previous needs --id-column: answers are matched to the earlier run by their ids");
      // an earlier run's themes belong to one question's answers
      if (questionColumn != null)
        throw new IllegalArgumentException(
            "--previous with --question-column: re-run one question at a time");
      options = options.withPreviousThemes(PreviousRun.read(Path.of(previous), JSON));
    }
    a.rejectUnread();
    List<List<String>> rows = CsvTable.read(input, textColumn, idColumn, questionColumn);
    List<Answer> answers = new ArrayList<>();
    for (List<String> r : rows) answers.add(new Answer(r.get(1), r.get(0)));
    try (ThemingEngine engine = new ThemingEngine()) {
      ThemeResult result;
      String title = input.getFileName().toString();
      if (questionColumn == null) {
        result = engine.theme(answers, options);
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
        Files.writeString(summary, MarkdownSummary.render(title, result));
      } else {
        List<String> questions = rows.stream().map(r -> r.get(2).strip()).toList();
        PerQuestionCoding.Coded coded = PerQuestionCoding.code(engine, answers, questions, options);
        result = coded.asResult();
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), coded);
        Files.writeString(
            summary, MarkdownSummary.render(title, result) + PerQuestionCoding.summary(coded));
      }
      System.err.printf(
          "themed %d answers into %d themes: %s and %s%n",
          answers.size(), result.chosenK(), out, summary);
    }
  }

  /**
   * {@code codes.csv} (columns label, description, examples joined with |), or the name of a
   * shipped codeframe such as {@code send-v1} when no such file exists.
   */
  static Codeframe readCodeframe(String pathOrName) throws java.io.IOException {
    Path path = Path.of(pathOrName);
    if (!Files.exists(path) && pathOrName.matches("[a-z0-9-]+"))
      return Codeframe.shipped(pathOrName);
    try (var reader = Files.newBufferedReader(path, java.nio.charset.StandardCharsets.UTF_8)) {
      return Codeframe.read(path.getFileName().toString(), reader);
    }
  }

  /**
   * Themes a labelled set (theming only: no NER, redaction or sentiment) and scores the primary
   * themes.
   */
  static Map<String, Object> eval(Args a) throws Exception {
    Path input = Path.of(a.required("input"));
    String textColumn = a.required("text-column"), labelColumn = a.required("label-column");
    String k = a.get("k", null);
    ThemeOptions base =
        EngineFlags.apply(
            a,
            ThemeOptions.defaults()
                .themingOnly()
                .withMaxK(a.integer("max-k") == null ? 150 : a.integer("max-k"))
                .withSeed(Long.parseLong(a.get("seed", "42"))));
    a.rejectUnread();
    List<List<String>> rows = CsvTable.read(input, textColumn, labelColumn);
    List<Answer> answers = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      answers.add(new Answer(String.valueOf(i), rows.get(i).get(0)));
      labels.add(rows.get(i).get(1));
    }
    // (Integer) keeps the conditional boxed: with an int branch, an absent --k (= auto) was unboxed
    // and threw
    ThemeOptions options =
        base.withK(
            "true-count".equals(k)
                ? (Integer) (int) labels.stream().distinct().count()
                : k == null ? null : Integer.valueOf(k));
    try (ThemingEngine engine = new ThemingEngine()) {
      return evaluate(engine, answers, labels, options);
    }
  }

  static Map<String, Object> evaluate(
      ThemingEngine engine, List<Answer> answers, List<String> labels, ThemeOptions options) {
    long start = System.nanoTime();
    ThemeResult result = engine.theme(answers, options);
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Integer> labelIds = new HashMap<>(), themeIds = new HashMap<>();
    int[] truth = new int[answers.size()], predicted = new int[answers.size()];
    for (int i = 0; i < answers.size(); i++) {
      AnalysedAnswer r = result.answers().get(i);
      truth[i] = labelIds.computeIfAbsent(labels.get(i), x -> labelIds.size());
      String theme = r.themes().isEmpty() ? "none" : r.themes().get(0).themeId();
      predicted[i] = themeIds.computeIfAbsent(theme, x -> themeIds.size());
    }
    ClusteringMetrics.Scores s = ClusteringMetrics.score(truth, predicted);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("acc", round(s.acc()));
    out.put("nmi", round(s.nmi()));
    out.put("ari", round(s.ari()));
    out.put("themes", result.chosenK());
    out.put("seconds", round(seconds));
    out.put("answers", answers.size());
    out.put("stageSeconds", result.stageSeconds());
    return out;
  }

  static double round(double x) {
    return Math.round(x * 10000) / 10000.0;
  }

  static {
    JSON.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  }
}
