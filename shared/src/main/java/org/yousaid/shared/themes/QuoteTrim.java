package org.yousaid.shared.themes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * More words an officer removed from a quote before approving it, on top of automatic redaction.
 * Kept as word positions in the redacted text and that text's SHA-256, never as the words
 * themselves, so the removed words (often a name or a school) are stored nowhere new. If
 * re-analysis changes the redacted text, the positions no longer apply and the quote is not
 * published until an officer approves it again: a trim fails closed.
 *
 * @param textSha256 SHA-256 (hex) of the redacted text the positions refer to
 * @param words positions (0-based) of the words to replace, in {@link #words(String)}'s numbering
 */
public record QuoteTrim(String textSha256, List<Integer> words) {

  /** What replaces each run of removed words. */
  public static final String REDACTED = "[redacted]";

  /** A word: letters and digits, with inner apostrophes or hyphens ("don't", "Smith-Jones"). */
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*");

  /** What {@link #of} makes of an officer's list of words and phrases. */
  public record Result(Optional<QuoteTrim> trim, List<String> notFound) {}

  public QuoteTrim {
    words = words == null ? List.of() : List.copyOf(new TreeSet<>(words));
  }

  /**
   * The trim that removes every occurrence of each phrase (a word or several in a row, any case) in
   * {@code text}; phrases that do not occur are listed in {@code notFound} and no trim is made.
   */
  public static Result of(String text, List<String> phrases) {
    List<String> words = words(text).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    TreeSet<Integer> chosen = new TreeSet<>();
    List<String> notFound = new ArrayList<>();
    for (String phrase : phrases) {
      List<String> wanted = words(phrase).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
      boolean found = false;
      for (int start = 0; !wanted.isEmpty() && start + wanted.size() <= words.size(); start++) {
        if (matches(words.subList(start, start + wanted.size()), wanted)) {
          found = true;
          for (int i = 0; i < wanted.size(); i++) {
            chosen.add(start + i);
          }
        }
      }
      if (!found) {
        notFound.add(phrase.strip());
      }
    }
    if (!notFound.isEmpty() || chosen.isEmpty()) {
      return new Result(Optional.empty(), notFound);
    }
    return new Result(Optional.of(new QuoteTrim(sha256(text), List.copyOf(chosen))), List.of());
  }

  /**
   * {@code text} with the chosen words replaced, a run of them (with only spaces or punctuation
   * between) by one {@link #REDACTED}; empty if {@code text} is not the text this trim was made
   * for.
   */
  public Optional<String> apply(String text) {
    if (text == null || !sha256(text).equals(textSha256)) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    Matcher m = WORD.matcher(text);
    int index = 0;
    int copied = 0;
    int lastRemovedEnd = -1;
    while (m.find()) {
      if (words.contains(index)) {
        String between = text.substring(copied, m.start());
        if (lastRemovedEnd == copied && between.isBlank()) {
          // Joins "Mrs [redacted] [redacted]" into one "[redacted]".
          copied = m.end();
        } else {
          out.append(between).append(REDACTED);
          copied = m.end();
        }
        lastRemovedEnd = m.end();
      }
      index++;
    }
    out.append(text.substring(copied));
    return Optional.of(out.toString());
  }

  /**
   * Word by word, ignoring case; a word also matches its possessive ("Oakfield's") and each part of
   * a hyphenated or apostrophed word ("Smith" in "Smith-Jones"), so typing a name removes every
   * form of it. Removing too much is safe; leaving a name is not.
   */
  private static boolean matches(List<String> words, List<String> wanted) {
    for (int i = 0; i < wanted.size(); i++) {
      String word = words.get(i);
      String want = wanted.get(i);
      if (!word.equals(want)
          && !java.util.Arrays.asList(word.split("['’-]")).contains(want)
          && !word.equals(want + "'s")
          && !word.equals(want + "’s")) {
        return false;
      }
    }
    return true;
  }

  /** The words of a text, in order, as the positions number them. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
