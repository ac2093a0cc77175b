package org.yousaid.analysis.theme;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yousaid.analysis.nlp.AnnotatedText;
import org.yousaid.analysis.nlp.Token;
import org.yousaid.analysis.represent.Stopwords;
import org.yousaid.redaction.Redaction;

/**
 * A theme's label as an officer would write it: a phrase in the answers' own words ("Waiting time
 * for appointments", "Continuation of the current provision", "Explained everything clearly"),
 * taken from the member answers, never key words glued together.
 *
 * <p>Candidates are the noun phrases of each member answer (adjectives and nouns ending in a noun,
 * optionally followed by "of / for / to / with / in / at / on" and a second noun phrase) and short
 * clauses (a verb and its object noun phrase). A candidate stands for the set of its content
 * lemmas; it covers a member answer that uses all of them. Its score is the class-based TF-IDF of
 * KeyPhraseExtractor (coverage of the theme times log lift over all answers), with coverage
 * weighted by how typical each covering member is, and a bonus for phrases of two or more content
 * words, which say more than one word. The words shown are the commonest way members wrote it.
 *
 * <p>Never a person, school, organisation or place: a candidate with a named-entity token (person,
 * organisation, location), a proper noun other than a short acronym (NHS, GP, SEND), a redaction
 * placeholder, or anything {@link Redaction#containsPersonalData} finds is dropped. Never two
 * unrelated words joined by "and": a candidate never contains a conjunction.
 */
public final class PhraseLabeller {
  /** Words that open a prepositional tail in a phrase ("waiting time for appointments"). */
  private static final Set<String> LINKS = Set.of("of", "for", "to", "with", "in", "at", "on");

  private static final Set<String> PLACE_OR_NAME =
      Set.of(
          "PERSON",
          "ORGANIZATION",
          "LOCATION",
          "CITY",
          "STATE_OR_PROVINCE",
          "COUNTRY",
          "NATIONALITY",
          "RELIGION",
          "EMAIL",
          "URL",
          Token.REDACTED);

  /**
   * Words that say how long, how often or how much, or who, not what about: never a label on their
   * own ("Times", "Weeks" and "Year" labelled three themes of 45 SEND answers; each theme was about
   * delays, exclusions or plans; "Daughter" and "Child" labelled themes about transport, direct
   * payments and updates, because parents write about their children whatever the topic), though
   * they may be part of one ("waiting time", "short break hours", "child's plan").
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

  /** Longest label, in words. */
  static final int MAX_WORDS = 7;

  private final Redaction redaction;
  private final List<Map<String, Surface>> phrasesPerAnswer = new ArrayList<>();
  // which answers use each lemma: a phrase's answers are the AND of its lemmas' sets, so counting
  // them costs n/64 words whatever the number of answers (10,000 in the speed runs)
  private final Map<String, BitSet> answersWithLemma = new HashMap<>();
  private final int total;

  /**
   * @param answers every answer of the question (null for answers that are not themed), so that
   *     phrases common to every theme do not label one
   */
  public PhraseLabeller(List<AnnotatedText> answers, Redaction redaction) {
    this.redaction = redaction;
    int counted = 0;
    for (int i = 0; i < answers.size(); i++) {
      AnnotatedText a = answers.get(i);
      phrasesPerAnswer.add(a == null ? Map.of() : candidates(a));
      if (a == null) continue;
      counted++;
      for (String lemma : lemmas(a))
        answersWithLemma.computeIfAbsent(lemma, x -> new BitSet()).set(i);
    }
    total = Math.max(1, counted);
  }

  /** The answers that use every lemma of a phrase's key. */
  private BitSet answersWith(String key) {
    BitSet out = null;
    for (String lemma : key.split(" ")) {
      BitSet with = answersWithLemma.getOrDefault(lemma, new BitSet());
      if (out == null) out = (BitSet) with.clone();
      else out.and(with);
    }
    return out == null ? new BitSet() : out;
  }

