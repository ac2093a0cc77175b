package org.yousaid.analysis.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.yousaid.analysis.Sentiment;
import org.yousaid.analysis.SentimentSplit;
import org.yousaid.analysis.nlp.AnnotatedText;
import org.yousaid.analysis.represent.ThemeSpace;
import org.yousaid.analysis.theme.Evidence;
import org.yousaid.analysis.theme.KeyPhraseExtractor;
import org.yousaid.analysis.theme.PhraseLabeller;
import org.yousaid.analysis.theme.ShareWording;
import org.yousaid.analysis.theme.Stance;
import org.yousaid.analysis.theme.SubThemeSplit;
import org.yousaid.redaction.Redaction;

/**
 * Stage 7: each theme's key phrases, label (a phrase from its answers, {@link PhraseLabeller}),
 * exemplar and supporting quotes ({@link Evidence}), sentiment split and description (its share in
 * words with a 95% interval, and whether praise and complaint are mixed in it), in the order
 * officers read them: themes largest first, then "other", then "other languages". Empty themes are
 * left out.
 */
public final class LabelThemes {
  static final int KEY_TERMS = 5;
  private final Grouping grouping;
  private final ThemeSpace space;

  public LabelThemes(Grouping grouping, ThemeSpace space) {
    this.grouping = grouping;
    this.space = space;
  }

  public List<ThemeDraft> apply(List<AnswerRecord> records) {
    int k = grouping.k();
    int languages = grouping.otherLanguagesIndex();
    // members per theme index, and primary members (for exemplar choice)
    List<List<Integer>> members = new ArrayList<>();
    List<List<Integer>> primaries = new ArrayList<>();
    for (int x = 0; x <= languages; x++) {
      members.add(new ArrayList<>());
      primaries.add(new ArrayList<>());
    }
    for (AnswerRecord r : records) {
      List<Membership> m = r.themes();
      for (int rank = 0; rank < m.size(); rank++) {
        members.get(m.get(rank).theme()).add(r.index());
        if (rank == 0) primaries.get(m.get(rank).theme()).add(r.index());
      }
    }
    // what the redaction kept of each answer, once: key phrases and labels are made of it
    List<AnnotatedText> labellable = records.stream().map(AnswerRecord::labellable).toList();
    KeyPhraseExtractor phrases = new KeyPhraseExtractor(labellable);
    // kept with each answer's result, so a theme an officer corrects is scored from the same ones
    records.forEach(r -> r.keyPhrases(phrases.phrasesOf(r.index())));
    PhraseLabeller labeller =
        new PhraseLabeller(
            records.stream().map(r -> r.themable() ? labellable.get(r.index()) : null).toList(),
            Redaction.standard());
    List<Integer> order =
        IntStream.rangeClosed(0, languages)
            .filter(x -> !members.get(x).isEmpty())
            .boxed()
            .sorted(
                (a, b) ->
                    a >= k || b >= k
                        ? Integer.compare(a, b)
                        : Integer.compare(members.get(b).size(), members.get(a).size()))
            .toList();
    long answered = records.stream().filter(r -> !r.nonAnswer()).count();
    List<ThemeDraft> drafts = new ArrayList<>();
    // each theme's key terms, once: the labels and the drafts both use them
    Map<Integer, List<String>> keyTerms = new java.util.HashMap<>();
    for (int x : order)
      keyTerms.put(x, x == languages ? List.of() : phrases.keyPhrases(members.get(x), KEY_TERMS));
    // labels of the themes labelled so far (largest first): a smaller theme reads differently
    Map<Integer, Named> names = names(order, members, keyTerms, labeller, records);
    for (int o = 0; o < order.size(); o++) {
      int x = order.get(o);
      boolean other = x >= k;
      List<Integer> mem = members.get(x);
      List<String> terms = keyTerms.get(x);
      List<String> topics = x == languages ? List.of() : phrases.topics(mem, 3);
      Named named =
          x == languages
              ? new Named("Other languages", -1)
              : other
                  ? new Named("Other", -1)
                  : grouping.named(x) ? new Named(grouping.names().get(x), -1) : names.get(x);
      String label = named.text();
      Evidence.Quotes quotes =
          quotes(x, primaries.get(x).isEmpty() ? mem : primaries.get(x), records);
      SentimentSplit split = split(mem, records);
      int dups = (int) mem.stream().filter(i -> records.get(i).nearDuplicateGroup() >= 0).count();
      double share = answered == 0 ? 0 : (double) mem.size() / answered;
      String description =
          x == languages
              ? describeLanguages(mem, records, share)
              : (grouping.proposed(x) ? PROPOSED : "")
                  + describe(
                      ShareWording.of(mem.size(), (int) answered),
                      topics,
                      split,
                      dups,
                      labelSpeaksFor(named.support(), mem.size()));
      drafts.add(
          new ThemeDraft(
              x,
              other,
              x == languages,
              label,
              description,
              terms,
              mem.stream().map(i -> records.get(i).answer().id()).toList(),
              share,
              split,
              records.get(quotes.exemplar()).answer().id(),
              quotes.supporting().stream().map(i -> records.get(i).answer().id()).toList(),
              dups,
              -1));
    }
    for (ThemeDraft d : List.copyOf(drafts))
      if (d.index() < k)
        drafts.addAll(
            subThemes(d.index(), d.label(), members.get(d.index()), records, labellable, phrases));
    return drafts;
  }

