package org.yousaid.functions.officer.journey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yousaid.functions.officer.imports.TableReader;
import org.yousaid.functions.officer.imports.UploadedTable;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.validation.FieldError;

/**
 * Reads the council's SEND population counts: a CSV (or .xlsx) with the columns {@code dimension}
 * (district, age band, area of need or role), {@code group} and {@code children} (children and
 * young people with an EHC plan in that group). Every row is checked; a file with any wrong row is
 * refused with the row numbers, so no half-read file replaces a good one. "c", "x" and blank counts
 * read as not available.
 */
public final class SendPopulationCsv {

  public static final int MAX_GROUPS = 2_000;

  private SendPopulationCsv() {}

  public static SendPopulation read(byte[] bytes, String fileName, Instant now) {
    UploadedTable table = TableReader.read(bytes, fileName);
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < table.headers().size(); i++) {
      columns.putIfAbsent(table.headers().get(i).trim().toLowerCase(Locale.ROOT), i);
    }
    Integer dimension = first(columns, "dimension", "group type", "group_type");
    Integer group = first(columns, "group", "group name", "name");
    Integer children =
        first(columns, "children", "children_with_ehc_plan", "count", "population", "number");
    if (dimension == null || group == null || children == null) {
      throw ProblemException.invalid(
          List.of(
              new FieldError(
                  "file",
                  "The file needs the columns dimension, group and children (its first row must"
                      + " name them).")));
    }
    if (table.rows().size() > MAX_GROUPS) {
      throw ProblemException.tooLarge("The file has more than " + MAX_GROUPS + " groups.");
    }
    List<FieldError> errors = new ArrayList<>();
    List<SendPopulation.Group> groups = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (UploadedTable.Row row : table.rows()) {
      String where = "Row " + (row.number() + 1) + ": ";
      var d = Dimension.named(row.cell(dimension));
      if (d.isEmpty()) {
        errors.add(
            new FieldError(
                "file",
                where
                    + "\""
                    + shorten(row.cell(dimension))
                    + "\" is not a dimension (district, age band, area of need or role)."));
        continue;
      }
      var code = d.get().groupCode(row.cell(group));
      if (code.isEmpty()) {
        errors.add(
            new FieldError(
                "file",
                where
                    + "\""
                    + shorten(row.cell(group))
                    + "\" is not a group of "
                    + d.get().label().toLowerCase(Locale.UK)
                    + (d.get().coded().isEmpty()
                        ? ""
                        : " (one of: "
                            + String.join(
                                ", ", d.get().coded().stream().map(c -> c.label()).toList())
                            + ")")
                    + "."));
        continue;
      }
      String raw = row.cell(children).replace(",", "").trim();
      Long count = null;
      if (DfeEhcpCsv.missing(raw) == null) {
        try {
          count = Long.parseLong(raw);
          if (count < 0) {
            throw new NumberFormatException();
          }
        } catch (NumberFormatException e) {
          errors.add(
              new FieldError(
                  "file",
                  where + "\"" + shorten(raw) + "\" is not a number of children (0 or more)."));
          continue;
        }
      }
      Integer before = seen.put(d.get().code() + "|" + code.get(), row.number());
      if (before != null) {
        errors.add(
            new FieldError(
                "file",
                where
                    + shorten(row.cell(group))
                    + " is in the file twice (also row "
                    + (before + 1)
                    + ")."));
        continue;
      }
      String label =
          d.get().coded().stream()
              .filter(c -> c.code().equals(code.get()))
              .map(c -> c.label())
              .findFirst()
              .orElse(row.cell(group).trim());
      groups.add(new SendPopulation.Group(d.get().code(), code.get(), label, count));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors.subList(0, Math.min(20, errors.size())));
    }
    if (groups.isEmpty()) {
      throw ProblemException.invalid(List.of(new FieldError("file", "The file has no groups.")));
    }
    return new SendPopulation(fileName, now, groups);
  }

  private static Integer first(Map<String, Integer> columns, String... names) {
    for (String n : names) {
      if (columns.containsKey(n)) {
        return columns.get(n);
      }
    }
    return null;
  }

  private static String shorten(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