  /**
   * A theme's label and how many of its members it speaks for: {@code support} members use every
   * content word of the phrase.
   */
  public record Label(String phrase, int support, int members) {
    /** The share of the theme's members the label speaks for. */
    public double coverage() {
      return members == 0 ? 0 : (double) support / members;
    }
  }

  /**
   * The label for a theme, or null when no phrase is shared by its members.
   *
   * @param members indices of the theme's answers (into the constructor's list)
   * @param typicality per member (same order), how typical it is of the theme, e.g. its similarity
   *     with the centre; weights each member's vote
   */
  public String label(List<Integer> members, double[] typicality) {
    Label l = labelled(members, typicality);
    return l == null ? null : l.phrase();
  }

  /**
   * A label should speak for at least this share of its theme's members (use every content word of
   * it): a sharper phrase of a minority loses to one most members share.
   */
  static final double COVERAGE_FLOOR = 0.5;

  /**
   * When no phrase reaches {@link #COVERAGE_FLOOR}, the label is among the most widely shared: at
   * least this share of the widest phrase's members.
   */
  static final double RELATIVE_FLOOR = 0.75;

  /**
   * As {@link #label}, with the number of members the phrase speaks for. The phrase is the
   * best-scoring one that at least half of the members use; when none is that widely shared, the
   * best-scoring one among the most widely shared (at least 3/4 of the widest phrase's members): a
   * distinctive phrase of a minority never labels a theme whose other members say something else.
   */
  public Label labelled(List<Integer> members, double[] typicality) {
    return labelled(members, typicality, Set.of());
  }

  /**
   * As {@link #labelled(List, double[])}, never a phrase whose {@link #reading} is in {@code
   * taken}: the labels of themes labelled before, so that two themes never read the same.
   */
  public Label labelled(List<Integer> members, double[] typicality, Set<String> taken) {
    if (members.isEmpty()) return null;
    double weightSum = 0;
    double[] w = new double[members.size()];
    for (int m = 0; m < w.length; m++)
      weightSum += w[m] = Math.max(0.05, typicality == null ? 1 : typicality[m]);
    Map<String, Map<Surface, Integer>> surfaces = new LinkedHashMap<>();
    for (int m : members)
      for (Map.Entry<String, Surface> e : phrasesPerAnswer.get(m).entrySet())
        surfaces
            .computeIfAbsent(e.getKey(), x -> new HashMap<>())
            .merge(e.getValue(), 1, Integer::sum);
    BitSet memberSet = new BitSet();
    Map<Integer, Double> weightOf = new HashMap<>();
    for (int m = 0; m < w.length; m++) {
      memberSet.set(members.get(m));
      weightOf.merge(members.get(m), w[m], Double::sum);
    }
    int distinctMembers = memberSet.cardinality();
    // a label is shared: with two members or more, at least two use it
    int minSupport = members.size() >= 2 ? 2 : 1;
    List<Candidate> candidates = new ArrayList<>();
    for (String key : new TreeSet<>(surfaces.keySet())) {
      int words = key.split(" ").length;
      if (words == 1 && TOO_GENERIC_ALONE.contains(key)) continue;
      BitSet all = answersWith(key);
      BitSet inTheme = (BitSet) all.clone();
      inTheme.and(memberSet);
      int support = inTheme.cardinality();
      if (support < minSupport) continue;
      double covered = 0;
      for (int i = inTheme.nextSetBit(0); i >= 0; i = inTheme.nextSetBit(i + 1))
        covered += weightOf.get(i);
      double rate = covered / weightSum;
      double overall = (double) Math.max(all.cardinality(), support) / total;
      double plainRate = (double) support / distinctMembers;
      double score =
          rate
              * Math.log(1 + plainRate / Math.max(overall, 1e-9))
              * (words >= 3 ? 1.7 : words == 2 ? 1.6 : 1.0);
      Surface surface = commonest(surfaces.get(key));
      if (score > 0 && publishable(surface.text()) && !taken.contains(reading(surface.text())))
        candidates.add(new Candidate(key, surface, score, support));
    }
    if (candidates.isEmpty()) return null;
    int widest = candidates.stream().mapToInt(Candidate::support).max().orElse(0);
    int floor =
        (int) Math.ceil(Math.min(COVERAGE_FLOOR * distinctMembers, RELATIVE_FLOOR * widest) - 1e-9);
    Candidate best = null;
    for (Candidate c : candidates)
      if (c.support() >= floor && (best == null || c.score() > best.score())) best = c;
    best = readable(best, candidates, floor);
    return new Label(capitalise(best.surface().text()), best.support(), distinctMembers);
  }