  /**
   * The labels of the discovered themes. Two themes must not read the same ("Staff" twice): when
   * their first choices do, the theme whose members the label speaks for most (largest share, then
   * the larger theme) keeps it and the others take their best phrase that reads like no kept label
   * (or, with none, keep the same one).
   */
  private Map<Integer, Named> names(
      List<Integer> order,
      List<List<Integer>> members,
      Map<Integer, List<String>> keyTerms,
      PhraseLabeller labeller,
      List<AnswerRecord> records) {
    Map<Integer, Named> first = new java.util.LinkedHashMap<>();
    Map<Integer, Integer> number = new java.util.HashMap<>();
    for (int o = 0; o < order.size(); o++) {
      int x = order.get(o);
      number.put(x, o + 1);
      if (x >= grouping.k() || grouping.named(x)) continue;
      List<Integer> mem = members.get(x);
      first.put(x, phraseLabel(labeller, x, mem, keyTerms.get(x), o + 1, records, Set.of()));
    }
    Map<String, Integer> holder = new java.util.HashMap<>();
    for (Map.Entry<Integer, Named> e : first.entrySet())
      holder.merge(
          PhraseLabeller.reading(e.getValue().text()),
          e.getKey(),
          (a, b) ->
              claim(first.get(b), members.get(b)) > claim(first.get(a), members.get(a)) ? b : a);
    Set<String> kept = new java.util.HashSet<>(holder.keySet());
    Map<Integer, Named> out = new java.util.HashMap<>(first);
    for (Map.Entry<Integer, Named> e : first.entrySet()) {
      int x = e.getKey();
      if (holder.get(PhraseLabeller.reading(e.getValue().text())) == x) continue;
      List<Integer> mem = members.get(x);
      out.put(x, phraseLabel(labeller, x, mem, keyTerms.get(x), number.get(x), records, kept));
    }
    return out;
  }

  /** How strongly a theme claims its label: the share of members using it (-1 not counted). */
  private static double claim(Named named, List<Integer> members) {
    return named.support() < 0 ? -1 : named.support() / (double) members.size();
  }

