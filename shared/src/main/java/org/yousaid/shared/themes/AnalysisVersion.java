package org.yousaid.shared.themes;

import java.util.List;
import java.util.Map;

/**
 * A completed analysis run as it was: its themes and which themes each answer was in. Holds
 * response and theme ids only, never answer text (the text stays with the answer, and goes when it
 * is erased).
 *
 * @param memberships response id to the ids of the themes it was in, primary first
 */
public record AnalysisVersion(QuestionAnalysis analysis, Map<String, List<String>> memberships) {

  public AnalysisVersion {
    memberships = Map.copyOf(memberships);
  }

  /** The version's answers with this run's theme ids, for answers still held in {@code current}. */
  public List<AnswerAnalysis> answersAsOf(List<AnswerAnalysis> current) {
    return current.stream()
        .filter(a -> memberships.containsKey(a.responseId()))
        .map(a -> a.inThemes(memberships.get(a.responseId())))
        .toList();
  }
}
