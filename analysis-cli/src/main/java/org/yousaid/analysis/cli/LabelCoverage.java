package org.yousaid.analysis.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yousaid.analysis.represent.Stopwords;

/**
 * The benchmark's measure of whether a label speaks for an answer: the answer has every content
 * word of the label, words compared after a light suffix stemmer ("reviews", "reviewed" and
 * "review" match; "waiting" and "waits" match "wait"). Independent of the engine's own lemmas and
 * phrase keys on purpose, so that the labeller is not scored by its own rule. Synonyms ("delay" for
 * "wait") do not count: it undercounts, which the embedding fit of {@link LabelBenchmark} does not.
 */
final class LabelCoverage {
  private LabelCoverage() {}

  private static final Pattern WORD = Pattern.compile("[\\p{L}]+(?:'[\\p{L}]+)?");

  /** The label's content words, stemmed, in order, without repeats. */
  static List<String> contentStems(String label) {
    List<String> out = new ArrayList<>();
    for (String w : words(label)) {
      if (Stopwords.isStop(w)) continue;
      String s = stem(w);
      if (!out.contains(s)) out.add(s);
    }
    return out;
  }

  /** Whether the text has every one of the label's stemmed content words (none: never). */
  static boolean covers(List<String> labelStems, String text) {
    if (labelStems.isEmpty()) return false;
    Set<String> have = new HashSet<>();
    for (String w : words(text)) have.add(stem(w));
    return have.containsAll(labelStems);
  }

  /** Every word stemmed: two labels that read the same ("Waiting", "Wait") are equal. */
  static String reading(String label) {
    return String.join(" ", words(label).stream().map(LabelCoverage::stem).toList());
  }

  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) out.add(m.group());
    return out;
  }

  /** Plurals, -ed and -ing off, a final e and a doubled consonant dropped: crude, both sides. */
  static String stem(String w) {
    String s = w.endsWith("'s") ? w.substring(0, w.length() - 2) : w;
    if (s.endsWith("ies") && s.length() > 4) s = s.substring(0, s.length() - 3) + "y";
    else if (s.endsWith("sses")) s = s.substring(0, s.length() - 2);
    else if (s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us") && s.length() > 3)
      s = s.substring(0, s.length() - 1);
    if (s.endsWith("ing") && s.length() > 5) s = s.substring(0, s.length() - 3);
    else if (s.endsWith("ed") && s.length() > 4) s = s.substring(0, s.length() - 2);
    if (s.endsWith("e") && s.length() > 4) s = s.substring(0, s.length() - 1);
    int n = s.length();
    if (n > 3 && s.charAt(n - 1) == s.charAt(n - 2) && "bdfgmnprt".indexOf(s.charAt(n - 1)) >= 0)
      s = s.substring(0, n - 1);
    return s;
  }
}
