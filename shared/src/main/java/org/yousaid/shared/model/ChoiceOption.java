package org.yousaid.shared.model;

/** One option of a closed question: {@code value} is stored, {@code label} is shown. */
public record ChoiceOption(String value, String label) {}
