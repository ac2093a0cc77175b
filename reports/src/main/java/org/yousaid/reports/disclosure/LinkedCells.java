package org.yousaid.reports.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every number a publication shows, as named integer cells, and the linear relations between them
 * that a reader knows or can guess: a total is the sum of its parts, a part is at most its total, a
 * later version of a count is at least the earlier one. Relations are added in the direction the
 * true numbers satisfy, so a reader who guesses "these add up" is modelled exactly when they do.
 *
 * <p>Cells of the version being published can be hidden; cells of versions already online are fixed
 * at what was shown (a value, or the interval a hidden cell is known to lie in). A difference
 * between two versions of a count is a derived cell: it counts the people who answered in between,
 * so it must not be worked out when it is 1 to 4 either.
 */
public final class LinkedCells {

  /** What the publication shows of a cell. */
  public enum State {
    /** Shown as it is. */
    SHOWN,
    /** Hidden because it is 1 to threshold-1 ("fewer than 5"). */
    SUPPRESSED,
    /**
     * Hidden so that a suppressed cell cannot be worked out ("not shown"): so at least threshold.
     */
    WITHHELD,
    /** A cell of an earlier version that is already online: its shown bounds cannot change. */
    EARLIER,
    /** Not published itself but derivable, e.g. a difference between versions. */
    DERIVED
  }

  /** {@code Σ coefficients[i] · cells[i]} is 0 ({@code equality}) or at most 0. */
  record Relation(int[] cells, int[] coefficients, boolean equality) {}

  private final int threshold;
  private final List<String> names = new ArrayList<>();
  private final Map<String, Integer> byName = new HashMap<>();
  private final List<Long> values = new ArrayList<>();
  private final List<State> states = new ArrayList<>();
  private final List<long[]> earlierBounds = new ArrayList<>();
  private final List<Relation> relations = new ArrayList<>();
  private final List<Integer> details = new ArrayList<>();

  public LinkedCells(int threshold) {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1");
    }
    this.threshold = threshold;
  }

  public int threshold() {
    return threshold;
  }

  /**
   * A cell of the version being published, with its true value (primary suppression applied).
   *
   * @param detail how deep in the tables it sits (0 for the grand total, more for finer splits):
   *     when a cell must be withheld, finer ones go first, so totals stay shown where they can
   */
  public int cell(String name, long value, int detail) {
    if (value < 0) {
      throw new IllegalArgumentException("counts are never negative");
    }
    int cell = add(name, value, primary(value) ? State.SUPPRESSED : State.SHOWN, null);
    details.set(cell, detail);
    return cell;
  }

  int detail(int cell) {
    return details.get(cell);
  }

  /** A cell of a version already online, known to lie in [lo, hi]. */
  public int earlier(String name, long lo, long hi) {
    return add(name, lo == hi ? lo : -1, State.EARLIER, new long[] {lo, hi});
  }

  /**
   * {@code now − before}, which counts the people added between two versions (only additions: a
   * version holding an answer that was later erased is withdrawn, not kept).
   */
  public int growth(int now, int before) {
    long value = values.get(now);
    long old = values.get(before);
    int d =
        add(
            names.get(now) + " since " + names.get(before),
            old < 0 ? -1 : value - old,
            State.DERIVED,
            null);
    relations.add(new Relation(new int[] {now, before, d}, new int[] {1, -1, -1}, true));
    if (old < 0 || value >= old) {
      // Only a count that did not shrink is a count of the people added in between.
      relations.add(new Relation(new int[] {d}, new int[] {-1}, false));
    }
    return d;
  }

  private int add(String name, long value, State state, long[] bounds) {
    int index = names.size();
    names.add(name);
    // Two options with the same label would share a name; the first keeps it.
    byName.putIfAbsent(name, index);
    values.add(value);
    states.add(state);
    earlierBounds.add(bounds);
    details.add(0);
    return index;
  }

  public boolean primary(long value) {
    return value > 0 && value < threshold;
  }

  /**
   * {@code total} and {@code parts}: equal if the true numbers are, else the inequality they
   * satisfy; and each part at most the total when that holds.
   */
  public void line(int total, List<Integer> parts) {
    if (parts.isEmpty()) {
      return;
    }
    long sum = 0;
    int[] cells = new int[parts.size() + 1];
    int[] coefficients = new int[parts.size() + 1];
    for (int i = 0; i < parts.size(); i++) {
      cells[i] = parts.get(i);
      coefficients[i] = 1;
      sum += values.get(parts.get(i));
    }
    cells[parts.size()] = total;
    coefficients[parts.size()] = -1;
    long t = values.get(total);
    if (sum == t) {
      relations.add(new Relation(cells, coefficients, true));
    } else {
      int sign = sum < t ? 1 : -1;
      int[] signed = coefficients.clone();
      for (int i = 0; i < signed.length; i++) {
        signed[i] *= sign;
      }
      relations.add(new Relation(cells, signed, false));
    }
    for (int part : parts) {
      if (values.get(part) <= t) {
        relations.add(new Relation(new int[] {part, total}, new int[] {1, -1}, false));
      }
    }
  }

  /** Two counts of nested groups (a question's answers and all responses): equal, or ordered. */
  public void pair(int part, int whole) {
    long a = values.get(part);
    long b = values.get(whole);
    if (a == b) {
      relations.add(new Relation(new int[] {part, whole}, new int[] {1, -1}, true));
    } else if (a < b) {
      relations.add(new Relation(new int[] {part, whole}, new int[] {1, -1}, false));
    } else {
      relations.add(new Relation(new int[] {whole, part}, new int[] {1, -1}, false));
    }
  }

  public int size() {
    return names.size();
  }

  public String name(int cell) {
    return names.get(cell);
  }

  public Integer find(String name) {
    return byName.get(name);
  }

  public long value(int cell) {
    return values.get(cell);
  }

  public State state(int cell) {
    return states.get(cell);
  }

  void withhold(int cell) {
    if (states.get(cell) != State.SHOWN && states.get(cell) != State.SUPPRESSED) {
      throw new IllegalStateException("only a cell of this version can be withheld");
    }
    states.set(cell, State.WITHHELD);
  }

  long[] earlierBounds(int cell) {
    return earlierBounds.get(cell);
  }

  List<Relation> relations() {
    return relations;
  }

  /** Whether this cell is hidden in the version being published. */
  public boolean hidden(int cell) {
    State s = states.get(cell);
    return s == State.SUPPRESSED || s == State.WITHHELD;
  }

  /**
   * Cells whose value must not be worked out: hidden ones of 1 to 4 (suppressed, or withheld in
   * their place), and growths of 1 to 4.
   */
  boolean protectedCell(int cell) {
    return switch (states.get(cell)) {
      case SUPPRESSED, DERIVED -> primary(values.get(cell));
      case WITHHELD -> primary(values.get(cell));
      default -> false;
    };
  }
}
