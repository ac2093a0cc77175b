package org.yousaid.functions.officer.journey;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.validation.FieldError;

/**
 * Reads the DfE "Education, health and care plans" statistics as explore-education-statistics
 * publishes them (one CSV with {@code time_period, time_identifier, geographic_level, la_name,
 * new_la_code, old_la_code} and one column per measure) and keeps the rows of one council and of
 * England. Rows of other councils and regions are skipped, as are breakdown rows (a filter column
 * such as {@code age} whose value is not "Total"). The file's own suppression symbols ({@code c},
 * {@code z}, {@code x}, {@code low}, {@code u}, {@code :}, {@code ..}, blank) read as "not
 * available", never as 0.
 */
public final class DfeEhcpCsv {

  public static final int MAX_BYTES = 6 * 1024 * 1024;
  public static final int MAX_ROWS = 200_000;

  static final Set<String> IDENTIFIERS =
      Set.of(
          "time_period",
          "time_identifier",
          "geographic_level",
          "country_code",
          "country_name",
          "region_code",
          "region_name",
          "old_la_code",
          "new_la_code",
          "la_name");

  /** Values of a filter column that mean "every group", not a breakdown. */
  private static final Set<String> TOTALS = Set.of("total", "all", "");

  private DfeEhcpCsv() {}

  /** What a DfE symbol means, or null for a value that should be a number. */
  static String missing(String raw) {
    return switch (raw.trim().toLowerCase(Locale.ROOT)) {
      case "" -> "not in the file";
      case "c" -> "suppressed by the DfE to protect confidentiality";
      case "z" -> "not applicable";
      case "x" -> "not available";
      case "low" -> "rounds to 0 but is not 0";
      case "u" -> "low reliability";
      case ":", "..", "~", "-", "n/a", "na" -> "not available";
      default -> null;
    };
  }

