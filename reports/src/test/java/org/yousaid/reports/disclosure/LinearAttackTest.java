package org.yousaid.reports.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ojalgo.optimisation.Optimisation;

/**
 * The linear attack fails closed: a solver that finds no solution, or stops at its iteration bound,
 * proves nothing about a hidden count (the true counts always are one), so the cell is treated as
 * worked out and the publisher withholds a companion, rather than publishing on a failed or
 * unfinished solve.
 */
class LinearAttackTest {

  /** 12 answers: 3 and 2 hidden ("fewer than 5"), 7 shown; each hidden count could be 1 to 4. */
  private static LinkedCells table() {
    LinkedCells cells = new LinkedCells(5);
    int total = cells.cell("total", 12, 0);
    int a = cells.cell("a", 3, 1);
    int b = cells.cell("b", 2, 1);
    int c = cells.cell("c", 7, 1);
    cells.line(total, List.of(a, b, c));
    return cells;
  }

  /**
   * A two-way table (3 groups by 3 options) with every margin shown and four inner cells hidden:
   * interval reasoning leaves them open, so the solver has to work.
   */
  private static LinkedCells grid() {
    LinkedCells cells = new LinkedCells(5);
    long[][] counts = {{3, 2, 9}, {2, 4, 8}, {10, 11, 12}};
    int total = cells.cell("total", 61, 0);
    List<Integer> rows = new ArrayList<>();
    List<List<Integer>> columns = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    List<Integer> columnTotals = new ArrayList<>();
    for (int o = 0; o < 3; o++) {
      long sum = 0;
      for (long[] row : counts) {
        sum += row[o];
      }
      columnTotals.add(cells.cell("option " + o, sum, 1));
    }
    for (int g = 0; g < 3; g++) {
      long sum = 0;
      List<Integer> row = new ArrayList<>();
      for (int o = 0; o < 3; o++) {
        int cell = cells.cell("group " + g + " option " + o, counts[g][o], 2);
        row.add(cell);
        columns.get(o).add(cell);
        sum += counts[g][o];
      }
      int group = cells.cell("group " + g, sum, 1);
      rows.add(group);
      cells.line(group, row);
    }
    cells.line(total, rows);
    cells.line(total, columnTotals);
    for (int o = 0; o < 3; o++) {
      cells.line(columnTotals.get(o), columns.get(o));
    }
    return cells;
  }

  private static final LinearAttack.Solver FAILING =
      (model, maximise) ->
          new Optimisation.Result(
              Optimisation.State.FAILED, 0, org.ojalgo.structure.Access1D.wrap(new double[0]));

  @Test
  void aWorkingSolverFindsTheHiddenCountsOpen() {
    for (LinkedCells cells : List.of(table(), grid())) {
      IntervalAttack intervals = IntervalAttack.run(cells);
      assertEquals(List.of(), intervals.disclosed(cells));
      assertEquals(List.of(), LinearAttack.disclosed(cells, intervals));
    }
  }

  @Test
  void aSolverThatFailsCountsEveryHiddenCellAsWorkedOut() {
    LinkedCells cells = table();
    IntervalAttack intervals = IntervalAttack.run(cells);
    assertEquals(
        List.of(cells.find("a"), cells.find("b")),
        LinearAttack.disclosed(cells, intervals, FAILING));
  }

  @Test
  void everySolveIsBoundedByTheSizeOfItsProgram() {
    LinkedCells cells = grid();
    IntervalAttack intervals = IntervalAttack.run(cells);
    List<Integer> bounds = new ArrayList<>();
    LinearAttack.Solver watched =
        (model, maximise) -> {
          bounds.add(model.options.iterations_abort);
          assertTrue(model.options.time_abort < Long.MAX_VALUE, "a solve without a time bound");
          return LinearAttack.Solver.OJALGO.solve(model, maximise);
        };
    new LinearAttack(watched, 10, 1_000, Long.MAX_VALUE).run(cells, intervals);
    assertTrue(!bounds.isEmpty(), "the grid needs the LP");
    assertTrue(bounds.stream().allMatch(b -> b == 1_000), "bounds " + bounds);
    bounds.clear();
    new LinearAttack(watched, 1_000, 0, Long.MAX_VALUE).run(cells, intervals);
    // 4 hidden cells as variables, plus the rows the solver sees.
    assertTrue(bounds.stream().allMatch(b -> b >= 4_000 && b % 1_000 == 0), "bounds " + bounds);
  }

