package org.yousaid.analysis.eval;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.yousaid.analysis.CodeframeTheme;
import org.yousaid.analysis.represent.SentenceEmbedder;
import org.yousaid.analysis.represent.Vectors;
import org.yousaid.analysis.theme.codeframe.Codeframe;
import org.yousaid.analysis.theme.codeframe.CodeframeClassifier;

/**
 * {@code bench codeframe}: codeframe mode against people's codes, with baselines in the same run.
 *
 * <ul>
 *   <li>NHS patient feedback coded by people ({@code pxt-phase1/text_data.csv}): 44 subcategories
 *       and 9 labels. An answer is a row; its codes are the codes of every row with the same text.
 *       Distinct texts are split in two halves by a fixed seed: {@code dev} (where settings were
 *       chosen) and {@code test} (held out); examples are drawn from the half being scored and
 *       their texts are not scored. Zero-shot uses names + descriptions written from the names only
 *       ({@code codeframes/bench/pxt-*.csv}).
 *   <li>SEND: the shipped codeframe against a small self-written set ({@code
 *       codeframes/bench/send-eval-v1.csv}) — optimistic, the same author wrote both.
 * </ul>
 *
 * Baselines: "2 commonest codes" (the two most frequent codes of the scored answers, an oracle on
 * frequencies), nearest prototype (top-1 by cosine to the mean of description and examples) and
 * today's engine ({@link CodeframeAssigner}).
 */
public final class CodeframeBenchmark {
  private static final int RESAMPLES = 1000;
  public static final long SPLIT_SEED = 20261201L;

  public record Row(
      String set,
      int codes,
      String split,
      String method,
      String shots,
      int draw,
      MultiLabelMetrics.Scores scores) {}

  private final SentenceEmbedder embedder;
  private final EmbeddingStore store;
  private final Function<List<String>, float[][]> embed;

  private Set<String> methods; // null: every method
  private List<Row> byQuestionRows; // null: no per-question breakdown

  /**
   * @param cache a file keeping embeddings between runs (null: none), for comparing settings on a
   *     busy machine
   */
  public CodeframeBenchmark(SentenceEmbedder embedder, Path cache) throws IOException {
    this.embedder = embedder;
    this.store = new EmbeddingStore(embedder, cache);
    this.embed = store::embed;
  }

  /** Writes the embeddings computed in this run to the cache file, if any. */
  public void saveCache() throws IOException {
    store.save();
  }

  /** Scores only these methods (e.g. "ours" while comparing settings on a busy machine). */
  public CodeframeBenchmark onlyMethods(Set<String> methods) {
    this.methods = methods;
    return this;
  }

  /**
   * Also scores each row on each question's answers alone (set "pxt subcategory | Trust A - Q1"),
   * listed after the pooled rows: where per-question coding gains or loses.
   */
  public CodeframeBenchmark scoreEachQuestion() {
    this.byQuestionRows = new ArrayList<>();
    return this;
  }

  private boolean wanted(String method) {
    return methods == null || methods.contains(method);
  }

  /**
   * One scored set: answers (one per row), each with the indices of its codes and the question it
   * answered (pxt: the {@code question} column, e.g. "Trust C - Q2"; SEND: one question).
   */
  record Labelled(
      List<String> texts,
      List<Set<Integer>> codes,
      List<String> codeNames,
      List<String> questions) {
    Labelled {
      if (questions.size() != texts.size())
        throw new IllegalArgumentException("one question a row");
    }
  }

  /**
   * As the service codes: each question's answers in their own run (pxt has five questions, two per
   * trust but one at trust B); "ours" pools them in one run, as this bench always has.
   */
  public static final String PER_QUESTION = "ours, each question in its own run";

