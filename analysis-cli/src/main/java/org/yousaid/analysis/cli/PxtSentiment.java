package org.yousaid.analysis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.yousaid.analysis.Sentiment;

/**
 * pxt-phase1's people-coded {@code criticality} (NHS patient feedback, -5 very critical .. 5 very
 * positive) as three sentiment classes, over distinct texts, in fixed splits.
 *
 * <p>Mapping: below 0 negative, above 0 positive. 0 is dropped: 2,563 of its 2,566 rows are Trust
 * B's, which coded criticism only and left praise at 0. Values that are not integers ("-o", "NA",
 * "cc") are dropped. Code {@code xn} ("nothing to improve") with at most 4 words and no word of
 * praise ("Nothing really", "Can't think of anything") is neutral: the text alone takes no side,
 * though coders scored it 3 from the question. Code {@code xg} ("nothing was good") is negative
 * whatever its score. A text coded more than once takes its majority class; ties are dropped.
 *
 * <p>Splits: {@code test} is the codeframe benchmark's held-out half of the distinct texts ({@link
 * DiscoveryBenchmark#devHalf}), so nothing either benchmark holds out is trained on; that
 * benchmark's dev half is cut (fixed seed) into {@code train} (2/3) and {@code dev} (1/3).
 */
final class PxtSentiment {
  static final long TRAIN_DEV_SEED = 20261202L;
  private static final Pattern PRAISE =
      Pattern.compile(
          "\\b(good|great|happy|fine|excellent|perfect|faultless|complaints?|brilliant)\\b");

  private PxtSentiment() {}

  static SentimentSet read(Path csv, String split) throws IOException {
    if (!Set.of("train", "dev", "test").contains(split))
      throw new IllegalArgumentException("pxt split train|dev|test, not " + split);
    List<List<String>> rows = CsvTable.read(csv, "feedback", "criticality", "code");
    List<String> all = new ArrayList<>();
    Map<String, Map<Sentiment, Integer>> votes = new LinkedHashMap<>();
    for (List<String> row : rows) {
      String text = row.get(0).strip();
      if (text.isEmpty()) continue;
      all.add(text);
      Sentiment s = label(text, row.get(1).strip(), row.get(2).strip());
      if (s != null)
        votes.computeIfAbsent(text, t -> new EnumMap<>(Sentiment.class)).merge(s, 1, Integer::sum);
    }
    Set<String> devHalf = DiscoveryBenchmark.devHalf(all);
    List<String> tuning = new ArrayList<>(devHalf);
    Collections.sort(tuning);
    Collections.shuffle(tuning, new Random(TRAIN_DEV_SEED));
    Set<String> train = Set.copyOf(tuning.subList(0, tuning.size() * 2 / 3));
    List<String> texts = new ArrayList<>();
    List<Sentiment> gold = new ArrayList<>();
    for (var e : votes.entrySet()) {
      String text = e.getKey();
      String in = !devHalf.contains(text) ? "test" : train.contains(text) ? "train" : "dev";
      if (!in.equals(split)) continue;
      Sentiment majority = majority(e.getValue());
      if (majority == null) continue;
      texts.add(text);
      gold.add(majority);
    }
    return new SentimentSet(
        "pxt-" + split, texts, gold, Collections.nCopies(texts.size(), "pxt-" + split));
  }

  /** One coded row's class, or null when the row says nothing usable (see the class comment). */
  static Sentiment label(String text, String criticality, String code) {
    int c;
    try {
      c = Integer.parseInt(criticality);
    } catch (NumberFormatException e) {
      return null;
    }
    if (c < -5 || c > 5) return null;
    if (code.equals("xg")) return Sentiment.NEGATIVE;
    String lower = text.toLowerCase(Locale.ROOT);
    if (code.equals("xn") && text.split("\\s+").length <= 4 && !PRAISE.matcher(lower).find())
      return Sentiment.NEUTRAL;
    return c < 0 ? Sentiment.NEGATIVE : c > 0 ? Sentiment.POSITIVE : null;
  }

  private static Sentiment majority(Map<Sentiment, Integer> votes) {
    Sentiment best = null;
    int top = 0;
    boolean tie = false;
    for (var v : votes.entrySet()) {
      if (v.getValue() > top) {
        best = v.getKey();
        top = v.getValue();
        tie = false;
      } else if (v.getValue() == top) tie = true;
    }
    return tie ? null : best;
  }
}
