package org.yousaid.analysis;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Small, real, seed-like inputs shared by the tests. */
final class TestData {
  private TestData() {}

  /**
   * 36 answers in three themes (respite transport, holiday playschemes, funding cuts) plus two
   * non-answers.
   */
  static List<Answer> respiteAnswers() {
    try (Reader r =
        new InputStreamReader(
            TestData.class.getResourceAsStream("/respite-answers.csv"), StandardCharsets.UTF_8)) {
      List<Answer> out = new ArrayList<>();
      for (CSVRecord rec :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        out.add(new Answer(rec.get("id"), rec.get("text")));
      }
      return out;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String topicOf(String answerId) {
    return answerId.substring(0, 1);
  }
}
