package org.yousaid.analysis.cli;

import java.util.List;
import org.yousaid.analysis.Sentiment;

/**
 * Texts with people's sentiment labels, for training or scoring the sentiment classifier.
 *
 * @param kinds what sort of answer each is (the SEND set's "mixed", "polite", ...; else the set's
 *     name), for a breakdown of the score
 */
record SentimentSet(String name, List<String> texts, List<Sentiment> gold, List<String> kinds) {
  int size() {
    return texts.size();
  }
}
