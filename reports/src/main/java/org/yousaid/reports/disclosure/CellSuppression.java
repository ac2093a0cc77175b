package org.yousaid.reports.disclosure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.yousaid.reports.disclosure.LinkedCells.Relation;
import org.yousaid.reports.disclosure.LinkedCells.State;

/**
 * Complementary suppression: while {@link IntervalAttack} (or, where it finds nothing, {@link
 * LinearAttack}) works out any protected cell, one more cell is withheld ("not shown"): among the
 * relations nearest to the cell worked out, the finest non-zero one (a breakdown cell before an
 * option count, an option count before a total), smallest first, so as little as possible is lost.
 * Each round hides one more cell of the version being published, so it ends; at worst every number
 * of that version is hidden.
 */
public final class CellSuppression {

  private CellSuppression() {}

  /**
   * Withholds cells until the attack works out no protected cell.
   *
   * @return how many cells were withheld
   * @throws IllegalStateException if a protected cell stays exposed with nothing left to hide (only
   *     earlier versions' numbers give it away), so the caller publishes nothing rather than a
   *     disclosure
   */
  public static int protect(LinkedCells cells) {
    List<List<Relation>> byCell = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      byCell.add(new ArrayList<>());
    }
    for (Relation r : cells.relations()) {
      for (int c : r.cells()) {
        byCell.get(c).add(r);
      }
    }
    int withheld = 0;
    while (true) {
      IntervalAttack intervals = IntervalAttack.run(cells);
      List<Integer> disclosed = intervals.disclosed(cells);
      if (disclosed.isEmpty()) {
        disclosed = LinearAttack.disclosed(cells, intervals);
      }
      if (disclosed.isEmpty()) {
        return withheld;
      }
      int companion = companion(cells, byCell, disclosed.get(0));
      if (companion < 0) {
        throw new IllegalStateException(
            "A small number would be given away by earlier versions alone: "
                + cells.name(disclosed.get(0)));
      }
      cells.withhold(companion);
      withheld++;
    }
  }

  /** The nearest shown non-zero cell (fewest relations away), smallest first; -1 if none. */
  private static int companion(LinkedCells cells, List<List<Relation>> byCell, int target) {
    boolean[] seen = new boolean[cells.size()];
    Deque<Integer> frontier = new ArrayDeque<>();
    frontier.add(target);
    seen[target] = true;
    while (!frontier.isEmpty()) {
      Deque<Integer> next = new ArrayDeque<>();
      int best = -1;
      for (int cell : frontier) {
        for (Relation r : byCell.get(cell)) {
          for (int c : r.cells()) {
            if (seen[c]) {
              continue;
            }
            seen[c] = true;
            next.add(c);
            if (better(cells, c, best)) {
              best = c;
            }
          }
        }
      }
      if (best >= 0) {
        return best;
      }
      frontier = next;
    }
    int best = -1;
    for (int c = 0; c < cells.size(); c++) {
      if (better(cells, c, best)) {
        best = c;
      }
    }
    return best;
  }

  /**
   * Which cell to withhold first: a shown non-zero count (finer, then smaller, first); else a
   * "fewer than 5" cell, which becomes "not shown" so a reader can no longer count on it being at
   * least 1 (a group of 4 split over 4 options is otherwise all 1s); else a shown zero.
   */
  private static boolean better(LinkedCells cells, int c, int best) {
    int rank = rank(cells, c);
    if (rank < 0) {
      return false;
    }
    if (best < 0) {
      return true;
    }
    int bestRank = rank(cells, best);
    if (rank != bestRank) {
      return rank < bestRank;
    }
    if (cells.detail(c) != cells.detail(best)) {
      return cells.detail(c) > cells.detail(best);
    }
    return cells.value(c) < cells.value(best);
  }

  private static int rank(LinkedCells cells, int c) {
    State s = cells.state(c);
    if (s == State.SHOWN && cells.value(c) > 0) {
      return 0;
    }
    if (s == State.SUPPRESSED) {
      return 1;
    }
    return s == State.SHOWN ? 2 : -1;
  }
}
