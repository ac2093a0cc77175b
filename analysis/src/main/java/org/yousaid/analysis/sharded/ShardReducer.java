package org.yousaid.analysis.sharded;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.yousaid.analysis.AnalysedAnswer;
import org.yousaid.analysis.Answer;
import org.yousaid.analysis.Sentiment;
import org.yousaid.analysis.SentimentSplit;
import org.yousaid.analysis.Theme;
import org.yousaid.analysis.ThemeMembership;
import org.yousaid.analysis.ThemeOptions;
import org.yousaid.analysis.ThemeResult;
import org.yousaid.analysis.ThemingEngine;
import org.yousaid.analysis.pipeline.DiscoverThemes;
import org.yousaid.analysis.pipeline.LabelThemes;
import org.yousaid.analysis.theme.ShareWording;
import org.yousaid.analysis.theme.ThemeDiscovery;
import org.yousaid.analysis.work.AnswerWorkCodec;
import org.yousaid.analysis.work.InMemoryAnswerWorkStore;
import org.yousaid.analysis.work.StoredAnswerWork;

/**
 * The reduce step of a sharded run: themes a question from its shards' per-answer work without
 * holding every answer's vector at once.
 *
 * <ol>
 *   <li>Pass 1 streams the shards' work and keeps the {@code sampleSize} answers whose ids hash
 *       lowest (so one answer more changes the sample by at most one, as in {@link
 *       ThemeDiscovery}), and counts identical redacted texts (campaign copies).
 *   <li>The engine themes the sample with its own stages (discovery, labels, exemplars, stable
 *       ids), reusing the shards' work: no CoreNLP and no embedding run again.
 *   <li>Pass 2 streams the shards again: every other answer joins the theme whose centre (the mean
 *       embedding of the theme's sample answers) it is closest to, and also any theme it is almost
 *       as close to and typical of (as the engine does); an answer less like its nearest theme than
 *       all but {@link #OTHER_QUANTILE} of the sample's themed answers are like theirs goes to
 *       "other". Counts, shares, sentiment splits and descriptions are worked out over every
 *       answer.
 * </ol>
 *
 * When the whole question fits in the sample, step 2 is the engine's ordinary run over every answer
 * and its result is returned as it is. Memory: the sample (its texts, work and the engine's run),
 * one shard at a time, and the result (one {@link AnalysedAnswer} per answer, as the officer pages'
 * writer needs).
 */
public final class ShardReducer {
  /** Answers themed by the engine itself; the rest are placed. */
  public static final int DEFAULT_SAMPLE_SIZE = ThemeDiscovery.LIMIT;

  /** Share of the sample's themed answers that would be "other" under the placement rule. */
  static final double OTHER_QUANTILE = 0.05;

  /** As the engine's discovery: a second theme when (almost) as close as to the first. */
  static final float SECOND_THEME_MARGIN = DiscoverThemes.SECOND_THEME_MARGIN;

  /**
   * @param result themes and every analysed answer
   * @param missingShards shards whose work is not there (failed beyond their retries and tolerated)
   * @param unanalysed answers in those shards: not in the result
   * @param sampled answers the engine themed itself (all of them when the question fits)
   */
  public record Reduced(
      ThemeResult result, List<Integer> missingShards, int unanalysed, int sampled) {}

  private final ThemingEngine engine;
  private final int sampleSize;

  public ShardReducer(ThemingEngine engine, int sampleSize) {
    if (sampleSize < 2) throw new IllegalArgumentException("a sample of at least 2 answers");
    this.engine = engine;
    this.sampleSize = sampleSize;
  }

  private record Picked(long key, int shard, String id) {}

