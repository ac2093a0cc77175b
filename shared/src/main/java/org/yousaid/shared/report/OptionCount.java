package org.yousaid.shared.report;

/** How many chose one option, and what share of those who answered the question that is (0..1). */
public record OptionCount(String value, String label, int count, double share) {}
