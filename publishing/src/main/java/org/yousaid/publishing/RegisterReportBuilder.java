package org.yousaid.publishing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.redaction.Redaction;
import org.yousaid.reports.DisclosureControl;
import org.yousaid.reports.ReportFormat;
import org.yousaid.reports.Suppression;
import org.yousaid.reports.disclosure.LinkedCells;
import org.yousaid.shared.model.QuestionType;
import org.yousaid.shared.register.ActionStatus;
import org.yousaid.shared.register.RegisterArea;
import org.yousaid.shared.register.RegisterEntry;
import org.yousaid.shared.register.RegisterTheme;
import org.yousaid.shared.report.ConsultationReport;
import org.yousaid.shared.report.QuestionReport;
import org.yousaid.shared.report.ThemeSummary;

/**
 * Builds the annual Local Offer feedback report from the register: only entries an officer has put
 * in a theme and not excluded, received in the 12 months to the day of publication. The themes'
 * counts are one table (every comment is in one theme), protected with the consultations' own
 * {@link DisclosureControl}, against every earlier version still online.
 */
public final class RegisterReportBuilder {

  /** The publication log's and the site's name for the report (no consultation may take it). */
  public static final String ID = "local-offer-feedback";

  static final int MAX_QUOTES = 3;
  private static final String QUESTION = "register";
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Suppression SUPPRESSION =
      Suppression.below(PublishedReportBuilder.THRESHOLD);
  private static final DisclosureControl DISCLOSURE =
      new DisclosureControl(PublishedReportBuilder.THRESHOLD);
  private static final Redaction REDACTION = Redaction.standard();

  /** A version to publish and the private snapshot of its numbers. */
  public record Built(PublishedRegisterReport report, LinkedCells.Snapshot snapshot) {}

  public Built build(
      String council,
      String councilName,
      List<RegisterEntry> entries,
      List<RegisterTheme> themes,
      int version,
      Instant now,
      List<LinkedCells.Snapshot> earlier) {
    LocalDate to = LocalDate.ofInstant(now, LONDON);
    LocalDate from = to.minusYears(1);
    Instant since = from.atStartOfDay(LONDON).toInstant();
    Map<String, RegisterTheme> byId = new LinkedHashMap<>();
    themes.forEach(t -> byId.put(t.id(), t));
    // Only a theme some published comment is in: a label made from an excluded comment stays in.
    Map<String, List<RegisterEntry>> inPeriod = new LinkedHashMap<>();
    for (RegisterEntry e : entries) {
      if (e.excluded() || !e.triaged() || !byId.containsKey(e.themeId())) {
        continue;
      }
      List<RegisterEntry> list = inPeriod.computeIfAbsent(e.themeId(), k -> new ArrayList<>());
      if (!e.receivedAt().isBefore(since) && !e.receivedAt().isAfter(now)) {
        list.add(e);
      }
    }
    int total = inPeriod.values().stream().mapToInt(List::size).sum();
    List<ThemeSummary> cells = new ArrayList<>();
    for (Map.Entry<String, List<RegisterEntry>> t : inPeriod.entrySet()) {
      int n = t.getValue().size();
      cells.add(
          new ThemeSummary(
              t.getKey(),
              t.getKey(),
              "",
              List.of(),
              n,
              total == 0 ? 0 : (double) n / total,
              null,
              0,
              null,
              List.of(),
              null,
              false));
    }
    ConsultationReport exact =
        new ConsultationReport(
            council,
            councilName,
            ID,
            ID,
            now,
            total,
            List.of(
                new QuestionReport(
                    QUESTION,
                    "What families told us",
                    QuestionType.FREE_TEXT,
                    total,
                    cells,
                    List.of(),
                    List.of(),
                    null,
                    null)));
    DisclosureControl.Protected guarded =
        DISCLOSURE.protectVersion(
            exact, earlier.stream().map(s -> new DisclosureControl.Earlier(Map.of(), s)).toList());
    Map<String, Integer> shown = new HashMap<>();
    for (ThemeSummary t : guarded.report().questions().get(0).themes()) {
      shown.put(t.id(), t.count());
    }

    Map<RegisterArea, List<PublishedRegisterReport.Theme>> areas = new LinkedHashMap<>();
    for (RegisterArea a : RegisterArea.values()) {
      areas.put(a, new ArrayList<>());
    }
    List<PublishedRegisterReport.Action> done = new ArrayList<>();
    List<PublishedRegisterReport.Action> open = new ArrayList<>();
    for (Map.Entry<String, List<RegisterEntry>> t : inPeriod.entrySet()) {
      RegisterTheme theme = byId.get(t.getKey());
      PublishedRegisterReport.Action action = action(theme);
      if (action != null) {
        (theme.status() == ActionStatus.DONE ? done : open).add(action);
      }
      if (t.getValue().isEmpty()) {
        continue; // nothing said about it this year; its action is still reported
      }
      int count = shown.get(theme.id());
      areas
          .get(theme.area())
          .add(
              new PublishedRegisterReport.Theme(
                  theme.id(),
                  REDACTION.redact(theme.label()),
                  count < 0 ? null : count,
                  count < 0 ? ReportFormat.count(count, SUPPRESSION) : null,
                  quotes(t.getValue()),
                  blankToNull(REDACTION.redact(theme.response())),
                  action));
    }
    Comparator<PublishedRegisterReport.Theme> largestFirst =
        Comparator.comparing(
                (PublishedRegisterReport.Theme t) -> t.comments() == null ? 0 : t.comments())
            .reversed()
            .thenComparing(PublishedRegisterReport.Theme::label);
    List<PublishedRegisterReport.Area> published = new ArrayList<>();
    areas.forEach(
        (area, list) -> {
          list.sort(largestFirst);
          published.add(new PublishedRegisterReport.Area(area.code(), area.label(), list));
        });
    Comparator<PublishedRegisterReport.Action> byArea =
        Comparator.comparing(PublishedRegisterReport.Action::area)
            .thenComparing(PublishedRegisterReport.Action::theme);
    done.sort(byArea);
    open.sort(byArea);
    int comments = guarded.report().responses();
    PublishedRegisterReport report =
        new PublishedRegisterReport(
            council,
            councilName,
            "Local Offer feedback: what families told us and what we did",
            version,
            now,
            from,
            to,
            comments < 0 ? null : comments,
            comments < 0 ? ReportFormat.count(comments, SUPPRESSION) : null,
            published,
            done,
            open);
    return new Built(report, guarded.snapshot());
  }

  /** Redacted words of up to three people who agreed to be quoted, as an officer approved. */
  private static List<String> quotes(List<RegisterEntry> entries) {
    List<String> out = new ArrayList<>();
    for (RegisterEntry e : entries) {
      if (e.quotable() && out.size() < MAX_QUOTES) {
        out.add(REDACTION.redact(e.text()));
      }
    }
    return out;
  }

  private static PublishedRegisterReport.Action action(RegisterTheme t) {
    if (!t.hasAction()) {
      return null;
    }
    List<PublishedRegisterReport.Change> history = new ArrayList<>();
    t.history()
        .forEach(c -> history.add(new PublishedRegisterReport.Change(c.status().label(), c.on())));
    return new PublishedRegisterReport.Action(
        t.id(),
        t.area().label(),
        REDACTION.redact(t.label()),
        REDACTION.redact(t.action()),
        t.status().label(),
        t.statusSince(),
        history);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