  public List<Row> run(
      Path dataDir, String split, int draws, int shots, CodeframeClassifier.Settings settings)
      throws IOException {
    List<Row> rows = new ArrayList<>();
    Path pxt = dataDir.resolve("pxt-phase1/text_data.csv");
    for (String[] level :
        List.of(
            new String[] {"subcategory", "pxt-subcategory"}, new String[] {"label", "pxt-label"})) {
      Codeframe frame = bench(level[1]);
      Labelled all = readPxt(pxt, level[0], frame);
      Labelled half = half(all, split);
      String set = "pxt " + level[0];
      // zero-shot: names + descriptions; names only
      rows.addAll(score(set, split, "0", 0, half, frame.codes(), settings));
      if (wanted("ours, names only"))
        rows.add(
            row(
                set,
                split,
                "ours, names only",
                "0",
                0,
                half,
                classify(namesOnly(frame.codes()), half.texts(), settings)));
      for (int d = 1; d <= draws; d++) {
        Random r = new Random(d);
        Map<Integer, List<Integer>> ex = drawExamples(half, shots, r);
        Set<Integer> used = new TreeSet<>();
        ex.values().forEach(used::addAll);
        List<CodeframeTheme> codes = new ArrayList<>();
        for (int c = 0; c < frame.codes().size(); c++) {
          CodeframeTheme t = frame.codes().get(c);
          codes.add(
              new CodeframeTheme(
                  t.name(),
                  t.description(),
                  ex.get(c).stream().map(half.texts()::get).distinct().toList()));
        }
        Labelled rest = without(half, used);
        rows.addAll(score(set, split, String.valueOf(shots), d, rest, codes, settings));
      }
    }
    Codeframe send = Codeframe.shipped(Codeframe.SEND_V1);
    Labelled sendSet = readSendEval(send);
    rows.addAll(
        score(
            "SEND (self-written)", "all", "0", 0, sendSet, stripExamples(send.codes()), settings));
    rows.addAll(
        score("SEND (self-written)", "all", "3 (shipped)", 0, sendSet, send.codes(), settings));
    if (byQuestionRows != null) rows.addAll(byQuestionRows);
    return rows;
  }

  private List<Row> score(
      String set,
      String split,
      String shots,
      int draw,
      Labelled data,
      List<CodeframeTheme> codes,
      CodeframeClassifier.Settings settings) {
    List<Row> out = new ArrayList<>();
    if (wanted("2 commonest codes"))
      out.add(row(set, split, "2 commonest codes", shots, draw, data, commonest(data, 2)));
    if (wanted("nearest prototype"))
      out.add(
          row(
              set,
              split,
              "nearest prototype",
              shots,
              draw,
              data,
              nearestPrototype(codes, data.texts())));
    if (wanted("today (CodeframeAssigner)"))
      out.add(
          row(
              set,
              split,
              "today (CodeframeAssigner)",
              shots,
              draw,
              data,
              today(codes, data.texts())));
    if (wanted("ours"))
      out.add(row(set, split, "ours", shots, draw, data, classify(codes, data.texts(), settings)));
    if (wanted(PER_QUESTION))
      out.add(row(set, split, PER_QUESTION, shots, draw, data, byQuestion(codes, data, settings)));
    if (wanted("before (embedding only, label + description)"))
      out.add(
          row(
              set,
              split,
              "before (embedding only, label + description)",
              shots,
              draw,
              data,
              classify(
                  codes,
                  data.texts(),
                  settings.toBuilder()
                      .lexicalWeight(0)
                      .references(CodeframeClassifier.References.FULL)
                      .build())));
    if (wanted("before (EM without held-out calibration)"))
      out.add(
          row(
              set,
              split,
              "before (EM without held-out calibration)",
              shots,
              draw,
              data,
              classify(codes, data.texts(), settings.toBuilder().calibrationFolds(0).build())));
    if (wanted("ours, no prior adaptation"))
      out.add(
          row(
              set,
              split,
              "ours, no prior adaptation",
              shots,
              draw,
              data,
              classify(codes, data.texts(), settings.toBuilder().adaptPriors(false).build())));
    if (wanted("ours, top code only"))
      out.add(
          row(
              set,
              split,
              "ours, top code only",
              shots,
              draw,
              data,
              classify(
                  codes,
                  data.texts(),
                  settings.toBuilder()
                      .secondRatio(2)
                      .sentences(false)
                      .noFitDeviations(0)
                      .newTopicAlpha(0)
                      .build())));
    return out;
  }

