package org.yousaid.reports;

import java.util.ArrayList;
import java.util.List;
import org.yousaid.shared.report.Breakdown;
import org.yousaid.shared.report.OptionCount;

/** A breakdown as table rows, header first: group, answers, then "count (percent)" per option. */
final class BreakdownTable {
  private BreakdownTable() {}

  static List<String[]> rows(Breakdown b, Suppression suppression) {
    List<String[]> rows = new ArrayList<>();
    int options = b.groups().isEmpty() ? 0 : b.groups().get(0).options().size();
    String[] header = new String[options + 2];
    header[0] = b.dimension();
    header[1] = "Answers";
    for (int i = 0; i < options; i++) {
      header[i + 2] = b.groups().get(0).options().get(i).label();
    }
    rows.add(header);
    for (Breakdown.Group g : b.groups()) {
      String[] row = new String[options + 2];
      row[0] = g.label();
      row[1] = ReportFormat.count(g.answered(), suppression);
      for (int i = 0; i < options; i++) {
        OptionCount o = g.options().get(i);
        String pct = ReportFormat.percent(o);
        row[i + 2] =
            ReportFormat.count(o.count(), suppression)
                + (pct.isEmpty() || g.answered() <= 0 ? "" : " (" + pct + ")");
      }
      rows.add(row);
    }
    return rows;
  }

  /** "District" becomes "district", "EHC stage" stays as it is. */
  static String lowerFirst(String s) {
    if (s.length() > 1
        && Character.isUpperCase(s.charAt(0))
        && !Character.isUpperCase(s.charAt(1))) {
      return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
    return s;
  }
}
