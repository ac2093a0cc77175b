package org.yousaid.analysis.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.yousaid.analysis.AnalysedAnswer;
import org.yousaid.analysis.Answer;
import org.yousaid.analysis.PreviousTheme;
import org.yousaid.analysis.Theme;
import org.yousaid.analysis.ThemeMembership;
import org.yousaid.analysis.ThemeOptions;
import org.yousaid.analysis.ThemeResult;
import org.yousaid.analysis.ThemingEngine;
import org.yousaid.analysis.work.InMemoryAnswerWorkStore;
import org.yousaid.analysis.work.StoredAnswerWork;

/**
 * Re-run times with the per-answer work kept in a store: a first (cold) run over the speed
 * benchmark's generated answers fills the store, then one answer is added, one edited and one
 * erased, each followed by a re-run, and each re-run is compared with a cold run over the same
 * answers (same themes and members, same themes per answer). Each re-run is given the run before's
 * themes and sub-themes as the analysis worker gives them, and so is its cold run: the same inputs,
 * with and without the store.
 */
final class IncrementalBenchmark {
  private IncrementalBenchmark() {}

  static List<Map<String, Object>> run(int size, long seed, ThemeOptions options) {
    return run(size, seed, options, 1, null);
  }

  /**
   * As {@link #run(int, long, ThemeOptions)}, each re-run done {@code repeat} times from the same
   * stored work (the CPU figures of all, and their median, are reported; the last run's result is
   * kept), and the re-runs alone recorded by Java Flight Recorder into {@code jfr} when not null.
   */
  static List<Map<String, Object>> run(
      int size, long seed, ThemeOptions options, int repeat, java.nio.file.Path jfr) {
    repeats = repeat;
    List<Map<String, Object>> out = new ArrayList<>();
    recordings = jfr;
    try (ThemingEngine engine = new ThemingEngine()) {
      engine.theme(
          List.of(new Answer("warm", "Loading the models: transport to respite.")), options);
      List<Answer> answers = new ArrayList<>(SpeedBenchmark.answers(size, seed));
      InMemoryAnswerWorkStore store = new InMemoryAnswerWorkStore();
      Map<String, Object> first =
          row("first run, store empty", engine, answers, options, store, false);
      out.add(first);
      out.add(row("re-run, nothing changed", engine, answers, rerun(options, first), store, false));
      answers.add(
          new Answer(
              "added",
              "The transport to the respite unit was cancelled twice and nobody rang us."));
      out.add(
          row("re-run, 1 answer added", engine, answers, rerun(options, last(out)), store, true));
      answers.set(10, new Answer(answers.get(10).id(), answers.get(10).text() + " It is urgent."));
      out.add(
          row("re-run, 1 answer edited", engine, answers, rerun(options, last(out)), store, true));
      answers.remove(20);
      out.add(
          row("re-run, 1 answer erased", engine, answers, rerun(options, last(out)), store, true));
      // the yardstick: how far two cold runs over the same answers are apart when only the
      // embedder's batches differ (the int8 model's vectors depend slightly on a batch's contents)
      List<Answer> reversed = new ArrayList<>(answers);
      java.util.Collections.reverse(reversed);
      Map<String, Object> noise = new LinkedHashMap<>();
      ThemeOptions again = rerun(options, last(out));
      ThemeResult cold = engine.theme(answers, again);
      ThemeResult coldReversed = engine.theme(reversed, again);
      noise.put("run", "cold run, same answers in reverse order, against a cold run");
      noise.put("answers", answers.size());
      noise.put("same_themes_as_cold_run", themes(cold).equals(themes(coldReversed)));
      noise.put("answers_with_other_themes_than_cold_run", differ(cold, coldReversed, false));
      noise.put("answers_with_other_sentiment_than_cold_run", differ(cold, coldReversed, true));
      noise.put(
          "load_average_at_end",
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      System.err.println(Main.JSON.valueToTree(noise));
      out.add(noise);
    }
    out.forEach(r -> r.remove(RESULT));
    return out;
  }

  private static int repeats = 1;

  /** Where each re-run's flight recording goes (a file per row, named by the row), or null. */
  private static java.nio.file.Path recordings;

  private static jdk.jfr.Recording startRecording(String what) {
    try {
      jdk.jfr.Recording r =
          new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
      r.setDestination(
          recordings.resolveSibling(
              recordings.getFileName() + "-" + what.replaceAll("[^a-z0-9]+", "-") + ".jfr"));
      r.start();
      return r;
    } catch (java.io.IOException | java.text.ParseException e) {
      throw new IllegalStateException("Cannot record", e);
    }
  }

  private static final String RESULT = "result";

  private static Map<String, Object> last(List<Map<String, Object>> rows) {
    return rows.get(rows.size() - 1);
  }

  /** The options of a re-run after the given row's run: its themes and sub-themes as earlier. */
  private static ThemeOptions rerun(ThemeOptions options, Map<String, Object> before) {
    ThemeResult r = (ThemeResult) before.get(RESULT);
    List<PreviousTheme> previous = new ArrayList<>();
    r.themes().forEach(t -> previous.add(PreviousTheme.of(t)));
    r.subThemes().forEach(t -> previous.add(PreviousTheme.of(t)));
    return options.withPreviousThemes(previous);
  }

  private static Map<String, Object> row(
      String what,
      ThemingEngine engine,
      List<Answer> answers,
      ThemeOptions options,
      InMemoryAnswerWorkStore store,
      boolean compare) {
    boolean isRerun = !options.previousThemes().isEmpty();
    int times = isRerun ? repeats : 1;
    Map<String, StoredAnswerWork> before = Map.copyOf(store.load());
    List<Double> cpus = new ArrayList<>();
    ThemeResult r = null;
    double seconds = 0, cpuSeconds = 0;
    jdk.jfr.Recording recording = isRerun && recordings != null ? startRecording(what) : null;
    for (int t = 0; t < times; t++) {
      if (t > 0) { // the same stored work as the first time
        store.delete(store.load().keySet());
        store.save(List.copyOf(before.values()));
      }
      long start = System.nanoTime();
      long cpuStart = processCpuNanos();
      r = engine.theme(answers, options, store);
      seconds = (System.nanoTime() - start) / 1e9;
      cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
      cpus.add(Main.round(cpuSeconds));
    }
    if (recording != null) {
      recording.stop(); // writes the destination file
      recording.close();
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("run", what);
    row.put("answers", answers.size());
    row.put("seconds", Main.round(seconds));
    // on a shared machine the wall time is mostly waiting for a core; the CPU time is the work
    row.put("cpu_seconds", Main.round(cpuSeconds));
    if (times > 1) {
      List<Double> sorted = cpus.stream().sorted().toList();
      row.put("cpu_seconds_each", cpus);
      row.put("cpu_seconds_median", sorted.get(sorted.size() / 2));
    }
    row.put("stage_seconds", rounded(r.stageSeconds()));
    row.put("themes", r.chosenK());
    row.put("sub_themes", r.subThemes().size());
    if (compare) {
      ThemeResult cold = engine.theme(answers, options);
      row.put("cold_run_themes", cold.chosenK());
      // byte for byte: every theme, sub-theme and answer outcome (not the stage times)
      row.put(
          "identical_to_cold_run",
          cold.themes().equals(r.themes())
              && cold.subThemes().equals(r.subThemes())
              && cold.answers().equals(r.answers()));
      row.put(
          "cold_run_seconds",
          Main.round(cold.stageSeconds().values().stream().mapToDouble(d -> d).sum()));
      row.put("same_themes_as_cold_run", themes(cold).equals(themes(r)));
      row.put("answers_with_other_themes_than_cold_run", differ(cold, r, false));
      row.put("answers_with_other_sentiment_than_cold_run", differ(cold, r, true));
    }
    row.put(
        "load_average_at_end", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.err.println(Main.JSON.valueToTree(row));
    // kept for the next re-run's earlier themes; the printed row does not show it
    row.put(RESULT, r);
    return row;
  }

  /** CPU time of the whole process (every thread, JIT and GC included), or -1 if unknown. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  private static Map<String, Double> rounded(Map<String, Double> stages) {
    Map<String, Double> out = new LinkedHashMap<>();
    stages.forEach((k, v) -> out.put(k, Main.round(v)));
    return out;
  }

  /**
   * Each theme's label and members, whatever its id (ids are numbered afresh when there is no
   * previous run to follow).
   */
  private static java.util.Set<String> themes(ThemeResult r) {
    java.util.Set<String> out = new TreeSet<>();
    for (Theme t : r.themes()) out.add(t.label() + " " + new TreeSet<>(t.memberIds()));
    return out;
  }

  /**
   * Answers whose sentiment differs, or (themes) whose primary theme is not the cold run's: each
   * theme of the run counts as the cold run's theme it shares most answers with.
   */
  private static long differ(ThemeResult cold, ThemeResult incremental, boolean sentiment) {
    Map<String, Object> expected = new HashMap<>();
    for (AnalysedAnswer a : cold.answers()) expected.put(a.id(), outcome(a, sentiment));
    Map<Object, Object> mapped = new HashMap<>();
    if (!sentiment) {
      Map<Object, Map<Object, Integer>> overlap = new HashMap<>();
      for (AnalysedAnswer a : incremental.answers())
        overlap
            .computeIfAbsent(outcome(a, false), k -> new HashMap<>())
            .merge(expected.get(a.id()), 1, Integer::sum);
      overlap.forEach(
          (theme, counts) ->
              mapped.put(
                  theme,
                  counts.entrySet().stream()
                      .max(Map.Entry.comparingByValue())
                      .orElseThrow()
                      .getKey()));
    }
    return incremental.answers().stream()
        .filter(
            a -> {
              Object mine = outcome(a, sentiment);
              return !java.util.Objects.equals(
                  sentiment ? mine : mapped.get(mine), expected.get(a.id()));
            })
        .count();
  }

  private static Object outcome(AnalysedAnswer a, boolean sentiment) {
    return sentiment
        ? String.valueOf(a.sentiment())
        : a.themes().stream().map(ThemeMembership::themeId).findFirst().orElse("none");
  }
}
