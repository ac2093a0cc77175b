package org.yousaid.functions.officer.imports;

import java.util.List;

/**
 * A file's table as the importer reads it, whatever it came as (CSV, pasted text or XLSX): the
 * column names, and each row that has anything in it with its number (1 is the first row after the
 * column names; blank rows keep their number so the officer can find a row in the file).
 */
public record UploadedTable(List<String> headers, List<Row> rows) {

  public record Row(int number, List<String> cells) {
    public Row {
      cells = List.copyOf(cells);
    }

    /** The cell of this column, "" when the row is shorter. */
    public String cell(int column) {
      return column < cells.size() && cells.get(column) != null ? cells.get(column).strip() : "";
    }
  }

  public UploadedTable {
    headers = List.copyOf(headers);
    rows = List.copyOf(rows);
  }
}
