package org.yousaid.analysis;

/** Sentiment of an answer: the three classes councils report ("universally negative", ...). */
public enum Sentiment {
  NEGATIVE,
  NEUTRAL,
  POSITIVE
}