  public Reduced reduce(ObjectStore store, ShardLayout layout, ThemeOptions options) {
    long started = System.nanoTime();
    ShardFormat.Manifest manifest =
        ShardFormat.fromJson(
            store
                .get(layout.manifest())
                .orElseThrow(() -> new IllegalArgumentException("no manifest: not a sharded run")),
            ShardFormat.Manifest.class);

    // Pass 1: the sample, the copies, what is missing.
    PriorityQueue<Picked> sample =
        new PriorityQueue<>(Comparator.comparingLong(Picked::key).reversed());
    Map<Long, Integer> copies = new HashMap<>();
    List<Integer> missing = new ArrayList<>();
    int unanalysed = 0, analysed = 0;
    for (int s = 0; s < manifest.shards(); s++) {
      var bytes = store.get(layout.work(s));
      if (bytes.isEmpty()) {
        missing.add(s);
        unanalysed +=
            ShardFormat.read(store.get(layout.input(s)).orElseThrow(), ShardFormat.InputLine.class)
                .size();
        continue;
      }
      for (ShardFormat.WorkLine w : ShardFormat.read(bytes.get(), ShardFormat.WorkLine.class)) {
        analysed++;
        sample.add(new Picked(key(w.id()), s, w.id()));
        if (sample.size() > sampleSize) sample.poll();
        if (w.themable()) copies.merge(textKey(w.redacted()), 1, Integer::sum);
      }
    }
    double passOne = seconds(started);

    // The engine themes the sample from the shards' work.
    Map<Integer, Set<String>> sampledByShard = new TreeMap<>();
    for (Picked p : sample)
      sampledByShard.computeIfAbsent(p.shard(), x -> new java.util.HashSet<>()).add(p.id());
    List<Answer> sampleAnswers = new ArrayList<>();
    InMemoryAnswerWorkStore sampleWork = InMemoryAnswerWorkStore.ofOtherRuns();
    Map<String, float[]> sampleVectors = new HashMap<>();
    for (var e : sampledByShard.entrySet()) {
      Set<String> ids = e.getValue();
      for (ShardFormat.InputLine in :
          ShardFormat.read(
              store.get(layout.input(e.getKey())).orElseThrow(), ShardFormat.InputLine.class))
        if (ids.contains(in.id())) sampleAnswers.add(new Answer(in.id(), in.text(), in.consent()));
      List<StoredAnswerWork> kept = new ArrayList<>();
      for (ShardFormat.WorkLine w :
          ShardFormat.read(
              store.get(layout.work(e.getKey())).orElseThrow(), ShardFormat.WorkLine.class)) {
        if (!ids.contains(w.id())) continue;
        kept.add(new StoredAnswerWork(w.id(), w.key(), w.work()));
        if (w.themable()) sampleVectors.put(w.id(), AnswerWorkCodec.embeddingOf(w.work()));
      }
      sampleWork.save(kept);
    }
    long sampleStart = System.nanoTime();
    ThemeResult sampled = engine.theme(sampleAnswers, options, sampleWork);
    double sampleSeconds = seconds(sampleStart);
    if (analysed <= sampleSize) {
      Map<String, Double> stages = new LinkedHashMap<>(sampled.stageSeconds());
      stages.put("shards-read", passOne);
      return new Reduced(
          new ThemeResult(sampled.themes(), sampled.answers(), sampled.chosenK(), stages),
          missing,
          unanalysed,
          sampleAnswers.size());
    }

    // Pass 2: place every other answer, and count every theme over all answers.
    long placeStart = System.nanoTime();
    Placement placement = Placement.of(sampled, sampleVectors);
    Map<String, AnalysedAnswer> fromSample = new HashMap<>();
    sampled.answers().forEach(a -> fromSample.put(a.id(), a));
    Map<String, Tally> tallies = new LinkedHashMap<>();
    sampled.themes().forEach(t -> tallies.put(t.id(), new Tally()));
    List<AnalysedAnswer> answers = new ArrayList<>(analysed);
    Map<String, Long> languages = new TreeMap<>();
    int answered = 0;
    for (int s = 0; s < manifest.shards(); s++) {
      if (missing.contains(s)) continue;
      for (ShardFormat.WorkLine w :
          ShardFormat.read(store.get(layout.work(s)).orElseThrow(), ShardFormat.WorkLine.class)) {
        if (!w.nonAnswer()) answered++;
        Sentiment sentiment = w.sentiment() == null ? null : Sentiment.valueOf(w.sentiment());
        List<ThemeMembership> themes;
        AnalysedAnswer own = fromSample.get(w.id());
        if (own != null) {
          themes = own.themes();
          sentiment = own.sentiment();
        } else if (w.nonAnswer()) themes = List.of();
        else if (!w.themable())
          themes = List.of(new ThemeMembership(ThemingEngine.OTHER_LANGUAGES_ID, 1.0));
        else themes = placement.place(AnswerWorkCodec.embeddingOf(w.work()));
        if (!w.nonAnswer() && !w.themable()) languages.merge(w.language(), 1L, Long::sum);
        String group = null;
        if (w.themable() && copies.getOrDefault(textKey(w.redacted()), 0) > 1)
          group = "D" + Long.toHexString(textKey(w.redacted()));
        for (ThemeMembership m : themes)
          tallies.computeIfAbsent(m.themeId(), x -> new Tally()).add(w.id(), sentiment, group);
        answers.add(
            new AnalysedAnswer(
                w.id(), w.redacted(), sentiment, themes, group, w.nonAnswer(), w.language()));
      }
    }
    List<Theme> themes = themes(sampled, tallies, answered, languages);
    Map<String, Double> stages = new LinkedHashMap<>();
    stages.put("shards-read", passOne);
    stages.put("sample-themes", sampleSeconds);
    stages.put("placement", seconds(placeStart));
    int chosen = (int) themes.stream().filter(t -> !t.other()).count();
    return new Reduced(
        new ThemeResult(themes, answers, chosen, stages),
        missing,
        unanalysed,
        sampleAnswers.size());
  }

