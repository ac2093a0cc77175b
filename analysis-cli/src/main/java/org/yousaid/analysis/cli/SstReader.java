package org.yousaid.analysis.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yousaid.analysis.Sentiment;

/**
 * Reads SST PTB-format trees (one per line) into sentences with their root label collapsed to 3
 * classes.
 */
public final class SstReader {
  private static final Pattern LEAF = Pattern.compile("\\(\\d ([^()\\s]+)\\)");

  public record Example(String sentence, int fineLabel, String tree) {
    /** 0-1 negative, 2 neutral, 3-4 positive: the usual 3-class collapse. */
    public Sentiment sentiment() {
      return fineLabel <= 1
          ? Sentiment.NEGATIVE
          : fineLabel == 2 ? Sentiment.NEUTRAL : Sentiment.POSITIVE;
    }
  }

  /**
   * Every labelled phrase (subtree) of at least minWords words, for training: SST labels phrases as
   * well as sentences, and short phrases ("not worth it", "a real treat") teach the classifier more
   * than sentences alone.
   */
  public static List<Example> phrases(List<Example> sentences, int minWords) {
    List<Example> out = new ArrayList<>();
    for (Example e : sentences) collect(e.tree(), new int[] {0}, minWords, out);
    return out;
  }

  /** Parses "(label child child)" or "(label word)" at pos; returns the phrase's words. */
  private static String collect(String tree, int[] pos, int minWords, List<Example> out) {
    pos[0]++; // '('
    int label = tree.charAt(pos[0]) - '0';
    pos[0] += 2;
    StringBuilder words = new StringBuilder();
    if (tree.charAt(pos[0]) != '(') {
      int end = tree.indexOf(')', pos[0]);
      words.append(tree, pos[0], end);
      pos[0] = end + 1;
      return words.toString().replace("-LRB-", "(").replace("-RRB-", ")");
    }
    while (tree.charAt(pos[0]) == '(') {
      String child = collect(tree, pos, minWords, out);
      if (words.length() > 0) words.append(' ');
      words.append(child);
      while (tree.charAt(pos[0]) == ' ') pos[0]++;
    }
    pos[0]++; // ')'
    String phrase = words.toString();
    if (phrase.split(" ").length >= minWords) out.add(new Example(phrase, label, ""));
    return phrase;
  }

  public static List<Example> read(Path file) throws IOException {
    List<Example> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      line = line.strip();
      if (line.isEmpty()) continue;
      int label = line.charAt(1) - '0';
      StringBuilder s = new StringBuilder();
      for (Matcher m = LEAF.matcher(line); m.find(); ) {
        if (s.length() > 0) s.append(' ');
        s.append(m.group(1).replace("-LRB-", "(").replace("-RRB-", ")"));
      }
      out.add(new Example(s.toString(), label, line));
    }
    return out;
  }
}
