package org.yousaid.reports;

import java.util.ArrayList;
import java.util.List;
import org.yousaid.shared.report.Breakdown;
import org.yousaid.shared.report.OptionCount;

/**
 * Secondary suppression for published breakdowns. Primary suppression hides counts of 1 to 4, but a
 * hidden cell can still be worked out by subtraction: a group's total minus its other options, or a
 * question's total for an option minus the other groups. Whenever a row or column of the table has
 * exactly one hidden cell, the smallest other shown cell in it is hidden too (as {@link
 * ReportFormat#WITHHELD}), repeated until no line has a lone hidden cell.
 *
 * <p>Rows: each group's total and its option counts. Columns: one option's counts across groups,
 * with the question's count for that option as margin; and the group totals, with the number who
 * answered as margin. Groups can overlap (several areas of need) and multi-choice options need not
 * add up; treating them as if they did hides a little more than needed, never less.
 */
final class ComplementarySuppression {

  private ComplementarySuppression() {}

  static Breakdown protect(Breakdown breakdown) {
    int rows = breakdown.groups().size();
    if (rows == 0) {
      return breakdown;
    }
    int options = breakdown.groups().get(0).options().size();
    // Column 0 holds each group's total; columns 1..options its option counts.
    int[][] cells = new int[rows][options + 1];
    for (int g = 0; g < rows; g++) {
      Breakdown.Group group = breakdown.groups().get(g);
      cells[g][0] = group.answered();
      for (int o = 0; o < options; o++) {
        cells[g][o + 1] = group.options().get(o).count();
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int g = 0; g < rows; g++) {
        // A row is its total and its option counts (total = sum): one hidden cell among them, the
        // total included, can be worked out; the companion is always an option count.
        changed |= protectLine(cells, g, 0, options + 1, true);
      }
      for (int c = 0; c <= options; c++) {
        changed |= protectLine(cells, c, 0, rows, false);
      }
    }
    List<Breakdown.Group> groups = new ArrayList<>();
    for (int g = 0; g < rows; g++) {
      Breakdown.Group group = breakdown.groups().get(g);
      List<OptionCount> counts = new ArrayList<>();
      for (int o = 0; o < options; o++) {
        OptionCount before = group.options().get(o);
        int count = cells[g][o + 1];
        counts.add(
            count == before.count()
                ? before
                : new OptionCount(before.value(), before.label(), count, -1));
      }
      groups.add(new Breakdown.Group(group.label(), cells[g][0], counts));
    }
    return new Breakdown(breakdown.dimension(), groups);
  }

  /**
   * Along a row (fixed group) or a column (fixed column), hides one more cell if exactly one is
   * hidden: the smallest non-zero shown cell, since hiding a zero leaves the lone cell almost as
   * exposed.
   */
  private static boolean protectLine(int[][] cells, int fixed, int from, int to, boolean row) {
    int hiddenCount = 0;
    int chosen = -1;
    for (int i = from; i < to; i++) {
      int value = row ? cells[fixed][i] : cells[i][fixed];
      if (hidden(value)) {
        hiddenCount++;
      } else if ((!row || i > 0)
          && (chosen < 0 || better(value, row ? cells[fixed][chosen] : cells[chosen][fixed]))) {
        chosen = i;
      }
    }
    if (hiddenCount != 1 || chosen < 0) {
      return false;
    }
    if (row) {
      cells[fixed][chosen] = ReportFormat.WITHHELD;
    } else {
      cells[chosen][fixed] = ReportFormat.WITHHELD;
    }
    return true;
  }

  private static boolean better(int candidate, int current) {
    if ((candidate == 0) != (current == 0)) {
      return current == 0;
    }
    return candidate < current;
  }

  private static boolean hidden(int count) {
    return count < 0;
  }
}
