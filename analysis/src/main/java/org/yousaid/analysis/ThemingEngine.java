package org.yousaid.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.yousaid.analysis.pipeline.Annotate;
import org.yousaid.analysis.pipeline.AnswerRecord;
import org.yousaid.analysis.pipeline.AssignToCodeframe;
import org.yousaid.analysis.pipeline.BucketOtherLanguages;
import org.yousaid.analysis.pipeline.CheckLanguage;
import org.yousaid.analysis.pipeline.CollectAnswers;
import org.yousaid.analysis.pipeline.DiscoverThemes;
import org.yousaid.analysis.pipeline.Embed;
import org.yousaid.analysis.pipeline.Grouping;
import org.yousaid.analysis.pipeline.LabelThemes;
import org.yousaid.analysis.pipeline.MarkNearDuplicates;
import org.yousaid.analysis.pipeline.Normalise;
import org.yousaid.analysis.pipeline.Redact;
import org.yousaid.analysis.pipeline.Represent;
import org.yousaid.analysis.pipeline.ReuseAnswerWork;
import org.yousaid.analysis.pipeline.ScoreSentiment;
import org.yousaid.analysis.pipeline.StabiliseIds;
import org.yousaid.analysis.pipeline.StageTimer;
import org.yousaid.analysis.pipeline.ThemeDraft;
import org.yousaid.analysis.represent.EmbedderOptions;
import org.yousaid.analysis.represent.SentenceEmbedder;
import org.yousaid.analysis.represent.ThemeSpace;
import org.yousaid.analysis.sentiment.SentimentReading;
import org.yousaid.analysis.work.AnswerWorkStore;

