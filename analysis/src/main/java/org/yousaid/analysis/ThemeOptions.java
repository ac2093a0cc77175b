package org.yousaid.analysis;

import java.util.List;
import java.util.function.Consumer;
import org.yousaid.analysis.represent.EmbedderOptions;
import org.yousaid.analysis.theme.AutoKOptions;

/**
 * How to theme one question's answers: every setting of the engine, with the defaults the
 * benchmarks were measured with ({@link #defaults()}). Nothing is read from system properties or
 * the environment, so two runs with equal options on equal answers give equal results.
 *
 * @param fixedK the officer's number of themes, or null to choose it automatically
 * @param maxK upper bound when choosing automatically
 * @param codeframe officer-supplied themes (codeframe mode) or empty for discovery
 * @param previousThemes themes of an earlier run, to keep ids and labels stable
 * @param publishable run NER, redaction and sentiment (false = theming only, e.g. for evaluation)
 * @param seed random seed (k-means); runs are deterministic for a given seed and input
 * @param languageCheck put answers not in English in the "other languages" bucket (false treats
 *     every answer as English, as runs made before the check did)
 * @param embeddingWeight weight of the sentence embedding against lemma TF-IDF in the theme space,
 *     in [0, 1]; 0 is the TF-IDF-only baseline and then skips the embeddings when not publishable
 * @param autoK how the number of themes is chosen when {@code fixedK} is null
 * @param embedder the sentence embedding model and how it runs; the engine keeps one embedder per
 *     distinct value, so a service should leave it at the default
 */
public record ThemeOptions(
    Integer fixedK,
    int maxK,
    List<CodeframeTheme> codeframe,
    List<PreviousTheme> previousThemes,
    boolean publishable,
    long seed,
    boolean languageCheck,
    double embeddingWeight,
    AutoKOptions autoK,
    EmbedderOptions embedder) {
  public ThemeOptions {
    codeframe = codeframe == null ? List.of() : List.copyOf(codeframe);
    previousThemes = previousThemes == null ? List.of() : List.copyOf(previousThemes);
    if (!(embeddingWeight >= 0 && embeddingWeight <= 1))
      throw new IllegalArgumentException("embeddingWeight must be in [0, 1]: " + embeddingWeight);
    if (autoK == null) throw new IllegalArgumentException("autoK is required");
    if (embedder == null) throw new IllegalArgumentException("embedder is required");
  }

  /** The options of a theming run, with the engine settings at their defaults. */
  public ThemeOptions(
      Integer fixedK,
      int maxK,
      List<CodeframeTheme> codeframe,
      List<PreviousTheme> previousThemes,
      boolean publishable,
      long seed) {
    this(
        fixedK,
        maxK,
        codeframe,
        previousThemes,
        publishable,
        seed,
        true,
        ThemingEngine.DEFAULT_EMBEDDING_WEIGHT,
        AutoKOptions.defaults(),
        EmbedderOptions.defaults());
  }

  public static ThemeOptions defaults() {
    return new ThemeOptions(null, 30, List.of(), List.of(), true, 42L);
  }

  public ThemeOptions withK(Integer k) {
    return edit(b -> b.fixedK = k);
  }

  public ThemeOptions withMaxK(int max) {
    return edit(b -> b.maxK = max);
  }

  public ThemeOptions withCodeframe(List<CodeframeTheme> themes) {
    return edit(b -> b.codeframe = themes);
  }

  public ThemeOptions withPreviousThemes(List<PreviousTheme> themes) {
    return edit(b -> b.previousThemes = themes);
  }

  public ThemeOptions withSeed(long newSeed) {
    return edit(b -> b.seed = newSeed);
  }

  /** Theming only: no NER, redaction or sentiment (for evaluation on labelled sets). */
  public ThemeOptions themingOnly() {
    return edit(b -> b.publishable = false);
  }

  public ThemeOptions withLanguageCheck(boolean on) {
    return edit(b -> b.languageCheck = on);
  }

  public ThemeOptions withEmbeddingWeight(double weight) {
    return edit(b -> b.embeddingWeight = weight);
  }

  public ThemeOptions withAutoK(AutoKOptions settings) {
    return edit(b -> b.autoK = settings);
  }

  public ThemeOptions withEmbedder(EmbedderOptions settings) {
    return edit(b -> b.embedder = settings);
  }

  private ThemeOptions edit(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** A mutable copy, so that each wither names only the field it changes. */
  private static final class Copy {
    Integer fixedK;
    int maxK;
    List<CodeframeTheme> codeframe;
    List<PreviousTheme> previousThemes;
    boolean publishable;
    long seed;
    boolean languageCheck;
    double embeddingWeight;
    AutoKOptions autoK;
    EmbedderOptions embedder;

    Copy(ThemeOptions o) {
      fixedK = o.fixedK;
      maxK = o.maxK;
      codeframe = o.codeframe;
      previousThemes = o.previousThemes;
      publishable = o.publishable;
      seed = o.seed;
      languageCheck = o.languageCheck;
      embeddingWeight = o.embeddingWeight;
      autoK = o.autoK;
      embedder = o.embedder;
    }

    ThemeOptions build() {
      return new ThemeOptions(
          fixedK,
          maxK,
          codeframe,
          previousThemes,
          publishable,
          seed,
          languageCheck,
          embeddingWeight,
          autoK,
          embedder);
    }
  }
}
