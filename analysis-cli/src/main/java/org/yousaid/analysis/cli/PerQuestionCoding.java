package org.yousaid.analysis.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yousaid.analysis.AnalysedAnswer;
import org.yousaid.analysis.Answer;
import org.yousaid.analysis.CodeframeTheme;
import org.yousaid.analysis.SentimentSplit;
import org.yousaid.analysis.Theme;
import org.yousaid.analysis.ThemeMembership;
import org.yousaid.analysis.ThemeOptions;
import org.yousaid.analysis.ThemeResult;
import org.yousaid.analysis.ThemingEngine;
import org.yousaid.analysis.pipeline.LabelThemes;
import org.yousaid.analysis.theme.ShareWording;

/**
 * {@code theme --codeframe codes.csv --question-column COL}: a file holding the answers to several
 * questions is coded one question at a time, each question's answers in their own run against the
 * same codeframe, as the service codes them (an officer's analysis is always of one question). How
 * common each code is, which the classifier estimates from the answers it is given, differs by
 * question ("what was good?" against "what could be improved?"), so the same answer can get
 * different codes under different questions. On the people-coded pxt answers this was no more
 * accurate than one pooled run (docs/benchmarks.md, "Codeframe: each question in its own run"); it
 * is here so that the command line codes a survey export as the service would.
 *
 * <p>The runs are joined into one result of the usual shape: one theme per code (members, counts,
 * shares, sentiment and near-copies summed over the questions; key terms, exemplar and supporting
 * quotes from the question where the code has most answers; description re-worded for the whole
 * file), each answer with its own run's codes, in the file's order. Proposed new themes (answers
 * that fit no code) stay per question, because each was found among one question's answers. {@link
 * Coded#questions()} gives each question's count per theme.
 */
final class PerQuestionCoding {
  private PerQuestionCoding() {}

  /** One question's answers and how many of them each theme holds. */
  record QuestionCounts(String question, int answers, List<ThemeCount> themes) {}

  /**
   * A theme's answers within one question; share of that question's answers with something to say.
   */
  record ThemeCount(String themeId, int count, double share) {}

  /** themes.json: the fields of {@link ThemeResult}, then the per-question counts. */
  record Coded(
      List<Theme> themes,
      List<AnalysedAnswer> answers,
      int chosenK,
      Map<String, Double> stageSeconds,
      List<Theme> subThemes,
      List<QuestionCounts> questions) {
    ThemeResult asResult() {
      return new ThemeResult(themes, answers, chosenK, stageSeconds, subThemes);
    }
  }

  /**
   * @param questions each answer's question, in the answers' order
   */
  static Coded code(
      ThemingEngine engine, List<Answer> answers, List<String> questions, ThemeOptions options) {
    if (options.codeframe().isEmpty())
      throw new IllegalArgumentException(
          "--question-column needs --codeframe: discovered themes differ by question");
    Map<String, List<Integer>> positions = new LinkedHashMap<>();
    for (int i = 0; i < answers.size(); i++)
      positions.computeIfAbsent(questions.get(i), q -> new ArrayList<>()).add(i);
    List<Run> runs = new ArrayList<>();
    for (var e : positions.entrySet()) {
      List<Answer> own = e.getValue().stream().map(answers::get).toList();
      runs.add(new Run(e.getKey(), e.getValue(), engine.theme(own, options)));
    }
    Set<String> codeNames =
        options.codeframe().stream().map(CodeframeTheme::name).collect(Collectors.toSet());
    return join(runs, codeNames, answers.size());
  }

  private record Run(String question, List<Integer> positions, ThemeResult result) {
    long answered() {
      return result.answers().stream().filter(a -> !a.nonAnswer()).count();
    }
  }

  /** One theme of one run, and the key of the joined theme it goes to. */
  private record Part(int run, Theme theme) {}

