package org.yousaid.analysis.pipeline;

import java.util.List;

/**
 * Answers not in English go to the "other languages" bucket, visible to officers to read or
 * translate, and to no theme.
 */
public final class BucketOtherLanguages {
  private final Grouping grouping;

  public BucketOtherLanguages(Grouping grouping) {
    this.grouping = grouping;
  }

  public void apply(List<AnswerRecord> records) {
    for (AnswerRecord r : records)
      if (r.otherLanguage()) r.addTheme(new Membership(grouping.otherLanguagesIndex(), 1.0));
  }
}
