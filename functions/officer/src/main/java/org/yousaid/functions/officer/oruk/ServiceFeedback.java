package org.yousaid.functions.officer.oruk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.reports.CountTable;
import org.yousaid.reports.ReportFormat;
import org.yousaid.reports.Suppression;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.services.OrukService;
import org.yousaid.shared.services.ServiceDirectory;

/**
 * Page feedback per Open Referral UK service: each answer is matched to a service by the id it was
 * sent with or by its page's address ({@link ServiceDirectory.Matcher}), and counted as useful or
 * not. The counts pass a {@link CountTable} with the totals that link them (all feedback, each
 * service's yes and no, the yes and no columns), so no count of 1 to 4 is shown or can be worked
 * out.
 */
public final class ServiceFeedback {

  public static final int FEW = 5;

  public record Count(int shown, String text) {}

  public record Row(
      OrukService service,
      String subject,
      Count answers,
      Count useful,
      Count notUseful,
      String usefulPercent) {}

  public record Summary(Count answers, Count matched, Count unmatched, List<Row> rows) {}

  private ServiceFeedback() {}

  public static Summary of(ServiceDirectory directory, List<Response> feedback) {
    ServiceDirectory.Matcher matcher = directory.matcher();
    Map<String, long[]> tally = new LinkedHashMap<>();
    for (OrukService s : directory.services()) {
      tally.put(s.id(), new long[3]);
    }
    long unmatched = 0;
    for (Response r : feedback) {
      var service = matcher.of(r.subject());
      if (service.isEmpty()) {
        unmatched++;
        continue;
      }
      long[] t = tally.get(service.get().id());
      t[0]++;
      String useful = r.answer("useful").flatMap(a -> a.choices().stream().findFirst()).orElse("");
      if (useful.equals("yes")) {
        t[1]++;
      } else if (useful.equals("no")) {
        t[2]++;
      }
    }
    CountTable table = new CountTable(FEW);
    int all = table.count("answers", feedback.size(), 0);
    int matchedCell = table.count("matched", feedback.size() - unmatched, 1);
    int unmatchedCell = table.count("unmatched", unmatched, 1);
    table.total(all, List.of(matchedCell, unmatchedCell));
    List<Integer> serviceCells = new ArrayList<>();
    List<Integer> yesCells = new ArrayList<>();
    List<Integer> noCells = new ArrayList<>();
    Map<String, int[]> cells = new LinkedHashMap<>();
    long yes = 0;
    long no = 0;
    for (Map.Entry<String, long[]> e : tally.entrySet()) {
      int answers = table.count(e.getKey(), e.getValue()[0], 2);
      int y = table.count(e.getKey() + ":yes", e.getValue()[1], 3);
      int n = table.count(e.getKey() + ":no", e.getValue()[2], 3);
      table.total(answers, List.of(y, n));
      serviceCells.add(answers);
      yesCells.add(y);
      noCells.add(n);
      yes += e.getValue()[1];
      no += e.getValue()[2];
      cells.put(e.getKey(), new int[] {answers, y, n});
    }
    table.total(matchedCell, serviceCells);
    // The yes and no columns add up too: a reader can sum what is shown of them.
    int yesTotal = table.count("matched:yes", yes, 2);
    int noTotal = table.count("matched:no", no, 2);
    table.total(yesTotal, yesCells);
    table.total(noTotal, noCells);
    table.total(matchedCell, List.of(yesTotal, noTotal));
    table.protect();
    List<Row> rows = new ArrayList<>();
    for (OrukService s : directory.services()) {
      int[] c = cells.get(s.id());
      int percent = table.percent(c[1], c[0]);
      rows.add(
          new Row(
              s,
              ServiceDirectory.SERVICE_SUBJECT + s.id(),
              count(table, c[0]),
              count(table, c[1]),
              count(table, c[2]),
              table.shown(c[0]) == 0 ? "" : percent < 0 ? "not shown" : percent + "%"));
    }
    return new Summary(
        count(table, all), count(table, matchedCell), count(table, unmatchedCell), rows);
  }

  private static Count count(CountTable table, int cell) {
    int shown = table.shown(cell);
    return new Count(shown, ReportFormat.count(shown, Suppression.below(FEW)));
  }
}
