package org.yousaid.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * An adversary who has downloaded every published version's {@code you-said-we-did.json} and reads
 * them with a JSON parser only (none of yousaid's own classes). For every number they know: the
 * shown value, 1 to 4 for "fewer than 5", any count (0 included) for "not shown". They assume every
 * relation the file's structure suggests (a single-choice question's options add up to its answers;
 * breakdown groups other than areas of need add up to the question; a group's options add up to the
 * group; with {@code themesPartition}, themes add up to the answers and sentiment splits to their
 * theme), every percentage's rounding interval, and that a later version of a count of people is no
 * smaller than an earlier one. Then, with a linear-programming solver, they find the smallest and
 * largest value each hidden number (and each growth between versions) can take. A number is worked
 * out when its integer interval closes to one value.
 */
final class LinearAttacker {

  /** What the attack worked out: hidden numbers pinned, and how many it tried. */
  record Result(List<String> pinned, int hiddenCells, int growths) {}

  private static final double BIG = 100_000;

  /** How a constraint's left side compares with its right side. */
  enum Relationship {
    EQ,
    LEQ,
    GEQ
  }

  private final Map<String, Integer> index = new LinkedHashMap<>();
  private final List<String> hidden = new ArrayList<>();
  private final List<String> fewerThanFive = new ArrayList<>();
  private final Map<String, String> growthTargets = new LinkedHashMap<>();
  private final boolean themesPartition;
  private final Map<Integer, Double> lo = new HashMap<>();
  private final Map<Integer, Double> hi = new HashMap<>();

  LinearAttacker(boolean themesPartition) {
    this.themesPartition = themesPartition;
  }

  /** Reads one version; call oldest first. */
  LinearAttacker read(JsonNode json) {
    String v = "v" + json.get("version").asInt() + ":";
    int responses = number(v + "responses", json.get("responses"), json.get("responsesNote"));
    for (JsonNode q : json.get("questions")) {
      String p = v + "q/" + q.get("id").asText() + "/";
      int answered = number(p + "answered", q.get("answered"), q.get("answeredNote"));
      atMost(answered, responses);
      boolean single = !"MULTI_CHOICE".equals(q.get("type").asText());
      if (q.has("options")) {
        List<Integer> options = new ArrayList<>();
        for (JsonNode o : q.get("options")) {
          int c = count(p + "option/" + o.get("label").asText(), o);
          options.add(c);
          atMost(c, answered);
          percent(o, c, answered);
        }
        if (single) {
          sum(answered, options, Relationship.EQ);
        } else {
          sum(answered, options, Relationship.LEQ); // everyone chose at least one
        }
        for (JsonNode b : q.path("breakdowns")) {
          boolean overlapping = b.get("dimension").asText().equals("Area of need");
          List<Integer> groups = new ArrayList<>();
          List<List<Integer>> columns = new ArrayList<>();
          options.forEach(o -> columns.add(new ArrayList<>()));
          for (JsonNode g : b.get("groups")) {
            String gp =
                p + "by/" + b.get("dimension").asText() + "/" + g.get("label").asText() + "/";
            int n = number(gp + "answered", g.get("answered"), g.get("note"));
            groups.add(n);
            atMost(n, answered);
            List<Integer> row = new ArrayList<>();
            int i = 0;
            for (JsonNode o : g.get("options")) {
              int c = count(gp + "option/" + o.get("label").asText(), o);
              row.add(c);
              columns.get(i).add(c);
              atMost(c, n);
              atMost(c, options.get(i));
              percent(o, c, n);
              i++;
            }
            sum(n, row, single ? Relationship.EQ : Relationship.LEQ);
          }
          sum(answered, groups, overlapping ? Relationship.LEQ : Relationship.EQ);
          for (int i = 0; i < options.size(); i++) {
            sum(options.get(i), columns.get(i), overlapping ? Relationship.LEQ : Relationship.EQ);
          }
        }
      }
      if (q.has("themes")) {
        List<Integer> themes = new ArrayList<>();
        List<List<Integer>> splits =
            List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (JsonNode t : q.get("themes")) {
          String tp = p + "theme/" + t.get("id").asText();
          int m = number(tp, t.get("count"), t.get("note"));
          themes.add(m);
          atMost(m, answered);
          if (t.hasNonNull("percent")) {
            percentOf(t.get("percent").asInt(), m, answered);
          }
          if (t.hasNonNull("othersSupport")) {
            fix(m, t.get("othersSupport").asInt() + 1);
          }
          if (t.has("sentiment")) {
            List<Integer> split = sentiment(tp + "/sentiment/", t.get("sentiment"), m);
            for (int s = 0; s < 3; s++) {
              splits.get(s).add(split.get(s));
            }
            if (themesPartition) {
              sum(m, split, Relationship.EQ);
            }
          }
          // sub-themes: each at most its theme; with a partition, they add up to it
          if (t.has("subThemes") && !t.get("subThemes").isEmpty()) {
            List<Integer> subs = new ArrayList<>();
            for (JsonNode s : t.get("subThemes")) {
              int x =
                  number(tp + "/sub-theme/" + s.get("id").asText(), s.get("count"), s.get("note"));
              subs.add(x);
              atMost(x, m);
              if (s.hasNonNull("percent")) {
                percentOf(s.get("percent").asInt(), x, answered);
              }
              if (s.hasNonNull("othersSupport")) {
                fix(x, s.get("othersSupport").asInt() + 1);
              }
            }
            sum(m, subs, themesPartition ? Relationship.EQ : Relationship.GEQ);
          }
        }
        if (themesPartition) {
          sum(answered, themes, Relationship.EQ);
        }
        if (q.has("sentiment")) {
          List<Integer> overall = sentiment(p + "sentiment/", q.get("sentiment"), -1);
          for (int s = 0; s < 3; s++) {
            atMost(overall.get(s), answered);
            if (themesPartition && splits.get(s).size() == q.get("themes").size()) {
              sum(overall.get(s), splits.get(s), Relationship.EQ);
            }
          }
          // Percentages of the three together.
          List<Integer> all = overall;
          JsonNode sj = q.get("sentiment");
          String[] names = {"positive", "neutral", "negative"};
          for (int s = 0; s < 3; s++) {
            if (sj.get(names[s]).hasNonNull("percent")) {
              double pc = sj.get(names[s]).get("percent").asDouble();
              Map<Integer, Double> coef = new HashMap<>();
              for (int x : all) {
                coef.merge(x, -(pc + 0.5) / 100, Double::sum);
              }
              coef.merge(all.get(s), 1.0, Double::sum);
              constraint(coef, Relationship.LEQ, 0);
              Map<Integer, Double> coef2 = new HashMap<>();
              for (int x : all) {
                coef2.merge(x, -(pc - 0.5) / 100, Double::sum);
              }
              coef2.merge(all.get(s), 1.0, Double::sum);
              constraint(coef2, Relationship.GEQ, 0);
            }
          }
        }
      }
    }
    return this;
  }

