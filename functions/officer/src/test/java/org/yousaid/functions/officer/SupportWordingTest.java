package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yousaid.web.Pages;

/**
 * "1 other answer supports this answer", never "1 other answers support", on every officer page.
 */
class SupportWordingTest {
  private static Map<String, Object> model(String template, int othersSupport) {
    Map<String, Object> theme = new HashMap<>();
    theme.put("id", "t1");
    theme.put("label", "Respite transport");
    theme.put("count", othersSupport + 1);
    theme.put("percent", 10);
    theme.put("share", 0.1);
    theme.put("exemplar", "The bus is late.");
    theme.put("exemplarText", "The bus is late.");
    theme.put("othersSupport", othersSupport);
    // the themes page shows how many quotes are approved, the report lists them
    theme.put("quotes", template.equals("officer/themes") ? 0 : List.of());
    theme.put("sentiment", Map.of("positive", 0, "neutral", 0, "negative", 1));
    Map<String, Object> question = new HashMap<>();
    question.put("id", "q1");
    question.put("text", "What would help?");
    question.put("themes", List.of(theme));
    question.put("sentiment", Map.of("positive", 0, "neutral", 0, "negative", 1));
    Map<String, Object> model = new HashMap<>();
    model.put("pageTitle", "Themes");
    model.put("consultation", Map.of("council", "demo", "id", "c1", "title", "Local Offer"));
    model.put("question", question);
    model.put("questions", List.of(question));
    model.put("theme", theme);
    // the theme page shows its exemplar (and the sentence under it) from the page's own model
    model.put("exemplar", "The bus is late.");
    model.put("report", Map.of("questions", List.of(question)));
    return model;
  }

  @ParameterizedTest
  @ValueSource(strings = {"officer/themes", "officer/theme", "officer/report"})
  void oneOtherAnswerIsSingular(String template) {
    String one = Pages.render(template, model(template, 1));
    assertTrue(one.contains("1 other answer supports"), template);
    assertFalse(one.contains("1 other answers support"), template);
    String many = Pages.render(template, model(template, 4));
    assertTrue(many.contains("4 other answers support"), template);
  }
}