  /**
   * The sub-themes of theme x, largest first, labelled by the same labeller against the theme's own
   * answers (so that a phrase every sub-theme shares with the theme does not label one of them);
   * none when two of them, or one and the theme, would have the same label: a split the labels
   * cannot tell apart is not shown, and its answers stay in the theme without a sub-theme.
   */
  private List<ThemeDraft> subThemes(
      int x,
      String themeLabel,
      List<Integer> themeMembers,
      List<AnswerRecord> records,
      List<AnnotatedText> labellable,
      KeyPhraseExtractor phrases) {
    List<Integer> parts = new ArrayList<>();
    for (int j = 0; j < grouping.subThemes(); j++)
      if (grouping.subThemeParents()[j] == x) parts.add(j);
    if (parts.size() < 2) return List.of();
    Map<Integer, List<Integer>> partMembers = new TreeMap<>();
    for (int j : parts) partMembers.put(j, new ArrayList<>());
    for (AnswerRecord r : records) {
      int s = r.subTheme() - grouping.subThemeIndex(0);
      if (r.subTheme() >= 0 && partMembers.containsKey(s)) partMembers.get(s).add(r.index());
    }
    java.util.Set<Integer> inTheme = new java.util.HashSet<>(themeMembers);
    List<AnnotatedText> themeOnly =
        records.stream()
            .map(
                r -> r.themable() && inTheme.contains(r.index()) ? labellable.get(r.index()) : null)
            .toList();
    PhraseLabeller labeller = new PhraseLabeller(themeOnly, Redaction.standard());
    List<ThemeDraft> out = new ArrayList<>();
    // how the theme's and the sub-themes' labels read: a sub-theme takes a phrase that reads like
    // none of them, or the split is not shown
    Set<String> labels = new java.util.HashSet<>();
    labels.add(PhraseLabeller.reading(themeLabel));
    List<Integer> bySize =
        parts.stream()
            .sorted((a, b) -> Integer.compare(partMembers.get(b).size(), partMembers.get(a).size()))
            .toList();
    for (int j : bySize) {
      List<Integer> mem = partMembers.get(j);
      if (mem.size() < SubThemeSplit.MIN_SIZE) return drop(parts, records);
      float[] centre = grouping.subThemeCentroids()[j];
      double[] typicality = new double[mem.size()];
      for (int m = 0; m < typicality.length; m++)
        typicality[m] = space.similarity(mem.get(m), centre);
      List<String> terms = phrases.keyPhrases(mem, KEY_TERMS);
      PhraseLabeller.Label labelled = labeller.labelled(mem, typicality, labels);
      if (labelled == null) return drop(parts, records);
      String phrase = labelled.phrase();
      labels.add(PhraseLabeller.reading(phrase));
      Evidence.Quotes quotes =
          Evidence.choose(
              mem,
              i -> space.similarity(i, centre),
              i ->
                  records.get(i).annotated() == null
                      ? 1
                      : records.get(i).annotated().tokens().size(),
              i -> records.get(i).answer().consentToQuote(),
              (a, b) -> records.get(a).embedding() == null ? 0 : space.similarity(a, b));
      SentimentSplit split = split(mem, records);
      int dups = (int) mem.stream().filter(i -> records.get(i).nearDuplicateGroup() >= 0).count();
      long answered = records.stream().filter(r -> !r.nonAnswer()).count();
      out.add(
          new ThemeDraft(
              grouping.subThemeIndex(j),
              false,
              false,
              phrase,
              describe(
                      ShareWording.of(mem.size(), themeMembers.size()),
                      phrases.topics(mem, 3),
                      split,
                      dups,
                      labelSpeaksFor(labelled.support(), mem.size()))
                  .replaceFirst(" answers \\(", " of this theme's answers ("),
              terms,
              mem.stream().map(i -> records.get(i).answer().id()).toList(),
              answered == 0 ? 0 : (double) mem.size() / answered,
              split,
              records.get(quotes.exemplar()).answer().id(),
              quotes.supporting().stream().map(i -> records.get(i).answer().id()).toList(),
              dups,
              x));
    }
    return out;
  }

  /** Takes the theme's answers out of sub-themes that will not be shown. */
  private List<ThemeDraft> drop(List<Integer> parts, List<AnswerRecord> records) {
    for (AnswerRecord r : records)
      if (r.subTheme() >= 0 && parts.contains(r.subTheme() - grouping.subThemeIndex(0)))
        r.subTheme(-1);
    return List.of();
  }

  /**
   * How close answer i is to theme x: similarity with its centre (discovery) or its confidence
   * (codeframe, and the buckets).
   */
  private double closeness(int x, int i, List<AnswerRecord> records) {
    float[][] centroids = grouping.centroids();
    if (centroids != null && x < centroids.length) return space.similarity(i, centroids[x]);
    return records.get(i).themes().stream()
        .filter(d -> d.theme() == x)
        .mapToDouble(Membership::confidence)
        .max()
        .orElse(0);
  }

  private Evidence.Quotes quotes(int x, List<Integer> candidates, List<AnswerRecord> records) {
    return Evidence.choose(
        candidates,
        i -> closeness(x, i, records),
        i -> records.get(i).annotated() == null ? 1 : records.get(i).annotated().tokens().size(),
        i -> records.get(i).answer().consentToQuote(),
        (a, b) -> records.get(a).embedding() == null ? 0 : space.similarity(a, b));
  }

