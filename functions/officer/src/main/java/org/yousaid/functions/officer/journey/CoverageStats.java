package org.yousaid.functions.officer.journey;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yousaid.reports.CountTable;
import org.yousaid.reports.ReportFormat;
import org.yousaid.reports.Suppression;
import org.yousaid.shared.model.Coded;
import org.yousaid.shared.model.Response;

/**
 * Who has been heard: for each respondent group (district, age band, area of need, who answered),
 * how many responses came from it beside how many children and young people with an EHC plan it
 * has, as answers per 100 children, and the groups well under the council's rate named in plain
 * words. Every count, answers and children alike, passes a {@link CountTable} with the totals that
 * link them, so no count of 1 to 4 is shown or can be worked out; a rate is shown only where both
 * its counts are. A group is called under-represented only when it would be whatever its hidden
 * count is (a hidden count of 1 to 4 is judged at 4), so the flag never narrows a hidden number.
 */
public final class CoverageStats {

  public static final int FEW = 5;

  /** A group is under-represented below this share of the council's rate. */
  static final double UNDER = 0.5;

  public record Count(int shown, String text) {}

  public record Group(
      String label,
      Count answers,
      Count children,
      String rate,
      boolean underRepresented,
      String note) {}

  /**
   * @param rate answers per 100 children over the groups whose numbers are both shown
   */
  public record DimensionView(
      String code, String label, List<Group> groups, boolean hasPopulation, String rate) {
    /** The groups called under-represented, by name, for the warning above the table. */
    public List<String> notHeard() {
      return groups.stream().filter(Group::underRepresented).map(Group::label).toList();
    }
  }

  public record Coverage(Count responses, String councilRate, List<DimensionView> dimensions) {}

  private CoverageStats() {}

  private record Pending(
      String label, int answers, Integer children, long exactAnswers, Long exactChildren) {}

  public static Coverage of(List<Response> responses, SendPopulation population) {
    CountTable table = new CountTable(FEW);
    int total = table.count("responses", responses.size(), 0);
    Map<Dimension, List<Pending>> pending = new LinkedHashMap<>();
    for (Dimension d : Dimension.values()) {
      Map<String, Long> answers = new LinkedHashMap<>();
      Map<String, String> labels = new LinkedHashMap<>();
      Map<String, Long> children = new LinkedHashMap<>();
      boolean hasPopulation = false;
      if (population != null) {
        for (SendPopulation.Group g : population.groups()) {
          if (g.dimension().equals(d.code())) {
            labels.put(g.code(), g.label());
            children.put(g.code(), g.children());
            answers.put(g.code(), 0L);
            hasPopulation = true;
          }
        }
      }
      for (Coded c : d.coded()) {
        labels.putIfAbsent(c.code(), c.label());
        answers.putIfAbsent(c.code(), 0L);
      }
      long notSaid = 0;
      for (Response r : responses) {
        List<String> groups = d.of(r.profile());
        if (groups.isEmpty()) {
          notSaid++;
        }
        for (String g : groups) {
          answers.merge(g, 1L, Long::sum);
          labels.putIfAbsent(g, r.profile().district() == null ? g : r.profile().district().trim());
        }
      }
      List<Pending> rows = new ArrayList<>();
      List<Integer> answerCells = new ArrayList<>();
      for (Map.Entry<String, Long> a : answers.entrySet()) {
        int cell = table.count(d.code() + ":" + a.getKey(), a.getValue(), 2);
        answerCells.add(cell);
        Long kids = children.get(a.getKey());
        Integer kidCell = null;
        if (kids != null) {
          kidCell = table.count(d.code() + ":" + a.getKey() + ":children", kids, 2);
        }
        rows.add(new Pending(labels.get(a.getKey()), cell, kidCell, a.getValue(), kids));
      }
      int notSaidCell = table.count(d.code() + ":not-said", notSaid, 2);
      answerCells.add(notSaidCell);
      rows.add(new Pending("Did not say", notSaidCell, null, notSaid, null));
      table.total(total, answerCells);
      // No population total is shown: it would let a hidden group's count be worked out.
      pending.put(d, rows);
    }
    table.protect();
    Count shownTotal = count(table, total);
    String firstRate = "";
    List<DimensionView> views = new ArrayList<>();
    for (Map.Entry<Dimension, List<Pending>> e : pending.entrySet()) {
      // The dimension's rate from shown numbers only (groups whose answers and children are both
      // shown), so it narrows no hidden count.
      long shownAnswers = 0;
      long shownChildren = 0;
      for (Pending p : e.getValue()) {
        if (p.children() != null) {
          int a = table.shown(p.answers());
          int k = table.shown(p.children());
          if (a >= 0 && k > 0) {
            shownAnswers += a;
            shownChildren += k;
          }
        }
      }
      double councilRate = shownChildren == 0 ? -1 : 100.0 * shownAnswers / shownChildren;
      if (firstRate.isEmpty() && councilRate >= 0) {
        firstRate = format(councilRate);
      }
      List<Group> groups = new ArrayList<>();
      boolean hasPopulation = false;
      for (Pending p : e.getValue()) {
        Count answers = count(table, p.answers());
        Count kids =
            p.children() == null
                ? new Count(-3, p.label().equals("Did not say") ? "" : "not in your figures")
                : count(table, p.children());
        if (p.children() != null) {
          hasPopulation = true;
        }
        if (p.children() == null && p.exactChildren() == null && population != null) {
          boolean inFigures =
              population.groups().stream()
                  .anyMatch(
                      g -> g.dimension().equals(e.getKey().code()) && g.label().equals(p.label()));
          if (inFigures) {
            kids = new Count(-3, "not available");
          }
        }
        String rate = "";
        boolean under = false;
        String note = "";
        if (kids.shown() > 0 && answers.shown() >= 0) {
          double r = 100.0 * answers.shown() / kids.shown();
          rate = format(r);
          under = councilRate > 0 && r < UNDER * councilRate;
          note =
              answers.shown() == 0
                  ? "No answers from this group."
                  : under
                      ? rate
                          + " answers per 100 children, under half the "
                          + format(councilRate)
                          + " of these groups together"
                          + "."
                      : "";
          under |= answers.shown() == 0;
        } else if (kids.shown() > 0 && answers.shown() == ReportFormat.SUPPRESSED) {
          rate = "not shown";
          double atMost = 100.0 * (FEW - 1) / kids.shown();
          under = councilRate > 0 && atMost < UNDER * councilRate;
          note =
              under
                  ? "Fewer than "
                      + FEW
                      + " answers from "
                      + kids.text()
                      + " children, under half the "
                      + format(councilRate)
                      + " per 100 of these groups together."
                  : "";
        } else if (p.children() != null) {
          rate = "not shown";
        }
        groups.add(new Group(p.label(), answers, kids, rate, under, note));
      }
      views.add(
          new DimensionView(
              e.getKey().code(),
              e.getKey().label(),
              groups,
              hasPopulation,
              councilRate < 0 ? "" : format(councilRate)));
    }
    return new Coverage(shownTotal, firstRate, views);
  }

  private static Count count(CountTable table, int cell) {
    int shown = table.shown(cell);
    return new Count(shown, ReportFormat.count(shown, Suppression.below(FEW)));
  }

  static String format(double rate) {
    return new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.UK)).format(rate);
  }
}