  private static Coded join(List<Run> runs, Set<String> codeNames, int size) {
    Map<String, List<Part>> byKey = new LinkedHashMap<>();
    for (int r = 0; r < runs.size(); r++) {
      if (!runs.get(r).result().subThemes().isEmpty())
        throw new IllegalStateException("codeframe runs have no sub-themes");
      for (Theme t : runs.get(r).result().themes())
        byKey.computeIfAbsent(key(r, t, codeNames), x -> new ArrayList<>()).add(new Part(r, t));
    }
    long answered = runs.stream().mapToLong(Run::answered).sum();
    // largest first, the buckets ("other", "other languages") last, as in one run
    List<List<Part>> order = new ArrayList<>(byKey.values());
    order.sort(
        (a, b) ->
            a.get(0).theme().other() != b.get(0).theme().other()
                ? Boolean.compare(a.get(0).theme().other(), b.get(0).theme().other())
                : a.get(0).theme().other() ? 0 : Integer.compare(count(b), count(a)));
    Map<String, String> newId = new HashMap<>(); // run + "\t" + old id -> joined id
    List<Theme> themes = new ArrayList<>();
    int number = 1;
    for (List<Part> parts : order) {
      Theme first = parts.get(0).theme();
      String id = first.other() ? first.id() : "C" + number++;
      for (Part p : parts) newId.put(p.run() + "\t" + p.theme().id(), id);
      themes.add(joined(id, parts, runs, answered));
    }
    AnalysedAnswer[] inOrder = new AnalysedAnswer[size];
    Map<String, Double> seconds = new LinkedHashMap<>();
    List<QuestionCounts> counts = new ArrayList<>();
    for (int r = 0; r < runs.size(); r++) {
      Run run = runs.get(r);
      List<AnalysedAnswer> own = run.result().answers();
      for (int j = 0; j < own.size(); j++)
        inOrder[run.positions().get(j)] = renamed(own.get(j), r, newId);
      run.result().stageSeconds().forEach((k, v) -> seconds.merge(k, v, Double::sum));
      List<ThemeCount> tc = new ArrayList<>();
      for (Theme t : run.result().themes())
        tc.add(new ThemeCount(newId.get(r + "\t" + t.id()), t.count(), t.share()));
      tc.sort((a, b) -> Integer.compare(b.count(), a.count()));
      counts.add(new QuestionCounts(run.question(), own.size(), tc));
    }
    int chosen = (int) themes.stream().filter(t -> !t.other()).count();
    return new Coded(themes, List.of(inOrder), chosen, seconds, List.of(), counts);
  }

  /** Codes join by name across questions; proposed themes stay with their question. */
  private static String key(int run, Theme t, Set<String> codeNames) {
    if (t.other()) return "bucket\t" + t.id();
    if (codeNames.contains(t.label()) && !LabelThemes.proposed(t.description()))
      return "code\t" + t.label();
    return "proposed\t" + run + "\t" + t.id();
  }

  private static int count(List<Part> parts) {
    return parts.stream().mapToInt(p -> p.theme().count()).sum();
  }

  private static Theme joined(String id, List<Part> parts, List<Run> runs, long answered) {
    Part main = parts.get(0);
    for (Part p : parts) if (p.theme().count() > main.theme().count()) main = p;
    Theme m = main.theme();
    List<String> members = new ArrayList<>();
    int neg = 0, neu = 0, pos = 0, dups = 0;
    for (Part p : parts) {
      members.addAll(p.theme().memberIds());
      SentimentSplit s = p.theme().sentiment();
      if (s != null) {
        neg += s.negative();
        neu += s.neutral();
        pos += s.positive();
      }
      dups += p.theme().nearDuplicates();
    }
    SentimentSplit split = m.sentiment() == null ? null : new SentimentSplit(neg, neu, pos);
    int count = members.size();
    String description;
    if (ThemingEngine.OTHER_LANGUAGES_ID.equals(m.id()))
      description =
          parts.stream()
              .map(p -> runs.get(p.run()).question() + ": " + p.theme().description())
              .collect(Collectors.joining(" "));
    else {
      description =
          LabelThemes.redescribe(
              m.description(),
              ShareWording.of(count, (int) answered),
              split == null ? new SentimentSplit(0, 0, 0) : split,
              dups);
      if (LabelThemes.proposed(m.description())) description = LabelThemes.PROPOSED + description;
    }
    return new Theme(
        id,
        m.label(),
        description,
        m.keyTerms(),
        members,
        count,
        answered == 0 ? 0 : (double) count / answered,
        split,
        m.exemplarId(),
        count - 1,
        dups,
        m.other(),
        m.supportingIds());
  }

  private static AnalysedAnswer renamed(AnalysedAnswer a, int run, Map<String, String> newId) {
    return new AnalysedAnswer(
        a.id(),
        a.redactedText(),
        a.sentiment(),
        a.themes().stream()
            .map(m -> new ThemeMembership(newId.get(run + "\t" + m.themeId()), m.confidence()))
            .toList(),
        // near-copy groups are found within a run: keep them apart across questions
        a.nearDuplicateGroup() == null ? null : "Q" + (run + 1) + "-" + a.nearDuplicateGroup(),
        a.nonAnswer(),
        a.language(),
        null,
        a.keyPhrases());
  }

  /** The summary's per-question section: each question's theme counts (under 5 not shown). */
  static String summary(Coded coded) {
    Map<String, String> label = new HashMap<>();
    for (Theme t : coded.themes()) label.put(t.id(), t.label());
    StringBuilder md = new StringBuilder("## By question\n\n");
    md.append(
        "Each question's answers were coded in their own run against the same codeframe.\n\n");
    for (QuestionCounts q : coded.questions()) {
      md.append("### ").append(oneLine(q.question())).append("\n\n");
      md.append(String.format(Locale.ROOT, "%d responses.%n%n", q.answers()));
      for (ThemeCount t : q.themes())
        md.append("- ")
            .append(oneLine(label.get(t.themeId())))
            .append(": ")
            .append(t.count() < 5 ? "fewer than 5" : String.valueOf(t.count()))
            .append("\n");
      md.append("\n");
    }
    return md.toString();
  }

  private static String oneLine(String s) {
    return s.replaceAll("[\\r\\n]+", " ").replace("#", "\\#");
  }
}
