package org.yousaid.functions.officer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * A reader of an officer dashboard who knows what "fewer than 5" (1 to 4) and "not shown" (any
 * count) mean and every total the page's tables imply, and uses a linear-programming solver
 * (ojAlgo) to find the least and greatest value each hidden count can take. A hidden count is
 * worked out when that interval holds one whole number. Tests read the page model as the page shows
 * it (shown value, or why not) and never the exact counts.
 */
public final class TableAttacker {

  private static final double BIG = 1_000_000;

  private final Map<String, double[]> variables = new LinkedHashMap<>();
  private final List<String> fewerThanFive = new ArrayList<>();
  private final List<Map<String, Double>> equalities = new ArrayList<>();
  private final List<Map<String, Double>> atMostZero = new ArrayList<>();

  /**
   * A count as shown: {@code shown} ≥ 0 is the number; -1 "fewer than 5"; -2 "not shown".
   *
   * @return its name, for the relations
   */
  public String count(String name, int shown) {
    if (variables.containsKey(name)) {
      throw new IllegalArgumentException("two counts named " + name);
    }
    if (shown >= 0) {
      variables.put(name, new double[] {shown, shown});
    } else if (shown == -1) {
      variables.put(name, new double[] {1, 4});
      fewerThanFive.add(name);
    } else if (shown == -2) {
      variables.put(name, new double[] {0, BIG});
    } else {
      throw new IllegalArgumentException("unknown shown value " + shown + " for " + name);
    }
    return name;
  }

  /** total = Σ parts. */
  public void total(String total, List<String> parts) {
    Map<String, Double> c = new LinkedHashMap<>();
    parts.forEach(p -> c.merge(p, 1.0, Double::sum));
    c.merge(total, -1.0, Double::sum);
    equalities.add(c);
  }

  /** part ≤ whole. */
  public void atMost(String part, String whole) {
    atMostZero.add(Map.of(part, 1.0, whole, -1.0));
  }

  /** The "fewer than 5" counts that can be worked out to one value. */
  public List<String> pinned() {
    List<String> pinned = new ArrayList<>();
    for (String target : fewerThanFive) {
      long[] interval = interval(target);
      if (interval[0] >= interval[1]) {
        pinned.add(target + " = " + interval[0]);
      }
    }
    return pinned;
  }

  /** The least and greatest whole values a count can take, given everything shown. */
  public long[] interval(String name) {
    return new long[] {
      (long) Math.ceil(solve(name, false) - 1e-6), (long) Math.floor(solve(name, true) + 1e-6)
    };
  }

  public int hiddenSmallCounts() {
    return fewerThanFive.size();
  }

  private double solve(String target, boolean maximise) {
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Map<String, Variable> v = new LinkedHashMap<>();
    variables.forEach(
        (name, bounds) -> v.put(name, model.addVariable(name).lower(bounds[0]).upper(bounds[1])));
    int i = 0;
    for (Map<String, Double> c : equalities) {
      Expression e = model.addExpression("eq" + i++).level(0);
      c.forEach((name, k) -> e.set(v.get(name), k));
    }
    for (Map<String, Double> c : atMostZero) {
      Expression e = model.addExpression("le" + i++).upper(0);
      c.forEach((name, k) -> e.set(v.get(name), k));
    }
    v.get(target).weight(1);
    Optimisation.Result r = maximise ? model.maximise() : model.minimise();
    if (!r.getState().isFeasible()) {
      throw new AssertionError("the shown numbers contradict each other");
    }
    return r.getValue();
  }
}
