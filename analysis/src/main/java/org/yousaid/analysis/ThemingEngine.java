package org.yousaid.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.yousaid.analysis.nlp.AnnotatedText;
import org.yousaid.analysis.nlp.CoreNlpAnnotator;
import org.yousaid.analysis.nlp.LanguageCheck;
import org.yousaid.analysis.nlp.Redactor;
import org.yousaid.analysis.nlp.TextNormaliser;
import org.yousaid.analysis.represent.LemmaVectoriser;
import org.yousaid.analysis.represent.SentenceEmbedder;
import org.yousaid.analysis.represent.SparseVector;
import org.yousaid.analysis.represent.ThemeSpace;
import org.yousaid.analysis.sentiment.SentimentClassifier;
import org.yousaid.analysis.theme.KeyPhraseExtractor;
import org.yousaid.analysis.theme.NearDuplicateDetector;
import org.yousaid.analysis.theme.SphericalKMeans;
import org.yousaid.analysis.theme.ThemeCountChooser;
import org.yousaid.analysis.theme.ThemeIdStabiliser;
import org.yousaid.analysis.theme.codeframe.CodeframeClassifier;
import org.yousaid.analysis.theme.codeframe.ProposedThemes;

/**
 * Themes one question's answers: normalise, CoreNLP, redaction, sentiment, representation, theme
 * discovery (or codeframe assignment), labels and exemplars, stable ids. Create once and reuse:
 * loading the models takes a few seconds; {@link #theme} is thread-safe.
 */
public final class ThemingEngine implements AutoCloseable {
  /**
   * Weight of the sentence embedding against lemma TF-IDF in the theme space (tuned on
   * SO-20/Banking77, see docs).
   */
  public static final double DEFAULT_EMBEDDING_WEIGHT = 0.85;

  public static final String OTHER_ID = "other";

  /**
   * The bucket of answers the language check found not to be in English (kept visible, not themed).
   */
  public static final String OTHER_LANGUAGES_ID = "other-languages";

  /** A second theme is added when the answer is (almost) as close to it as to its first theme. */
  private static final float SECOND_THEME_MARGIN = 0.03f;

  private static final double CONFIDENCE_TEMPERATURE = 0.05;

  private final TextNormaliser normaliser = new TextNormaliser();
  private final LanguageCheck languageCheck = new LanguageCheck();
  private final SentenceEmbedder embedder = new SentenceEmbedder();
  private final double embeddingWeight;
  private volatile CoreNlpAnnotator fullAnnotator, lemmaAnnotator;
  private volatile Redactor redactor;
  private volatile SentimentClassifier sentiment;
  private volatile Map<String, float[]> embeddingCache;

  public ThemingEngine() {
    this(DEFAULT_EMBEDDING_WEIGHT);
  }

  public ThemingEngine(double embeddingWeight) {
    this.embeddingWeight = embeddingWeight;
  }

  public ThemeResult theme(List<Answer> answers, ThemeOptions options) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    long t = System.nanoTime();
    int n = answers.size();
    List<String> texts = answers.stream().map(a -> normaliser.normalise(a.text())).toList();
    boolean[] nonAnswer = new boolean[n];
    for (int i = 0; i < n; i++) nonAnswer[i] = normaliser.isNonAnswer(texts.get(i));
    // answers not in English are kept out of theming (and English sentiment) but stay in the
    // result, flagged
    String[] language = new String[n];
    // -Dyousaid.languageCheck=false turns the check off, for comparing with runs made before it
    // existed
    boolean check = !"false".equals(System.getProperty("yousaid.languageCheck"));
    for (int i = 0; i < n; i++) {
      language[i] = nonAnswer[i] || !check ? "en" : languageCheck.check(texts.get(i)).language();
    }
    int[] items =
        IntStream.range(0, n).filter(i -> !nonAnswer[i] && "en".equals(language[i])).toArray();
    int[] foreign =
        IntStream.range(0, n).filter(i -> !nonAnswer[i] && !"en".equals(language[i])).toArray();
    t = lap(seconds, "normalise", t);

