package org.yousaid.functions.officer.imports;

import java.util.ArrayList;
import java.util.List;
import org.yousaid.shared.model.ChoiceOption;

/**
 * Matches what someone typed to a question's options by code or label, ignoring case, spacing and
 * punctuation. Several choices may be separated by semicolons, commas or line breaks; a label that
 * itself has a comma ("Social, emotional and mental health") is still one choice.
 */
final class OptionMatcher {

  private OptionMatcher() {}

  /** The option codes chosen; empty if any part matches no option. */
  static List<String> match(List<ChoiceOption> options, String value, boolean several) {
    if (!several) {
      String one = one(options, value);
      return one == null ? List.of() : List.of(one);
    }
    String[] parts = value.split("[;,\\n]");
    List<String> chosen = new ArrayList<>();
    int i = 0;
    while (i < parts.length) {
      if (parts[i].isBlank()) {
        i++;
        continue;
      }
      // The longest run of parts that together is one option's label.
      int matchedEnd = -1;
      String matched = null;
      StringBuilder joined = new StringBuilder();
      for (int j = i; j < parts.length; j++) {
        if (j > i) {
          joined.append(',');
        }
        joined.append(parts[j]);
        String option = one(options, joined.toString());
        if (option != null) {
          matched = option;
          matchedEnd = j;
        }
      }
      if (matched == null) {
        return List.of();
      }
      if (!chosen.contains(matched)) {
        chosen.add(matched);
      }
      i = matchedEnd + 1;
    }
    return chosen;
  }

  private static String one(List<ChoiceOption> options, String value) {
    String v = UkValues.words(value);
    if (v.isEmpty()) {
      return null;
    }
    for (ChoiceOption o : options) {
      if (UkValues.words(o.value()).equals(v) || UkValues.words(o.label()).equals(v)) {
        return o.value();
      }
    }
    return null;
  }
}