/**
 * Themes one question's answers: normalise, language check, CoreNLP, redaction, embeddings,
 * sentiment, representation, near-duplicates, theme discovery (or codeframe assignment), labels and
 * exemplars, stable ids. Each stage is a class of {@code org.yousaid.analysis.pipeline} over one
 * {@link AnswerRecord} per answer. Create once and reuse: loading the models takes a few seconds;
 * {@link #theme} is thread-safe.
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

  private final Models models = new Models();

  /** Loads the default embedding model now; CoreNLP and the rest load on first use. */
  public ThemingEngine() {
    models.embedder(EmbedderOptions.defaults());
  }

  /**
   * The stages in order; {@link ThemeResult#stageSeconds()} has the wall time of each under the
   * names used since the first benchmarks (the language check counts in "normalise"; ids and the
   * other-languages bucket in "labels").
   */
  public ThemeResult theme(List<Answer> answers, ThemeOptions options) {
    return theme(answers, options, null);
  }

  /**
   * As {@link #theme(List, ThemeOptions)}, with each answer's language, CoreNLP tokens and
   * embedding kept in {@code store} and reused for answers whose text was analysed before: a re-run
   * after a few answers changed analyses only those (stage "reuse" times the store). The store
   * holds one question's answers; null keeps nothing. Not used when embeddings are skipped
   * (embedding weight 0 in a theming-only run).
   */
  public ThemeResult theme(List<Answer> answers, ThemeOptions options, AnswerWorkStore store) {
    StageTimer timer = new StageTimer();
    SentenceEmbedder embedder = models.embedder(options.embedder());
    List<AnswerRecord> records = AnswerRecord.of(answers);
    analysePerAnswer(records, options, store, timer);
    ThemeSpace space =
        timer.time(
            "representation",
            () -> new Represent(embedder.dimension(), options.embeddingWeight()).apply(records));
    timer.run("near-duplicates", () -> new MarkNearDuplicates().apply(records));
    Grouping grouping =
        timer.time(
            "themes",
            () ->
                options.codeframe().isEmpty()
                    ? new DiscoverThemes(options).apply(records, space)
                    : new AssignToCodeframe(options.codeframe(), embedder, options.seed())
                        .apply(records, space));
    timer.run("labels", () -> new BucketOtherLanguages(grouping).apply(records));
    List<ThemeDraft> drafts =
        timer.time("labels", () -> new LabelThemes(grouping, space).apply(records));
    Map<Integer, Theme> themes =
        timer.time(
            "labels",
            () ->
                new StabiliseIds(options.previousThemes(), grouping.fromCodeframe()).apply(drafts));
    List<AnalysedAnswer> analysed =
        timer.time("labels", () -> new CollectAnswers().apply(records, themes));

    List<Theme> top = themes.values().stream().filter(t -> t.parentId() == null).toList();
    List<Theme> sub = themes.values().stream().filter(t -> t.parentId() != null).toList();
    int chosen = (int) top.stream().filter(t -> !t.other()).count();
    return new ThemeResult(new ArrayList<>(top), analysed, chosen, timer.seconds(), sub);
  }

  /**
   * The per-answer stages alone (normalise, language check, CoreNLP, redaction, embedding,
   * sentiment), with no theming: what one shard of a large question needs ({@code
   * org.yousaid.analysis.sharded}). Each answer's kept work goes into {@code store} as in {@link
   * #theme(List, ThemeOptions, AnswerWorkStore)}, so a later theming run reuses it.
   */
  public List<PreparedAnswer> prepare(
      List<Answer> answers, ThemeOptions options, AnswerWorkStore store) {
    List<AnswerRecord> records = AnswerRecord.of(answers);
    analysePerAnswer(records, options, store, new StageTimer());
    return records.stream()
        .map(
            r ->
                new PreparedAnswer(
                    r.answer().id(),
                    r.nonAnswer(),
                    r.language(),
                    r.publishedText(),
                    r.sentiment(),
                    r.embedding()))
        .toList();
  }

  private void analysePerAnswer(
      List<AnswerRecord> records, ThemeOptions options, AnswerWorkStore store, StageTimer timer) {
    boolean publishable = options.publishable();
    SentenceEmbedder embedder = models.embedder(options.embedder());
    Embed embed = embed(embedder, options);
    if (store == null || embed.skipsModel()) {
      analyseEach(records, options, timer);
      timer.run("embeddings", () -> embed.apply(records));
    } else
      new ReuseAnswerWork(
              store,
              options,
              new ReuseAnswerWork.Stages() {
                @Override
                public void analyse(List<AnswerRecord> fresh) {
                  analyseEach(fresh, options, timer);
                }

                @Override
                public void embed(
                    List<AnswerRecord> all,
                    Function<AnswerRecord, SentenceEmbedder.Embedded> kept) {
                  // timed only when the model runs, so that a re-run shows whether it did
                  long start = System.nanoTime();
                  int computed = embed.apply(all, kept);
                  timer.add(
                      computed > 0 ? "embeddings" : "reuse", (System.nanoTime() - start) / 1e9);
                }

                @Override
                public void redact(List<AnswerRecord> reused) {
                  timer.run("redaction", () -> redactor(publishable).apply(reused));
                }
              })
          .apply(records, timer);
    timer.run(
        "sentiment",
        () -> {
          if (publishable)
            new ScoreSentiment(
                    new SentimentReading(
                        models.sentimentClassifier(), SentimentReading.Rules.shipped()),
                    embedder::embed)
                .apply(records);
        });
  }

  /** The per-answer stages up to the embeddings, over every answer given. */
  private void analyseEach(List<AnswerRecord> records, ThemeOptions options, StageTimer timer) {
    boolean publishable = options.publishable();
    timer.run("normalise", () -> new Normalise().apply(records));
    timer.run("normalise", () -> new CheckLanguage(options.languageCheck()).apply(records));
    timer.run("corenlp", () -> new Annotate(models.annotator(publishable)).apply(records));
    timer.run("redaction", () -> redactor(publishable).apply(records));
  }

  private Redact redactor(boolean publishable) {
    return publishable ? Redact.forPublication(models.redactor()) : Redact.themingOnly();
  }

  /** Weight 0 is the TF-IDF-only baseline: then the (expensive) embeddings are skipped. */
  private Embed embed(SentenceEmbedder embedder, ThemeOptions options) {
    return options.embeddingWeight() > 0 || options.publishable()
        ? Embed.with(embedder, models.embeddingCache(options.embedder()))
        : Embed.skipped(embedder);
  }

  /**
   * Keeps every embedding computed by this engine (keyed by text) for its lifetime: for benchmarks
   * that theme the same labelled set many times. Not for services: it holds answer text in memory.
   */
  public ThemingEngine cachingEmbeddings() {
    models.cacheEmbeddings();
    return this;
  }

  /**
   * The default embedder, shared with callers that need embeddings of their own (e.g. sentiment
   * training).
   */
  public SentenceEmbedder embedder() {
    return models.embedder(EmbedderOptions.defaults());
  }

  @Override
  public void close() {
    models.close();
  }
}
