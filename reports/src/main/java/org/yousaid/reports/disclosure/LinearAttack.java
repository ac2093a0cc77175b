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

  /**
   * Protected cells the LP pins, given the intervals bounds propagation left. Cells it pinned are
   * constants, so the rest falls apart into independent groups (a question's tables, linked to the
   * next only through shown totals); each group is its own, much smaller, linear program.
   */
  static List<Integer> disclosed(LinkedCells cells, IntervalAttack intervals) {
    return disclosed(cells, intervals, Solver.OJALGO);
  }

  /** How a linear program is solved; the tests swap in one that fails, as solvers sometimes do. */
  interface Solver {
    Solver OJALGO = (model, maximise) -> maximise ? model.maximise() : model.minimise();

    Optimisation.Result solve(ExpressionsBasedModel model, boolean maximise);
  }

  static List<Integer> disclosed(LinkedCells cells, IntervalAttack intervals, Solver solver) {
    List<Integer> out = new ArrayList<>();
    for (Component component : components(cells, intervals)) {
      out.addAll(disclosed(cells, intervals, component, solver));
    }
    java.util.Collections.sort(out);
    return out;
  }

  /** Unpinned cells linked by relations, and the relations among them. */
  private record Component(List<Integer> cells, List<Relation> relations) {}

  private static List<Component> components(LinkedCells cells, IntervalAttack intervals) {
    int n = cells.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (Relation r : cells.relations()) {
      int first = -1;
      for (int c : r.cells()) {
        if (intervals.pinned(c)) {
          continue;
        }
        if (first < 0) {
          first = c;
        } else {
          parent[root(parent, c)] = root(parent, first);
        }
      }
    }
    Map<Integer, Component> byRoot = new java.util.LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      if (!intervals.pinned(i)) {
        byRoot
            .computeIfAbsent(
                root(parent, i), k -> new Component(new ArrayList<>(), new ArrayList<>()))
            .cells()
            .add(i);
      }
    }
    for (Relation r : cells.relations()) {
      for (int c : r.cells()) {
        if (!intervals.pinned(c)) {
          byRoot.get(root(parent, c)).relations().add(r);
          break;
        }
      }
    }
    return new ArrayList<>(byRoot.values());
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static List<Integer> disclosed(
      LinkedCells cells, IntervalAttack intervals, Component component, Solver solver) {
    List<Integer> targets = new ArrayList<>();
    for (int i : component.cells()) {
      if (cells.protectedCell(i)) {
        targets.add(i);
      }
    }
    List<Integer> out = new ArrayList<>();
    if (targets.isEmpty()) {
      return out;
    }
    Map<Integer, double[]> seen = new HashMap<>();
    for (int i : component.cells()) {
      seen.put(i, new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
    }
    Random directions = new Random(56);
    for (int d = 0; d < 4; d++) {
      Map<Integer, Double> weights = new HashMap<>();
      for (int i : component.cells()) {
        weights.put(i, directions.nextBoolean() ? 1.0 : -1.0);
      }
      solve(solver, intervals, component, weights, d % 2 == 0, seen);
    }
    for (int x : targets) {
      if (open(seen.get(x))) {
        continue;
      }
      double min = solve(solver, intervals, component, Map.of(x, 1.0), false, seen);
      if (open(seen.get(x))) {
        continue;
      }
      double max = solve(solver, intervals, component, Map.of(x, 1.0), true, seen);
      // A solver that fails proves nothing either way (the true numbers are always a solution):
      // the cell counts as worked out, so a companion is withheld rather than a small number
      // left to chance. Fail closed.
      if (Double.isNaN(min)
          || Double.isNaN(max)
          || Math.ceil(min - 1e-6) == Math.floor(max + 1e-6)) {
        out.add(x);
      }
    }
    return out;
  }

  private static boolean open(double[] seen) {
    return Math.floor(seen[1] + 1e-6) > Math.ceil(seen[0] - 1e-6);
  }

  /** The optimum, or NaN when the solver found no solution (which says nothing about the cell). */
  private static double solve(
      Solver solver,
      IntervalAttack intervals,
      Component component,
      Map<Integer, Double> weights,
      boolean maximise,
      Map<Integer, double[]> seen) {
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Map<Integer, Variable> variables = new HashMap<>();
    for (int i : component.cells()) {
      variables.put(
          i, model.addVariable("c" + i).lower(intervals.lower(i)).upper(intervals.upper(i)));
    }
    weights.forEach((i, w) -> variables.get(i).weight(w));
    int r = 0;
    for (Relation relation : component.relations()) {
      Expression e = model.addExpression("r" + r++);
      long constant = 0;
      for (int k = 0; k < relation.cells().length; k++) {
        int c = relation.cells()[k];
        Variable v = variables.get(c);
        if (v == null) {
          // Pinned: a known number.
          constant += relation.coefficients()[k] * intervals.lower(c);
        } else {
          e.add(v, relation.coefficients()[k]);
        }
      }
      if (relation.equality()) {
        e.level(-constant);
      } else {
        e.upper(-constant);
      }
    }
    Optimisation.Result result = solver.solve(model, maximise);
    if (!result.getState().isFeasible()) {
      // The published numbers always allow the true ones; a solver failure proves nothing.
      return Double.NaN;
    }
    for (Map.Entry<Integer, Variable> v : variables.entrySet()) {
      double value = result.doubleValue(model.indexOf(v.getValue()));
      double[] range = seen.get(v.getKey());
      range[0] = Math.min(range[0], value);
      range[1] = Math.max(range[1], value);
    }
    return result.getValue();
  }
}