  private Row row(
      String set,
      String split,
      String method,
      String shots,
      int draw,
      Labelled data,
      List<Set<Integer>> predicted) {
    Set<String> questions = new LinkedHashSet<>(data.questions());
    if (byQuestionRows != null && questions.size() > 1)
      for (String q : questions) {
        List<Set<Integer>> truth = new ArrayList<>(), got = new ArrayList<>();
        for (int i = 0; i < predicted.size(); i++)
          if (data.questions().get(i).equals(q)) {
            truth.add(data.codes().get(i));
            got.add(predicted.get(i));
          }
        byQuestionRows.add(
            new Row(
                set + " | " + q,
                data.codeNames().size(),
                split,
                method,
                shots,
                draw,
                MultiLabelMetrics.score(truth, got, RESAMPLES / 5, 7)));
      }
    return new Row(
        set,
        data.codeNames().size(),
        split,
        method,
        shots,
        draw,
        MultiLabelMetrics.score(data.codes(), predicted, RESAMPLES, 7));
  }

  List<Set<Integer>> classify(
      List<CodeframeTheme> codes, List<String> texts, CodeframeClassifier.Settings settings) {
    return classify(new CodeframeClassifier(codes, embed, settings), texts);
  }

  /**
   * As the service codes: each question's answers in their own run against the same codeframe and
   * examples (an officer analyses one question at a time), predictions pooled for scoring. One
   * classifier serves every question: it is fixed once built, so this equals a fresh one per run.
   */
  List<Set<Integer>> byQuestion(
      List<CodeframeTheme> codes, Labelled data, CodeframeClassifier.Settings settings) {
    CodeframeClassifier c = new CodeframeClassifier(codes, embed, settings);
    Map<String, List<Integer>> rowsOf = new LinkedHashMap<>();
    for (int i = 0; i < data.texts().size(); i++)
      rowsOf.computeIfAbsent(data.questions().get(i), q -> new ArrayList<>()).add(i);
    List<Set<Integer>> out = new ArrayList<>(Collections.nCopies(data.texts().size(), null));
    for (List<Integer> rows : rowsOf.values()) {
      List<Set<Integer>> got = classify(c, rows.stream().map(data.texts()::get).toList());
      for (int j = 0; j < rows.size(); j++) out.set(rows.get(j), got.get(j));
    }
    return out;
  }

  private List<Set<Integer>> classify(CodeframeClassifier c, List<String> texts) {
    CodeframeClassifier.Result r = c.classify(texts, embed.apply(texts));
    List<Set<Integer>> out = new ArrayList<>();
    for (var as : r.assignments()) {
      Set<Integer> s = new LinkedHashSet<>();
      for (var a : as) s.add(a.code());
      out.add(s);
    }
    return out;
  }

  private List<Set<Integer>> nearestPrototype(List<CodeframeTheme> codes, List<String> texts) {
    float[][] protos = new float[codes.size()][];
    for (int c = 0; c < codes.size(); c++) {
      CodeframeTheme t = codes.get(c);
      List<String> refs = new ArrayList<>();
      refs.add(t.description().isBlank() ? t.name() : t.name() + ". " + t.description());
      refs.addAll(t.examples());
      protos[c] = Vectors.normalise(Vectors.mean(embed.apply(refs)));
    }
    float[][] x = embed.apply(texts);
    List<Set<Integer>> out = new ArrayList<>();
    for (float[] v : x) {
      int best = 0;
      for (int c = 1; c < protos.length; c++)
        if (Vectors.dot(v, protos[c]) > Vectors.dot(v, protos[best])) best = c;
      out.add(Set.of(best));
    }
    return out;
  }

  private List<Set<Integer>> today(List<CodeframeTheme> codes, List<String> texts) {
    CodeframeAssigner a = new CodeframeAssigner(codes, embedder);
    List<Set<Integer>> out = new ArrayList<>();
    for (float[] v : embed.apply(texts)) {
      Set<Integer> s = new LinkedHashSet<>();
      for (var x : a.assign(v)) s.add(x.theme());
      out.add(s);
    }
    return out;
  }