  /**
   * A phrase of another shape must keep this share of the chosen label's members to replace it:
   * "most of the coverage", so that a readable phrase of a few never labels a theme the chosen word
   * speaks for.
   */
  static final double READABLE_KEEPS = 2.0 / 3;

  /**
   * The chosen phrase, or a phrase of several words that reads better and speaks for nearly as many
   * members; never a phrase that opens with a bare verb ("Tell parents", "Keep up the good work":
   * it reads as an order to the officer) when another does. It replaces a bare-verb fragment when
   * at least the floor and {@link #READABLE_KEEPS} of the fragment's members use it ("Keep parents
   * updated" gives way to "Regular updates"), and one word when it says more of the same thing (it
   * has every word of it) and {@link #READABLE_KEEPS} of the word's members use it ("Plan" used by
   * 6 becomes "Draft plan" used by 4, stays "Plan" when 2 write "draft plan"). One word never
   * replaces a bare-verb fragment, and a phrase about something else never replaces one word: on
   * the SEND answers "Listen to parents" became "Panel", on pxt "Helpful" became "Very friendly".
   * Among several, the best-scoring.
   */
  private static Candidate readable(Candidate chosen, List<Candidate> candidates, int floor) {
    if (chosen.shape() == 0) return chosen;
    int need = (int) Math.ceil(READABLE_KEEPS * chosen.support() - 1e-9);
    Set<String> chosenWords = Set.of(chosen.key().split(" "));
    Candidate out = chosen;
    for (Candidate c : candidates) {
      if (c.shape() != 0 || c.support() < need) continue;
      boolean allowed =
          chosen.surface().bareVerb()
              ? c.support() >= floor
              : Set.of(c.key().split(" ")).containsAll(chosenWords);
      if (allowed && (out == chosen || c.score() > out.score())) out = c;
    }
    return out;
  }

  /**
   * How many of the members use every lemma of {@code lemmas} (space-separated, e.g. a key term).
   */
  public int support(List<Integer> members, String lemmas) {
    BitSet with = answersWith(lemmas.toLowerCase(Locale.ROOT));
    int n = 0;
    for (int m : new java.util.HashSet<>(members)) if (with.get(m)) n++;
    return n;
  }

  /**
   * How a label reads, for telling two labels apart: lower case, each word without a plural, -ing
   * or -ed ending ("Waiting" and "Wait", "Delays" and "Delay" read the same).
   */
  public static String reading(String label) {
    StringBuilder out = new StringBuilder();
    for (String w : label.toLowerCase(Locale.ROOT).split("\\s+")) {
      String s = w;
      if (s.length() > 5 && s.endsWith("ing")) s = s.substring(0, s.length() - 3);
      else if (s.length() > 4 && s.endsWith("ed")) s = s.substring(0, s.length() - 2);
      else if (s.length() > 3 && s.endsWith("s") && !s.endsWith("ss"))
        s = s.substring(0, s.length() - 1);
      if (out.length() > 0) out.append(' ');
      out.append(s);
    }
    return out.toString();
  }

  private record Candidate(String key, Surface surface, double score, int support) {
    /** 0 reads best: several words, not opening with a bare verb; 1 one word; 2 a bare verb. */
    int shape() {
      if (surface.bareVerb()) return 2;
      return surface.text().contains(" ") ? 0 : 1;
    }
  }

