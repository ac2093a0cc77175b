package org.yousaid.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.report.Breakdown;
import org.yousaid.shared.report.OptionCount;

class ComplementarySuppressionTest {

  private static final Suppression FIVE = Suppression.below(5);

  /**
   * A breakdown as ReportBuilder makes it in published mode: primary suppression already applied.
   */
  private static Breakdown primary(int[][] exact) {
    List<Breakdown.Group> groups = new ArrayList<>();
    for (int g = 0; g < exact.length; g++) {
      int total = 0;
      List<OptionCount> options = new ArrayList<>();
      for (int o = 0; o < exact[g].length; o++) {
        total += exact[g][o];
        int n = exact[g][o];
        options.add(
            FIVE.hides(n)
                ? new OptionCount("o" + o, "Option " + o, -1, -1)
                : new OptionCount("o" + o, "Option " + o, n, 0));
      }
      groups.add(new Breakdown.Group("Group " + g, FIVE.hides(total) ? -1 : total, options));
    }
    return new Breakdown("District", groups);
  }

  @Test
  void aLoneSmallCellInARowGetsACompanion() {
    // Group 0: 12 answered, 9 / 3 -> the 3 is hidden; 12 - 9 would give it away, so the 9 is
    // withheld.
    Breakdown b =
        ComplementarySuppression.protect(primary(new int[][] {{9, 3}, {20, 30}, {25, 25}}));
    Breakdown.Group first = b.groups().get(0);
    assertEquals(12, first.answered());
    assertEquals(ReportFormat.WITHHELD, first.options().get(0).count());
    assertEquals(ReportFormat.SUPPRESSED, first.options().get(1).count());
    assertEquals("not shown", ReportFormat.count(first.options().get(0).count(), FIVE));
    // Column "Option 1": 3 hidden alone among groups -> the smallest other (25) is withheld as
    // well.
    long hiddenInColumn = b.groups().stream().filter(g -> g.options().get(1).count() < 0).count();
    assertTrue(hiddenInColumn >= 2);
  }

  @Test
  void tablesWithoutSmallNumbersAreUntouched() {
    Breakdown before = primary(new int[][] {{9, 0}, {20, 30}, {5, 25}});
    assertEquals(before, ComplementarySuppression.protect(before));
  }

  /**
   * The attack it defends against: repeatedly use any row (with its shown total) or column (with
   * the question's shown total) that has a single unknown cell to work that cell out. Over many
   * random tables, no suppressed count can be recovered this way, and no line is left with exactly
   * one hidden cell.
   */
  @Test
  void noSuppressedCountCanBeWorkedOutBySubtraction() {
    Random random = new Random(56);
    for (int trial = 0; trial < 2000; trial++) {
      int rows = 2 + random.nextInt(6);
      int cols = 2 + random.nextInt(4);
      int[][] exact = new int[rows][cols];
      for (int g = 0; g < rows; g++) {
        for (int o = 0; o < cols; o++) {
          exact[g][o] = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextInt(40);
        }
      }
      Breakdown published = ComplementarySuppression.protect(primary(exact));
      int[][] known = new int[rows][cols + 1];
      boolean[][] isKnown = new boolean[rows][cols + 1];
      for (int g = 0; g < rows; g++) {
        Breakdown.Group group = published.groups().get(g);
        known[g][0] = group.answered();
        isKnown[g][0] = group.answered() >= 0;
        for (int o = 0; o < cols; o++) {
          known[g][o + 1] = group.options().get(o).count();
          isKnown[g][o + 1] = known[g][o + 1] >= 0;
          if (isKnown[g][o + 1]) {
            assertEquals(exact[g][o], known[g][o + 1], "shown counts are exact");
          }
        }
      }
      int[] columnTotals = new int[cols + 1];
      for (int g = 0; g < rows; g++) {
        for (int o = 0; o < cols; o++) {
          columnTotals[o + 1] += exact[g][o];
          columnTotals[0] += exact[g][o];
        }
      }
      boolean progress = true;
      while (progress) {
        progress = false;
        for (int g = 0; g < rows; g++) {
          progress |= solveLine(known, isKnown, g, true, rows, cols, 0);
        }
        for (int c = 0; c <= cols; c++) {
          progress |= solveLine(known, isKnown, c, false, rows, cols, columnTotals[c]);
        }
      }
      for (int g = 0; g < rows; g++) {
        int total = 0;
        for (int o = 0; o < cols; o++) {
          total += exact[g][o];
          if (FIVE.hides(exact[g][o])) {
            assertFalse(
                isKnown[g][o + 1],
                "trial " + trial + ": a count of " + exact[g][o] + " was worked out");
          }
        }
        if (FIVE.hides(total)) {
          assertFalse(
              isKnown[g][0], "trial " + trial + ": a group of " + total + " was worked out");
        }
      }
    }
  }

  /**
   * One elimination step on a row (cells 1..cols must add up to cell 0) or a column (cells add up
   * to a shown total).
   */
  private static boolean solveLine(
      int[][] known,
      boolean[][] isKnown,
      int fixed,
      boolean row,
      int rows,
      int cols,
      int columnTotal) {
    if (row) {
      int unknown = 0;
      int at = -1;
      int sum = 0;
      for (int c = 0; c <= cols; c++) {
        if (!isKnown[fixed][c]) {
          unknown++;
          at = c;
        } else if (c > 0) {
          sum += known[fixed][c];
        }
      }
      if (unknown != 1) {
        return false;
      }
      known[fixed][at] = at == 0 ? sum : known[fixed][0] - sum;
      isKnown[fixed][at] = true;
      return true;
    }
    int unknown = 0;
    int at = -1;
    int sum = 0;
    for (int g = 0; g < rows; g++) {
      if (!isKnown[g][fixed]) {
        unknown++;
        at = g;
      } else {
        sum += known[g][fixed];
      }
    }
    if (unknown != 1) {
      return false;
    }
    known[at][fixed] = columnTotal - sum;
    isKnown[at][fixed] = true;
    return true;
  }
}