  /**
   * A phrase from the theme's answers, weighted by how typical each member is; without one, its top
   * key term alone (never two terms glued with "and"), or "Theme N".
   */
  private Named phraseLabel(
      PhraseLabeller labeller,
      int x,
      List<Integer> members,
      List<String> terms,
      int number,
      List<AnswerRecord> records,
      java.util.Set<String> taken) {
    double[] typicality = new double[members.size()];
    float[][] centroids = grouping.centroids();
    for (int m = 0; m < typicality.length; m++)
      typicality[m] =
          centroids != null && x < centroids.length
              ? space.similarity(members.get(m), centroids[x])
              : 1;
    PhraseLabeller.Label phrase = labeller.labelled(members, typicality, taken);
    // a phrase a larger theme took is still better than a key term of one answer
    if (phrase == null) phrase = labeller.labelled(members, typicality);
    if (phrase == null || !phrase.phrase().contains(" ")) {
      // One word ("Keep", "Child") says little; when most of the theme wrote the same short
      // answer, that answer is the phrase an officer would use.
      String said = sharedShortAnswer(members, records);
      if (said != null) return new Named(said, -1);
    }
    return phrase != null
        ? new Named(phrase.phrase(), phrase.support())
        : fallback(labeller, members, terms, number);
  }

  /** The top key term, with how many members use it; "Theme N" (not counted) without one. */
  private static Named fallback(
      PhraseLabeller labeller, List<Integer> members, List<String> terms, int number) {
    String text = label(terms, number);
    return text.startsWith("Theme ")
        ? new Named(text, -1)
        : new Named(text, labeller.support(members, text));
  }

  /**
   * A theme's label and how many of its members use every content word of it (-1: not counted, e.g.
   * an officer's name for the theme).
   */
  record Named(String text, int support) {}

  /**
   * The clause that says, when the label speaks for fewer than half of the theme's answers, for how
   * many it does: an officer reading "Review" over 12 answers should know that 4 mention reviews.
   * Empty otherwise.
   */
  static String labelSpeaksFor(int support, int members) {
    if (support < 0 || members == 0 || 2 * support >= members) return "";
    return String.format(
        Locale.ROOT, LABEL_CLAUSE_FORMAT, support, members, support == 1 ? "uses" : "use");
  }

  private static final String LABEL_CLAUSE_FORMAT =
      "only %d of these %d answers %s the label's words";

  /** The sentence without the clause of {@link #labelSpeaksFor}: for a label given another way. */
  static String withoutLabelClause(String description) {
    return description == null
        ? null
        : description.replaceFirst(
            "; " + LABEL_CLAUSE_FORMAT.replace("%d", "\\d+").replace("%s", "uses?"), "");
  }

  /** Longest answer, in words, that {@link #sharedShortAnswer} uses as a label. */
  static final int SHORT_ANSWER_WORDS = 10;

  /**
   * The text (redacted, as published) that at least half of the members wrote word for word, if it
   * is one sentence of at most {@link #SHORT_ANSWER_WORDS} words with nothing redacted in it and no
   * personal data; without its final full stop. Null otherwise.
   */
  static String sharedShortAnswer(List<Integer> members, List<AnswerRecord> records) {
    if (members.size() < 2) return null;
    Map<String, Integer> copies = new java.util.HashMap<>();
    for (int i : members) {
      String text = records.get(i).publishedText();
      if (text != null) copies.merge(text.strip(), 1, Integer::sum);
    }
    return copies.entrySet().stream()
        .filter(e -> 2 * e.getValue() >= members.size() && e.getValue() >= 2)
        .map(Map.Entry::getKey)
        .map(t -> t.replaceFirst("[.!]+$", "").strip())
        .filter(t -> !t.isEmpty() && t.split("\\s+").length <= SHORT_ANSWER_WORDS)
        .filter(t -> !t.matches(".*[.!?;\\[\\]].*"))
        .filter(t -> !Redaction.standard().containsPersonalData(t))
        .findFirst()
        .map(LabelThemes::capitalised)
        .orElse(null);
  }

  private static String capitalised(String text) {
    return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }

