package org.yousaid.analysis;

/**
 * An answer's membership of a theme with a confidence in [0, 1]; an answer can belong to several
 * themes.
 */
public record ThemeMembership(String themeId, double confidence) {}
