package org.yousaid.reports.disclosure;

import java.time.Duration;
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
 * Each round hides at least one more cell of the version being published, so it ends; at worst
 * every number of that version is hidden.
 */
public final class CellSuppression {

  private CellSuppression() {}

  /**
   * How long the check may take (wall time): 10 minutes, since a publisher runs in a Lambda of 15
   * and must have time left to write the site; a check that runs out publishes nothing ({@link
   * LinearAttack.CheckTimedOut}). The system property {@code yousaid.disclosure.seconds} changes it
   * (a test on a machine shared by many builds gets a fraction of a core).
   */
  public static final Duration TIME_LIMIT =
      Duration.ofSeconds(Long.getLong("yousaid.disclosure.seconds", 600));

  /**
   * What a check did, for the publication log (numbers only).
   *
   * @param withheld cells withheld ("not shown") to protect the hidden ones
   * @param rounds attacks run (one per round of withholding)
   * @param solves linear programs solved
   * @param unproven solves that stopped at their iteration bound or failed: each left the cells it
   *     was to decide counted as worked out, so more may be withheld than a full solve would have
   *     needed
   * @param reused groups of cells whose verdict was kept from an earlier round
   */
  public record Check(int withheld, int rounds, int solves, int unproven, int reused) {}

  /**
   * Withholds cells until the attack works out no protected cell.
   *
   * @return how many cells were withheld
   * @throws IllegalStateException if a protected cell stays exposed with nothing left to hide (only
   *     earlier versions' numbers give it away), or the check runs out of time ({@link
   *     LinearAttack.CheckTimedOut}), so the caller publishes nothing rather than a disclosure
   */
  public static int protect(LinkedCells cells) {
    return check(cells).withheld();
  }

  /** {@link #protect}, and what it took. */
  public static Check check(LinkedCells cells) {
    return check(
        cells,
        new LinearAttack(
            LinearAttack.Solver.OJALGO,
            LinearAttack.ITERATIONS_PER_ROW,
            LinearAttack.MIN_ITERATIONS,
            System.nanoTime() + TIME_LIMIT.toNanos()));
  }

  static Check check(LinkedCells cells, LinearAttack attack) {
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
    int rounds = 0;
    while (true) {
      rounds++;
      IntervalAttack intervals = IntervalAttack.run(cells);
      List<Integer> disclosed = intervals.disclosed(cells);
      if (disclosed.isEmpty()) {
        disclosed = attack.run(cells, intervals);
      }
      if (disclosed.isEmpty()) {
        return new Check(withheld, rounds, attack.solves(), attack.unproven(), attack.reused());
      }
      withheld += withholdRound(cells, byCell, disclosed);
    }
  }

  /**
   * One companion for each cell worked out, except cells next to a cell withheld earlier in the
   * round (that withholding may already cover them; the next attack tells): far fewer attack runs
   * than one cell per round when a republication exposes many growths at once.
   */
  private static int withholdRound(
      LinkedCells cells, List<List<Relation>> byCell, List<Integer> disclosed) {
    java.util.Set<Integer> touched = new java.util.HashSet<>();
    int withheld = 0;
    for (int target : disclosed) {
      if (withheld > 0 && near(byCell, target, touched)) {
        continue;
      }
      int companion = companion(cells, byCell, target);
      if (companion < 0) {
        if (withheld > 0) {
          continue;
        }
        throw new IllegalStateException(
            "A small number would be given away by earlier versions alone: " + cells.name(target));
      }
      cells.withhold(companion);
      withheld++;
      touched.add(companion);
      for (Relation r : byCell.get(companion)) {
        for (int c : r.cells()) {
          touched.add(c);
        }
      }
    }
    return withheld;
  }

  private static boolean near(
      List<List<Relation>> byCell, int target, java.util.Set<Integer> touched) {
    if (touched.contains(target)) {
      return true;
    }
    for (Relation r : byCell.get(target)) {
      for (int c : r.cells()) {
        if (touched.contains(c)) {
          return true;
        }
      }
    }
    return false;
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