  private static SentimentSplit split(List<Integer> members, List<AnswerRecord> records) {
    int neg = 0, neu = 0, pos = 0;
    for (int i : members) {
      Sentiment s = records.get(i).sentiment();
      if (s == Sentiment.NEGATIVE) neg++;
      else if (s == Sentiment.NEUTRAL) neu++;
      else if (s == Sentiment.POSITIVE) pos++;
    }
    return new SentimentSplit(neg, neu, pos);
  }

  /**
   * The fallback label when no phrase is shared: the top key term alone ("Respite transport"), or
   * "Theme N" without one; never two terms joined by "and", which reads as one theme about two
   * unrelated things; never a term made only of words that say who or how long
   * (PhraseLabeller#TOO_GENERIC_ALONE: "Nothing everything" labelled a theme on pxt).
   */
  static String label(List<String> keyTerms, int number) {
    return keyTerms.stream()
        .filter(t -> !PhraseLabeller.TOO_GENERIC_ALONE.containsAll(List.of(t.split(" "))))
        .findFirst()
        .map(LabelThemes::capitalised)
        .orElse("Theme " + number);
  }

  /**
   * How the sentence of a proposed new theme (answers that fit no code of the codeframe) begins;
   * what reads themes back (a re-run's corrections, the CLI's per-question join) tells them by it.
   */
  public static final String PROPOSED =
      "Proposed new theme (these answers fit no code of the codeframe): ";

  /** Whether a theme's sentence is that of a proposed new theme. */
  public static boolean proposed(String description) {
    return description != null && description.startsWith(PROPOSED);
  }

  private static final String TOPICS = ", most often about ";

  /**
   * One sentence: how many answers (in words, with the count, share and its 95% interval), what
   * they are most often about (nouns and noun phrases: not every answer of a theme names them), and
   * their stance: mostly praise, mostly complaint, or both, said plainly when praise and complaint
   * about the same thing share the theme.
   */
  static String describe(
      ShareWording.Share share, List<String> topics, SentimentSplit s, int dups) {
    return describe(share, topics, s, dups, "");
  }

  /** As above, with a clause on how many answers the label speaks for (empty: none). */
  static String describe(
      ShareWording.Share share,
      List<String> topics,
      SentimentSplit s,
      int dups,
      String labelClause) {
    List<String> ts = topics.subList(0, Math.min(3, topics.size()));
    String joined =
        ts.size() <= 1
            ? String.join("", ts)
            : String.join(", ", ts.subList(0, ts.size() - 1)) + " and " + ts.get(ts.size() - 1);
    return sentence(share, joined, s, dups, labelClause);
  }

  /**
   * A sampled theme's sentence with the whole run's count, share and stance, and the topics the
   * sample found. For a sharded run, which counts a theme's answers after its labels were found on
   * a sample.
   */
  public static String redescribe(
      String sampled, ShareWording.Share share, SentimentSplit s, int dups) {
    int at = sampled == null ? -1 : sampled.indexOf(TOPICS);
    String topics = "";
    if (at >= 0) {
      int end = sampled.indexOf(';', at);
      topics = sampled.substring(at + TOPICS.length(), end < 0 ? sampled.length() - 1 : end);
    }
    return sentence(share, topics, s, dups, "");
  }

  private static String sentence(
      ShareWording.Share share, String topics, SentimentSplit s, int dups, String labelClause) {
    StringBuilder d = new StringBuilder(share.describe(share.count() == 1 ? "answer" : "answers"));
    d.replace(0, 1, d.substring(0, 1).toUpperCase(Locale.ROOT));
    if (!topics.isEmpty()) d.append(TOPICS).append(topics);
    if (!labelClause.isEmpty()) d.append("; ").append(labelClause);
    String stance = Stance.describe(s);
    if (!stance.isEmpty()) d.append("; ").append(stance);
    if (dups > 0) d.append("; ").append(dups).append(" near-identical (campaign-style) answers");
    return d.append('.').toString();
  }

  private static String describeLanguages(
      List<Integer> members, List<AnswerRecord> records, double share) {
    Map<String, Long> byLanguage =
        members.stream()
            .collect(
                Collectors.groupingBy(
                    i -> records.get(i).language(), TreeMap::new, Collectors.counting()));
    String list =
        byLanguage.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    return String.format(
        Locale.ROOT,
        "%d %s (%.0f%%) not in English, not themed: please read or translate (%s).",
        members.size(),
        members.size() == 1 ? "answer" : "answers",
        share * 100,
        list);
  }
}