  /**
   * @param wanted the council's new LA code (E10000018), old LA code (855) or name
   * @throws ProblemException 400 with what is wrong, in plain words, for a file that is not this
   *     dataset, has no row for the council, or holds a value that is not a number
   */
  public static EhcTimeliness read(byte[] bytes, String fileName, String wanted, Instant now) {
    if (bytes.length > MAX_BYTES) {
      throw ProblemException.tooLarge("The file is larger than 6 MB.");
    }
    String code = wanted == null ? "" : wanted.trim();
    if (code.isEmpty()) {
      throw ProblemException.invalid(
          List.of(
              new FieldError(
                  "area", "Enter your council's local authority code, for example E10000018")));
    }
    String text = text(bytes);
    List<FieldError> errors = new ArrayList<>();
    Map<String, EhcTimeliness.Figure> figures = new LinkedHashMap<>();
    String areaName = null;
    int skipped = 0;
    int matchedRows = 0;
    try (CSVParser parser =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .setAllowMissingColumnNames(true)
            .get()
            .parse(new StringReader(text))) {
      Map<String, Integer> columns = new HashMap<>();
      for (Map.Entry<String, Integer> h : parser.getHeaderMap().entrySet()) {
        columns.put(h.getKey().trim().toLowerCase(Locale.ROOT), h.getValue());
      }
      Map<DfeMeasure, Integer> measures = new LinkedHashMap<>();
      List<Integer> filters = new ArrayList<>();
      for (Map.Entry<String, Integer> c : columns.entrySet()) {
        var measure = DfeMeasure.ofColumn(c.getKey());
        if (measure.isPresent()) {
          measures.putIfAbsent(measure.get(), c.getValue());
        } else if (!IDENTIFIERS.contains(c.getKey()) && !c.getKey().isEmpty()) {
          filters.add(c.getValue());
        }
      }
      for (String required : List.of("time_period", "geographic_level")) {
        if (!columns.containsKey(required)) {
          throw ProblemException.invalid(
              List.of(
                  new FieldError(
                      "file",
                      "The file has no "
                          + required
                          + " column. Download the CSV of the DfE \"Education, health and care"
                          + " plans\" statistics from explore-education-statistics and upload it"
                          + " as it is.")));
        }
      }
      if (!columns.containsKey("new_la_code")
          && !columns.containsKey("old_la_code")
          && !columns.containsKey("la_name")) {
        throw ProblemException.invalid(
            List.of(
                new FieldError(
                    "file",
                    "The file has no new_la_code, old_la_code or la_name column, so no row can be"
                        + " matched to your council.")));
      }
      if (measures.isEmpty()) {
        throw ProblemException.invalid(
            List.of(
                new FieldError(
                    "file",
                    "The file has none of the measures this page shows (for example "
                        + DfeMeasure.WITHIN_20_WEEKS_EXCLUDING.columns().get(0)
                        + " or "
                        + DfeMeasure.PLANS_ISSUED.columns().get(0)
                        + ").")));
      }
      for (CSVRecord row : parser) {
        if (row.getRecordNumber() > MAX_ROWS) {
          throw ProblemException.tooLarge(
              "The file has more than " + MAX_ROWS + " rows. Filter it to your council first.");
        }
        String level = cell(row, columns.get("geographic_level")).toLowerCase(Locale.ROOT);
        String area;
        if (level.equals("national")) {
          area = EhcTimeliness.ENGLAND;
        } else if (level.equals("local authority") && isWanted(row, columns, code)) {
          area = EhcTimeliness.COUNCIL;
        } else {
          skipped++;
          continue;
        }
        boolean breakdown = false;
        for (int f : filters) {
          if (!TOTALS.contains(cell(row, f).toLowerCase(Locale.ROOT))) {
            breakdown = true;
          }
        }
        if (breakdown) {
          skipped++;
          continue;
        }
        if (area.equals(EhcTimeliness.COUNCIL)) {
          matchedRows++;
          String name = cell(row, columns.get("la_name"));
          areaName = name.isEmpty() ? areaName : name;
        }
        String period = cell(row, columns.get("time_period"));
        if (!period.matches("\\d{4}(\\d{2})?")) {
          errors.add(
              new FieldError(
                  "file",
                  "Row "
                      + (row.getRecordNumber() + 1)
                      + ": the time_period \""
                      + shorten(period)
                      + "\" is not a year such as 2023 or 202324."));
          continue;
        }
        String label = periodLabel(period, cell(row, columns.get("time_identifier")));
        for (Map.Entry<DfeMeasure, Integer> m : measures.entrySet()) {
          String raw = cell(row, m.getValue());
          String why = missing(raw);
          Double value = null;
          if (why == null) {
            try {
              value = Double.parseDouble(raw.replace(",", "").replace("%", "").trim());
              if (value < 0 || value.isNaN() || value.isInfinite()) {
                throw new NumberFormatException();
              }
              if (m.getKey().percent() && value > 100) {
                errors.add(
                    new FieldError(
                        "file",
                        "Row "
                            + (row.getRecordNumber() + 1)
                            + ": "
                            + m.getKey().columns().get(0)
                            + " is "
                            + shorten(raw)
                            + ", more than 100%."));
                continue;
              }
            } catch (NumberFormatException e) {
              errors.add(
                  new FieldError(
                      "file",
                      "Row "
                          + (row.getRecordNumber() + 1)
                          + ": \""
                          + shorten(raw)
                          + "\" in the "
                          + m.getKey().columns().get(0)
                          + " column is not a number or a DfE symbol (c, z, x, low)."));
              continue;
            }
          }
          String key = area + "|" + period + "|" + m.getKey();
          EhcTimeliness.Figure figure =
              new EhcTimeliness.Figure(area, period, label, m.getKey(), value, why);
          EhcTimeliness.Figure before = figures.put(key, figure);
          if (before != null && !before.equals(figure)) {
            errors.add(
                new FieldError(
                    "file",
                    "Row "
                        + (row.getRecordNumber() + 1)
                        + ": a second, different row for "
                        + (area.equals(EhcTimeliness.ENGLAND) ? "England" : "your council")
                        + " in "
                        + label
                        + ". Remove the duplicate rows."));
          }
        }
        if (errors.size() > 20) {
          break;
        }
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
      throw ProblemException.invalid(
          List.of(new FieldError("file", "The file could not be read as a CSV file.")));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors.subList(0, Math.min(errors.size(), 20)));
    }
    if (matchedRows == 0) {
      throw ProblemException.invalid(
          List.of(
              new FieldError(
                  "area",
                  "The file has no local authority row for \""
                      + shorten(code)
                      + "\". Check the code (new_la_code such as E10000018, or old_la_code such as"
                      + " 855) and that the file covers local authorities.")));
    }
    return new EhcTimeliness(
        code, areaName, fileName, now, new ArrayList<>(figures.values()), skipped);
  }

  private static boolean isWanted(CSVRecord row, Map<String, Integer> columns, String code) {
    for (String column : List.of("new_la_code", "old_la_code", "la_name")) {
      Integer i = columns.get(column);
      if (i != null && cell(row, i).equalsIgnoreCase(code)) {
        return true;
      }
    }
    return false;
  }

  /** "2023" (calendar year), "2023/24" (academic year), "2023-24" (financial year). */
  static String periodLabel(String period, String identifier) {
    if (period.length() == 6) {
      String end = period.substring(4);
      return identifier.toLowerCase(Locale.ROOT).contains("financial")
          ? period.substring(0, 4) + "-" + end
          : period.substring(0, 4) + "/" + end;
    }
    return period;
  }

  private static String cell(CSVRecord row, Integer column) {
    if (column == null || column >= row.size()) {
      return "";
    }
    return row.get(column).trim();
  }

  private static String shorten(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }

  /** UTF-8 (with or without a byte order mark), else Windows-1252 as older Excel saves it. */
  private static String text(byte[] bytes) {
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      return new String(bytes, Charset.forName("windows-1252"));
    }
  }
}
