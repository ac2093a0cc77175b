package org.yousaid.analysis.theme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds near-identical answers (campaign or template responses, copy-paste with small edits) with
 * MinHash over word 3-shingles and LSH banding, then confirms candidate pairs by exact Jaccard
 * similarity. Linear in the number of answers, unlike all-pairs comparison. Only answers of at
 * least {@link #MIN_WORDS} words take part: two parents both answering "More respite." are not a
 * campaign.
 */
public final class NearDuplicateDetector {
  static final int MIN_WORDS = 8;
  private static final int HASHES = 64, BANDS = 16, ROWS = HASHES / BANDS;
  private final double minJaccard;

  public NearDuplicateDetector(double minJaccard) {
    this.minJaccard = minJaccard;
  }

  /**
   * Returns a group number per text (-1 when the text has no near-duplicate). Groups are numbered
   * from 0.
   */
  public int[] groups(List<String> texts) {
    int n = texts.size();
    List<Set<Integer>> shingles = new ArrayList<>(n);
    int[][] signatures = new int[n][];
    for (int i = 0; i < n; i++) {
      Set<Integer> s = shingles(texts.get(i));
      shingles.add(s);
      signatures[i] = s.isEmpty() ? null : minHash(s);
    }
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) parent[i] = i;
    for (int b = 0; b < BANDS; b++) {
      Map<Long, List<Integer>> buckets = new HashMap<>();
      for (int i = 0; i < n; i++) {
        if (signatures[i] == null) continue;
        long key = b;
        for (int r = 0; r < ROWS; r++) key = key * 1_000_003L + signatures[i][b * ROWS + r];
        buckets.computeIfAbsent(key, x -> new ArrayList<>()).add(i);
      }
      for (List<Integer> bucket : buckets.values()) {
        for (int x = 1; x < bucket.size(); x++) {
          int i = bucket.get(0), j = bucket.get(x);
          if (find(parent, i) != find(parent, j)
              && jaccard(shingles.get(i), shingles.get(j)) >= minJaccard) {
            parent[find(parent, i)] = find(parent, j);
          }
        }
      }
    }
    Map<Integer, Integer> sizes = new HashMap<>();
    for (int i = 0; i < n; i++) sizes.merge(find(parent, i), 1, Integer::sum);
    Map<Integer, Integer> ids = new HashMap<>();
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int root = find(parent, i);
      out[i] = sizes.get(root) > 1 ? ids.computeIfAbsent(root, r -> ids.size()) : -1;
    }
    return out;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }

  static Set<Integer> shingles(String text) {
    String[] words =
        text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s]", " ").trim().split("\\s+");
    Set<Integer> out = new HashSet<>();
    if (words.length < MIN_WORDS) return out;
    for (int i = 0; i + 3 <= words.length; i++)
      out.add((words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]).hashCode());
    return out;
  }

  private static int[] minHash(Set<Integer> shingles) {
    int[] sig = new int[HASHES];
    java.util.Arrays.fill(sig, Integer.MAX_VALUE);
    for (int s : shingles) {
      for (int h = 0; h < HASHES; h++) {
        int v = mix(s * 0x9E3779B1 + h * 0x85EBCA77);
        if (v < sig[h]) sig[h] = v;
      }
    }
    return sig;
  }

  private static int mix(int x) {
    x ^= x >>> 16;
    x *= 0x7feb352d;
    x ^= x >>> 15;
    x *= 0x846ca68b;
    x ^= x >>> 16;
    return x;
  }

  static double jaccard(Set<Integer> a, Set<Integer> b) {
    if (a.isEmpty() || b.isEmpty()) return 0;
    int common = 0;
    for (int x : a) if (b.contains(x)) common++;
    return (double) common / (a.size() + b.size() - common);
  }
}
