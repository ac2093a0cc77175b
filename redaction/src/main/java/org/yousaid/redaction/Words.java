package org.yousaid.redaction;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A text split into words, over a copy of it in which look-alike characters are made plain (curly
 * apostrophes, non-breaking spaces, Unicode hyphens) without changing any offset, so that every
 * rule sees "Jack’s" as "Jack's" and every span found points into the original text.
 */
final class Words {
  /** Abbreviations whose full stop does not end a sentence ("Dr. Baxter", "St. Mary's"). */
  private static final Set<String> ABBREVIATIONS =
      Set.of("mr", "mrs", "ms", "dr", "st", "prof", "rev", "revd", "no", "eg", "ie", "mx", "sr");

  private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");

  private final String text;
  private final List<Word> words;

  private Words(String text, List<Word> words) {
    this.text = text;
    this.words = words;
  }

  static Words of(String original) {
    String text = plain(original);
    List<Word> words = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!isWordChar(text.charAt(i))) {
        i++;
        continue;
      }
      int begin = i;
      while (i < n
          && (isWordChar(text.charAt(i))
              || (isJoiner(text.charAt(i)) && i + 1 < n && isWordChar(text.charAt(i + 1))))) {
        i++;
      }
      words.add(word(text, begin, i, words));
    }
    return new Words(text, List.copyOf(words));
  }

  private static Word word(String text, int begin, int end, List<Word> before) {
    String raw = text.substring(begin, end);
    String key = key(raw);
    boolean possessive = key.length() > 2 && key.endsWith("'s");
    int baseEnd = end;
    if (possessive) {
      key = key.substring(0, key.length() - 2);
      baseEnd = end - 2;
    }
    int letters = 0;
    int upper = 0;
    for (int k = 0; k < baseEnd - begin; k++) {
      char c = raw.charAt(k);
      if (Character.isLetter(c)) {
        letters++;
        if (Character.isUpperCase(c)) upper++;
      }
    }
    char first = raw.charAt(0);
    boolean capitalised = Character.isUpperCase(first);
    boolean allCaps = letters >= 2 && upper == letters;
    return new Word(
        begin,
        end,
        baseEnd,
        key,
        capitalised,
        allCaps,
        startsSentence(text, begin, before),
        possessive);
  }

  private static boolean startsSentence(String text, int begin, List<Word> before) {
    if (before.isEmpty()) return true;
    Word previous = before.get(before.size() - 1);
    String gap = text.substring(previous.end(), begin);
    if (gap.indexOf('\n') >= 0 || gap.indexOf('!') >= 0 || gap.indexOf('?') >= 0) return true;
    if (gap.indexOf('•') >= 0 || gap.indexOf(';') >= 0 || gap.indexOf('\t') >= 0) return true;
    if (gap.indexOf('>') >= 0 || gap.indexOf('|') >= 0) return true;
    if (gap.indexOf('.') >= 0) return !ABBREVIATIONS.contains(previous.key());
    // "- item" or "* item" starting a list line
    return gap.strip().equals("*");
  }

  /**
   * Lower case, accents, zero-width characters and soft hyphens removed; for dictionary look-up.
   */
  static String key(String raw) {
    StringBuilder sb = new StringBuilder(raw.length());
    for (int k = 0; k < raw.length(); k++) {
      char c = raw.charAt(k);
      if (!isIgnorable(c)) sb.append(c);
    }
    String decomposed = Normalizer.normalize(sb, Normalizer.Form.NFD);
    return DIACRITICS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
  }

  /** The text with look-alike characters made plain; same length, so offsets carry over. */
  static String plain(String s) {
    char[] out = s.toCharArray();
    for (int k = 0; k < out.length; k++) {
      out[k] =
          switch (out[k]) {
            case '\u2018', '\u2019', '\u02BC', '\u02BB', '`', '\u00B4', '\u2032', '\uFF07' -> '\'';
            case '\u2010', '\u2011', '\u00AD' -> '-';
            case '\u00A0', '\u2007', '\u202F', '\u2009', '\u200A', '\u2002', '\u2003' -> ' ';
            case '\uFF0E' -> '.';
            case '\uFF20' -> '@';
            default -> out[k];
          };
    }
    return new String(out);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c)
        || Character.getType(c) == Character.NON_SPACING_MARK
        || isIgnorable(c);
  }

  private static boolean isIgnorable(char c) {
    return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
  }

  private static boolean isJoiner(char c) {
    return c == '\'' || c == '-';
  }

  String text() {
    return text;
  }

  int size() {
    return words.size();
  }

  Word get(int i) {
    return words.get(i);
  }

  String key(int i) {
    return i >= 0 && i < words.size() ? words.get(i).key() : "";
  }

  /** The characters between word {@code i - 1} (or the start) and word {@code i}. */
  String gapBefore(int i) {
    int from = i == 0 ? 0 : words.get(i - 1).end();
    return text.substring(from, words.get(i).begin());
  }

  /** Words {@code i - 1} and {@code i} are separated by spaces only, on one line. */
  boolean joined(int i) {
    if (i <= 0 || i >= words.size()) return false;
    String gap = gapBefore(i);
    // spaces only: a tab or a line break separates the cells of a table or the lines of a list
    return !gap.isEmpty() && gap.length() <= 3 && gap.chars().allMatch(c -> c == ' ');
  }

  /** Word {@code i} follows word {@code i - 1} with only spaces or a comma between. */
  boolean joinedOrComma(int i) {
    if (i <= 0 || i >= words.size()) return false;
    String gap = gapBefore(i).strip();
    return (gap.isEmpty() || gap.equals(","))
        && gapBefore(i).indexOf('\n') < 0
        && gapBefore(i).indexOf('\t') < 0;
  }
}
