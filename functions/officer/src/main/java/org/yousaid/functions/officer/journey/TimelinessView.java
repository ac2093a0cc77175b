package org.yousaid.functions.officer.journey;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yousaid.shared.model.EhcJourneyStage;

/**
 * The DfE timeliness figures laid out beside each EHC journey stage: one row per measure, one
 * column per year (the latest {@value #YEARS}), the council's value and England's. A value the DfE
 * did not publish reads "not available" with the reason, never 0.
 */
public final class TimelinessView {

  public static final int YEARS = 5;

  /** One measure's values, the council's and England's, for each year shown. */
  public record Row(String label, List<Cell> council, List<Cell> england) {}

  /** A value as shown, and why it is missing (or null). */
  public record Cell(String text, String missing) {}

  /** The figures of one stage ({@code rows} empty where the DfE publishes none). */
  public record StageFigures(String stage, List<String> periods, List<Row> rows) {}

  private TimelinessView() {}

  /** One entry per journey stage, in journey order. */
  public static Map<String, StageFigures> of(EhcTimeliness timeliness) {
    Map<String, StageFigures> out = new java.util.LinkedHashMap<>();
    TreeSet<String> periods = new TreeSet<>();
    Map<String, String> labels = new TreeMap<>();
    for (EhcTimeliness.Figure f : timeliness.figures()) {
      if (f.area().equals(EhcTimeliness.COUNCIL)) {
        periods.add(f.period());
        labels.put(f.period(), f.periodLabel());
      }
    }
    List<String> shown =
        new ArrayList<>(periods.descendingSet()).subList(0, Math.min(YEARS, periods.size()));
    java.util.Collections.reverse(shown);
    for (EhcJourneyStage stage : EhcJourneyStage.values()) {
      List<Row> rows = new ArrayList<>();
      for (DfeMeasure m : DfeMeasure.values()) {
        if (m.stage() != stage) {
          continue;
        }
        List<Cell> council = new ArrayList<>();
        List<Cell> england = new ArrayList<>();
        boolean any = false;
        for (String p : shown) {
          Cell c = cell(timeliness, EhcTimeliness.COUNCIL, p, m);
          council.add(c);
          england.add(cell(timeliness, EhcTimeliness.ENGLAND, p, m));
          any |= c != null;
        }
        if (any) {
          rows.add(
              new Row(
                  m.label(),
                  council.stream().map(TimelinessView::orMissing).toList(),
                  england.stream().map(TimelinessView::orMissing).toList()));
        }
      }
      out.put(
          stage.code(),
          new StageFigures(stage.code(), shown.stream().map(labels::get).toList(), rows));
    }
    return out;
  }

  private static Cell orMissing(Cell c) {
    return c == null ? new Cell("not available", "not in the file") : c;
  }

  private static Cell cell(EhcTimeliness t, String area, String period, DfeMeasure m) {
    for (EhcTimeliness.Figure f : t.figures()) {
      if (f.area().equals(area) && f.period().equals(period) && f.measure() == m) {
        if (f.value() == null) {
          return new Cell("not available", f.missing());
        }
        return new Cell(format(f.value(), m.percent()), null);
      }
    }
    return null;
  }

  static String format(double value, boolean percent) {
    DecimalFormat f =
        new DecimalFormat(percent ? "0.#" : "#,##0.#", DecimalFormatSymbols.getInstance(Locale.UK));
    return f.format(value) + (percent ? "%" : "");
  }
}
