package org.yousaid.analysis.theme;

/**
 * How {@link ThemeCountChooser} picks the number of themes when the officer has not given one. The
 * defaults are what the quality benchmarks were measured with (docs/benchmarks.md); the other
 * criteria are kept for comparing against them.
 *
 * @param criterion how a candidate number of themes is scored
 * @param sampleSize answers clustered per round for each candidate k (the whole set when smaller)
 * @param rounds independent sample + clustering rounds averaged per k (bagged silhouette only)
 * @param mergeSimilarity cosine at or above which two cluster centres are merged (merge only)
 * @param debug print each candidate k's score to standard error (scores only, never answers)
 */
public record AutoKOptions(
    Criterion criterion, int sampleSize, int rounds, double mergeSimilarity, boolean debug) {

  /** How a candidate clustering is scored. */
  public enum Criterion {
    SILHOUETTE,
    BAGGED_SILHOUETTE,
    KNN_MODULARITY,
    STABILITY,
    MERGE
  }

  public AutoKOptions {
    if (criterion == null) throw new IllegalArgumentException("criterion is required");
    if (sampleSize < 2) throw new IllegalArgumentException("sampleSize must be at least 2");
    if (rounds < 1) throw new IllegalArgumentException("rounds must be at least 1");
    if (!(mergeSimilarity > -1 && mergeSimilarity <= 1))
      throw new IllegalArgumentException("mergeSimilarity must be a cosine in (-1, 1]");
  }

  public static AutoKOptions defaults() {
    return new AutoKOptions(Criterion.BAGGED_SILHOUETTE, 1500, 3, 0.9, false);
  }

  public AutoKOptions withCriterion(Criterion c) {
    return new AutoKOptions(c, sampleSize, rounds, mergeSimilarity, debug);
  }

  public AutoKOptions withSampleSize(int size) {
    return new AutoKOptions(criterion, size, rounds, mergeSimilarity, debug);
  }

  public AutoKOptions withRounds(int r) {
    return new AutoKOptions(criterion, sampleSize, r, mergeSimilarity, debug);
  }

  public AutoKOptions withMergeSimilarity(double tau) {
    return new AutoKOptions(criterion, sampleSize, rounds, tau, debug);
  }

  public AutoKOptions withDebug(boolean on) {
    return new AutoKOptions(criterion, sampleSize, rounds, mergeSimilarity, on);
  }
}
