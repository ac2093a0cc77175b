package org.yousaid.functions.officer.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.yousaid.shared.submission.ProblemException;

/**
 * Reads an uploaded or pasted file into a table: CSV as Excel, Google Sheets and survey tools write
 * it (UTF-8 with or without a byte order mark, Windows-1252 from older Excel, UTF-16 "Unicode
 * text", commas, semicolons or tabs, quoted cells with line breaks) or the first sheet of an XLSX
 * workbook (date cells read as dates whatever their display format).
 */
public final class TableReader {

  public static final int MAX_ROWS = 20_000;

  private static final DateTimeFormatter ISO_MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private TableReader() {}

  /** The file's table; {@code fileName} only helps tell an XLSX from a CSV. */
  public static UploadedTable read(byte[] bytes, String fileName) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (isZip(bytes)) {
      return xlsx(bytes);
    }
    if (name.endsWith(".xls") || isOldExcel(bytes)) {
      throw ProblemException.badRequest(
          "The file is an old Excel workbook (.xls). Save it as .xlsx or CSV and upload it again.");
    }
    if (name.endsWith(".xlsx")) {
      throw ProblemException.badRequest("The file could not be read as an Excel workbook (.xlsx).");
    }
    return csv(text(bytes));
  }

  /** Pasted text, read as CSV. */
  public static UploadedTable csv(String text) {
    String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
    char delimiter = delimiter(csv);
    List<String> headers;
    List<UploadedTable.Row> rows = new ArrayList<>();
    try (CSVParser parser =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get()
            .parse(new StringReader(csv))) {
      List<String> first = null;
      for (CSVRecord record : parser) {
        if (first == null) {
          first = record.toList();
          continue;
        }
        add(rows, (int) record.getRecordNumber() - 1, record.toList());
      }
      headers = first == null ? List.of() : first;
    } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
      throw ProblemException.badRequest(
          "The file could not be read as CSV. Check it has one row of column names and commas"
              + " between columns.");
    }
    return checked(headers, rows);
  }

  private static UploadedTable xlsx(byte[] bytes) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      if (workbook.getNumberOfSheets() == 0) {
        throw ProblemException.badRequest("The workbook has no sheets.");
      }
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter formatter = new DataFormatter(Locale.UK);
      List<String> headers = null;
      List<UploadedTable.Row> rows = new ArrayList<>();
      int headerRow = -1;
      for (org.apache.poi.ss.usermodel.Row row : sheet) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
          Cell cell = row.getCell(c);
          cells.add(cell == null ? "" : text(cell, formatter));
        }
        if (headers == null) {
          if (cells.stream().allMatch(String::isBlank)) {
            continue;
          }
          headers = cells;
          headerRow = row.getRowNum();
          continue;
        }
        if (rows.size() > MAX_ROWS) {
          break;
        }
        add(rows, row.getRowNum() - headerRow, cells);
      }
      return checked(headers == null ? List.of() : headers, rows);
    } catch (IOException | RuntimeException e) {
      if (e instanceof ProblemException problem) {
        throw problem;
      }
      throw ProblemException.badRequest(
          "The file could not be read as an Excel workbook (.xlsx). Save it again from Excel, or"
              + " as CSV.");
    }
  }

  private static String text(Cell cell, DataFormatter formatter) {
    CellType type =
        cell.getCellType() == CellType.FORMULA
            ? cell.getCachedFormulaResultType()
            : cell.getCellType();
    return switch (type) {
      case STRING -> cell.getStringCellValue();
      case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
      case NUMERIC -> {
        if (DateUtil.isCellDateFormatted(cell)) {
          // Never the display format: Excel's default date format is American (m/d/yy).
          LocalDateTime when = cell.getLocalDateTimeCellValue();
          yield when.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
              ? when.toLocalDate().toString()
              : ISO_MINUTE.format(when);
        }
        yield cell.getCellType() == CellType.FORMULA
            ? formatter.formatRawCellContents(cell.getNumericCellValue(), -1, "General")
            : formatter.formatCellValue(cell);
      }
      default -> "";
    };
  }

  private static void add(List<UploadedTable.Row> rows, int number, List<String> cells) {
    if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
      return;
    }
    rows.add(new UploadedTable.Row(number, cells));
  }

  private static UploadedTable checked(List<String> headers, List<UploadedTable.Row> rows) {
    List<String> names = headers.stream().map(h -> h == null ? "" : h.strip()).toList();
    if (names.stream().allMatch(String::isBlank)) {
      throw ProblemException.badRequest(
          "The file is empty. The first row must name the columns, with one row of answers below"
              + " it for each person.");
    }
    if (rows.size() > MAX_ROWS) {
      throw ProblemException.tooLarge(
          "The file has more than " + MAX_ROWS + " rows. Split it into smaller files.");
    }
    return new UploadedTable(names, rows);
  }

  /** UTF-8 (byte order mark or not), UTF-16 with its mark, else Windows-1252 as older Excel. */
  static String text(byte[] bytes) {
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(bytes, Charset.forName("windows-1252"));
    }
  }

  /** The separator the first line uses most: commas, semicolons (European Excel) or tabs. */
  private static char delimiter(String csv) {
    int end = csv.indexOf('\n');
    String first = end < 0 ? csv : csv.substring(0, end);
    long commas = first.chars().filter(c -> c == ',').count();
    long semicolons = first.chars().filter(c -> c == ';').count();
    long tabs = first.chars().filter(c -> c == '\t').count();
    if (tabs > commas && tabs >= semicolons) {
      return '\t';
    }
    return semicolons > commas ? ';' : ',';
  }

  private static boolean isZip(byte[] b) {
    return b.length > 3 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
  }

  private static boolean isOldExcel(byte[] b) {
    return b.length > 3 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11;
  }
}
