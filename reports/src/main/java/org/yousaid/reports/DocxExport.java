package org.yousaid.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.yousaid.shared.report.Breakdown;
import org.yousaid.shared.report.ConsultationReport;
import org.yousaid.shared.report.OptionCount;
import org.yousaid.shared.report.QuestionReport;
import org.yousaid.shared.report.ThemeSummary;

/**
 * A Word committee report in the councils' format: title, council, date, number of responses; per
 * question "Question N: text" and "N answers"; closed questions as a table of options with counts
 * and percentages; free text as "Exemplar answers:", each theme with its exemplar and "N other
 * answers support this answer"; then "Recommendation:". Text is written as runs, so markup in
 * answers stays text.
 *
 * <p>Headings use Word's own heading styles (Heading 1 for the title, 2 for each question, 3 for
 * each theme, 4 for each of its sub-themes), so screen readers and the navigation pane find them,
 * and each table's header row is marked as one (repeated on every page, announced as headers). Each
 * closed question has a native bar chart ({@link DocxChart}) whose alternative text states every
 * number, then the same numbers in its table. A report made without suppression says on every page
 * (its header) that it is internal and not for publication.
 */
public final class DocxExport {

  private final Suppression suppression;
  private final boolean breakdowns;

  public DocxExport() {
    this(Suppression.NONE, false);
  }

  public DocxExport(Suppression suppression) {
    this(suppression, false);
  }

  /**
   * @param breakdowns also print, for each closed question, a table per respondent profile field
   */
  public DocxExport(Suppression suppression, boolean breakdowns) {
    this.suppression = suppression;
    this.breakdowns = breakdowns;
  }

