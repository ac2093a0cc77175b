package org.yousaid.reports.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.yousaid.reports.disclosure.LinkedCells.Relation;

/**
 * The stronger half of the attack: where {@link IntervalAttack} works out nothing, a linear program
 * over the same relations and the intervals it found gives each protected cell its least and
 * greatest possible value (rounded to whole numbers). Bounds propagation looks at one relation at a
 * time; an LP combines them, and on some tables pins a cell that propagation leaves open.
 *
 * <p>Every solution the solver returns is a point the published numbers allow, so once two of them
 * give a cell values a whole number apart it cannot be pinned; a few solves in random directions
 * rule out most cells before any is minimised and maximised on its own.
 */
final class LinearAttack {

  private LinearAttack() {}

  /** Protected cells the LP pins, given the intervals bounds propagation left. */
  static List<Integer> disclosed(LinkedCells cells, IntervalAttack intervals) {
    int n = cells.size();
    double[] seenLo = new double[n];
    double[] seenHi = new double[n];
    java.util.Arrays.fill(seenLo, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(seenHi, Double.NEGATIVE_INFINITY);
    List<Integer> targets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (cells.protectedCell(i) && !intervals.pinned(i)) {
        targets.add(i);
      }
    }
    List<Integer> out = new ArrayList<>();
    if (targets.isEmpty()) {
      return out;
    }
    Random directions = new Random(56);
    for (int d = 0; d < 4; d++) {
      Map<Integer, Double> weights = new HashMap<>();
      for (int i = 0; i < n; i++) {
        if (!intervals.pinned(i)) {
          weights.put(i, directions.nextBoolean() ? 1.0 : -1.0);
        }
      }
      solve(cells, intervals, weights, d % 2 == 0, seenLo, seenHi);
    }
    for (int x : targets) {
      if (open(seenLo, seenHi, x)) {
        continue;
      }
      double min = solve(cells, intervals, Map.of(x, 1.0), false, seenLo, seenHi);
      if (open(seenLo, seenHi, x)) {
        continue;
      }
      double max = solve(cells, intervals, Map.of(x, 1.0), true, seenLo, seenHi);
      if (Math.ceil(min - 1e-6) == Math.floor(max + 1e-6)) {
        out.add(x);
      }
    }
    return out;
  }

  private static boolean open(double[] lo, double[] hi, int x) {
    return Math.floor(hi[x] + 1e-6) > Math.ceil(lo[x] - 1e-6);
  }

  private static double solve(
      LinkedCells cells,
      IntervalAttack intervals,
      Map<Integer, Double> weights,
      boolean maximise,
      double[] seenLo,
      double[] seenHi) {
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    List<Variable> variables = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      variables.add(model.addVariable("c" + i).lower(intervals.lower(i)).upper(intervals.upper(i)));
    }
    weights.forEach((i, w) -> variables.get(i).weight(w));
    int r = 0;
    for (Relation relation : cells.relations()) {
      Expression e = model.addExpression("r" + r++);
      for (int k = 0; k < relation.cells().length; k++) {
        e.add(variables.get(relation.cells()[k]), relation.coefficients()[k]);
      }
      if (relation.equality()) {
        e.level(0);
      } else {
        e.upper(0);
      }
    }
    Optimisation.Result result = maximise ? model.maximise() : model.minimise();
    if (!result.getState().isFeasible()) {
      // The published numbers always allow the true ones; a solver failure proves nothing.
      return maximise ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }
    for (int i = 0; i < cells.size(); i++) {
      double v = result.doubleValue(model.indexOf(variables.get(i)));
      seenLo[i] = Math.min(seenLo[i], v);
      seenHi[i] = Math.max(seenHi[i], v);
    }
    return result.getValue();
  }
}