  private List<Integer> sentiment(String prefix, JsonNode s, int of) {
    List<Integer> out = new ArrayList<>();
    for (String name : List.of("positive", "neutral", "negative")) {
      JsonNode c = s.get(name);
      int x = count(prefix + name, c);
      out.add(x);
      if (of >= 0) {
        atMost(x, of);
        percent(c, x, of);
      }
    }
    return out;
  }

  /** Links each count of people in consecutive versions: it can only grow. */
  LinearAttacker growth(int fromVersion, int toVersion) {
    String a = "v" + fromVersion + ":";
    String b = "v" + toVersion + ":";
    for (String key : new ArrayList<>(index.keySet())) {
      if (!key.startsWith(a) || key.contains("/theme/") || key.contains("/sentiment/")) {
        continue;
      }
      String later = b + key.substring(a.length());
      if (index.containsKey(later)) {
        int d = variable("growth " + key + " -> " + later, 0, BIG);
        constraint(
            Map.of(index.get(later), 1.0, index.get(key), -1.0, d, -1.0), Relationship.EQ, 0);
        growthTargets.put("growth " + key + " -> " + later, key);
        growthOf.put(d, new int[] {index.get(later), index.get(key)});
      }
    }
    return this;
  }

  /**
   * Every bound and relation this attacker assumes, evaluated at the true counts (names as {@link
   * #read} gives them, e.g. {@code v2:q/id/option/Label}): the ones the truth breaks. An attack is
   * only sound when this is empty; a broken one is either an assumption of the attacker's that does
   * not hold, or published numbers that contradict each other.
   */
  List<String> violatedAt(Map<String, Long> truth) {
    List<String> names = new ArrayList<>(index.keySet());
    double[] x = new double[names.size()];
    List<String> out = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (growthOf.containsKey(i)) {
        continue;
      }
      Long t = truth.get(names.get(i));
      if (t == null) {
        out.add("no true value for " + names.get(i));
        x[i] = Double.NaN;
        continue;
      }
      x[i] = t;
    }
    growthOf.forEach((d, pair) -> x[d] = x[pair[0]] - x[pair[1]]);
    for (int i = 0; i < x.length; i++) {
      if (x[i] < lo.get(i) - 1e-9 || x[i] > hi.get(i) + 1e-9) {
        out.add(names.get(i) + " is " + x[i] + ", assumed " + lo.get(i) + ".." + hi.get(i));
      }
    }
    for (Pending p : pending) {
      double lhs = 0;
      StringBuilder terms = new StringBuilder();
      for (Map.Entry<Integer, Double> e : p.coef().entrySet()) {
        lhs += e.getValue() * x[e.getKey()];
        terms.append(
            String.format(" %+.4f·%s(=%s)", e.getValue(), names.get(e.getKey()), x[e.getKey()]));
      }
      boolean holds =
          switch (p.r()) {
            case EQ -> Math.abs(lhs - p.rhs()) < 1e-9;
            case LEQ -> lhs <= p.rhs() + 1e-9;
            case GEQ -> lhs >= p.rhs() - 1e-9;
          };
      if (!holds) {
        out.add(terms + " " + p.r() + " " + p.rhs() + " but is " + lhs);
      }
    }
    return out;
  }

  private final Map<Integer, int[]> growthOf = new HashMap<>();

  private int count(String name, JsonNode c) {
    return number(name, c.get("count"), c.get("note"));
  }

  private int number(String name, JsonNode value, JsonNode note) {
    if (value != null && !value.isNull()) {
      return variable(name, value.asDouble(), value.asDouble());
    }
    if (note == null) {
      throw new AssertionError("a number with neither value nor note: " + name);
    }
    int x =
        note.asText().equals("not shown")
            ? variable(name, 0, BIG)
            : note.asText().equals("fewer than 5") ? variable(name, 1, 4) : -1;
    if (x < 0) {
      throw new AssertionError("unknown note " + note.asText() + " for " + name);
    }
    hidden.add(name);
    if (note.asText().equals("fewer than 5")) {
      fewerThanFive.add(name);
    }
    return x;
  }

  private int variable(String name, double min, double max) {
    int i = index.size();
    index.put(name, i);
    lo.put(i, min);
    hi.put(i, max);
    return i;
  }

  private void atMost(int part, int whole) {
    constraint(Map.of(part, 1.0, whole, -1.0), Relationship.LEQ, 0);
  }

  private void fix(int x, double value) {
    constraint(Map.of(x, 1.0), Relationship.EQ, value);
  }

  private void sum(int total, List<Integer> parts, Relationship totalVsParts) {
    if (parts.isEmpty()) {
      return;
    }
    Map<Integer, Double> coef = new HashMap<>();
    parts.forEach(x -> coef.merge(x, 1.0, Double::sum));
    coef.merge(total, -1.0, Double::sum);
    // total (rel) Σ parts  ⇔  Σ parts − total (flipped rel) 0
    Relationship r =
        totalVsParts == Relationship.EQ
            ? Relationship.EQ
            : totalVsParts == Relationship.LEQ ? Relationship.GEQ : Relationship.LEQ;
    constraint(coef, r, 0);
  }

  private void percent(JsonNode c, int count, int of) {
    if (c != null && c.hasNonNull("percent")) {
      percentOf(c.get("percent").asInt(), count, of);
    }
  }

  /** Rounded half up: p − 0.5 ≤ 100·count/of < p + 0.5. */
  private void percentOf(double p, int count, int of) {
    constraint(Map.of(count, 100.0, of, -(p + 0.5)), Relationship.LEQ, 0);
    constraint(Map.of(count, 100.0, of, -(p - 0.5)), Relationship.GEQ, 0);
  }

  private void constraint(Map<Integer, Double> coef, Relationship r, double rhs) {
    pending.add(new Pending(new HashMap<>(coef), r, rhs));
  }

  private record Pending(Map<Integer, Double> coef, Relationship r, double rhs) {}

  private final List<Pending> pending = new ArrayList<>();

  /**
   * Minimises and maximises every "fewer than 5" number and every growth between versions, each
   * over the constraints of its own connected part (shown numbers are constants, so questions
   * separate), which keeps each LP small.
   */
  Result attack() {
    int n = index.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    List<Pending> reduced = new ArrayList<>();
    for (Pending p : pending) {
      Map<Integer, Double> free = new HashMap<>();
      double rhs = p.rhs();
      for (Map.Entry<Integer, Double> e : p.coef().entrySet()) {
        if (lo.get(e.getKey()).equals(hi.get(e.getKey()))) {
          rhs -= e.getValue() * lo.get(e.getKey());
        } else if (e.getValue() != 0) {
          free.merge(e.getKey(), e.getValue(), Double::sum);
        }
      }
      if (free.isEmpty()) {
        boolean holds =
            switch (p.r()) {
              case EQ -> Math.abs(rhs) < 1e-6;
              case LEQ -> 0 <= rhs + 1e-6;
              case GEQ -> 0 >= rhs - 1e-6;
            };
        if (!holds) {
          throw new AssertionError("the published numbers contradict each other");
        }
        continue;
      }
      reduced.add(new Pending(free, p.r(), rhs));
      Integer first = null;
      for (int x : free.keySet()) {
        if (first == null) {
          first = x;
        } else {
          parent[find(parent, x)] = find(parent, first);
        }
      }
    }
    List<String> targets = new ArrayList<>(hidden);
    targets.addAll(growthTargets.keySet());
    List<String> pinned = new ArrayList<>();
    // Every solution the solver returns is a point the published numbers allow; once two such
    // points give a number values an integer or more apart, it cannot be pinned, and no further
    // solve is needed for it.
    seenLo = new double[n];
    seenHi = new double[n];
    java.util.Arrays.fill(seenLo, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(seenHi, Double.NEGATIVE_INFINITY);
    java.util.Set<Integer> warmed = new java.util.HashSet<>();
    java.util.Random directions = new java.util.Random(56);
    for (String name : targets) {
      int x = index.get(name);
      if (lo.get(x).equals(hi.get(x)) || provenOpen(x)) {
        continue;
      }
      int root = find(parent, x);
      List<Integer> vars = new ArrayList<>();
      Map<Integer, Integer> local = new HashMap<>();
      for (int i = 0; i < n; i++) {
        if (!lo.get(i).equals(hi.get(i)) && find(parent, i) == root) {
          local.put(i, vars.size());
          vars.add(i);
        }
      }
      List<Pending> lp = new ArrayList<>();
      for (Pending p : reduced) {
        int any = p.coef().keySet().iterator().next();
        if (find(parent, any) == root) {
          lp.add(p);
        }
      }
      if (warmed.add(root)) {
        // A few solves in random directions find points far apart, which rule out most numbers
        // at once; only those left are minimised and maximised one by one.
        for (int d = 0; d < 6; d++) {
          Map<Integer, Double> weights = new HashMap<>();
          vars.forEach(v -> weights.put(v, directions.nextBoolean() ? 1.0 : -1.0));
          solve(lp, vars, weights, d % 2 == 0);
        }
        if (provenOpen(x)) {
          continue;
        }
      }
      double min = optimise(lp, vars, x, false);
      if (provenOpen(x)) {
        continue;
      }
      double max = optimise(lp, vars, x, true);
      long low = (long) Math.ceil(min - 1e-6);
      long high = (long) Math.floor(max + 1e-6);
      // A "fewer than 5" number pinned is a disclosure; a "not shown" one or a growth is one when
      // it is pinned to 1 to 4.
      boolean small = fewerThanFive.contains(name);
      if (low == high && (small || (low >= 1 && low <= 4))) {
        pinned.add(name + " = " + low);
      }
    }
    return new Result(pinned, fewerThanFive.size(), growthTargets.size());
  }

  private double[] seenLo;
  private double[] seenHi;

  private boolean provenOpen(int x) {
    return Math.floor(seenHi[x] + 1e-6) > Math.ceil(seenLo[x] - 1e-6);
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private double optimise(List<Pending> lp, List<Integer> vars, int target, boolean maximise) {
    return solve(lp, vars, Map.of(target, 1.0), maximise);
  }

  /** Optimises a weighted sum; every solution found widens each number's range of seen values. */
  private double solve(
      List<Pending> lp, List<Integer> vars, Map<Integer, Double> weights, boolean maximise) {
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Map<Integer, Variable> variables = new HashMap<>();
    for (int v : vars) {
      Variable variable = model.addVariable("x" + v).lower(lo.get(v)).upper(hi.get(v));
      variables.put(v, variable);
    }
    weights.forEach((v, w) -> variables.get(v).weight(w));
    int c = 0;
    for (Pending p : lp) {
      Expression e = model.addExpression("c" + c++);
      p.coef().forEach((k, coefficient) -> e.set(variables.get(k), coefficient));
      switch (p.r()) {
        case EQ -> e.level(p.rhs());
        case LEQ -> e.upper(p.rhs());
        case GEQ -> e.lower(p.rhs());
      }
    }
    Optimisation.Result result = maximise ? model.maximise() : model.minimise();
    if (!result.getState().isOptimal()) {
      if (weights.size() > 1) {
        return Double.NaN; // a random direction only speeds things up; a failed one proves nothing
      }
      // Kept for diagnosis: the program the solver gave up on, in ojAlgo's own file format.
      java.io.File file = new java.io.File("target", "attacker-lp-" + System.nanoTime() + ".ebm");
      model.writeTo(file);
      throw new AssertionError(
          "the solver found no optimum: "
              + result.getState()
              + " ("
              + vars.size()
              + " numbers, "
              + lp.size()
              + " relations; its own check of the point it returned: "
              + model.validate(result)
              + "; program in "
              + file.getAbsolutePath()
              + ")");
    }
    for (int k = 0; k < vars.size(); k++) {
      int v = vars.get(k);
      double value = result.doubleValue(model.indexOf(variables.get(v)));
      seenLo[v] = Math.min(seenLo[v], value);
      seenHi[v] = Math.max(seenHi[v], value);
    }
    return result.getValue();
  }
}
