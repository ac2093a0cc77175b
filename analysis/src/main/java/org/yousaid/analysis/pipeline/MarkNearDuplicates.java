package org.yousaid.analysis.pipeline;

import java.util.List;
import org.yousaid.analysis.theme.NearDuplicateDetector;

/**
 * Near-identical answers (campaign or template responses) share a group number; answers with no
 * near-copy, and non-answers, get none.
 */
public final class MarkNearDuplicates {
  static final double MIN_JACCARD = 0.7;

  public void apply(List<AnswerRecord> records) {
    int[] groups =
        new NearDuplicateDetector(MIN_JACCARD)
            .groups(records.stream().map(r -> r.nonAnswer() ? "" : r.text()).toList());
    for (AnswerRecord r : records) r.nearDuplicateGroup(groups[r.index()]);
  }
}