  /** Every theme counted over all answers: the sample's labels, key terms and quotes. */
  private static List<Theme> themes(
      ThemeResult sampled, Map<String, Tally> tallies, int answered, Map<String, Long> languages) {
    Map<String, Theme> byId = new LinkedHashMap<>();
    sampled.themes().forEach(t -> byId.put(t.id(), t));
    List<Theme> out = new ArrayList<>();
    for (var e : tallies.entrySet()) {
      Tally tally = e.getValue();
      if (tally.members.isEmpty()) continue;
      Theme t = byId.get(e.getKey());
      String id = e.getKey();
      int count = tally.members.size();
      SentimentSplit split = new SentimentSplit(tally.negative, tally.neutral, tally.positive);
      double share = answered == 0 ? 0 : (double) count / answered;
      boolean otherLanguages = ThemingEngine.OTHER_LANGUAGES_ID.equals(id);
      List<String> terms = t == null ? List.of() : t.keyTerms();
      String description =
          otherLanguages
              ? String.format(
                  Locale.ROOT,
                  "%d %s (%.0f%%) not in English, not themed: please read or translate (%s).",
                  count,
                  count == 1 ? "answer" : "answers",
                  share * 100,
                  languages.entrySet().stream()
                      .map(l -> l.getKey() + " " + l.getValue())
                      .collect(Collectors.joining(", ")))
              : LabelThemes.redescribe(
                  t == null ? null : t.description(),
                  ShareWording.of(count, answered),
                  split,
                  tally.copies);
      String label = t != null ? t.label() : otherLanguages ? "Other languages" : "Other";
      boolean other = t != null ? t.other() : true;
      String exemplar = t != null ? t.exemplarId() : tally.members.get(0);
      out.add(
          new Theme(
              id,
              label,
              description,
              terms,
              List.copyOf(tally.members),
              count,
              share,
              split,
              exemplar,
              count - 1,
              tally.copies,
              other,
              t == null ? List.of() : t.supportingIds()));
    }
    // largest first, the buckets last, as the engine orders them
    out.sort(
        Comparator.comparing(Theme::other)
            .thenComparing(Comparator.comparingInt(Theme::count).reversed()));
    return out;
  }

  /** Members, sentiment and copies of one theme, counted as answers stream past. */
  private static final class Tally {
    final List<String> members = new ArrayList<>();
    int negative, neutral, positive, copies;

    void add(String id, Sentiment sentiment, String copyGroup) {
      members.add(id);
      if (copyGroup != null) copies++;
      if (sentiment == null) return;
      switch (sentiment) {
        case NEGATIVE -> negative++;
        case NEUTRAL -> neutral++;
        case POSITIVE -> positive++;
      }
    }
  }

