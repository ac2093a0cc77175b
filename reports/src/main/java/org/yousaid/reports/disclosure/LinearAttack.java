package org.yousaid.reports.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
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
 * <p>Every solution the solver returns is a point the published numbers allow, and so are the true
 * counts (the publisher knows them): once a solution gives a cell a value a whole number away from
 * its true one, it cannot be pinned. A few solves in random directions, then a few that push every
 * still-undecided cell up or down together, rule out most cells before any is minimised and
 * maximised on its own; that matters because a republication links a question's tables across every
 * version into programs of thousands of numbers, where one solve takes seconds.
 *
 * <p>One attack is used for every round of {@link CellSuppression}: a group of linked cells whose
 * program did not change since an earlier round (nothing withheld in it) keeps its verdict instead
 * of being solved again.
 *
 * <p>Each solve has a bound on its simplex iterations. A solve that stops there, or fails, proves
 * nothing, so the cells it was to decide count as worked out (a companion is withheld): the check
 * fails closed and is counted in {@link #unproven()}.
 */
final class LinearAttack {

  /** How a linear program is solved; the tests swap in one that fails, as solvers sometimes do. */
  interface Solver {
    Solver OJALGO = (model, maximise) -> maximise ? model.maximise() : model.minimise();

    Optimisation.Result solve(ExpressionsBasedModel model, boolean maximise);
  }

  /**
   * Simplex iterations one solve may take, per number and relation of its program. A solve usually
   * needs one to three per relation; the bound stops a cycling or stalling solve without cutting
   * off an honest one, and (unlike a time limit) gives the same verdict however loaded the machine
   * is, so a preview and its publication agree.
   */
  static final int ITERATIONS_PER_ROW = 10;

  /** No solve is cut off below this many iterations (small programs). */
  static final int MIN_ITERATIONS = 1_000;

  private static final double TOLERANCE = 1e-6;

  private final Solver solver;
  private final int iterationsPerRow;
  private final int minIterations;
  private final long deadlineNanos;
  private final Map<Key, List<Integer>> verdicts = new HashMap<>();

  /**
   * Cells a solution has already shown can take two values. Withholding more cells only widens what
   * the published numbers allow (every point allowed before still is), so a cell once open stays
   * open for every later round, and only the cells found pinned are looked at again.
   */
  private final java.util.Set<Integer> open = new java.util.HashSet<>();

  private int solves;
  private int unproven;
  private int reused;

  /**
   * @param iterationsPerRow the bound on each solve's simplex iterations, per number and relation
   * @param minIterations the bound for the smallest programs
   * @param deadlineNanos {@link System#nanoTime()} after which no solve starts ({@link
   *     CheckTimedOut})
   */
  LinearAttack(Solver solver, int iterationsPerRow, int minIterations, long deadlineNanos) {
    this.solver = solver;
    this.iterationsPerRow = iterationsPerRow;
    this.minIterations = minIterations;
    this.deadlineNanos = deadlineNanos;
  }

  /** A one-off attack with the default bounds and no deadline. */
  static List<Integer> disclosed(LinkedCells cells, IntervalAttack intervals) {
    return disclosed(cells, intervals, Solver.OJALGO);
  }

  static List<Integer> disclosed(LinkedCells cells, IntervalAttack intervals, Solver solver) {
    return new LinearAttack(solver, ITERATIONS_PER_ROW, MIN_ITERATIONS, Long.MAX_VALUE)
        .run(cells, intervals);
  }

  /** The check ran out of its time: nothing may be published from it. */
  public static final class CheckTimedOut extends IllegalStateException {
    CheckTimedOut() {
      super("The disclosure check did not finish in its time; nothing is published.");
    }
  }

  /** Solves run so far. */
  int solves() {
    return solves;
  }

  /**
   * Solves that ended without a verified optimum (the iteration bound, or a solver failure): each
   * left its cells counted as worked out.
   */
  int unproven() {
    return unproven;
  }

  /** Groups of cells whose verdict was kept from an earlier round instead of solved again. */
  int reused() {
    return reused;
  }

  /**
   * Protected cells the LP pins, given the intervals bounds propagation left. Cells it pinned are
   * constants, so the rest falls apart into independent groups (a question's tables, linked to the
   * next only through shown totals); each group is its own, much smaller, linear program.
   */
  List<Integer> run(LinkedCells cells, IntervalAttack intervals) {
    List<Integer> out = new ArrayList<>();
    for (Component component : components(cells, intervals)) {
      Key key = Key.of(cells, intervals, component);
      List<Integer> verdict = verdicts.get(key);
      if (verdict == null) {
        verdict = disclosed(new Program(cells, intervals, component));
        verdicts.put(key, verdict);
      } else {
        reused++;
      }
      out.addAll(verdict);
    }
    Collections.sort(out);
    return out;
  }

  /** Unpinned cells linked by relations, and the relations among them. */
  private record Component(List<Integer> cells, List<Relation> relations) {}

  /**
   * Everything a group's program is made of: its cells, their states and intervals, and the
   * intervals of the pinned cells its relations use. The same key is the same program (the
   * relations are fixed), so the same verdict.
   */
  private record Key(int[] cells, long[] facts) {
    static Key of(LinkedCells cells, IntervalAttack intervals, Component component) {
      TreeSet<Integer> used = new TreeSet<>(component.cells());
      for (Relation r : component.relations()) {
        for (int c : r.cells()) {
          used.add(c);
        }
      }
      int[] ids = used.stream().mapToInt(Integer::intValue).toArray();
      long[] facts = new long[ids.length * 3];
      for (int k = 0; k < ids.length; k++) {
        facts[3 * k] = intervals.lower(ids[k]);
        facts[3 * k + 1] = intervals.upper(ids[k]);
        facts[3 * k + 2] = cells.state(ids[k]).ordinal();
      }
      return new Key(ids, facts);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(cells, k.cells) && Arrays.equals(facts, k.facts);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(cells) + Arrays.hashCode(facts);
    }
  }

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

  /**
   * A group's linear program: one variable per unpinned cell within its interval, one row per
   * relation (pinned cells are constants). Rows the others already imply are left out of what the
   * solver sees (a bound on one cell, which the intervals hold; "a part is at most its total" where
   * the parts, all at least 0, add up to the total), which halves a republication's program; every
   * solution is still checked against all of them.
   */
  private static final class Program {
    final LinkedCells cells;
    final int[] variables;
    final Map<Integer, Integer> index = new HashMap<>();
    final double[] lower;
    final double[] upper;
    final List<Row> rows = new ArrayList<>();
    final List<Row> solved = new ArrayList<>();

    /** {@code Σ coefficients · variables + constant} is 0, or at most 0. */
    record Row(int[] variables, int[] coefficients, long constant, boolean equality) {}

    Program(LinkedCells cells, IntervalAttack intervals, Component component) {
      this.cells = cells;
      variables = component.cells().stream().mapToInt(Integer::intValue).toArray();
      lower = new double[variables.length];
      upper = new double[variables.length];
      for (int v = 0; v < variables.length; v++) {
        index.put(variables[v], v);
        lower[v] = intervals.lower(variables[v]);
        upper[v] = intervals.upper(variables[v]);
      }
      List<Relation> implied = new ArrayList<>();
      for (Relation r : component.relations()) {
        if (r.equality()) {
          implied.add(r);
        }
      }
      for (Relation relation : component.relations()) {
        List<Integer> vars = new ArrayList<>();
        List<Integer> coefficients = new ArrayList<>();
        long constant = 0;
        for (int k = 0; k < relation.cells().length; k++) {
          int c = relation.cells()[k];
          Integer v = index.get(c);
          if (v == null) {
            constant += relation.coefficients()[k] * intervals.lower(c);
          } else {
            vars.add(v);
            coefficients.add(relation.coefficients()[k]);
          }
        }
        Row row =
            new Row(
                vars.stream().mapToInt(Integer::intValue).toArray(),
                coefficients.stream().mapToInt(Integer::intValue).toArray(),
                constant,
                relation.equality());
        rows.add(row);
        if (!boundHolds(row) && !partOfSum(relation, implied, intervals)) {
          solved.add(row);
        }
      }
    }

    /** Whether a row is a bound on one number that its interval already keeps. */
    private boolean boundHolds(Row row) {
      if (row.equality() || row.variables().length != 1) {
        return false;
      }
      int v = row.variables()[0];
      int a = row.coefficients()[0];
      return a * (a > 0 ? upper[v] : lower[v]) + row.constant() <= 0;
    }

    /**
     * Whether {@code part − total ≤ 0} follows from an equality {@code Σ parts − total = 0} in
     * which every other part is at least 0.
     */
    private static boolean partOfSum(
        Relation r, List<Relation> equalities, IntervalAttack intervals) {
      if (r.equality() || r.cells().length != 2) {
        return false;
      }
      int part = r.coefficients()[0] == 1 ? r.cells()[0] : r.cells()[1];
      int total = r.coefficients()[0] == 1 ? r.cells()[1] : r.cells()[0];
      if (r.coefficients()[0] + r.coefficients()[1] != 0) {
        return false;
      }
      for (Relation e : equalities) {
        boolean hasPart = false;
        boolean hasTotal = false;
        boolean othersNonNegative = true;
        for (int k = 0; k < e.cells().length; k++) {
          int c = e.cells()[k];
          int a = e.coefficients()[k];
          if (c == part && a == 1) {
            hasPart = true;
          } else if (c == total && a == -1) {
            hasTotal = true;
          } else if (a != 1 || intervals.lower(c) < 0) {
            othersNonNegative = false;
          }
        }
        if (hasPart && hasTotal && othersNonNegative) {
          return true;
        }
      }
      return false;
    }

    /** The true counts, if they are known for every cell and satisfy every row; else null. */
    double[] truth() {
      double[] x = new double[variables.length];
      for (int v = 0; v < variables.length; v++) {
        x[v] = cells.value(variables[v]);
      }
      return holds(x) ? x : null;
    }

    /** Whether a point is within every interval and satisfies every row (all, not only solved). */
    boolean holds(double[] x) {
      for (int v = 0; v < x.length; v++) {
        if (Double.isNaN(x[v]) || x[v] < lower[v] - TOLERANCE || x[v] > upper[v] + TOLERANCE) {
          return false;
        }
      }
      for (Row row : rows) {
        double sum = row.constant();
        double scale = 1;
        for (int k = 0; k < row.variables().length; k++) {
          sum += row.coefficients()[k] * x[row.variables()[k]];
          scale += Math.abs(x[row.variables()[k]]);
        }
        double slack = TOLERANCE * scale;
        if (row.equality() ? Math.abs(sum) > slack : sum > slack) {
          return false;
        }
      }
      return true;
    }

    ExpressionsBasedModel model(double[] weights, int iterations, long millis) {
      ExpressionsBasedModel model = new ExpressionsBasedModel();
      model.options.iterations_abort = iterations;
      model.options.time_abort = millis;
      Variable[] vars = new Variable[variables.length];
      for (int v = 0; v < variables.length; v++) {
        vars[v] = model.addVariable("c" + variables[v]).lower(lower[v]).upper(upper[v]);
        if (weights[v] != 0) {
          vars[v].weight(weights[v]);
        }
      }
      int r = 0;
      for (Row row : solved) {
        Expression e = model.addExpression("r" + r++);
        for (int k = 0; k < row.variables().length; k++) {
          e.add(vars[row.variables()[k]], row.coefficients()[k]);
        }
        if (row.equality()) {
          e.level(-row.constant());
        } else {
          e.upper(-row.constant());
        }
      }
      return model;
    }
  }

  private List<Integer> disclosed(Program program) {
    List<Integer> targets = new ArrayList<>();
    for (int v = 0; v < program.variables.length; v++) {
      if (program.cells.protectedCell(program.variables[v])
          && !open.contains(program.variables[v])) {
        targets.add(v);
      }
    }
    List<Integer> out = new ArrayList<>();
    if (targets.isEmpty()) {
      return out;
    }
    int n = program.variables.length;
    // seen[v] = {least, greatest} value of v among points the published numbers allow.
    double[][] seen = new double[n][];
    double[] truth = program.truth();
    for (int v = 0; v < n; v++) {
      seen[v] =
          truth == null
              ? new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}
              : new double[] {truth[v], truth[v]};
    }
    // Random directions open many cells at once on a group seen for the first time; a later round
    // has only the few cells found pinned to look at again.
    Random directions = new Random(56);
    for (int d = 0; d < (targets.size() > 16 ? 4 : 0); d++) {
      double[] weights = new double[n];
      for (int v = 0; v < n; v++) {
        weights[v] = directions.nextBoolean() ? 1.0 : -1.0;
      }
      solve(program, weights, d % 2 == 0, seen);
    }
    // Push every undecided cell the same way at once: an optimum moves many of them. With the
    // truth known, a cell at the least value its interval allows can only be shown to move up, so
    // it is only pushed up (and the other way round).
    boolean[] canRise = new boolean[n];
    boolean[] canFall = new boolean[n];
    for (int v = 0; v < n; v++) {
      canRise[v] = truth == null || truth[v] < program.upper[v];
      canFall[v] = truth == null || truth[v] > program.lower[v];
    }
    for (int pass = 0; pass < 8; pass++) {
      List<Integer> undecided = targets.stream().filter(v -> !open(seen[v])).toList();
      if (undecided.isEmpty()) {
        break;
      }
      double[] up = new double[n];
      double[] down = new double[n];
      undecided.forEach(v -> up[v] = canRise[v] ? 1.0 : 0.0);
      undecided.forEach(v -> down[v] = canFall[v] ? 1.0 : 0.0);
      solve(program, up, true, seen);
      solve(program, down, false, seen);
      if (targets.stream().filter(v -> !open(seen[v])).count() == undecided.size()) {
        break;
      }
    }
    for (int x : targets) {
      if (open(seen[x])) {
        open.add(program.variables[x]);
        continue;
      }
      double[] weights = new double[n];
      weights[x] = 1.0;
      // A cell that cannot fall below its true value has that as its least: one solve, not two.
      double min =
          !canFall[x] ? truth[x] : solve(program, weights, false, seen) ? seen[x][0] : Double.NaN;
      if (open(seen[x])) {
        open.add(program.variables[x]);
        continue;
      }
      double max =
          !canRise[x] ? truth[x] : solve(program, weights, true, seen) ? seen[x][1] : Double.NaN;
      // A solve that fails or stops at its bound proves nothing either way (the true numbers are
      // always a solution): the cell counts as worked out, so a companion is withheld rather than
      // a small number left to chance. Fail closed.
      if (Double.isNaN(min)
          || Double.isNaN(max)
          || Math.ceil(min - TOLERANCE) == Math.floor(max + TOLERANCE)) {
        out.add(program.variables[x]);
      } else if (open(seen[x])) {
        open.add(program.variables[x]);
      }
    }
    return out;
  }

  private static boolean open(double[] seen) {
    return Math.floor(seen[1] + TOLERANCE) > Math.ceil(seen[0] - TOLERANCE);
  }

  /**
   * Solves once and widens {@code seen} by the solution found.
   *
   * @return whether the solver reached an optimum that satisfies every relation (else the solve
   *     proves nothing about the objective, and is counted as unproven)
   */
  private boolean solve(Program program, double[] weights, boolean maximise, double[][] seen) {
    long left = deadlineNanos - System.nanoTime();
    if (left <= 0) {
      throw new CheckTimedOut();
    }
    int size = program.variables.length + program.solved.size();
    int iterations =
        (int) Math.min(Integer.MAX_VALUE, Math.max(minIterations, (long) iterationsPerRow * size));
    ExpressionsBasedModel model = program.model(weights, iterations, Math.max(1, left / 1_000_000));
    solves++;
    Optimisation.Result result = solver.solve(model, maximise);
    double[] x = new double[program.variables.length];
    if (result.getState().isFeasible() && result.count() >= x.length) {
      for (int v = 0; v < x.length; v++) {
        x[v] = result.doubleValue(v);
      }
    } else {
      Arrays.fill(x, Double.NaN);
    }
    // Only a point that satisfies every relation is a witness; ojAlgo's own word is not enough.
    boolean valid = program.holds(x);
    if (valid) {
      for (int v = 0; v < x.length; v++) {
        seen[v][0] = Math.min(seen[v][0], x[v]);
        seen[v][1] = Math.max(seen[v][1], x[v]);
      }
    }
    boolean proven = valid && result.getState().isOptimal();
    if (!proven) {
      unproven++;
    }
    return proven;
  }
}
