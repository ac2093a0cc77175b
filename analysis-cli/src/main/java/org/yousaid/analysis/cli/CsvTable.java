package org.yousaid.analysis.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads named columns from a CSV file with a header row. */
final class CsvTable {
  private CsvTable() {}

  static List<List<String>> read(Path file, String... columns) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p =
            CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(false)
                .get()
                .parse(r)) {
      for (String c : columns) {
        if (c != null && !p.getHeaderMap().containsKey(c)) {
          throw new IllegalArgumentException(
              "No column '" + c + "' in " + file + "; columns: " + p.getHeaderNames());
        }
      }
      List<List<String>> rows = new ArrayList<>();
      for (CSVRecord rec : p) {
        List<String> row = new ArrayList<>();
        for (String c : columns)
          row.add(c == null ? String.valueOf(rec.getRecordNumber()) : rec.get(c));
        rows.add(row);
      }
      return rows;
    }
  }
}
