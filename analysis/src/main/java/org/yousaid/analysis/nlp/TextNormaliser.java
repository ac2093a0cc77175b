package org.yousaid.analysis.nlp;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Stage 1: Unicode NFKC, typographic quotes to ASCII, collapsed whitespace; and recognises answers
 * that say nothing ("n/a", "none", "-"), which are kept out of theming but still counted.
 */
public final class TextNormaliser {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern END_PUNCTUATION = Pattern.compile("[!.?]+$");
  private static final Set<String> NON_ANSWERS =
      Set.of(
          "",
          "n/a",
          "na",
          "n.a.",
          "none",
          "no comment",
          "no comments",
          "nothing",
          "nil",
          "-",
          "--",
          ".",
          "no",
          "not applicable",
          "nothing to add",
          "no thanks",
          "x");

  public String normalise(String raw) {
    if (raw == null) return "";
    String s =
        Normalizer.normalize(raw, Normalizer.Form.NFKC)
            .replace('\u2018', '\'')
            .replace('\u2019', '\'')
            .replace('\u201C', '"')
            .replace('\u201D', '"')
            .replace('\u2013', '-')
            .replace('\u2014', '-')
            .replace("\u00A0", " ");
    return WHITESPACE.matcher(s).replaceAll(" ").strip();
  }

  /** True for blank answers and stock non-answers; these are not themed. */
  public boolean isNonAnswer(String normalised) {
    String s = END_PUNCTUATION.matcher(normalised.toLowerCase(Locale.ROOT)).replaceAll("").strip();
    return NON_ANSWERS.contains(s);
  }
}