    List<AnnotatedText> annotated = annotator(options.publishable()).annotateAll(texts);
    t = lap(seconds, "corenlp", t);

    List<String> published =
        options.publishable()
            ? annotated.parallelStream().map(a -> redactor().redact(a).text()).toList()
            : texts;
    t = lap(seconds, "redaction", t);

    // Embeddings are computed from redacted text: names and numbers carry no theme.
    List<String> themable = IntStream.of(items).mapToObj(published::get).toList();
    // weight 0 is the TF-IDF-only baseline: skip the (expensive) embeddings entirely
    float[][] itemEmbeddings =
        themable.isEmpty()
            ? new float[0][]
            : embeddingWeight > 0 || options.publishable()
                ? embedDistinct(themable)
                : new float[themable.size()][embedder.dimension()];
    float[][] embeddings = new float[n][];
    for (int j = 0; j < items.length; j++) embeddings[items[j]] = itemEmbeddings[j];
    t = lap(seconds, "embeddings", t);

    Sentiment[] sentiments = new Sentiment[n];
    if (options.publishable()) {
      SentimentClassifier classifier = sentimentClassifier();
      for (int i : items) sentiments[i] = classifier.classify(embeddings[i]);
    }
    t = lap(seconds, "sentiment", t);

    List<List<String>> lemmas = annotated.stream().map(LemmaVectoriser::contentLemmas).toList();
    LemmaVectoriser vectoriser = new LemmaVectoriser();
    SparseVector[] tfidf =
        vectoriser.fitTransform(IntStream.of(items).mapToObj(lemmas::get).toList(), 2);
    SparseVector[] tfidfAll = new SparseVector[n];
    for (int j = 0; j < items.length; j++) tfidfAll[items[j]] = tfidf[j];
    for (int i = 0; i < n; i++)
      if (embeddings[i] == null) {
        embeddings[i] = new float[embedder.dimension()];
        tfidfAll[i] = SparseVector.EMPTY;
      }
    ThemeSpace space = new ThemeSpace(embeddings, tfidfAll, vectoriser.size(), embeddingWeight);
    t = lap(seconds, "representation", t);

    int[] duplicateGroup =
        new NearDuplicateDetector(0.7)
            .groups(IntStream.range(0, n).mapToObj(i -> nonAnswer[i] ? "" : texts.get(i)).toList());
    t = lap(seconds, "near-duplicates", t);

    Grouping grouping =
        options.codeframe().isEmpty()
            ? discover(space, items, options)
            : assignToCodeframe(embeddings, items, published, space, options);
    t = lap(seconds, "themes", t);

