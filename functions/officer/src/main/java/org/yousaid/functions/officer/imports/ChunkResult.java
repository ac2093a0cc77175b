package org.yousaid.functions.officer.imports;

import java.util.List;

/** What one chunk of a batch's rows did: written once per run of the chunk, replaced on a retry. */
public record ChunkResult(int chunk, int imported, int alreadyImported, List<RowProblem> problems) {
  public ChunkResult {
    problems = List.copyOf(problems);
  }
}
