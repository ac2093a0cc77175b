package org.yousaid.redaction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the word lists shipped in this module's resources. */
final class WordLists {
  private WordLists() {}

  /**
   * Every whitespace-separated word of the resource, as a look-up key; {@code #} starts a comment.
   */
  static Set<String> words(String resource) {
    Set<String> out = new HashSet<>();
    for (String line : lines(resource)) {
      for (String w : line.split("\\s+")) {
        if (!w.isEmpty()) out.add(Words.key(w));
      }
    }
    return Set.copyOf(out);
  }

  /** Every line of the resource as a phrase of word keys, as {@link Words} splits it. */
  static List<List<String>> phrases(String resource) {
    List<List<String>> out = new ArrayList<>();
    for (String line : lines(resource)) {
      List<String> keys = keys(line);
      if (!keys.isEmpty()) out.add(keys);
    }
    return out;
  }

  static List<String> keys(String phrase) {
    Words w = Words.of(phrase);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < w.size(); i++) {
      keys.add(w.get(i).possessive() ? w.key(i) + "'s" : w.key(i));
    }
    return keys;
  }

  private static List<String> lines(String resource) {
    InputStream in = WordLists.class.getResourceAsStream(resource);
    if (in == null) throw new IllegalStateException("missing word list " + resource);
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        String s = line.strip();
        if (!s.isEmpty() && !s.startsWith("#")) out.add(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
