package org.yousaid.analysis.pipeline;

/**
 * An answer's membership of a theme by the theme's index in its {@link Grouping} (ids are given
 * only at the end, by {@link StabiliseIds}), with a confidence in [0, 1].
 */
public record Membership(int theme, double confidence) {}
