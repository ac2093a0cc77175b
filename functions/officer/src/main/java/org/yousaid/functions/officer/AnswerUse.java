package org.yousaid.functions.officer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.Response;

/**
 * How many stored answers each question has, and how often each option was chosen: what the survey
 * builder must not break (a question with answers keeps its type; a chosen option keeps its value
 * and wording).
 */
record AnswerUse(Map<String, Integer> answers, Map<String, Map<String, Integer>> chosen) {

  static AnswerUse of(List<Response> responses) {
    Map<String, Integer> answers = new HashMap<>();
    Map<String, Map<String, Integer>> chosen = new HashMap<>();
    for (Response r : responses) {
      for (Answer a : r.answers()) {
        answers.merge(a.questionId(), 1, Integer::sum);
        for (String value : a.choices()) {
          chosen
              .computeIfAbsent(a.questionId(), k -> new HashMap<>())
              .merge(value, 1, Integer::sum);
        }
      }
    }
    return new AnswerUse(Map.copyOf(answers), Map.copyOf(chosen));
  }

  static AnswerUse none() {
    return new AnswerUse(Map.of(), Map.of());
  }

  int answers(String questionId) {
    return answers.getOrDefault(questionId, 0);
  }

  int chosen(String questionId, String optionValue) {
    return chosen.getOrDefault(questionId, Map.of()).getOrDefault(optionValue, 0);
  }
}
