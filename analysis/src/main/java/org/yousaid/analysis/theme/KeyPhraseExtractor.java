package org.yousaid.analysis.theme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yousaid.analysis.nlp.AnnotatedText;
import org.yousaid.analysis.nlp.Token;
import org.yousaid.analysis.represent.Stopwords;

/**
 * Stage 7a: readable key phrases for a theme. Candidates are lemmatised noun phrases
 * (adjective/noun runs ending in a noun, up to three words) and single nouns/adjectives/verbs; each
 * is scored by how much more often answers in the theme use it than answers overall (a class-based
 * TF-IDF: in-theme document rate x log lift), with a small bonus for multi-word phrases, which read
 * better as labels.
 */
public final class KeyPhraseExtractor {
  private final List<Set<String>> phrasesPerAnswer;
  // the nouns and noun phrases among each answer's phrases: what an answer is about
  private final List<Set<String>> topicsPerAnswer;
  private final Map<String, Integer> documentFrequency = new HashMap<>();
  private final int total;

  public KeyPhraseExtractor(List<AnnotatedText> answers) {
    phrasesPerAnswer = new ArrayList<>(answers.size());
    topicsPerAnswer = new ArrayList<>(answers.size());
    for (AnnotatedText a : answers) {
      Set<String> topics = new LinkedHashSet<>();
      Set<String> p = candidates(a, topics);
      phrasesPerAnswer.add(p);
      topicsPerAnswer.add(topics);
      for (String s : p) documentFrequency.merge(s, 1, Integer::sum);
    }
    total = Math.max(1, answers.size());
  }

  /**
   * One answer's candidate phrases (an index into the constructor's list), as scored here. Kept
   * with each answer's analysis, so the officers' side scores them the same way ({@code
   * org.yousaid.shared.themes.KeyTerms}) for themes they correct.
   */
  public Set<String> phrasesOf(int answer) {
    return java.util.Collections.unmodifiableSet(phrasesPerAnswer.get(answer));
  }

  /**
   * Top phrases for the given member answers (indices into the constructor's list), most
   * characteristic first.
   */
  public List<String> keyPhrases(List<Integer> members, int howMany) {
    return top(members, howMany, phrasesPerAnswer);
  }

  /**
   * As {@link #keyPhrases}, but only nouns and noun phrases ("review", "short break"): what the
   * answers are about, for a sentence that says so. Why: "mention review, council and long" or
   * "mention amazing, college and son" read as key words glued together, not as what people wrote
   * about.
   */
  public List<String> topics(List<Integer> members, int howMany) {
    return top(members, howMany, topicsPerAnswer);
  }

  private List<String> top(List<Integer> members, int howMany, List<Set<String>> perAnswer) {
    Map<String, Integer> inTheme = new HashMap<>();
    for (int m : members) for (String s : perAnswer.get(m)) inTheme.merge(s, 1, Integer::sum);
    int minCount = members.size() >= 10 ? 2 : 1;
    List<Map.Entry<String, Double>> scored = new ArrayList<>();
    for (Map.Entry<String, Integer> e : inTheme.entrySet()) {
      if (e.getValue() < minCount) continue;
      // "week", "time": how long, not what about (see PhraseLabeller.TOO_GENERIC_ALONE)
      if (PhraseLabeller.TOO_GENERIC_ALONE.contains(e.getKey())) continue;
      double rate = (double) e.getValue() / members.size();
      double overall = (double) documentFrequency.get(e.getKey()) / total;
      double score = rate * Math.log(1 + rate / overall) * (e.getKey().contains(" ") ? 1.3 : 1.0);
      scored.add(Map.entry(e.getKey(), score));
    }
    scored.sort(
        Map.Entry.<String, Double>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Double> e : scored) {
      String p = e.getKey();
      // skip a phrase already covered by (or covering) a better one: "respite" after "respite care"
      if (out.stream().anyMatch(q -> containsWords(q, p) || containsWords(p, q))) continue;
      out.add(p);
      if (out.size() == howMany) break;
    }
    return out;
  }

  private static boolean containsWords(String longer, String shorter) {
    return (" " + longer + " ").contains(" " + shorter + " ");
  }

  static Set<String> candidates(AnnotatedText text) {
    return candidates(text, new LinkedHashSet<>());
  }

  /** The answer's candidates; its nouns and noun phrases are also added to {@code topics}. */
  private static Set<String> candidates(AnnotatedText text, Set<String> topics) {
    Set<String> out = new LinkedHashSet<>();
    List<Token> tokens = text.tokens();
    List<String> run = new ArrayList<>();
    int sentence = -1;
    for (Token t : tokens) {
      String lemma = t.lemma().toLowerCase(Locale.ROOT);
      boolean usable =
          !t.isPerson()
              && !t.isRedacted()
              && !Stopwords.isStop(lemma)
              // "XXXX": another tool's anonymisation mark, not a word
              && !threeInARow(lemma)
              && lemma.chars().allMatch(c -> Character.isLetter(c) || c == '-');
      if (usable && t.isContentWord()) out.add(lemma);
      if (usable && t.pos().startsWith("NN")) topics.add(lemma);
      boolean nominal = usable && (t.pos().startsWith("NN") || t.pos().startsWith("JJ"));
      if (t.sentence() != sentence || !nominal) {
        addPhrases(run, out, topics);
        run.clear();
        sentence = t.sentence();
      }
      if (nominal) run.add(t.pos().startsWith("NN") ? lemma : "JJ:" + lemma);
    }
    addPhrases(run, out, topics);
    return out;
  }

  /**
   * Adds 2-3 word sub-runs of an adjective/noun run that end in a noun ("short break", "respite
   * transport").
   */
  private static void addPhrases(List<String> run, Set<String> out, Set<String> topics) {
    for (int end = 0; end < run.size(); end++) {
      if (run.get(end).startsWith("JJ:")) continue;
      for (int len = 2; len <= 3 && end - len + 1 >= 0; len++) {
        StringBuilder sb = new StringBuilder();
        for (int i = end - len + 1; i <= end; i++) {
          if (sb.length() > 0) sb.append(' ');
          sb.append(run.get(i).replace("JJ:", ""));
        }
        out.add(sb.toString());
        topics.add(sb.toString());
      }
    }
  }

  /**
   * Whether a character comes three times in a row ("XXXX", "zzz"), as {@code
   * s.matches(".*(.)\\1\\1.*")} says, without compiling that pattern for every word.
   */
  static boolean threeInARow(String s) {
    int[] c = s.codePoints().toArray();
    for (int i = 0; i + 2 < c.length; i++)
      if (c[i] == c[i + 1] && c[i] == c[i + 2] && !lineTerminator(c[i])) return true;
    return false;
  }

  /** What "." does not match. */
  private static boolean lineTerminator(int c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }
}