  /**
   * A phrase as one member wrote it (lower case but acronyms), and whether it opens with a verb in
   * its base form ("tell parents", "keep up the good work"): a fragment that reads as an order.
   */
  record Surface(String text, boolean bareVerb) {}

  private boolean publishable(String phrase) {
    return !phrase.contains("[") && !redaction.containsPersonalData(capitalise(phrase));
  }

  /**
   * The way most members wrote a phrase; on a tie, one that does not open with a bare verb, then
   * the shortest.
   */
  private static Surface commonest(Map<Surface, Integer> counts) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<Surface, Integer>comparingByValue()
                .reversed()
                .thenComparing(e -> e.getKey().bareVerb())
                .thenComparing(e -> e.getKey().text().length())
                .thenComparing(e -> e.getKey().text()))
        .findFirst()
        .orElseThrow()
        .getKey();
  }

  static String capitalise(String phrase) {
    return phrase.substring(0, 1).toUpperCase(Locale.ROOT) + phrase.substring(1);
  }

  /** Content lemmas of an answer (lower case, no stop words; see {@link #lemma}). */
  static Set<String> lemmas(AnnotatedText text) {
    Set<String> out = new java.util.HashSet<>();
    for (Token t : text.tokens()) {
      String l = lemma(t);
      if (!Stopwords.isStop(l)) out.add(l);
    }
    return out;
  }

  /**
   * The token's lemma, but the word itself for -ing and -ed forms: the tagger calls "waiting" in
   * "waiting time" a noun in one answer and a verb (lemma "wait") in the next, which would split
   * one phrase in two.
   */
  static String lemma(Token t) {
    String pos = t.pos();
    return (pos.equals("VBG") || pos.equals("VBN") ? t.word() : t.lemma()).toLowerCase(Locale.ROOT);
  }

  /**
   * Candidate phrases of one answer: key (sorted content lemmas) to surface words (lower case but
   * acronyms).
   */
  static Map<String, Surface> candidates(AnnotatedText text) {
    Map<String, Surface> out = new LinkedHashMap<>();
    List<Token> tokens = text.tokens();
    int n = tokens.size();
    for (int start = 0; start < n; start++) {
      Token first = tokens.get(start);
      if (!usable(first)) continue;
      boolean nominal = isAdjective(first) || isNoun(first);
      boolean verb =
          !nominal
              && first.pos().startsWith("VB")
              && !Stopwords.isStop(first.lemma().toLowerCase(Locale.ROOT));
      if (!verb && !nominal) continue;
      // a noun phrase from here, or a verb then (particle / preposition) then a noun phrase
      int i = start;
      if (verb) {
        i++;
        if (i < n && (tokens.get(i).pos().equals("RP") || isLink(tokens.get(i)))) i++;
        if (i < n && isDeterminer(tokens.get(i))) i++;
      }
      int end = nounPhraseEnd(tokens, i);
      if (end < 0) {
        if (nominal) addAdjective(tokens, start, out);
        continue;
      }
      add(tokens, start, end, out);
      // with a prepositional tail: "waiting time for appointments"
      int link = end + 1;
      if (link < n && isLink(tokens.get(link)) && tokens.get(link).sentence() == first.sentence()) {
        int j = link + 1;
        if (j < n && isDeterminer(tokens.get(j))) j++;
        int tail = nounPhraseEnd(tokens, j);
        if (tail >= 0) add(tokens, start, tail, out);
      }
    }
    return out;
  }

  /** Adverbs kept before an adjective that stands alone: "too long", "so slow". */
  private static final Set<String> INTENSIFIERS = Set.of("too", "so", "very", "really");

  /**
   * An adjective or gerund that no noun follows ("everything takes too long", "so slow", "still
   * waiting"), with the intensifiers just before it: answers say what is wrong this way as often as
   * with a noun, and without it a theme of them is labelled by a noun a minority used.
   */
  private static void addAdjective(List<Token> tokens, int at, Map<String, Surface> out) {
    int from = at;
    while (from > 0
        && from > at - 2
        && tokens.get(from - 1).sentence() == tokens.get(at).sentence()
        && INTENSIFIERS.contains(tokens.get(from - 1).word().toLowerCase(Locale.ROOT))) from--;
    add(tokens, from, at, out);
  }

  /**
   * The last token of the longest run of adjectives and nouns starting at {@code from} that ends in
   * a noun, or -1.
   */
  private static int nounPhraseEnd(List<Token> tokens, int from) {
    int lastNoun = -1;
    int sentence = from < tokens.size() ? tokens.get(from).sentence() : -1;
    for (int i = from; i < tokens.size() && i - from < 4; i++) {
      Token t = tokens.get(i);
      if (t.sentence() != sentence || !usable(t) || !(isAdjective(t) || isNoun(t))) break;
      if (isNoun(t)) lastNoun = i;
    }
    return lastNoun;
  }

  private static void add(List<Token> tokens, int start, int end, Map<String, Surface> out) {
    if (end - start + 1 > MAX_WORDS) return;
    Set<String> key = new TreeSet<>();
    StringBuilder surface = new StringBuilder();
    for (int i = start; i <= end; i++) {
      Token t = tokens.get(i);
      if (!usable(t) && !isDeterminer(t) && !isLink(t) && !t.pos().equals("RP")) return;
      String lemma = lemma(t);
      if (!Stopwords.isStop(lemma)) key.add(lemma);
      if (surface.length() > 0) surface.append(' ');
      surface.append(acronym(t.word()) ? t.word() : t.word().toLowerCase(Locale.ROOT));
    }
    // a phrase says something when it has a content word that is not a verb alone
    if (key.isEmpty()) return;
    out.putIfAbsent(
        String.join(" ", key), new Surface(surface.toString(), bareVerb(tokens.get(start))));
  }

  /** Not a name, place, organisation, placeholder (ours, or another tool's "XXXX") or number. */
  private static boolean usable(Token t) {
    if (t.ner() != null && PLACE_OR_NAME.contains(t.ner())) return false;
    if (KeyPhraseExtractor.threeInARow(t.word().toLowerCase(Locale.ROOT))) return false;
    if (t.pos().startsWith("NNP") && !acronym(t.word())) return false;
    String w = t.word();
    if (w.isEmpty() || !Character.isLetter(w.charAt(0))) return false;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (!Character.isLetter(c) && c != '-' && c != '\'') return false;
    }
    return true;
  }

  /**
   * Written in capitals, 2-8 letters: EHCP, CAMHS, SENCO, SENDIASS (a label read "Sendiass" in the
   * officer's loop). A shouted word is kept as written only where most answers write it so.
   */
  private static boolean acronym(String w) {
    if (w.length() < 2 || w.length() > 8) return false;
    for (int i = 0; i < w.length(); i++) if (!Character.isUpperCase(w.charAt(i))) return false;
    return true;
  }

  /**
   * A verb in its base form (VB, VBP): opening a phrase, it reads as an order ("tell parents"); a
   * past form reads as what happened ("explained everything clearly").
   */
  private static boolean bareVerb(Token t) {
    return t.pos().equals("VB") || t.pos().equals("VBP");
  }

  private static boolean isNoun(Token t) {
    return t.pos().startsWith("NN") && !Stopwords.isStop(t.lemma().toLowerCase(Locale.ROOT));
  }

  private static boolean isAdjective(Token t) {
    return (t.pos().startsWith("JJ") || t.pos().equals("VBG") || t.pos().equals("VBN"))
        && !Stopwords.isStop(t.lemma().toLowerCase(Locale.ROOT));
  }

  private static boolean isDeterminer(Token t) {
    return t.pos().equals("DT") || t.pos().equals("PRP$");
  }

  private static boolean isLink(Token t) {
    return LINKS.contains(t.word().toLowerCase(Locale.ROOT));
  }
}
