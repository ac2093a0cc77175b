package org.yousaid.analysis;

/** Counts of answers by sentiment within a theme. */
public record SentimentSplit(int negative, int neutral, int positive) {}
