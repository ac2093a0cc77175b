package org.yousaid.analysis.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.yousaid.analysis.Sentiment;
import org.yousaid.analysis.SentimentSplit;
import org.yousaid.analysis.represent.ThemeSpace;
import org.yousaid.analysis.theme.KeyPhraseExtractor;

/**
 * Stage 7: each theme's key phrases, label, exemplar (the most central answer), sentiment split and
 * description, in the order officers read them: themes largest first, then "other", then "other
 * languages". Empty themes are left out.
 */
public final class LabelThemes {
  static final int KEY_TERMS = 5;
  private final Grouping grouping;
  private final ThemeSpace space;

  public LabelThemes(Grouping grouping, ThemeSpace space) {
    this.grouping = grouping;
    this.space = space;
  }

  public List<ThemeDraft> apply(List<AnswerRecord> records) {
    int k = grouping.k();
    int languages = grouping.otherLanguagesIndex();
    // members per theme index, and primary members (for exemplar choice)
    List<List<Integer>> members = new ArrayList<>();
    List<List<Integer>> primaries = new ArrayList<>();
    for (int x = 0; x <= languages; x++) {
      members.add(new ArrayList<>());
      primaries.add(new ArrayList<>());
    }
    for (AnswerRecord r : records) {
      List<Membership> m = r.themes();
      for (int rank = 0; rank < m.size(); rank++) {
        members.get(m.get(rank).theme()).add(r.index());
        if (rank == 0) primaries.get(m.get(rank).theme()).add(r.index());
      }
    }
    KeyPhraseExtractor phrases =
        new KeyPhraseExtractor(records.stream().map(AnswerRecord::annotated).toList());
    List<Integer> order =
        IntStream.rangeClosed(0, languages)
            .filter(x -> !members.get(x).isEmpty())
            .boxed()
            .sorted(
                (a, b) ->
                    a >= k || b >= k
                        ? Integer.compare(a, b)
                        : Integer.compare(members.get(b).size(), members.get(a).size()))
            .toList();
    long answered = records.stream().filter(r -> !r.nonAnswer()).count();
    List<ThemeDraft> drafts = new ArrayList<>();
    for (int o = 0; o < order.size(); o++) {
      int x = order.get(o);
      boolean other = x >= k;
      List<Integer> mem = members.get(x);
      List<String> terms = x == languages ? List.of() : phrases.keyPhrases(mem, KEY_TERMS);
      String label =
          x == languages
              ? "Other languages"
              : other ? "Other" : grouping.named(x) ? grouping.names().get(x) : label(terms, o + 1);
      int exemplar = exemplar(x, primaries.get(x).isEmpty() ? mem : primaries.get(x), records);
      SentimentSplit split = split(mem, records);
      int dups = (int) mem.stream().filter(i -> records.get(i).nearDuplicateGroup() >= 0).count();
      double share = answered == 0 ? 0 : (double) mem.size() / answered;
      String description =
          x == languages
              ? describeLanguages(mem, records, share)
              : (grouping.proposed(x)
                      ? "Proposed new theme (these answers fit no code of the codeframe): "
                      : "")
                  + describe(mem.size(), share, terms, split, dups);
      drafts.add(
          new ThemeDraft(
              x,
              other,
              x == languages,
              label,
              description,
              terms,
              mem.stream().map(i -> records.get(i).answer().id()).toList(),
              share,
              split,
              records.get(exemplar).answer().id(),
              dups));
    }
    return drafts;
  }

  /**
   * The most central answer: closest to the theme centroid (discovery) or most confident
   * (codeframe, and the buckets).
   */
  private int exemplar(int x, List<Integer> candidates, List<AnswerRecord> records) {
    float[][] centroids = grouping.centroids();
    int best = candidates.get(0);
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i : candidates) {
      double s;
      if (centroids != null && x < centroids.length) s = space.similarity(i, centroids[x]);
      else
        s =
            records.get(i).themes().stream()
                .filter(d -> d.theme() == x)
                .mapToDouble(Membership::confidence)
                .max()
                .orElse(0);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    return best;
  }

  private static SentimentSplit split(List<Integer> members, List<AnswerRecord> records) {
    int neg = 0, neu = 0, pos = 0;
    for (int i : members) {
      Sentiment s = records.get(i).sentiment();
      if (s == Sentiment.NEGATIVE) neg++;
      else if (s == Sentiment.NEUTRAL) neu++;
      else if (s == Sentiment.POSITIVE) pos++;
    }
    return new SentimentSplit(neg, neu, pos);
  }

  /**
   * A readable label from the key terms: the best multi-word phrase among the top three when there
   * is one ("Respite transport"), otherwise the top two terms ("Holiday and playscheme").
   */
  static String label(List<String> keyTerms, int number) {
    if (keyTerms.isEmpty()) return "Theme " + number;
    List<String> top = keyTerms.subList(0, Math.min(3, keyTerms.size()));
    String phrase = top.stream().filter(t -> t.contains(" ")).findFirst().orElse(null);
    String label;
    if (phrase != null) {
      label =
          (" " + phrase + " ").contains(" " + top.get(0) + " ") || phrase.equals(top.get(0))
              ? phrase
              : top.get(0) + " and " + phrase;
    } else {
      label = top.size() == 1 ? top.get(0) : top.get(0) + " and " + top.get(1);
    }
    return label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1);
  }

  private static String describe(
      int count, double share, List<String> terms, SentimentSplit s, int dups) {
    StringBuilder d = new StringBuilder();
    d.append(count)
        .append(count == 1 ? " answer" : " answers")
        .append(String.format(Locale.ROOT, " (%.0f%%)", share * 100));
    if (!terms.isEmpty()) {
      d.append(" about ");
      List<String> ts = terms.subList(0, Math.min(3, terms.size()));
      d.append(
          ts.size() == 1
              ? ts.get(0)
              : String.join(", ", ts.subList(0, ts.size() - 1)) + " and " + ts.get(ts.size() - 1));
    }
    int scored = s.negative() + s.neutral() + s.positive();
    if (scored > 0) {
      d.append(
          String.format(
              Locale.ROOT,
              "; %.0f%% negative, %.0f%% neutral, %.0f%% positive",
              100.0 * s.negative() / scored,
              100.0 * s.neutral() / scored,
              100.0 * s.positive() / scored));
    }
    if (dups > 0) d.append("; ").append(dups).append(" near-identical (campaign-style) answers");
    return d.append('.').toString();
  }

  private static String describeLanguages(
      List<Integer> members, List<AnswerRecord> records, double share) {
    Map<String, Long> byLanguage =
        members.stream()
            .collect(
                Collectors.groupingBy(
                    i -> records.get(i).language(), TreeMap::new, Collectors.counting()));
    String list =
        byLanguage.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    return String.format(
        Locale.ROOT,
        "%d %s (%.0f%%) not in English, not themed: please read or translate (%s).",
        members.size(),
        members.size() == 1 ? "answer" : "answers",
        share * 100,
        list);
  }
}
