package org.yousaid.analysis.nlp;

import java.util.List;

/** A normalised answer and its tokens. */
public record AnnotatedText(String text, List<Token> tokens) {}
