package org.yousaid.analysis.theme;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yousaid.analysis.PreviousTheme;

/**
 * Stage 8: when a question is themed again (usually with more answers), each new theme is matched
 * one-to-one with a previous theme by how many of the previous theme's answers it holds (Hungarian
 * assignment on the overlap, ties broken by key-term overlap). A matched theme keeps the previous
 * id and label; the rest get fresh ids.
 */
public final class ThemeIdStabiliser {
  /**
   * A new theme must hold at least this share of a previous theme's (still present) answers to
   * inherit it.
   */
  static final double MIN_OVERLAP = 0.4;

  public record Draft(List<String> memberIds, List<String> keyTerms) {}

  /** For each draft, the index of the previous theme it continues, or -1. */
  public int[] match(List<Draft> drafts, List<PreviousTheme> previous) {
    int[] result = new int[drafts.size()];
    java.util.Arrays.fill(result, -1);
    if (previous.isEmpty() || drafts.isEmpty()) return result;
    Set<String> present = new HashSet<>();
    for (Draft d : drafts) present.addAll(d.memberIds());
    double[][] score = new double[drafts.size()][previous.size()];
    double[][] cost = new double[drafts.size()][previous.size()];
    for (int i = 0; i < drafts.size(); i++) {
      Set<String> members = new HashSet<>(drafts.get(i).memberIds());
      for (int j = 0; j < previous.size(); j++) {
        PreviousTheme p = previous.get(j);
        long stillPresent = p.memberIds().stream().filter(present::contains).count();
        long kept = p.memberIds().stream().filter(members::contains).count();
        double overlap = stillPresent == 0 ? 0 : (double) kept / stillPresent;
        Set<String> terms = new HashSet<>(drafts.get(i).keyTerms());
        long sharedTerms = p.keyTerms().stream().filter(terms::contains).count();
        score[i][j] = overlap + 0.01 * sharedTerms;
        cost[i][j] = -score[i][j];
      }
    }
    int[] assigned = Hungarian.solve(cost);
    for (int i = 0; i < drafts.size(); i++) {
      if (assigned[i] >= 0 && score[i][assigned[i]] >= MIN_OVERLAP) result[i] = assigned[i];
    }
    return result;
  }
}