  public void write(ConsultationReport report, OutputStream out) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      headingStyles(doc);
      doc.getStyles().setSpellingLanguage("en-GB");
      String notice = InternalNotice.of(suppression);
      if (notice != null) {
        internal(doc, notice);
      }
      para(doc, report.title(), 20, true, false).setStyle(HEADING + 1);
      para(doc, report.councilName(), 14, false, false);
      para(doc, "Report date: " + ReportFormat.date(report.generatedAt()), 11, false, false);
      para(
          doc,
          "Number of responses: " + ReportFormat.count(report.responses(), suppression),
          11,
          false,
          false);
      int n = 0;
      for (QuestionReport q : report.questions()) {
        n++;
        XWPFParagraph question = para(doc, "Question " + n + ": " + q.text(), 13, true, false);
        question.setSpacingBefore(240);
        question.setStyle(HEADING + 2);
        para(doc, ReportFormat.answers(q.answered(), suppression), 11, false, true);
        if (q.type().isChoice()) {
          if (q.answered() != 0) {
            DocxChart.add(doc, ChoiceChart.of(q, suppression));
          }
          optionsTable(doc, q);
        } else if (!q.themes().isEmpty()) {
          para(doc, "Exemplar answers:", 11, true, false);
          for (ThemeSummary t : q.themes()) {
            para(doc, ReportFormat.themeHeading(t, suppression), 11, true, false)
                .setStyle(HEADING + 3);
            if (t.exemplarText() != null && !t.exemplarText().isBlank()) {
              XWPFParagraph p = para(doc, "\u201C" + t.exemplarText() + "\u201D", 11, false, true);
              p.setIndentationLeft(360);
            }
            para(doc, ReportFormat.othersSupport(t.othersSupport()), 11, false, false)
                .setIndentationLeft(360);
            if (t.weDid() != null && !t.weDid().isBlank()) {
              para(doc, CsvExport.weDid(t.weDid()), 11, false, false).setIndentationLeft(360);
            }
            for (ThemeSummary s : t.subThemes()) {
              XWPFParagraph heading =
                  para(
                      doc,
                      "Sub-theme: " + ReportFormat.themeHeading(s, suppression),
                      11,
                      true,
                      false);
              heading.setStyle(HEADING + 4);
              heading.setIndentationLeft(360);
              if (s.exemplarText() != null && !s.exemplarText().isBlank()) {
                para(doc, "\u201C" + s.exemplarText() + "\u201D", 11, false, true)
                    .setIndentationLeft(720);
              }
              para(doc, ReportFormat.othersSupport(s.othersSupport()), 11, false, false)
                  .setIndentationLeft(720);
            }
          }
        } else if (q.answered() > 0) {
          para(doc, "Not yet analysed.", 11, false, true);
        }
        if (q.recommendation() != null && !q.recommendation().isBlank()) {
          para(doc, "Recommendation:", 11, true, false);
          para(doc, q.recommendation(), 11, false, false);
        }
      }
      doc.write(out);
    }
  }

  private void optionsTable(XWPFDocument doc, QuestionReport q) {
    XWPFTable table = doc.createTable(q.options().size() + 1, 3);
    table.setWidth("100%");
    table.getRow(0).setRepeatHeader(true);
    cell(table.getRow(0), 0, "Option", true);
    cell(table.getRow(0), 1, "Count", true);
    cell(table.getRow(0), 2, "Percentage", true);
    int r = 1;
    for (OptionCount o : q.options()) {
      XWPFTableRow row = table.getRow(r++);
      cell(row, 0, o.label(), false);
      cell(row, 1, ReportFormat.count(o.count(), suppression), false);
      cell(row, 2, ReportFormat.percent(o), false);
    }
    doc.createParagraph();
    if (!breakdowns) {
      return;
    }
    for (Breakdown b : q.breakdowns()) {
      para(doc, "By " + BreakdownTable.lowerFirst(b.dimension()), 10, true, false);
      java.util.List<String[]> rows = BreakdownTable.rows(b, suppression);
      XWPFTable t = doc.createTable(rows.size(), rows.get(0).length);
      t.setWidth("100%");
      t.getRow(0).setRepeatHeader(true);
      for (int ri = 0; ri < rows.size(); ri++) {
        for (int c = 0; c < rows.get(ri).length; c++) {
          cell(t.getRow(ri), c, rows.get(ri)[c], ri == 0);
        }
      }
      doc.createParagraph();
    }
  }

  static final String HEADING = "Heading";

  /**
   * The internal-only notice as the page header (so every printed page carries it) and as the first
   * paragraph (so it is read, copied and pasted with the text).
   */
  private static void internal(XWPFDocument doc, String notice) {
    XWPFHeader header = doc.createHeaderFooterPolicy().createHeader(XWPFHeaderFooterPolicy.DEFAULT);
    XWPFRun run = header.createParagraph().createRun();
    run.setBold(true);
    run.setFontFamily("Arial");
    run.setFontSize(9);
    run.setText(notice);
    para(doc, notice, 11, true, false);
  }

  /**
   * Word's built-in "heading 1" to "heading 4", defined in the document so Word recognises them.
   */
  static void headingStyles(XWPFDocument doc) {
    XWPFStyles styles = doc.createStyles();
    for (int level = 1; level <= 4; level++) {
      CTStyle ct = CTStyle.Factory.newInstance();
      ct.setStyleId(HEADING + level);
      ct.setType(STStyleType.PARAGRAPH);
      ct.addNewName().setVal("heading " + level);
      ct.addNewQFormat();
      var paragraph = ct.addNewPPr();
      paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
      paragraph.addNewKeepNext();
      styles.addStyle(new XWPFStyle(ct, styles));
    }
  }

  private static void cell(XWPFTableRow row, int i, String text, boolean bold) {
    XWPFParagraph p = row.getCell(i).getParagraphs().get(0);
    if (i > 0) {
      p.setAlignment(ParagraphAlignment.RIGHT);
    }
    XWPFRun run = p.createRun();
    run.setBold(bold);
    run.setText(ReportFormat.xmlSafe(text));
  }

  static XWPFParagraph para(XWPFDocument doc, String text, int size, boolean bold, boolean italic) {
    XWPFParagraph p = doc.createParagraph();
    p.setSpacingAfter(120);
    XWPFRun run = p.createRun();
    run.setFontFamily("Arial");
    run.setFontSize(size);
    run.setBold(bold);
    run.setItalic(italic);
    String[] lines = ReportFormat.xmlSafe(text).split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        run.addBreak();
      }
      run.setText(lines[i], i);
    }
    return p;
  }
}
