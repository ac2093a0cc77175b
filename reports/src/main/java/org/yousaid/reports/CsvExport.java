package org.yousaid.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.yousaid.shared.report.Breakdown;
import org.yousaid.shared.report.ConsultationReport;
import org.yousaid.shared.report.OptionCount;
import org.yousaid.shared.report.QuestionReport;
import org.yousaid.shared.report.ThemeSummary;

/**
 * CSV exports: the report summary (one row per option, theme or sub-theme) and the raw answers (one
 * row per response). UTF-8 with a byte-order mark so Excel reads accents and emoji; every cell
 * neutralised against formula injection with {@link ReportFormat#safeCell}.
 */
public final class CsvExport {

  public static final List<String> SUMMARY_HEADER =
      List.of(
          "Question",
          "Answers",
          "Group",
          "Theme or option",
          "Count",
          "Share",
          "Exemplar answer",
          "Other answers supporting",
          "Recommendation");

  private final Suppression suppression;

  public CsvExport() {
    this(Suppression.NONE);
  }

  public CsvExport(Suppression suppression) {
    this.suppression = suppression;
  }

  public void writeSummary(ConsultationReport report, OutputStream out) throws IOException {
    try (CSVPrinter csv = printer(out)) {
      for (List<String> row : SummaryRows.rows(report, suppression)) {
        csv.printRecord(row.stream().map(ReportFormat::safeCell).toList());
      }
    }
  }

  public void writeAnswers(AnswerTable table, OutputStream out) throws IOException {
    try (CSVPrinter csv = printer(out)) {
      csv.printRecord(table.header().stream().map(ReportFormat::safeCell).toList());
      for (List<String> row : table.rows()) {
        csv.printRecord(row.stream().map(ReportFormat::safeCell).toList());
      }
    }
  }

  private static CSVPrinter printer(OutputStream out) throws IOException {
    out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    return new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get());
  }

  /**
   * "Theme — sub-theme", as the summary rows name a sub-theme, so a row read on its own (filtered
   * in a spreadsheet) still says which theme it belongs to.
   */
  static String subThemeLabel(ThemeSummary theme, ThemeSummary subTheme) {
    return theme.label() + " \u2014 " + subTheme.label();
  }

  /** "We did: …", as every export words a theme's response. */
  static String weDid(String response) {
    return "We did: " + response;
  }

  /** The summary as rows of text, header first; shared by the CSV and XLSX exports. */
  static final class SummaryRows {
    private SummaryRows() {}

    static List<List<String>> rows(ConsultationReport report, Suppression suppression) {
      List<List<String>> rows = new ArrayList<>();
      rows.add(SUMMARY_HEADER);
      int n = 0;
      for (QuestionReport q : report.questions()) {
        n++;
        String question = "Question " + n + ": " + q.text();
        String answered = ReportFormat.count(q.answered(), suppression);
        String rec = q.recommendation() == null ? "" : q.recommendation();
        if (q.type().isChoice()) {
          for (OptionCount o : q.options()) {
            rows.add(
                List.of(
                    question,
                    answered,
                    "All who answered",
                    o.label(),
                    ReportFormat.count(o.count(), suppression),
                    ReportFormat.percent(o),
                    "",
                    "",
                    rec));
          }
          for (Breakdown b : q.breakdowns()) {
            for (Breakdown.Group g : b.groups()) {
              for (OptionCount o : g.options()) {
                rows.add(
                    List.of(
                        question,
                        ReportFormat.count(g.answered(), suppression),
                        b.dimension() + ": " + g.label(),
                        o.label(),
                        ReportFormat.count(o.count(), suppression),
                        ReportFormat.percent(o),
                        "",
                        "",
                        ""));
              }
            }
          }
        } else if (q.themes().isEmpty()) {
          rows.add(List.of(question, answered, "", "", "", "", "", "", rec));
        } else {
          for (ThemeSummary t : q.themes()) {
            rows.add(
                List.of(
                    question,
                    answered,
                    "All who answered",
                    t.label(),
                    ReportFormat.count(t.count(), suppression),
                    ReportFormat.percent(t.share()),
                    t.exemplarText() == null ? "" : t.exemplarText(),
                    t.othersSupport() < 0 ? "" : Integer.toString(t.othersSupport()),
                    // The theme's own "we did" answers it; the question's note stands otherwise.
                    t.weDid() != null && !t.weDid().isBlank() ? weDid(t.weDid()) : rec));
            for (ThemeSummary s : t.subThemes()) {
              rows.add(
                  List.of(
                      question,
                      answered,
                      "All who answered",
                      subThemeLabel(t, s),
                      ReportFormat.count(s.count(), suppression),
                      ReportFormat.percent(s.share()),
                      s.exemplarText() == null ? "" : s.exemplarText(),
                      s.othersSupport() < 0 ? "" : Integer.toString(s.othersSupport()),
                      ""));
            }
          }
        }
      }
      return rows;
    }
  }
}
