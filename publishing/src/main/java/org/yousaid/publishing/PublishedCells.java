package org.yousaid.publishing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.yousaid.publishing.PublishedConsultation.PublishedBreakdown;
import org.yousaid.publishing.PublishedConsultation.PublishedCount;
import org.yousaid.publishing.PublishedConsultation.PublishedGroup;
import org.yousaid.publishing.PublishedConsultation.PublishedQuestion;
import org.yousaid.publishing.PublishedConsultation.PublishedTheme;
import org.yousaid.reports.DisclosureControl.Known;
import org.yousaid.reports.ReportFormat;
import org.yousaid.reports.disclosure.CellKeys;

/**
 * What a reader knows of each number of a published version: the number, 1 to 4 for "fewer than 5",
 * any count for "not shown". Read back from the published JSON, so a new version is checked against
 * exactly what is online.
 */
final class PublishedCells {

  private PublishedCells() {}

  static Map<String, Known> of(PublishedConsultation c) {
    Map<String, Known> out = new LinkedHashMap<>();
    put(out, CellKeys.RESPONSES, c.responses(), c.responsesNote());
    for (PublishedQuestion q : c.questions()) {
      String id = q.id();
      put(out, CellKeys.answered(id), q.answered(), q.answeredNote());
      if (q.options() != null) {
        for (PublishedCount o : q.options()) {
          put(out, CellKeys.option(id, o.label()), o.count(), o.note());
        }
      }
      if (q.breakdowns() != null) {
        for (PublishedBreakdown b : q.breakdowns()) {
          for (PublishedGroup g : b.groups()) {
            put(out, CellKeys.groupAnswered(id, b.dimension(), g.label()), g.answered(), g.note());
            for (PublishedCount o : g.options()) {
              put(
                  out,
                  CellKeys.groupOption(id, b.dimension(), g.label(), o.label()),
                  o.count(),
                  o.note());
            }
          }
        }
      }
      if (q.themes() != null) {
        for (PublishedTheme t : q.themes()) {
          put(out, CellKeys.theme(id, t.id()), t.count(), t.note());
        }
      }
    }
    return out;
  }

  private static void put(Map<String, Known> out, String key, Integer count, String note) {
    if (count != null) {
      out.put(key, new Known(count, count));
    } else if (ReportFormat.WITHHELD_LABEL.equals(note)) {
      out.put(key, new Known(0, Long.MAX_VALUE));
    } else if (note != null) {
      out.put(key, new Known(1, PublishedReportBuilder.THRESHOLD - 1));
    }
  }
}