  private static List<Set<Integer>> commonest(Labelled data, int m) {
    int[] count = new int[data.codeNames().size()];
    for (Set<Integer> s : data.codes()) for (int c : s) count[c]++;
    List<Integer> order = new ArrayList<>();
    for (int c = 0; c < count.length; c++) order.add(c);
    order.sort((a, b) -> Integer.compare(count[b], count[a]));
    Set<Integer> top = new LinkedHashSet<>(order.subList(0, Math.min(m, order.size())));
    return Collections.nCopies(data.texts().size(), top);
  }

  /** Up to {@code shots} distinct texts per code; a code with few answers gives half of them. */
  private static Map<Integer, List<Integer>> drawExamples(Labelled data, int shots, Random r) {
    Map<String, Integer> firstRow = new LinkedHashMap<>();
    for (int i = 0; i < data.texts().size(); i++) firstRow.putIfAbsent(data.texts().get(i), i);
    Map<Integer, List<Integer>> out = new HashMap<>();
    Set<String> taken = new java.util.HashSet<>();
    for (int c = 0; c < data.codeNames().size(); c++) {
      List<Integer> cand = new ArrayList<>();
      for (var e : firstRow.entrySet())
        if (data.codes().get(e.getValue()).contains(c) && !taken.contains(e.getKey()))
          cand.add(e.getValue());
      Collections.shuffle(cand, r);
      int take = cand.size() > shots ? shots : cand.size() > 1 ? cand.size() / 2 : cand.size();
      List<Integer> chosen = new ArrayList<>(cand.subList(0, take));
      chosen.forEach(i -> taken.add(data.texts().get(i)));
      out.put(c, chosen);
    }
    return out;
  }

  /** The rows whose text is not among the examples' texts. */
  private static Labelled without(Labelled data, Set<Integer> exampleRows) {
    Set<String> exampleTexts = new java.util.HashSet<>();
    for (int i : exampleRows) exampleTexts.add(data.texts().get(i));
    List<String> t = new ArrayList<>();
    List<Set<Integer>> c = new ArrayList<>();
    List<String> q = new ArrayList<>();
    for (int i = 0; i < data.texts().size(); i++)
      if (!exampleTexts.contains(data.texts().get(i))) {
        t.add(data.texts().get(i));
        c.add(data.codes().get(i));
        q.add(data.questions().get(i));
      }
    return new Labelled(t, c, data.codeNames(), q);
  }

