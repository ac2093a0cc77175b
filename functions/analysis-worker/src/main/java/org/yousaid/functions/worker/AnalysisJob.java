package org.yousaid.functions.worker;

/**
 * The queue message asking for one free-text question to be themed. Carries ids only, never answer
 * text.
 */
public record AnalysisJob(
    String council, String consultationId, String questionId, String runId, Integer themeCount) {}
