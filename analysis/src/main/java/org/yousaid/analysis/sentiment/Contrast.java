package org.yousaid.analysis.sentiment;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a contrast word turns an answer: "the SENCO is lovely but nothing happens" has the
 * concession "the SENCO is lovely" and the point "nothing happens". After "but", "however",
 * "except" and the like the point comes last (the last such word counts); an answer that opens with
 * "although", "though", "while" or "despite" concedes first and makes its point after the comma.
 * The clause that carries the point is what sentiment research weights most (Socher et al. 2013's
 * "but" trees; VADER weights the words after "but" 3x those before).
 *
 * @param concession what the answer grants before it turns
 * @param point what it turns to: what an officer reads as the answer's point
 */
public record Contrast(String concession, String point) {
  private static final Pattern TURN =
      Pattern.compile(
          "(?<=^|[\\s,.;:!?\\-])(but|however|except|although|though|apart from|only thing|"
              + "shame|pity|unfortunately|sadly)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern OPENING_CONCESSION =
      Pattern.compile(
          "^\\s*(although|though|even though|while|whilst|despite)\\b([^,;.]+)[,;.]\\s*(.+)$",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  /** Each side needs this many words to be read on its own. */
  static final int MIN_WORDS = 2;

  /** The answer's contrast, or null when it has none (or a side too short to read). */
  public static Contrast of(String text) {
    Matcher opening = OPENING_CONCESSION.matcher(text);
    if (opening.matches()) return sized(opening.group(2), opening.group(3));
    Matcher m = TURN.matcher(text);
    int start = -1, end = -1;
    while (m.find()) {
      start = m.start();
      end = m.end();
    }
    if (start <= 0) return null;
    String before = text.substring(0, start);
    String after = text.substring(end);
    // "shame" / "pity" / "unfortunately" belong to the point they introduce
    String word = text.substring(start, end).toLowerCase(Locale.ROOT);
    if (Pattern.matches("shame|pity|unfortunately|sadly", word)) after = text.substring(start);
    return sized(before, after);
  }

  private static Contrast sized(String concession, String point) {
    String c = trim(concession), p = trim(point);
    if (words(c) < MIN_WORDS || words(p) < MIN_WORDS) return null;
    return new Contrast(c, p);
  }

  private static String trim(String s) {
    return s.strip().replaceAll("^[,;:.\\-\\s]+|[,;:\\-\\s]+$", "");
  }

  private static int words(String s) {
    return s.isBlank() ? 0 : s.strip().split("\\s+").length;
  }
}
