package org.yousaid.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.yousaid.shared.report.ConsultationReport;

/**
 * An Excel workbook with a "Summary" sheet (as {@link CsvExport#writeSummary}) and, when given, an
 * "Answers" sheet (one row per response). Every cell is a string cell, never a formula, and its
 * text neutralised with {@link ReportFormat#safeCell} so copying it into another sheet or saving as
 * CSV stays safe.
 */
public final class XlsxExport {

  private static final int MAX_CELL = 32_767; // Excel's limit on characters in a cell
  private static final int MAX_WIDTH_CHARS = 60;

  private final Suppression suppression;

  public XlsxExport() {
    this(Suppression.NONE);
  }

  public XlsxExport(Suppression suppression) {
    this.suppression = suppression;
  }

  public void write(ConsultationReport report, AnswerTable answers, OutputStream out)
      throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      CellStyle bold = wb.createCellStyle();
      Font font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle wrap = wb.createCellStyle();
      wrap.setWrapText(true);
      List<List<String>> summary = CsvExport.SummaryRows.rows(report, suppression);
      sheet(
          wb.createSheet("Summary"),
          summary.get(0),
          summary.subList(1, summary.size()),
          bold,
          wrap);
      if (answers != null) {
        sheet(wb.createSheet("Answers"), answers.header(), answers.rows(), bold, wrap);
      }
      wb.write(out);
    }
  }

  private static void sheet(
      Sheet sheet, List<String> header, List<List<String>> rows, CellStyle bold, CellStyle wrap) {
    int[] widths = new int[header.size()];
    write(sheet.createRow(0), header, bold, widths);
    int r = 1;
    for (List<String> row : rows) {
      write(sheet.createRow(r++), row, wrap, widths);
    }
    sheet.createFreezePane(0, 1);
    for (int i = 0; i < widths.length; i++) {
      sheet.setColumnWidth(i, Math.min(MAX_WIDTH_CHARS, Math.max(10, widths[i] + 2)) * 256);
    }
  }

  private static void write(Row row, List<String> values, CellStyle style, int[] widths) {
    for (int i = 0; i < values.size(); i++) {
      String text = ReportFormat.safeCell(ReportFormat.xmlSafe(values.get(i)));
      if (text.length() > MAX_CELL) {
        text = text.substring(0, MAX_CELL - 1) + "\u2026";
      }
      Cell cell = row.createCell(i);
      cell.setCellValue(text); // a string cell: POI never parses it as a formula
      cell.setCellStyle(style);
      if (i < widths.length) {
        widths[i] = Math.max(widths[i], text.length());
      }
    }
  }
}
