package org.yousaid.analysis.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.analysis.AnalysedAnswer;
import org.yousaid.analysis.ThemeResult;

/**
 * How far two runs over the same answers agree on each answer's primary theme, whatever the themes'
 * ids: the adjusted Rand index, and the share of answers whose theme in one run is the other run's
 * theme it overlaps most (the smaller of both directions, so that one big theme cannot agree with
 * everything). Answers without a theme count as a theme of their own.
 */
record ThemeAgreement(double adjustedRand, double matched, int answers) {

  static ThemeAgreement of(ThemeResult a, ThemeResult b) {
    Map<String, String> pa = primaries(a.answers()), pb = primaries(b.answers());
    pa.keySet().retainAll(pb.keySet());
    Map<String, Map<String, Integer>> table = new HashMap<>();
    pa.forEach(
        (id, x) ->
            table.computeIfAbsent(x, k -> new HashMap<>()).merge(pb.get(id), 1, Integer::sum));
    int n = pa.size();
    return new ThemeAgreement(
        ari(table, n), Math.min(matched(table, n), matched(transpose(table), n)), n);
  }

  private static Map<String, String> primaries(List<AnalysedAnswer> answers) {
    Map<String, String> out = new HashMap<>();
    for (AnalysedAnswer x : answers)
      out.put(x.id(), x.themes().isEmpty() ? "(none)" : x.themes().get(0).themeId());
    return out;
  }

  private static double matched(Map<String, Map<String, Integer>> table, int n) {
    long agree = 0;
    for (Map<String, Integer> row : table.values())
      agree += row.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    return n == 0 ? 1 : (double) agree / n;
  }

  private static Map<String, Map<String, Integer>> transpose(Map<String, Map<String, Integer>> t) {
    Map<String, Map<String, Integer>> out = new HashMap<>();
    t.forEach(
        (x, row) -> row.forEach((y, c) -> out.computeIfAbsent(y, k -> new HashMap<>()).put(x, c)));
    return out;
  }

  private static double ari(Map<String, Map<String, Integer>> table, int n) {
    double cells = 0, rows = 0;
    Map<String, Integer> colSums = new HashMap<>();
    for (Map<String, Integer> row : table.values()) {
      int sum = 0;
      for (var e : row.entrySet()) {
        cells += pairs(e.getValue());
        sum += e.getValue();
        colSums.merge(e.getKey(), e.getValue(), Integer::sum);
      }
      rows += pairs(sum);
    }
    double cols = colSums.values().stream().mapToDouble(ThemeAgreement::pairs).sum();
    double expected = rows * cols / pairs(n), max = (rows + cols) / 2;
    return max == expected ? 1 : (cells - expected) / (max - expected);
  }

  private static double pairs(int c) {
    return c * (c - 1) / 2.0;
  }
}
