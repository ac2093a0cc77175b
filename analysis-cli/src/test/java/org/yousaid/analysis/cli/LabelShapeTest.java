package org.yousaid.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's shape measure, against real CoreNLP, on the labels issue 12 names. */
class LabelShapeTest {
  private static final LabelShape SHAPE = new LabelShape();

  @Test
  void theShapesIssueTwelveNames() {
    assertEquals(LabelShape.BARE_VERB, SHAPE.of("Tell parents"));
    assertEquals(LabelShape.BARE_VERB, SHAPE.of("Keep up the good work"));
    assertEquals(LabelShape.ONE_WORD, SHAPE.of("Plan"));
    assertEquals(LabelShape.ONE_WORD, SHAPE.of("SENDIASS"));
    // what councils write, and what happened rather than an order
    assertEquals(LabelShape.PHRASE, SHAPE.of("Continuation of the current provision"));
    assertEquals(LabelShape.PHRASE, SHAPE.of("More holiday playschemes"));
    assertEquals(LabelShape.PHRASE, SHAPE.of("Waiting time for appointments"));
    assertEquals(LabelShape.PHRASE, SHAPE.of("Explained everything clearly"));
  }

  @Test
  void theSummaryCountsSharesPerSampleSize() {
    List<Map<String, Object>> rows =
        List.of(
            Map.of("answers", 30, "shape", LabelShape.ONE_WORD),
            Map.of("answers", 30, "shape", LabelShape.BARE_VERB),
            Map.of("answers", 30, "shape", LabelShape.PHRASE),
            Map.of("answers", 30, "shape", LabelShape.PHRASE),
            Map.of("answers", 60, "shape", LabelShape.PHRASE));
    String table = LabelShape.summary(rows);
    assertTrue(table.contains("| 30 | 4 | 25% | 25% |"), table);
    assertTrue(table.contains("| 60 | 1 | 0% | 0% |"), table);
  }
}
