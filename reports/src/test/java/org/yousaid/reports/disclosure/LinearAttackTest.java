package org.yousaid.reports.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ojalgo.optimisation.Optimisation;

/**
 * The linear attack fails closed: a solver that finds no solution proves nothing about a hidden
 * count (the true counts always are one), so the cell is treated as worked out and the publisher
 * withholds a companion, rather than publishing on a failed solve.
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

  @Test
  void aWorkingSolverFindsTheHiddenCountsOpen() {
    LinkedCells cells = table();
    IntervalAttack intervals = IntervalAttack.run(cells);
    assertEquals(List.of(), intervals.disclosed(cells));
    assertEquals(List.of(), LinearAttack.disclosed(cells, intervals));
  }

  @Test
  void aSolverThatFailsCountsEveryHiddenCellAsWorkedOut() {
    LinkedCells cells = table();
    IntervalAttack intervals = IntervalAttack.run(cells);
    LinearAttack.Solver failing =
        (model, maximise) ->
            new Optimisation.Result(
                Optimisation.State.FAILED, 0, org.ojalgo.structure.Access1D.wrap(new double[0]));
    assertEquals(
        List.of(cells.find("a"), cells.find("b")),
        LinearAttack.disclosed(cells, intervals, failing));
  }
}
