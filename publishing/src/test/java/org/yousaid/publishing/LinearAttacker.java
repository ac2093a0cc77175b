package org.yousaid.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
 * smaller than an earlier one. Then they narrow every number's bounds relation by relation (all are
 * whole counts) and, with a linear-programming solver, find the smallest and largest value each
 * hidden number (and each growth between versions) can take. A number is worked out when its
 * integer interval closes to one value.
 *
 * <p>The tests give it the true counts too ({@link #witness}), only as one more point the published
 * numbers allow: that shows most numbers open without a solve of their own, never decides one
 * pinned. A solve that fails is retried another way ({@link Attempt}); when every way fails, the
 * attack fails rather than report nothing pinned.
 */
final class LinearAttacker {

  /**
   * What the attack worked out: hidden numbers pinned, how many it tried, the solves it ran and the
   * attempts among them that failed and were retried another way.
   */
  record Result(
      List<String> pinned, int hiddenCells, int growths, int solves, int failedAttempts) {}

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
    List<String> out = new ArrayList<>();
    double[] x = pointAt(truth, out);
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

  /** The point the true counts make (growths from the counts they link); names any missing. */
  private double[] pointAt(Map<String, Long> truth, List<String> missing) {
    List<String> names = new ArrayList<>(index.keySet());
    double[] x = new double[names.size()];
    for (int i = 0; i < x.length; i++) {
      if (growthOf.containsKey(i)) {
        continue;
      }
      Long t = truth.get(names.get(i));
      if (t == null) {
        missing.add("no true value for " + names.get(i));
        x[i] = Double.NaN;
        continue;
      }
      x[i] = t;
    }
    growthOf.forEach((d, pair) -> x[d] = x[pair[0]] - x[pair[1]]);
    return x;
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
   * How one linear program is solved; the tests swap in one that fails, as solvers sometimes do.
   */
  interface Solver {
    Solver OJALGO = (model, maximise, attempt) -> maximise ? model.maximise() : model.minimise();

    Optimisation.Result solve(ExpressionsBasedModel model, boolean maximise, Attempt attempt);
  }

  /**
   * The ways a solve is tried, in this order, until one reaches an optimum whose point satisfies
   * every relation. Each is the same program (the same numbers, bounds and relations, so the same
   * least and greatest values); only how the solver sees it differs. ojAlgo's dense simplex has
   * reported a large, degenerate program of four linked versions infeasible although the true
   * counts satisfy it, so one failed solve is not taken as the answer.
   */
  enum Attempt {
    /** ojAlgo's default solver, without the relations the others imply. */
    IMPLIED_LEFT_OUT,
    /** The default solver on every relation. */
    EVERY_RELATION,
    /**
     * ojAlgo's other (revised, sparse) simplex, without the implied relations: last, since it takes
     * many times the CPU of the default.
     */
    SPARSE_SOLVER
  }

  /** Simplex iterations one attempt may take, per number and relation, before the next is tried. */
  private static final int ITERATIONS_PER_ROW = 20;

  private static final double TOLERANCE = 1e-6;

  /** The true counts, or null when not given. */
  private Map<String, Long> truth;

  /** The true counts (and growths) as one point of the program, while an attack runs. */
  private double[] witness;

  private int solves;
  private int failedAttempts;

  /**
   * Gives the attack the true counts (names as {@link #read} gives them) as one more point the
   * published numbers allow, after checking that they satisfy every bound and relation (else this
   * throws: the attack would prove nothing). The attack uses it only as it uses the solver's own
   * solutions: a number that some solution puts a whole number away from its true value is open.
   * Every number not shown open that way is still minimised and maximised.
   */
  LinearAttacker witness(Map<String, Long> truth) {
    List<String> broken = violatedAt(truth);
    if (!broken.isEmpty()) {
      throw new AssertionError("the true counts break the attacker's model: " + broken);
    }
    this.truth = Map.copyOf(truth);
    return this;
  }

  /**
   * Every hidden number and growth, minimised and maximised with ojAlgo; see {@link
   * #attack(Solver)}.
   */
  Result attack() {
    return attack(Solver.OJALGO);
  }

  /**
   * Works out the least and greatest value every hidden number and every growth between versions
   * can take (the linear program's optimum, rounded inwards to whole numbers).
   *
   * <p>Before any solve, the program is simplified without changing what it allows: numbers a
   * relation fixes become constants, a relation on one number becomes that number's bounds, and "a
   * part is at most its total" is left out of what the solver sees where the parts add up to the
   * total (every point is still checked against it). The rest falls apart into independent groups
   * linked by relations (shown numbers are constants), each its own program.
   *
   * <p>In each group, solves in random directions, then solves that push every undecided number up
   * (or down) at once, find points far apart: a number two points (or a point and the true counts,
   * when given) put a whole number apart is open. Every number left is maximised and minimised on
   * its own (a direction in which some point already reaches the number's bound needs no solve).
   * Only a solve whose point satisfies every relation counts; a failed one is retried ({@link
   * Attempt}), and when every attempt fails the attack throws rather than guess.
   */
  Result attack(Solver solver) {
    if (truth != null) {
      // Checked again: versions read after the truth was given must satisfy it too.
      witness(truth);
      witness = pointAt(truth, new ArrayList<>());
    }
    int n = index.size();
    double[] low = new double[n];
    double[] high = new double[n];
    for (int i = 0; i < n; i++) {
      low[i] = lo.get(i);
      high[i] = hi.get(i);
    }
    List<Row> rows = new ArrayList<>();
    for (Pending p : pending) {
      rows.add(Row.of(p));
    }
    rows = presolve(rows, low, high);
    boolean[] implied = implied(rows, low, high);
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (Row r : rows) {
      for (int v : r.vars()) {
        parent[find(parent, v)] = find(parent, r.vars()[0]);
      }
    }
    Map<Integer, Group> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      if (low[i] != high[i]) {
        groups.computeIfAbsent(find(parent, i), k -> new Group()).vars.add(i);
      }
    }
    for (int r = 0; r < rows.size(); r++) {
      Group g = groups.get(find(parent, rows.get(r).vars()[0]));
      g.all.add(rows.get(r));
      if (!implied[r]) {
        g.solved.add(rows.get(r));
      }
    }
    List<String> names = new ArrayList<>(hidden);
    names.addAll(growthTargets.keySet());
    Map<Integer, List<Integer>> targetsOf = new LinkedHashMap<>();
    for (String name : names) {
      int x = index.get(name);
      if (low[x] != high[x]) {
        targetsOf.computeIfAbsent(find(parent, x), k -> new ArrayList<>()).add(x);
      }
    }
    seenLo = new double[n];
    seenHi = new double[n];
    for (int i = 0; i < n; i++) {
      seenLo[i] = witness == null ? Double.POSITIVE_INFINITY : witness[i];
      seenHi[i] = witness == null ? Double.NEGATIVE_INFINITY : witness[i];
    }
    double[] min = low.clone();
    double[] max = high.clone();
    targetsOf.forEach(
        (root, targets) -> groups.get(root).decide(targets, low, high, min, max, solver));
    Set<String> small = new HashSet<>(fewerThanFive);
    List<String> pinned = new ArrayList<>();
    for (String name : names) {
      int x = index.get(name);
      long least = (long) Math.ceil(min[x] - TOLERANCE);
      long greatest = (long) Math.floor(max[x] + TOLERANCE);
      // A "fewer than 5" number pinned is a disclosure; a "not shown" one or a growth is one when
      // it is pinned to 1 to 4.
      if (least == greatest && (small.contains(name) || (least >= 1 && least <= 4))) {
        pinned.add(name + " = " + least);
      }
    }
    return new Result(pinned, fewerThanFive.size(), growthTargets.size(), solves, failedAttempts);
  }

  /**
   * {@code Σ coefficients · numbers} is {@code rhs} ({@code equality}) or at most {@code rhs}: a
   * "greater than or equal" relation is kept negated.
   */
  private record Row(int[] vars, double[] coefs, double rhs, boolean equality) {
    static Row of(Pending p) {
      double sign = p.r() == Relationship.GEQ ? -1 : 1;
      List<Map.Entry<Integer, Double>> terms =
          p.coef().entrySet().stream().filter(e -> e.getValue() != 0).toList();
      int[] vars = new int[terms.size()];
      double[] coefs = new double[terms.size()];
      for (int k = 0; k < vars.length; k++) {
        vars[k] = terms.get(k).getKey();
        coefs[k] = sign * terms.get(k).getValue();
      }
      return new Row(vars, coefs, sign * p.rhs(), p.r() == Relationship.EQ);
    }

    /** The same relation with every fixed number moved to the right-hand side. */
    Row substitute(double[] low, double[] high) {
      int free = 0;
      for (int v : vars) {
        free += low[v] == high[v] ? 0 : 1;
      }
      if (free == vars.length) {
        return this;
      }
      int[] v2 = new int[free];
      double[] c2 = new double[free];
      double r = rhs;
      int k2 = 0;
      for (int k = 0; k < vars.length; k++) {
        if (low[vars[k]] == high[vars[k]]) {
          r -= coefs[k] * low[vars[k]];
        } else {
          v2[k2] = vars[k];
          c2[k2++] = coefs[k];
        }
      }
      return new Row(v2, c2, r, equality);
    }

    /** Whether the point satisfies this relation, within a tolerance relative to its terms. */
    boolean holds(double[] x) {
      double lhs = 0;
      double scale = 1 + Math.abs(rhs);
      for (int k = 0; k < vars.length; k++) {
        lhs += coefs[k] * x[vars[k]];
        scale += Math.abs(coefs[k] * x[vars[k]]);
      }
      double slack = TOLERANCE * scale;
      return equality ? Math.abs(lhs - rhs) <= slack : lhs - rhs <= slack;
    }
  }

  /**
   * Fixes, substitutes and turns relations on one number into bounds, then narrows every number's
   * bounds by each relation in turn (every number is a count, so bounds are whole numbers), until
   * nothing changes: the same whole-number points are allowed, in fewer and smaller relations with
   * tight bounds, which the simplex needs (bounds of 100,000 on "not shown" numbers made ojAlgo's
   * dense simplex report a feasible program of four versions infeasible). Returns the relations on
   * two or more numbers.
   */
  private static List<Row> presolve(List<Row> rows, double[] low, double[] high) {
    boolean changed = true;
    for (int pass = 0; changed && pass < 200; pass++) {
      changed = false;
      List<Row> next = new ArrayList<>();
      for (Row row : rows) {
        Row r = row.substitute(low, high);
        if (r.vars().length == 0) {
          if (r.equality() ? Math.abs(r.rhs()) > TOLERANCE : r.rhs() < -TOLERANCE) {
            throw new AssertionError("the published numbers contradict each other");
          }
        } else if (r.vars().length == 1) {
          int v = r.vars()[0];
          double bound = r.rhs() / r.coefs()[0];
          if (r.equality() || r.coefs()[0] > 0) {
            changed |= narrow(v, Double.NEGATIVE_INFINITY, bound, low, high);
          }
          if (r.equality() || r.coefs()[0] < 0) {
            changed |= narrow(v, bound, Double.POSITIVE_INFINITY, low, high);
          }
        } else {
          next.add(r);
        }
      }
      rows = next;
      for (Row r : rows) {
        changed |= tighten(r, 1, low, high);
        if (r.equality()) {
          changed |= tighten(r, -1, low, high);
        }
      }
    }
    return rows;
  }

  /** {@code sign · Σ coefficients · numbers ≤ sign · rhs} narrows each number's bounds. */
  private static boolean tighten(Row r, double sign, double[] low, double[] high) {
    double least = 0;
    for (int k = 0; k < r.vars().length; k++) {
      double a = sign * r.coefs()[k];
      least += a > 0 ? a * low[r.vars()[k]] : a * high[r.vars()[k]];
    }
    boolean changed = false;
    for (int k = 0; k < r.vars().length; k++) {
      int v = r.vars()[k];
      double a = sign * r.coefs()[k];
      double rest = least - (a > 0 ? a * low[v] : a * high[v]);
      double bound = (sign * r.rhs() - rest) / a;
      changed |=
          a > 0
              ? narrow(v, Double.NEGATIVE_INFINITY, bound, low, high)
              : narrow(v, bound, Double.POSITIVE_INFINITY, low, high);
    }
    return changed;
  }

  /** Narrows a count's bounds to whole numbers within {@code from..to}; whether they moved. */
  private static boolean narrow(int v, double from, double to, double[] low, double[] high) {
    double l = Math.ceil(from - TOLERANCE * (1 + Math.abs(from)));
    double h = Math.floor(to + TOLERANCE * (1 + Math.abs(to)));
    boolean changed = false;
    if (l > low[v]) {
      low[v] = l;
      changed = true;
    }
    if (h < high[v]) {
      high[v] = h;
      changed = true;
    }
    if (low[v] > high[v]) {
      throw new AssertionError("the published numbers contradict each other");
    }
    return changed;
  }

  /**
   * Inequalities another relation implies: {@code a·x ≤ r} where another relation reads {@code
   * s·a·x + (the rest) ≤ or = c}, s > 0, and the rest is at least m given the bounds, so that
   * {@code a·x ≤ (c − m)/s ≤ r} (e.g. a cell is at most its total when the cells add up to it).
   * Each implied one is left out of what the solver sees only while the one implying it stays in.
   */
  private static boolean[] implied(List<Row> rows, double[] low, double[] high) {
    Map<Integer, List<Integer>> rowsOf = new HashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      for (int v : rows.get(r).vars()) {
        rowsOf.computeIfAbsent(v, k -> new ArrayList<>()).add(r);
      }
    }
    boolean[] out = new boolean[rows.size()];
    boolean[] needed = new boolean[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      Row l = rows.get(r);
      if (l.equality() || l.vars().length > 3) {
        continue;
      }
      for (int e : rowsOf.get(l.vars()[0])) {
        if (e == r || out[e] || rows.get(e).vars().length <= l.vars().length) {
          continue;
        }
        if (implies(rows.get(e), l, low, high)) {
          out[r] = true;
          needed[e] = true;
          break;
        }
      }
      if (out[r] && needed[r]) {
        out[r] = false; // another was left out because of this one
      }
    }
    return out;
  }

  private static boolean implies(Row e, Row l, double[] low, double[] high) {
    for (double sign : e.equality() ? new double[] {1, -1} : new double[] {1}) {
      double s = Double.NaN;
      boolean matches = true;
      double rest = 0;
      for (int k = 0; k < e.vars().length && matches; k++) {
        double c = sign * e.coefs()[k];
        int at = indexOf(l.vars(), e.vars()[k]);
        if (at >= 0) {
          double ratio = l.coefs()[at] / c;
          if (!(ratio > 0) || (!Double.isNaN(s) && Math.abs(ratio - s) > 1e-12 * Math.abs(s))) {
            matches = false;
          }
          s = ratio;
        } else {
          rest += c > 0 ? c * low[e.vars()[k]] : c * high[e.vars()[k]];
        }
      }
      int shared = 0;
      for (int v : l.vars()) {
        shared += indexOf(e.vars(), v) >= 0 ? 1 : 0;
      }
      if (matches
          && shared == l.vars().length
          && Double.isFinite(rest)
          && s * (sign * e.rhs() - rest) <= l.rhs() - 1e-9 * (1 + Math.abs(l.rhs()))) {
        return true;
      }
    }
    return false;
  }

  private static int indexOf(int[] a, int v) {
    for (int k = 0; k < a.length; k++) {
      if (a[k] == v) {
        return k;
      }
    }
    return -1;
  }

  /** Numbers linked by relations, the relations, and those of them the solver is given. */
  private final class Group {
    final List<Integer> vars = new ArrayList<>();
    final List<Row> all = new ArrayList<>();
    final List<Row> solved = new ArrayList<>();

    /** Fills in {@code min} and {@code max} for every target, or leaves them open enough. */
    void decide(
        List<Integer> targets,
        double[] low,
        double[] high,
        double[] min,
        double[] max,
        Solver solver) {
      if (witness != null && !holds(witness, low, high)) {
        throw new AssertionError("the true counts break the simplified program");
      }
      Random directions = new Random(56);
      for (int d = 0; d < (targets.size() > 16 ? 4 : 0); d++) {
        Map<Integer, Double> weights = new HashMap<>();
        vars.forEach(v -> weights.put(v, directions.nextBoolean() ? 1.0 : -1.0));
        solve(weights, d % 2 == 0, low, high, solver);
      }
      // Push every undecided number the same way at once: an optimum moves many of them. One
      // that some point already shows at its upper bound cannot be pushed up (and so down).
      for (int pass = 0; pass < 8; pass++) {
        List<Integer> undecided = targets.stream().filter(x -> !provenOpen(x)).toList();
        if (undecided.size() < 2) {
          break;
        }
        for (boolean up : new boolean[] {true, false}) {
          Map<Integer, Double> weights = new HashMap<>();
          for (int x : undecided) {
            if (up ? seenHi[x] < high[x] - TOLERANCE : seenLo[x] > low[x] + TOLERANCE) {
              weights.put(x, 1.0);
            }
          }
          if (!weights.isEmpty()) {
            solve(weights, up, low, high, solver);
          }
        }
        if (targets.stream().filter(x -> !provenOpen(x)).count() == undecided.size()) {
          break;
        }
      }
      int before = solves;
      long undecided = targets.stream().filter(x -> !provenOpen(x)).count();
      for (int x : targets) {
        for (boolean up : new boolean[] {true, false}) {
          if (provenOpen(x)) {
            break;
          }
          // A point at the number's bound shows the optimum in that direction without a solve.
          if (up ? seenHi[x] >= high[x] - TOLERANCE : seenLo[x] <= low[x] + TOLERANCE) {
            continue;
          }
          if (!solve(Map.of(x, 1.0), up, low, high, solver)) {
            // Kept for diagnosis: the program, in ojAlgo's own file format.
            java.io.File file =
                new java.io.File("target", "attacker-lp-" + System.nanoTime() + ".ebm");
            model(Map.of(x, 1.0), Attempt.IMPLIED_LEFT_OUT, low, high).writeTo(file);
            throw new AssertionError(
                "no attempt reached a verified optimum for "
                    + new ArrayList<>(index.keySet()).get(x)
                    + " ("
                    + vars.size()
                    + " numbers, "
                    + all.size()
                    + " relations, "
                    + solved.size()
                    + " given to the solver; program in "
                    + file.getAbsolutePath()
                    + ")");
          }
        }
        // Each bound is the optimum (a solve, or a point at the bound), or the number is open.
        min[x] = seenLo[x];
        max[x] = seenHi[x];
      }
      if (vars.size() >= 500) {
        System.out.printf(
            "attacker: a group of %d numbers, %d relations (%d given): %d targets, %d left after"
                + " the joint solves, %d solves on their own%n",
            vars.size(), all.size(), solved.size(), targets.size(), undecided, solves - before);
      }
    }

    boolean holds(double[] x, double[] low, double[] high) {
      for (int v : vars) {
        double slack = TOLERANCE * (1 + Math.abs(x[v]));
        if (!(x[v] >= low[v] - slack && x[v] <= high[v] + slack)) {
          return false;
        }
      }
      for (Row r : all) {
        if (!r.holds(x)) {
          return false;
        }
      }
      return true;
    }

    /**
     * Optimises a weighted sum, trying each {@link Attempt} until one reaches an optimum whose
     * point satisfies every relation; that point widens every number's range of seen values.
     *
     * @return whether an attempt did
     */
    boolean solve(
        Map<Integer, Double> weights,
        boolean maximise,
        double[] low,
        double[] high,
        Solver solver) {
      // Each solve starts again with the cheapest way: the default solver that failed on one
      // objective usually solves the next one.
      for (Attempt attempt : Attempt.values()) {
        ExpressionsBasedModel model = model(weights, attempt, low, high);
        solves++;
        Optimisation.Result result = solver.solve(model, maximise, attempt);
        double[] x = new double[low.length];
        boolean valid = result.getState().isOptimal() && result.count() >= vars.size();
        for (int k = 0; k < vars.size() && valid; k++) {
          x[vars.get(k)] = result.doubleValue(k);
        }
        boolean holds = valid && holds(x, low, high);
        if (holds) {
          for (int v : vars) {
            seenLo[v] = Math.min(seenLo[v], x[v]);
            seenHi[v] = Math.max(seenHi[v], x[v]);
          }
          return true;
        }
        failedAttempts++;
        // Numbers only: which attempt failed how, on what size of program.
        System.out.printf(
            "attacker: %s failed (%s, point %s) on %d numbers, %d relations (%d given)%n",
            attempt,
            result.getState(),
            valid ? "breaks a relation" : "none",
            vars.size(),
            all.size(),
            solved.size());
      }
      return false;
    }

    ExpressionsBasedModel model(
        Map<Integer, Double> weights, Attempt attempt, double[] low, double[] high) {
      ExpressionsBasedModel model = new ExpressionsBasedModel();
      List<Row> rows = attempt == Attempt.EVERY_RELATION ? all : solved;
      model.options.iterations_abort =
          Math.max(10_000, ITERATIONS_PER_ROW * (vars.size() + rows.size()));
      if (attempt == Attempt.SPARSE_SOLVER) {
        model.options.sparse = true;
      }
      Map<Integer, Variable> variables = new HashMap<>();
      for (int v : vars) {
        variables.put(v, model.addVariable("x" + v).lower(low[v]).upper(high[v]));
      }
      weights.forEach((v, w) -> variables.get(v).weight(w));
      int c = 0;
      for (Row r : rows) {
        Expression e = model.addExpression("c" + c++);
        for (int k = 0; k < r.vars().length; k++) {
          e.set(variables.get(r.vars()[k]), r.coefs()[k]);
        }
        if (r.equality()) {
          e.level(r.rhs());
        } else {
          e.upper(r.rhs());
        }
      }
      return model;
    }
  }

  private double[] seenLo;
  private double[] seenHi;

  private boolean provenOpen(int x) {
    return Math.floor(seenHi[x] + TOLERANCE) > Math.ceil(seenLo[x] - TOLERANCE);
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }
}