  /**
   * Theme centres and thresholds from the sample: each content theme's centre is the mean of its
   * sample answers' embeddings (those whose first theme it is).
   */
  record Placement(
      List<String> ids, float[][] centres, float[] medianOwn, float otherBelow, String otherId) {

    static Placement of(ThemeResult sampled, Map<String, float[]> vectors) {
      List<String> ids = new ArrayList<>();
      Set<String> content = new TreeSet<>();
      String otherId = ThemingEngine.OTHER_ID;
      for (Theme t : sampled.themes()) {
        if (!t.other()) content.add(t.id());
        else if (!ThemingEngine.OTHER_LANGUAGES_ID.equals(t.id())) otherId = t.id();
      }
      Map<String, List<float[]>> members = new LinkedHashMap<>();
      for (AnalysedAnswer a : sampled.answers()) {
        if (a.themes().isEmpty()) continue;
        String first = a.themes().get(0).themeId();
        float[] v = vectors.get(a.id());
        if (v != null && content.contains(first))
          members.computeIfAbsent(first, x -> new ArrayList<>()).add(v);
      }
      ids.addAll(members.keySet());
      float[][] centres = new float[ids.size()][];
      float[] medianOwn = new float[ids.size()];
      List<Float> all = new ArrayList<>();
      for (int x = 0; x < ids.size(); x++) {
        List<float[]> vs = members.get(ids.get(x));
        centres[x] = unitMean(vs);
        List<Float> own = new ArrayList<>();
        for (float[] v : vs) own.add(dot(v, centres[x]));
        own.sort(null);
        medianOwn[x] = own.get(own.size() / 2);
        all.addAll(own);
      }
      all.sort(null);
      float otherBelow =
          all.isEmpty() ? Float.NEGATIVE_INFINITY : all.get((int) (OTHER_QUANTILE * all.size()));
      return new Placement(ids, centres, medianOwn, otherBelow, otherId);
    }

    List<ThemeMembership> place(float[] v) {
      if (v == null || centres.length == 0) return List.of(new ThemeMembership(otherId, 1.0));
      float[] sims = new float[centres.length];
      int best = 0;
      for (int x = 0; x < centres.length; x++) {
        sims[x] = dot(v, centres[x]);
        if (sims[x] > sims[best]) best = x;
      }
      double[] p = DiscoverThemes.softmax(sims);
      if (sims[best] < otherBelow) return List.of(new ThemeMembership(otherId, round(p[best])));
      List<ThemeMembership> out = new ArrayList<>();
      out.add(new ThemeMembership(ids.get(best), round(p[best])));
      for (int x = 0; x < centres.length; x++)
        if (x != best && sims[x] >= sims[best] - SECOND_THEME_MARGIN && sims[x] >= medianOwn[x])
          out.add(new ThemeMembership(ids.get(x), round(p[x])));
      return out;
    }
  }

  private static float[] unitMean(List<float[]> vs) {
    float[] m = new float[vs.get(0).length];
    for (float[] v : vs) for (int d = 0; d < m.length; d++) m[d] += v[d];
    double norm = 0;
    for (float x : m) norm += x * x;
    norm = Math.sqrt(norm);
    if (norm > 0) for (int d = 0; d < m.length; d++) m[d] /= (float) norm;
    return m;
  }

  private static float dot(float[] a, float[] b) {
    float s = 0;
    for (int d = 0; d < a.length; d++) s += a[d] * b[d];
    return s;
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }

  /** The answer id's key, exactly as the engine's discovery keys its sample. */
  static long key(String id) {
    return DiscoverThemes.key(id);
  }

  /** 64 bits of SHA-256 of a redacted text: identical answers share it, no text is kept. */
  private static long textKey(String redacted) {
    byte[] d = AnswerWorkCodec.sha256(redacted == null ? "" : redacted);
    long h = 0;
    for (int i = 0; i < 8; i++) h = (h << 8) | (d[i] & 0xff);
    return h;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
