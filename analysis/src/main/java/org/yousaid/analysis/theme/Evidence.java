package org.yousaid.analysis.theme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * The answers quoted for a theme: the exemplar, the member most typical of the theme, and two or
 * three supporting quotes that say it differently.
 *
 * <p>Typical means close to the theme's centre and of moderate length: the centre alone favours
 * long stories that touch every word of the theme, which do not speak for the short answers most
 * members wrote, so each answer loses {@link #LENGTH_PENALTY} per unit of |ln(its words / the
 * members' median words)|. Among the typical half, a respondent who agreed to be quoted is
 * preferred, since only they can be published. Supporting quotes are chosen by maximal marginal
 * relevance: typical, but unlike the exemplar and each other.
 */
public final class Evidence {
  /**
   * Score lost per unit of |log length ratio| to the median member (tuned by reading, not data).
   */
  static final double LENGTH_PENALTY = 0.06;

  /** Weight of similarity to the quotes already chosen when choosing the next one. */
  static final double REDUNDANCY = 0.5;

  /** Most supporting quotes. */
  public static final int SUPPORTING = 3;

  /** Exemplar (a member) and supporting quotes (members), best first. */
  public record Quotes(int exemplar, List<Integer> supporting) {}

  private Evidence() {}

  /**
   * @param candidates the theme's members to choose from (indices)
   * @param closeness how close each is to the theme's centre (cosine) or how confidently it is in
   *     the theme
   * @param words each candidate's length in words
   * @param consented whether each candidate's respondent agreed to be quoted
   * @param similarity between two candidates
   */
  public static Quotes choose(
      List<Integer> candidates,
      IntToDoubleFunction closeness,
      IntToDoubleFunction words,
      IntPredicate consented,
      Similarity similarity) {
    int n = candidates.size();
    double[] score = typicality(candidates, closeness, words);
    Integer[] order = new Integer[n];
    for (int x = 0; x < n; x++) order[x] = x;
    Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
    int exemplar = order[0];
    for (int r = 0; r < Math.max(1, (n + 1) / 2); r++)
      if (consented.test(candidates.get(order[r]))) {
        exemplar = order[r];
        break;
      }
    List<Integer> chosen = new ArrayList<>(List.of(exemplar));
    List<Integer> supporting = new ArrayList<>();
    while (supporting.size() < Math.min(SUPPORTING, n - 1)) {
      int best = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int x = 0; x < n; x++) {
        if (chosen.contains(x)) continue;
        double redundancy = Double.NEGATIVE_INFINITY;
        for (int c : chosen)
          redundancy =
              Math.max(redundancy, similarity.between(candidates.get(x), candidates.get(c)));
        double value = score[x] - REDUNDANCY * redundancy;
        if (value > bestValue) {
          bestValue = value;
          best = x;
        }
      }
      chosen.add(best);
      supporting.add(candidates.get(best));
    }
    return new Quotes(candidates.get(exemplar), supporting);
  }

  /** Similarity between two answers. */
  @FunctionalInterface
  public interface Similarity {
    double between(int a, int b);
  }

  static double[] typicality(
      List<Integer> candidates, IntToDoubleFunction closeness, IntToDoubleFunction words) {
    int n = candidates.size();
    double[] lengths = new double[n];
    for (int x = 0; x < n; x++) lengths[x] = Math.max(1, words.applyAsDouble(candidates.get(x)));
    double[] sorted = lengths.clone();
    Arrays.sort(sorted);
    double median = sorted[n / 2];
    double[] score = new double[n];
    for (int x = 0; x < n; x++)
      score[x] =
          closeness.applyAsDouble(candidates.get(x))
              - LENGTH_PENALTY * Math.abs(Math.log(lengths[x] / median));
    return score;
  }
}
