package org.yousaid.analysis.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The parts of an answer a complaint can hide in: its sentences, and the clauses a contrast word
 * ("but", "however", "except") starts. "The SENCO is lovely but nothing happens" is one embedding
 * that reads as praise; its second part alone does not.
 */
final class AnswerParts {
  private static final Pattern SENTENCE = Pattern.compile("[.!?;\\n]+\\s*");
  private static final Pattern CONTRAST =
      Pattern.compile(
          "(?<=\\s|,|^)(?=(but|however|except|although|though|apart from|only thing|shame|pity)\\b)",
          Pattern.CASE_INSENSITIVE);

  private AnswerParts() {}

  /** Sentences and contrast clauses of at least 2 words; empty when the answer is one part. */
  static List<String> parts(String text) {
    List<String> out = new ArrayList<>();
    for (String sentence : SENTENCE.split(text))
      for (String clause : CONTRAST.split(sentence)) {
        String c = clause.strip().replaceAll("^[,\\-]+|[,\\-]+$", "").strip();
        if (c.split("\\s+").length >= 2) out.add(c);
      }
    return out.size() < 2 ? List.of() : out;
  }

  /** The clause after the last contrast word, or null when there is none. */
  static String afterContrast(String text) {
    List<String> clauses = List.of(CONTRAST.split(text));
    if (clauses.size() < 2) return null;
    String last = clauses.get(clauses.size() - 1).strip();
    return last.split("\\s+").length >= 3 ? last : null;
  }
}
