package org.yousaid.analysis;

/**
 * One free-text answer to a question: the caller's id and the original text (which stays with
 * officers).
 */
public record Answer(String id, String text) {}
