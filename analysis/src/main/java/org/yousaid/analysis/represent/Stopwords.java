package org.yousaid.analysis.represent;

import java.util.Set;

/** Lemmas too common to tell themes apart or to label them. */
public final class Stopwords {
  private Stopwords() {}

  public static final Set<String> LEMMAS =
      Set.of(
          "be", "have", "do", "get", "go", "make", "say", "think", "know", "want", "would", "could",
          "should", "will", "can", "may", "might", "must", "shall", "need", "thing", "lot", "way",
          "also", "just", "very", "really", "much", "many", "more", "most", "other", "such", "own",
          "same", "so", "than", "too", "only", "well", "even", "still", "yes", "no", "not", "n't",
          "i", "me", "my", "we", "our", "you", "your", "he", "she", "it", "they", "them", "their",
          "this", "that", "these", "those", "there", "here", "what", "which", "who", "whom", "a",
          "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "for", "with", "as",
          "by", "from", "about", "into", "over", "after", "all", "any", "some", "each", "every",
          "one", "use", "like", "take", "give", "see", "come", "seem", "feel", "try", "etc",
          "please", "ok", "good", "bad", "new", "sure", "able");

  public static boolean isStop(String lemma) {
    return lemma.length() < 2 || LEMMAS.contains(lemma);
  }
}
