package org.yousaid.reports.disclosure;

import java.util.ArrayList;
import java.util.List;
import org.yousaid.reports.disclosure.LinkedCells.Relation;
import org.yousaid.reports.disclosure.LinkedCells.State;

/**
 * The attack suppression defends against, run before anything is published: a reader who knows
 * every shown number, that a "fewer than 5" cell is 1 to 4, that a "not shown" cell is some count
 * (0 or more), and every relation of {@link LinkedCells}, tightens each cell's interval from every
 * relation in turn (bounds propagation with integer rounding) until nothing changes. A protected
 * cell whose interval closes to one value has been worked out.
 *
 * <p>Bounds propagation is what interval reasoning by hand does; a linear-programming attacker can
 * be stronger on some tables, which is why the tests attack the published files with an LP solver
 * too.
 */
public final class IntervalAttack {

  /** Enough rounds for the tables a consultation has; each round visits every relation once. */
  private static final int MAX_ROUNDS = 200;

  private final long[] lo;
  private final long[] hi;

  private IntervalAttack(long[] lo, long[] hi) {
    this.lo = lo;
    this.hi = hi;
  }

  public static IntervalAttack run(LinkedCells cells) {
    int n = cells.size();
    long[] lo = new long[n];
    long[] hi = new long[n];
    long ceiling = 0;
    for (int i = 0; i < n; i++) {
      ceiling = Math.max(ceiling, Math.abs(cells.value(i)));
    }
    // A reader does not know the largest count, but handing them one only makes the attack
    // stronger.
    ceiling = ceiling + cells.threshold();
    for (int i = 0; i < n; i++) {
      State s = cells.state(i);
      switch (s) {
        case SHOWN -> {
          lo[i] = cells.value(i);
          hi[i] = cells.value(i);
        }
        case SUPPRESSED -> {
          lo[i] = 1;
          hi[i] = cells.threshold() - 1;
        }
        case WITHHELD -> {
          lo[i] = 0;
          hi[i] = ceiling;
        }
        case EARLIER -> {
          // Earlier versions' counts are no larger than today's (answers are only added).
          lo[i] = cells.earlierBounds(i)[0];
          hi[i] = Math.max(lo[i], Math.min(cells.earlierBounds(i)[1], ceiling));
        }
        case DERIVED -> {
          lo[i] = -ceiling;
          hi[i] = ceiling;
        }
      }
    }
    List<Relation> relations = cells.relations();
    boolean changed = true;
    for (int round = 0; changed && round < MAX_ROUNDS; round++) {
      changed = false;
      for (Relation r : relations) {
        changed |= tighten(r, lo, hi);
      }
    }
    return new IntervalAttack(lo, hi);
  }

  private static boolean tighten(Relation r, long[] lo, long[] hi) {
    int[] c = r.cells();
    int[] a = r.coefficients();
    long minSum = 0;
    long maxSum = 0;
    for (int i = 0; i < c.length; i++) {
      minSum += a[i] > 0 ? a[i] * lo[c[i]] : a[i] * hi[c[i]];
      maxSum += a[i] > 0 ? a[i] * hi[c[i]] : a[i] * lo[c[i]];
    }
    boolean changed = false;
    for (int i = 0; i < c.length; i++) {
      int x = c[i];
      long myMin = a[i] > 0 ? a[i] * lo[x] : a[i] * hi[x];
      long myMax = a[i] > 0 ? a[i] * hi[x] : a[i] * lo[x];
      // a·x = −(others): others lie in [minSum − myMin, maxSum − myMax].
      long upper = -(minSum - myMin); // a·x ≤ upper (also for ≤ relations)
      long lower = -(maxSum - myMax); // a·x ≥ lower (equalities only)
      long newLo = lo[x];
      long newHi = hi[x];
      if (a[i] > 0) {
        newHi = Math.min(newHi, Math.floorDiv(upper, a[i]));
        if (r.equality()) {
          newLo = Math.max(newLo, ceilDiv(lower, a[i]));
        }
      } else {
        newLo = Math.max(newLo, ceilDiv(upper, a[i]));
        if (r.equality()) {
          newHi = Math.min(newHi, Math.floorDiv(lower, a[i]));
        }
      }
      if (newLo > lo[x] || newHi < hi[x]) {
        if (newLo <= newHi) {
          // Keep the running sums in step with the tightened bounds.
          minSum += (a[i] > 0 ? a[i] * newLo : a[i] * newHi) - myMin;
          maxSum += (a[i] > 0 ? a[i] * newHi : a[i] * newLo) - myMax;
          lo[x] = newLo;
          hi[x] = newHi;
          changed = true;
        }
      }
    }
    return changed;
  }

  private static long ceilDiv(long x, long y) {
    return -Math.floorDiv(-x, y);
  }

  public long lower(int cell) {
    return lo[cell];
  }

  public long upper(int cell) {
    return hi[cell];
  }

  public boolean pinned(int cell) {
    return lo[cell] == hi[cell];
  }

  /** The protected cells (suppressed, or growths of 1 to 4) this attack works out exactly. */
  public List<Integer> disclosed(LinkedCells cells) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      if (cells.protectedCell(i) && pinned(i)) {
        out.add(i);
      }
    }
    return out;
  }
}
