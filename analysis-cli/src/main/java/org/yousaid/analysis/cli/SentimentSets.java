package org.yousaid.analysis.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.yousaid.analysis.Sentiment;

/** The labelled sets the sentiment classifier is trained, tuned and scored on. */
final class SentimentSets {
  /**
   * Self-written SEND answers, labelled before any model was run on them: a specific complaint
   * about the service makes an answer negative whatever praise surrounds it; praise alone is
   * positive; no stance, or one too vague to act on, is neutral. Held out: never tuned on.
   */
  static final String SEND_EVAL =
      "/org/yousaid/analysis/codeframes/bench/send-sentiment-eval-v1.csv";

  private SentimentSets() {}

  /** SST sentences (root label, 3 classes) of train.txt, dev.txt or test.txt. */
  static SentimentSet sst(Path sstDir, String split) throws IOException {
    List<SstReader.Example> ex = SstReader.read(sstDir.resolve(split + ".txt"));
    return new SentimentSet(
        "sst-" + split,
        ex.stream().map(SstReader.Example::sentence).toList(),
        ex.stream().map(SstReader.Example::sentiment).toList(),
        Collections.nCopies(ex.size(), "sst-" + split));
  }

  static SentimentSet send() throws IOException {
    var in = SentimentSets.class.getResourceAsStream(SEND_EVAL);
    if (in == null) throw new IllegalStateException("Missing " + SEND_EVAL);
    List<String> texts = new ArrayList<>();
    List<Sentiment> gold = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      for (CSVRecord rec :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        texts.add(rec.get("text"));
        gold.add(Sentiment.valueOf(rec.get("sentiment").toUpperCase(Locale.ROOT)));
        kinds.add(rec.get("kind"));
      }
    }
    return new SentimentSet("send-sentiment-eval-v1", texts, gold, kinds);
  }
}