    // the other-languages bucket is theme index k + 1 (k is "other")
    for (int i : foreign)
      grouping.memberships().get(i).add(new ThemeMembershipDraft(grouping.k() + 1, 1.0));
    ThemeResult result =
        assemble(
            answers,
            grouping,
            space,
            annotated,
            published,
            sentiments,
            duplicateGroup,
            nonAnswer,
            language,
            items.length + foreign.length,
            options,
            seconds);
    lap(seconds, "labels", t);
    return result;
  }

  /** Embeds each distinct text once: campaign copies and stock answers repeat verbatim. */
  private float[][] embedDistinct(List<String> texts) {
    Map<String, Integer> index = new LinkedHashMap<>();
    int[] slot = new int[texts.size()];
    for (int i = 0; i < texts.size(); i++)
      slot[i] = index.computeIfAbsent(texts.get(i), x -> index.size());
    List<String> keys = new ArrayList<>(index.keySet());
    float[][] distinct;
    if (embeddingCache == null) distinct = embedder.embed(keys);
    else {
      List<String> missing = keys.stream().filter(k -> !embeddingCache.containsKey(k)).toList();
      float[][] fresh = embedder.embed(missing);
      for (int i = 0; i < missing.size(); i++) embeddingCache.put(missing.get(i), fresh[i]);
      distinct = keys.stream().map(embeddingCache::get).toArray(float[][]::new);
    }
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < texts.size(); i++) out[i] = distinct[slot[i]];
    return out;
  }

  /**
   * Primary and further themes per answer, with the themes' names when they come from a codeframe.
   */
  private record Grouping(
      int k,
      List<List<ThemeMembershipDraft>> memberships,
      float[][] centroids,
      List<String> names,
      int chosenK) {}

  private record ThemeMembershipDraft(int theme, double confidence) {}

  private Grouping discover(ThemeSpace space, int[] items, ThemeOptions options) {
    int n = space.size();
    List<List<ThemeMembershipDraft>> memberships = new ArrayList<>();
    for (int i = 0; i < n; i++) memberships.add(new ArrayList<>());
    if (items.length == 0) return new Grouping(0, memberships, new float[0][], null, 0);
    int wanted =
        options.fixedK() != null
            ? options.fixedK()
            : items.length < 4
                ? 1
                : new ThemeCountChooser(
                        Integer.getInteger("yousaid.autok.sample", 1500),
                        options.maxK(),
                        options.seed())
                    .choose(space, items)
                    .k();
    // restarts matter most for small sets with many themes (Banking77: +-0.05 ACC between seeds);
    // large sets are
    // more stable and each restart costs more
    int restarts = items.length > 5000 ? 3 : 6;
    SphericalKMeans.Clustering c =
        new SphericalKMeans(restarts, 50, options.seed())
            .cluster(space, items, Math.max(1, Math.min(wanted, items.length)));
    int k = c.k();
    float[][] centroids = c.centroids();
    int[] sizes = new int[k];
    for (int a : c.assignment()) sizes[a]++;
    // clusters too small to be a theme go to "other" (index k); with a fixed k only singletons do
    int minSize = options.fixedK() != null ? 2 : Math.max(2, items.length / 500);
    float[] medianSimilarity = new float[k];
    float[][] sims = new float[items.length][k];
    IntStream.range(0, items.length)
        .parallel()
        .forEach(
            j -> {
              for (int x = 0; x < k; x++) sims[j][x] = space.similarity(items[j], centroids[x]);
            });
    for (int x = 0; x < k; x++) {
      List<Float> own = new ArrayList<>();
      for (int j = 0; j < items.length; j++) if (c.assignment()[j] == x) own.add(sims[j][x]);
      Collections.sort(own);
      medianSimilarity[x] = own.isEmpty() ? 1 : own.get(own.size() / 2);
    }
    for (int j = 0; j < items.length; j++) {
      int primary = c.assignment()[j];
      double[] p = softmax(sims[j]);
      List<ThemeMembershipDraft> m = memberships.get(items[j]);
      if (sizes[primary] < minSize) {
        m.add(new ThemeMembershipDraft(k, p[primary]));
        continue;
      }
      m.add(new ThemeMembershipDraft(primary, p[primary]));
      for (int x = 0; x < k; x++) {
        if (x == primary || sizes[x] < minSize) continue;
        if (sims[j][x] >= sims[j][primary] - SECOND_THEME_MARGIN
            && sims[j][x] >= medianSimilarity[x]) {
          m.add(new ThemeMembershipDraft(x, p[x]));
        }
      }
    }
    return new Grouping(k, memberships, centroids, null, k);
  }

  private static double[] softmax(float[] sims) {
    double max = Double.NEGATIVE_INFINITY, sum = 0;
    for (float s : sims) max = Math.max(max, s);
    double[] p = new double[sims.length];
    for (int i = 0; i < sims.length; i++)
      sum += p[i] = Math.exp((sims[i] - max) / CONFIDENCE_TEMPERATURE);
    for (int i = 0; i < sims.length; i++) p[i] /= sum;
    return p;
  }

  /**
   * Codeframe mode: {@link CodeframeClassifier} assigns each answer its codes; answers that fit no
   * code are clustered into proposed new themes (label from their key phrases), or go to "other"
   * when too few to form one.
   */
  private Grouping assignToCodeframe(
      float[][] embeddings,
      int[] items,
      List<String> published,
      ThemeSpace space,
      ThemeOptions options) {
    List<CodeframeTheme> codeframe = options.codeframe();
    CodeframeClassifier classifier = new CodeframeClassifier(codeframe, embedder::embed);
    CodeframeClassifier.Result r =
        classifier.classify(
            IntStream.of(items).mapToObj(published::get).toList(),
            IntStream.of(items).mapToObj(i -> embeddings[i]).toArray(float[][]::new));
    int codes = codeframe.size();
    int[] leftovers =
        IntStream.range(0, items.length).filter(r::fitsNoCode).map(j -> items[j]).toArray();
    ProposedThemes proposed = ProposedThemes.cluster(space, leftovers, options.seed());
    int k = codes + proposed.count();
    List<List<ThemeMembershipDraft>> memberships = new ArrayList<>();
    for (int i = 0; i < embeddings.length; i++) memberships.add(new ArrayList<>());
    for (int j = 0; j < items.length; j++)
      for (CodeframeClassifier.Assignment a : r.assignments().get(j))
        memberships.get(items[j]).add(new ThemeMembershipDraft(a.code(), a.confidence()));
    for (int j = 0; j < leftovers.length; j++) {
      int theme = proposed.theme()[j];
      memberships
          .get(leftovers[j])
          .add(new ThemeMembershipDraft(theme < 0 ? k : codes + theme, proposed.confidence()[j]));
    }
    List<String> names = new ArrayList<>(codeframe.stream().map(CodeframeTheme::name).toList());
    for (int p = 0; p < proposed.count(); p++) names.add(null); // labelled from key phrases
    return new Grouping(k, memberships, null, names, k);
  }

  private ThemeResult assemble(
      List<Answer> answers,
      Grouping g,
      ThemeSpace space,
      List<AnnotatedText> annotated,
      List<String> published,
      Sentiment[] sentiments,
      int[] duplicateGroup,
      boolean[] nonAnswer,
      String[] language,
      int themedCount,
      ThemeOptions options,
      Map<String, Double> seconds) {
    int n = answers.size();
    // members per theme index (k = other), primary members first for exemplar choice
    List<List<Integer>> members = new ArrayList<>();
    List<List<Integer>> primaries = new ArrayList<>();
    int languages = g.k() + 1;
    for (int x = 0; x <= languages; x++) {
      members.add(new ArrayList<>());
      primaries.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      List<ThemeMembershipDraft> m = g.memberships().get(i);
      for (int r = 0; r < m.size(); r++) {
        members.get(m.get(r).theme()).add(i);
        if (r == 0) primaries.get(m.get(r).theme()).add(i);
      }
    }
    KeyPhraseExtractor phrases = new KeyPhraseExtractor(annotated);
    // themes largest first, then "other", then "other languages"
    List<Integer> order =
        IntStream.rangeClosed(0, languages)
            .filter(x -> !members.get(x).isEmpty())
            .boxed()
            .sorted(
                (a, b) ->
                    a >= g.k() || b >= g.k()
                        ? Integer.compare(a, b)
                        : Integer.compare(members.get(b).size(), members.get(a).size()))
            .toList();
    List<List<String>> keyTerms = new ArrayList<>();
    List<ThemeIdStabiliser.Draft> drafts = new ArrayList<>();
    for (int x : order) {
      List<String> terms = x == languages ? List.of() : phrases.keyPhrases(members.get(x), 5);
      keyTerms.add(terms);
      drafts.add(
          new ThemeIdStabiliser.Draft(
              members.get(x).stream().map(i -> answers.get(i).id()).toList(), terms));
    }
    int[] continues = new ThemeIdStabiliser().match(drafts, options.previousThemes());
    Set<String> usedIds =
        options.previousThemes().stream()
            .map(PreviousTheme::id)
            .collect(Collectors.toCollection(HashSet::new));
    Map<Integer, String> idOf = new HashMap<>();
    List<Theme> themes = new ArrayList<>();
    int nextNumber = 1;
    for (int o = 0; o < order.size(); o++) {
      int x = order.get(o);
      boolean other = x >= g.k();
      List<Integer> mem = members.get(x);
      String id, label;
      // the other-languages bucket always has its own id, and no theme takes that id over
      boolean inherits =
          continues[o] >= 0
              && (x == languages)
                  == OTHER_LANGUAGES_ID.equals(options.previousThemes().get(continues[o]).id());
      if (x == languages) {
        id = OTHER_LANGUAGES_ID;
        label = "Other languages";
      } else if (inherits) {
        PreviousTheme p = options.previousThemes().get(continues[o]);
        id = p.id();
        label = p.label();
      } else {
        if (x == languages) id = OTHER_LANGUAGES_ID;
        else if (other) id = OTHER_ID;
        else {
          do id = (g.names() == null || g.names().get(x) == null ? "T" : "C") + nextNumber++;
          while (usedIds.contains(id));
        }
        label =
            x == languages
                ? "Other languages"
                : other
                    ? "Other"
                    : g.names() != null && g.names().get(x) != null
                        ? g.names().get(x)
                        : label(keyTerms.get(o), themes.size() + 1);
      }
      usedIds.add(id);
      idOf.put(x, id);
      int exemplar = exemplar(x, primaries.get(x).isEmpty() ? mem : primaries.get(x), g, space);
      SentimentSplit split = split(mem, sentiments);
      int dups = (int) mem.stream().filter(i -> duplicateGroup[i] >= 0).count();
      double share = themedCount == 0 ? 0 : (double) mem.size() / themedCount;
      String description =
          x == languages
              ? describeLanguages(mem, language, share)
              : (g.names() != null && !other && g.names().get(x) == null
                      ? "Proposed new theme (these answers fit no code of the codeframe): "
                      : "")
                  + describe(mem.size(), share, keyTerms.get(o), split, dups);
      themes.add(
          new Theme(
              id,
              label,
              description,
              keyTerms.get(o),
              mem.stream().map(i -> answers.get(i).id()).toList(),
              mem.size(),
              share,
              split,
              answers.get(exemplar).id(),
              mem.size() - 1,
              dups,
              other));
    }
    List<AnalysedAnswer> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<ThemeMembership> ms =
          g.memberships().get(i).stream()
              .map(d -> new ThemeMembership(idOf.get(d.theme()), round(d.confidence())))
              .toList();
      out.add(
          new AnalysedAnswer(
              answers.get(i).id(),
              published.get(i),
              sentiments[i],
              ms,
              duplicateGroup[i] >= 0 ? "D" + (duplicateGroup[i] + 1) : null,
              nonAnswer[i],
              language[i]));
    }
    int chosen = (int) themes.stream().filter(th -> !th.other()).count();
    return new ThemeResult(themes, out, chosen, seconds);
  }

  /**
   * The most central answer: closest to the theme centroid (discovery) or most confident
   * (codeframe).
   */
  private static int exemplar(int x, List<Integer> candidates, Grouping g, ThemeSpace space) {
    int best = candidates.get(0);
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i : candidates) {
      double s;
      if (g.centroids() != null && x < g.centroids().length)
        s = space.similarity(i, g.centroids()[x]);
      else
        s =
            g.memberships().get(i).stream()
                .filter(d -> d.theme() == x)
                .mapToDouble(ThemeMembershipDraft::confidence)
                .max()
                .orElse(0);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    return best;
  }

  private static SentimentSplit split(List<Integer> members, Sentiment[] sentiments) {
    int neg = 0, neu = 0, pos = 0;
    for (int i : members) {
      if (sentiments[i] == Sentiment.NEGATIVE) neg++;
      else if (sentiments[i] == Sentiment.NEUTRAL) neu++;
      else if (sentiments[i] == Sentiment.POSITIVE) pos++;
    }
    return new SentimentSplit(neg, neu, pos);
  }

  /**
   * A readable label from the key terms: the best multi-word phrase among the top three when there
   * is one ("Respite transport"), otherwise the top two terms ("Holiday and playscheme").
   */
  static String label(List<String> keyTerms, int number) {
    if (keyTerms.isEmpty()) return "Theme " + number;
    List<String> top = keyTerms.subList(0, Math.min(3, keyTerms.size()));
    String phrase = top.stream().filter(t -> t.contains(" ")).findFirst().orElse(null);
    String label;
    if (phrase != null) {
      label =
          (" " + phrase + " ").contains(" " + top.get(0) + " ") || phrase.equals(top.get(0))
              ? phrase
              : top.get(0) + " and " + phrase;
    } else {
      label = top.size() == 1 ? top.get(0) : top.get(0) + " and " + top.get(1);
    }
    return label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1);
  }

  private static String describe(
      int count, double share, List<String> terms, SentimentSplit s, int dups) {
    StringBuilder d = new StringBuilder();
    d.append(count)
        .append(count == 1 ? " answer" : " answers")
        .append(String.format(Locale.ROOT, " (%.0f%%)", share * 100));
    if (!terms.isEmpty()) {
      d.append(" about ");
      List<String> ts = terms.subList(0, Math.min(3, terms.size()));
      d.append(
          ts.size() == 1
              ? ts.get(0)
              : String.join(", ", ts.subList(0, ts.size() - 1)) + " and " + ts.get(ts.size() - 1));
    }
    int scored = s.negative() + s.neutral() + s.positive();
    if (scored > 0) {
      d.append(
          String.format(
              Locale.ROOT,
              "; %.0f%% negative, %.0f%% neutral, %.0f%% positive",
              100.0 * s.negative() / scored,
              100.0 * s.neutral() / scored,
              100.0 * s.positive() / scored));
    }
    if (dups > 0) d.append("; ").append(dups).append(" near-identical (campaign-style) answers");
    return d.append('.').toString();
  }

  private static String describeLanguages(List<Integer> members, String[] language, double share) {
    Map<String, Long> byLanguage =
        members.stream()
            .collect(
                Collectors.groupingBy(
                    i -> language[i], java.util.TreeMap::new, Collectors.counting()));
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

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }

  private static long lap(Map<String, Double> seconds, String stage, long start) {
    long now = System.nanoTime();
    seconds.merge(stage, (now - start) / 1e9, Double::sum);
    return now;
  }

  private CoreNlpAnnotator annotator(boolean withNames) {
    if (withNames) {
      if (fullAnnotator == null)
        synchronized (this) {
          if (fullAnnotator == null) fullAnnotator = new CoreNlpAnnotator(true);
        }
      return fullAnnotator;
    }
    if (lemmaAnnotator == null)
      synchronized (this) {
        if (lemmaAnnotator == null)
          lemmaAnnotator = fullAnnotator != null ? fullAnnotator : new CoreNlpAnnotator(false);
      }
    return lemmaAnnotator;
  }

  private Redactor redactor() {
    if (redactor == null)
      synchronized (this) {
        if (redactor == null) redactor = new Redactor(annotator(true));
      }
    return redactor;
  }

  private SentimentClassifier sentimentClassifier() {
    if (sentiment == null)
      synchronized (this) {
        if (sentiment == null) sentiment = SentimentClassifier.fromClasspath();
      }
    return sentiment;
  }

  /**
   * Keeps every embedding computed by this engine (keyed by text) for its lifetime: for benchmarks
   * that theme the same labelled set many times. Not for services: it holds answer text in memory.
   */
  public ThemingEngine cachingEmbeddings() {
    embeddingCache = new java.util.concurrent.ConcurrentHashMap<>();
    return this;
  }

  /**
   * The embedder, shared with callers that need embeddings of their own (e.g. sentiment training).
   */
  public SentenceEmbedder embedder() {
    return embedder;
  }

  @Override
  public void close() {
    embedder.close();
  }
}
