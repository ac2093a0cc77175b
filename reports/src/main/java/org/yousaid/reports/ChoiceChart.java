package org.yousaid.reports;

import java.util.ArrayList;
import java.util.List;
import org.yousaid.shared.report.OptionCount;
import org.yousaid.shared.report.QuestionReport;

/**
 * A closed question's answers as a horizontal bar chart, the same for the Word and the PDF report:
 * one bar per option, its length the option's count against the largest count shown, and an
 * alternative text that states every number, so a screen-reader user gets what the chart shows.
 *
 * <p>A hidden count ("fewer than 5", "not shown") has no bar: the model holds no number for it, and
 * the chart says so in words where the bar would be, never drawing a bar of any length.
 *
 * @param bars one per option, in the question's order
 * @param alt the alternative text: the question, the number of answers and every option's number
 */
record ChoiceChart(List<Bar> bars, String alt) {

  /**
   * @param label the option
   * @param value what the chart prints for it: "12 (48%)", "0 (0%)", "fewer than 5", "not shown"
   * @param count the count, or a negative number when it is hidden
   * @param length the bar's length as a fraction (0..1) of the longest bar, or -1: hidden, no bar
   */
  record Bar(String label, String value, int count, double length) {
    boolean hidden() {
      return length < 0;
    }
  }

  ChoiceChart {
    bars = List.copyOf(bars);
  }

  static ChoiceChart of(QuestionReport q, Suppression suppression) {
    int longest = q.options().stream().mapToInt(OptionCount::count).max().orElse(0);
    List<Bar> bars = new ArrayList<>();
    List<String> said = new ArrayList<>();
    for (OptionCount o : q.options()) {
      String value = value(o, suppression);
      double length = o.count() < 0 ? -1 : longest <= 0 ? 0 : (double) o.count() / longest;
      bars.add(new Bar(o.label(), value, o.count(), length));
      said.add(o.label() + ": " + value);
    }
    StringBuilder alt =
        new StringBuilder("Bar chart of the answers to \u201C")
            .append(q.text())
            .append("\u201D, ")
            .append(ReportFormat.answers(q.answered(), suppression))
            .append(". ")
            .append(String.join("; ", said))
            .append('.');
    if (q.type().allowsSeveral()) {
      alt.append(" People could choose more than one answer, so the percentages add up to more.");
    }
    return new ChoiceChart(bars, alt.toString());
  }

  /** "12 (48%)", "12" when the share is hidden, or the words for a hidden count. */
  static String value(OptionCount o, Suppression suppression) {
    String count = ReportFormat.count(o.count(), suppression);
    String percent = o.count() < 0 ? "" : ReportFormat.percent(o);
    return percent.isEmpty() ? count : count + " (" + percent + ")";
  }
}