  /**
   * The real solver stopped after one simplex iteration: it has not proved anything, so every
   * hidden cell it was to decide counts as worked out, and the stop is counted for the log.
   */
  @Test
  void aSolveStoppedAtItsIterationBoundCountsItsCellsAsWorkedOut() {
    LinkedCells cells = grid();
    IntervalAttack intervals = IntervalAttack.run(cells);
    LinearAttack bounded = new LinearAttack(LinearAttack.Solver.OJALGO, 0, 0, Long.MAX_VALUE);
    List<Integer> hidden = new ArrayList<>();
    for (int c = 0; c < cells.size(); c++) {
      if (cells.hidden(c)) {
        hidden.add(c);
      }
    }
    assertEquals(4, hidden.size());
    assertEquals(hidden, bounded.run(cells, intervals));
    assertTrue(bounded.unproven() > 0);
    // With room to finish, the same program leaves them open.
    LinearAttack roomy = new LinearAttack(LinearAttack.Solver.OJALGO, 10, 1_000, Long.MAX_VALUE);
    assertEquals(List.of(), roomy.run(cells, intervals));
    assertEquals(0, roomy.unproven());
  }

  /**
   * Suppression with a solver that never proves anything withholds companion after companion and,
   * with nothing left to withhold, refuses to publish: never a hidden cell left to chance.
   */
  @Test
  void suppressionWithAnAttackThatNeverFinishesPublishesNothing() {
    LinkedCells cells = grid();
    assertThrows(
        IllegalStateException.class,
        () ->
            CellSuppression.check(
                cells, new LinearAttack(LinearAttack.Solver.OJALGO, 0, 0, Long.MAX_VALUE)));
    for (int c = 0; c < cells.size(); c++) {
      assertTrue(cells.hidden(c) || cells.value(c) == 0, cells.name(c) + " still shown");
    }
  }

  @Test
  void aCheckPastItsTimeLimitPublishesNothing() {
    LinkedCells cells = grid();
    assertThrows(
        LinearAttack.CheckTimedOut.class,
        () ->
            CellSuppression.check(
                cells, new LinearAttack(LinearAttack.Solver.OJALGO, 10, 1_000, System.nanoTime())));
  }

  /**
   * A round that withheld nothing in a group keeps that group's verdict instead of solving again.
   */
  @Test
  void aGroupUntouchedSinceTheLastRoundIsNotSolvedAgain() {
    LinkedCells cells = grid();
    IntervalAttack intervals = IntervalAttack.run(cells);
    LinearAttack attack = new LinearAttack(LinearAttack.Solver.OJALGO, 10, 1_000, Long.MAX_VALUE);
    List<Integer> first = attack.run(cells, intervals);
    int solves = attack.solves();
    assertTrue(solves > 0);
    assertEquals(first, attack.run(cells, IntervalAttack.run(cells)));
    assertEquals(solves, attack.solves());
    assertEquals(1, attack.reused());
  }

  /**
   * Withholding a cell only widens what the published numbers allow, so cells a solution showed
   * open stay open: the next round, on a changed program, solves nothing for them.
   */
  @Test
  void aCellFoundOpenIsNotSolvedAgainAfterMoreIsWithheld() {
    LinkedCells cells = grid();
    LinearAttack attack = new LinearAttack(LinearAttack.Solver.OJALGO, 10, 1_000, Long.MAX_VALUE);
    assertEquals(List.of(), attack.run(cells, IntervalAttack.run(cells)));
    int solves = attack.solves();
    // Two of the bottom row's cells: the row and their columns no longer pin either.
    cells.withhold(cells.find("group 2 option 0"));
    cells.withhold(cells.find("group 2 option 1"));
    assertEquals(List.of(), attack.run(cells, IntervalAttack.run(cells)));
    assertEquals(solves, attack.solves());
    assertEquals(0, attack.reused(), "the program changed, so no verdict was simply reused");
  }
}
