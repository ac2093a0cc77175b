package org.yousaid.functions.officer.imports;

import java.util.List;

/** Why one row was not imported (row 1 is the first row after the column names). */
public record RowProblem(int row, List<String> messages) {
  public RowProblem {
    messages = List.copyOf(messages);
  }
}
