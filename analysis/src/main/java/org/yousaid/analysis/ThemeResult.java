package org.yousaid.analysis;

import java.util.List;
import java.util.Map;

/**
 * Result of theming one question: themes (largest first, "other" last), per-answer results, and
 * stage timings.
 */
public record ThemeResult(
    List<Theme> themes,
    List<AnalysedAnswer> answers,
    int chosenK,
    Map<String, Double> stageSeconds) {}
