package org.yousaid.shared.themes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A theme's key terms from its members' stored candidate phrases ({@link
 * AnswerAnalysis#keyPhrases}), scored as the engine scores them (its {@code KeyPhraseExtractor}: a
 * class-based TF-IDF over the question's answers, multi-word phrases favoured): so a theme an
 * officer corrected gets the key terms a run would give its corrected members, without the language
 * models. Built once per question from the answers still held: an erased answer, whose record goes
 * with it, counts nowhere.
 */
public final class KeyTerms {

  /** How many key terms a theme shows, as the engine finds them. */
  public static final int HOW_MANY = 5;

  /**
   * Words too general to be a key term on their own (the engine's {@code
   * PhraseLabeller.TOO_GENERIC_ALONE}; a test keeps the two the same).
   */
  public static final Set<String> TOO_GENERIC_ALONE =
      Set.of(
          "time",
          "year",
          "week",
          "month",
          "day",
          "hour",
          "minute",
          "term",
          "thing",
          "lot",
          "way",
          "bit",
          "people",
          "anything",
          "something",
          "nothing",
          "everything",
          "nobody",
          "anyone",
          "everyone",
          "someone",
          "child",
          "son",
          "daughter",
          "kid",
          "boy",
          "girl",
          "parent",
          "mum",
          "dad",
          "mother",
          "father",
          "family");

  private final Map<String, Set<String>> phrasesByResponse = new HashMap<>();
  private final Map<String, Integer> documentFrequency = new HashMap<>();
  private final int total;
  private final boolean complete;

  /**
   * @param answers every analysed answer of the question still held
   */
  public KeyTerms(Collection<AnswerAnalysis> answers) {
    boolean all = true;
    for (AnswerAnalysis a : answers) {
      if (a.keyPhrases() == null) {
        all = false; // a run from before phrases were kept, or an answer placed by a sharded run
        continue;
      }
      Set<String> phrases = Set.copyOf(a.keyPhrases());
      phrasesByResponse.put(a.responseId(), phrases);
      phrases.forEach(p -> documentFrequency.merge(p, 1, Integer::sum));
    }
    complete = all;
    total = Math.max(1, answers.size());
  }

  /**
   * The most characteristic phrases of these members, or empty when some answer of the question has
   * no stored phrases (its words would be missing from the scores): then only a new run can say.
   */
  public Optional<List<String>> of(Collection<String> memberIds) {
    if (!complete || !phrasesByResponse.keySet().containsAll(memberIds)) {
      return Optional.empty();
    }
    return Optional.of(top(memberIds.stream().map(phrasesByResponse::get).toList(), HOW_MANY));
  }

  /**
   * The member whose phrases hold most of {@code terms} (the first such in order), to stand for a
   * theme whose exemplar left it; the first member when phrases are missing. Null without members.
   */
  public String mostTypical(List<String> memberIds, List<String> terms) {
    String best = memberIds.isEmpty() ? null : memberIds.get(0);
    long most = 0;
    for (String m : memberIds) {
      Set<String> phrases = phrasesByResponse.getOrDefault(m, Set.of());
      long used = terms.stream().filter(phrases::contains).count();
      if (used > most) {
        most = used;
        best = m;
      }
    }
    return best;
  }

  private List<String> top(List<Set<String>> members, int howMany) {
    Map<String, Integer> inTheme = new HashMap<>();
    members.forEach(m -> m.forEach(s -> inTheme.merge(s, 1, Integer::sum)));
    int minCount = members.size() >= 10 ? 2 : 1;
    List<Map.Entry<String, Double>> scored = new ArrayList<>();
    for (Map.Entry<String, Integer> e : inTheme.entrySet()) {
      if (e.getValue() < minCount || TOO_GENERIC_ALONE.contains(e.getKey())) {
        continue;
      }
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
      // a phrase already covered by (or covering) a better one: "respite" after "respite care"
      if (out.stream().anyMatch(q -> containsWords(q, p) || containsWords(p, q))) {
        continue;
      }
      out.add(p);
      if (out.size() == howMany) {
        break;
      }
    }
    return out;
  }

  private static boolean containsWords(String longer, String shorter) {
    return (" " + longer + " ").contains(" " + shorter + " ");
  }
}