  /** dev / test: the two halves of the distinct texts (fixed seed); all: every row. */
  static Labelled half(Labelled all, String split) {
    if (split.equals("all")) return all;
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(all.texts()));
    Collections.sort(distinct);
    Collections.shuffle(distinct, new Random(SPLIT_SEED));
    Set<String> dev = new java.util.HashSet<>(distinct.subList(0, distinct.size() / 2));
    boolean wantDev =
        switch (split) {
          case "dev" -> true;
          case "test" -> false;
          default -> throw new IllegalArgumentException("--split dev|test|all");
        };
    List<String> t = new ArrayList<>();
    List<Set<Integer>> c = new ArrayList<>();
    List<String> q = new ArrayList<>();
    for (int i = 0; i < all.texts().size(); i++)
      if (dev.contains(all.texts().get(i)) == wantDev) {
        t.add(all.texts().get(i));
        c.add(all.codes().get(i));
        q.add(all.questions().get(i));
      }
    return new Labelled(t, c, all.codeNames(), q);
  }

  static Labelled readPxt(Path csv, String column, Codeframe frame) throws IOException {
    Map<String, Integer> index = new HashMap<>();
    for (int c = 0; c < frame.codes().size(); c++) index.put(norm(frame.codes().get(c).name()), c);
    List<String> texts = new ArrayList<>();
    List<String> questions = new ArrayList<>();
    Map<String, Set<Integer>> codesOfText = new HashMap<>();
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      for (CSVRecord rec :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
        String text = rec.get("feedback").strip();
        if (text.isEmpty()) continue;
        Integer code = index.get(norm(rec.get(column)));
        if (code == null)
          throw new IllegalStateException("Code not in the bench codeframe: " + rec.get(column));
        texts.add(text);
        questions.add(rec.get("question").strip());
        codesOfText.computeIfAbsent(text, x -> new TreeSet<>()).add(code);
      }
    }
    return new Labelled(
        texts,
        texts.stream().map(codesOfText::get).toList(),
        frame.codes().stream().map(CodeframeTheme::name).toList(),
        questions);
  }

  static Labelled readSendEval(Codeframe send) throws IOException {
    Map<String, Integer> index = new HashMap<>();
    for (int c = 0; c < send.codes().size(); c++) index.put(norm(send.codes().get(c).name()), c);
    List<String> texts = new ArrayList<>();
    List<Set<Integer>> codes = new ArrayList<>();
    try (Reader r = resource("bench/send-eval-v1.csv")) {
      for (CSVRecord rec :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
        Set<Integer> s = new TreeSet<>();
        for (String l : rec.get("codes").split("\\|")) {
          Integer c = index.get(norm(l));
          if (c == null) throw new IllegalStateException("Not a send-v1 code: " + l);
          s.add(c);
        }
        texts.add(rec.get("text"));
        codes.add(s);
      }
    }
    return new Labelled(
        texts,
        codes,
        send.codes().stream().map(CodeframeTheme::name).toList(),
        Collections.nCopies(texts.size(), "send-eval-v1"));
  }

  static Codeframe bench(String name) throws IOException {
    try (Reader r = resource("bench/" + name + ".csv")) {
      return Codeframe.read(name, r);
    }
  }

  private static Reader resource(String name) {
    var in =
        CodeframeBenchmark.class.getResourceAsStream("/org/yousaid/analysis/codeframes/" + name);
    if (in == null) throw new IllegalStateException("Missing resource " + name);
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  private static List<CodeframeTheme> namesOnly(List<CodeframeTheme> codes) {
    return codes.stream().map(c -> CodeframeTheme.named(c.name())).toList();
  }

  private static List<CodeframeTheme> stripExamples(List<CodeframeTheme> codes) {
    return codes.stream()
        .map(c -> new CodeframeTheme(c.name(), c.description(), List.of()))
        .toList();
  }

  private static String norm(String label) {
    return label.strip().toLowerCase(Locale.ROOT);
  }

  /** Mean over draws per (set, split, method, shots), as a Markdown table. */
  public static String markdown(List<Row> rows) {
    Map<String, List<Row>> groups = new LinkedHashMap<>();
    for (Row r : rows)
      groups
          .computeIfAbsent(
              r.set() + "\t" + r.codes() + "\t" + r.split() + "\t" + r.shots() + "\t" + r.method(),
              x -> new ArrayList<>())
          .add(r);
    StringBuilder b =
        new StringBuilder(
            "| set | codes | split | examples per code | method | draws | micro F1 [95% CI] | sample F1 [95% CI] | codes per answer (people) | no code | answers |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (var e : groups.entrySet()) {
      List<Row> g = e.getValue();
      Row f = g.get(0);
      double m = 0, ml = 0, mh = 0, s = 0, sl = 0, sh = 0, cpa = 0, tcpa = 0, n = 0, none = 0;
      for (Row r : g) {
        var sc = r.scores();
        m += sc.micro().value();
        ml += sc.micro().low();
        mh += sc.micro().high();
        s += sc.sample().value();
        sl += sc.sample().low();
        sh += sc.sample().high();
        cpa += sc.codesPerAnswer();
        tcpa += sc.truthCodesPerAnswer();
        n += sc.answers();
        none += sc.noCodeShare();
      }
      int k = g.size();
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %s | %s | %s | %d | %.3f [%.3f, %.3f] | %.3f [%.3f, %.3f] | %.2f (%.2f) | %.1f%% | %.0f |%n",
              f.set(),
              f.codes(),
              f.split(),
              f.shots(),
              f.method(),
              k,
              m / k,
              ml / k,
              mh / k,
              s / k,
              sl / k,
              sh / k,
              cpa / k,
              tcpa / k,
              100 * none / k,
              n / k));
    }
    return b.toString();
  }
}
