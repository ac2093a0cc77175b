package org.yousaid.functions.officer.imports;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.validation.SubmissionValidator;

/**
 * Guesses which question or profile field each column of another tool's export holds, from its
 * header: a question's id or wording (Citizen Space, Microsoft Forms and SurveyMonkey put the
 * question's text in the header, sometimes numbered or shortened), the usual names of profile
 * columns, and the tools' own date columns. Each target is guessed for one column at most; the
 * officer confirms or changes every guess on the preview.
 */
public final class ColumnGuess {

  /** How much of a question's wording a header must share to be taken for it. */
  private static final double SIMILAR = 0.7;

  private static final Map<String, String> NAMED = new LinkedHashMap<>();

  static {
    String role = ImportTarget.PROFILE_PREFIX + SubmissionValidator.PROFILE_ROLE;
    for (String h :
        List.of(
            "role",
            "answering as",
            "respondent type",
            "i am a",
            "i am",
            "are you a",
            "who are you",
            "which best describes you",
            "relationship to child",
            "relationship to the child",
            "capacity")) {
      NAMED.put(h, role);
    }
    String age = ImportTarget.PROFILE_PREFIX + SubmissionValidator.PROFILE_AGE_BAND;
    for (String h : List.of("age band", "child's age", "childs age", "age", "age of child")) {
      NAMED.put(h, age);
    }
    String need = ImportTarget.PROFILE_PREFIX + SubmissionValidator.PROFILE_AREAS_OF_NEED;
    for (String h : List.of("area of need", "areas of need", "need", "needs", "primary need")) {
      NAMED.put(h, need);
    }
    String district = ImportTarget.PROFILE_PREFIX + SubmissionValidator.PROFILE_DISTRICT;
    for (String h :
        List.of("district", "area", "locality", "area you live in", "where do you live")) {
      NAMED.put(h, district);
    }
    String stage = ImportTarget.PROFILE_PREFIX + SubmissionValidator.PROFILE_EHC_STAGE;
    for (String h : List.of("stage", "ehc stage", "ehcp stage")) {
      NAMED.put(h, stage);
    }
    for (String h :
        List.of("consent", "consent to quote", "may we quote you", "can we quote you", "quote")) {
      NAMED.put(h, ImportTarget.CONSENT);
    }
    // The moment an answer was finished comes before when it was started.
    for (String h :
        List.of(
            "date",
            "submitted",
            "submitted at",
            "submitted on",
            "date submitted",
            "submission date",
            "completion time",
            "completed",
            "completed at",
            "end date",
            "response date",
            "date received",
            "received",
            "timestamp",
            "start time",
            "start date")) {
      NAMED.put(h, ImportTarget.SUBMITTED_AT);
    }
  }

  private ColumnGuess() {}

  /** Column (by position) to target code; columns with no guess are left out. */
  public static Map<Integer, String> guess(Consultation consultation, List<String> headers) {
    Map<Integer, String> guesses = new LinkedHashMap<>();
    Map<String, Integer> byTarget = new LinkedHashMap<>();
    // Exact matches first, so that a loose match never takes a question a later column names.
    for (int i = 0; i < headers.size(); i++) {
      Optional<String> target =
          exact(consultation, headers.get(i)).filter(t -> ImportTarget.offered(consultation, t));
      if (target.isEmpty()) {
        continue;
      }
      Integer earlier = byTarget.get(target.get());
      if (earlier == null || preferred(headers.get(i), headers.get(earlier))) {
        byTarget.put(target.get(), i);
      }
    }
    byTarget.forEach((target, column) -> guesses.put(column, target));
    Set<String> taken = new HashSet<>(byTarget.keySet());
    for (int i = 0; i < headers.size(); i++) {
      if (guesses.containsKey(i) || exact(consultation, headers.get(i)).isPresent()) {
        continue;
      }
      int column = i;
      similar(consultation, headers.get(i))
          .filter(taken::add)
          .ifPresent(t -> guesses.put(column, t));
    }
    return new java.util.TreeMap<>(guesses);
  }

  /** Of two headers naming the same target, whether the later one is the better (dates only). */
  private static boolean preferred(String later, String earlier) {
    List<String> order = List.copyOf(NAMED.keySet());
    int a = order.indexOf(UkValues.words(later));
    int b = order.indexOf(UkValues.words(earlier));
    return a >= 0 && b >= 0 && a < b;
  }

  private static Optional<String> exact(Consultation consultation, String header) {
    String h = bare(header);
    for (Question q : consultation.questions()) {
      if (UkValues.words(q.id()).equals(h) || UkValues.words(q.text()).equals(h)) {
        return Optional.of(ImportTarget.QUESTION_PREFIX + q.id());
      }
    }
    String named = NAMED.get(UkValues.words(header).replace("child s", "childs"));
    if (named == null) {
      named = NAMED.get(h);
    }
    return Optional.ofNullable(named);
  }

  /** The question whose wording the header shares most of, if it shares enough. */
  private static Optional<String> similar(Consultation consultation, String header) {
    Set<String> words = contentWords(bare(header));
    if (words.isEmpty()) {
      return Optional.empty();
    }
    String best = null;
    double bestScore = SIMILAR;
    for (Question q : consultation.questions()) {
      Set<String> question = contentWords(UkValues.words(q.text()));
      if (question.isEmpty()) {
        continue;
      }
      Set<String> shared = new HashSet<>(words);
      shared.retainAll(question);
      // Dice: a shortened header ("Information format") counts against a long question, as it
      // should; a header that is the question plus "(optional)" still matches.
      double score = 2.0 * shared.size() / (words.size() + question.size());
      if (score >= bestScore) {
        bestScore = score;
        best = ImportTarget.QUESTION_PREFIX + q.id();
      }
    }
    return Optional.ofNullable(best);
  }

  /** A header without the numbering tools add: "Q3.", "3)", "Question 3:". */
  private static String bare(String header) {
    return UkValues.words(header).replaceFirst("^(question|q)? ?\\d+[a-z]? ", "");
  }

  private static final Set<String> STOP =
      Set.of(
          "a",
          "an",
          "the",
          "and",
          "or",
          "of",
          "to",
          "in",
          "for",
          "on",
          "about",
          "your",
          "you",
          "do",
          "does",
          "is",
          "are",
          "what",
          "how",
          "would",
          "it",
          "be",
          "with",
          "by",
          "this",
          "that",
          "i",
          "my",
          "we",
          "our",
          "optional",
          "please");

  private static Set<String> contentWords(String words) {
    Set<String> result = new HashSet<>();
    for (String w : words.split(" ")) {
      if (!w.isBlank() && !STOP.contains(w)) {
        result.add(w);
      }
    }
    return result;
  }
}
