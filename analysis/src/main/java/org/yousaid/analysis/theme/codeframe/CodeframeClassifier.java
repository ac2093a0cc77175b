package org.yousaid.analysis.theme.codeframe;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.yousaid.analysis.CodeframeTheme;
import org.yousaid.analysis.represent.Vectors;
import org.yousaid.analysis.sentiment.SoftmaxRegression;

/**
 * Codeframe mode: assigns a consultation's answers to officer-supplied codes, several per answer
 * where the answer raises several points, with a confidence per code.
 *
 * <ul>
 *   <li>Each code is described to the embedding model as a search query (BGE's query instruction +
 *       label + description); answers are embedded as passages.
 *   <li>Without examples (zero-shot): probability = softmax of the similarity to each code, times
 *       the words of the codes' labels and descriptions ({@link LexicalCodeModel}, {@link
 *       Settings#zeroShotLexicalWeight}).
 *   <li>With examples (officers' corrections, another consultation's themes): a regularised softmax
 *       regression trained on the examples and the code descriptions, every code weighted equally.
 *   <li>With examples, also the words of the examples ({@link LexicalCodeModel}: TF-IDF of words
 *       and character n-grams), for misspellings, local names and one-word answers the embedding
 *       blurs; the three are multiplied (product of experts, {@link Settings#lexicalWeight}).
 *   <li>Transductive: both are trained as if codes were equally common; the consultation's own
 *       answers re-estimate how common each code is ({@link PriorAdaptation}) and the probabilities
 *       are adjusted to it. This is the main gain on real coded feedback, where a few codes hold
 *       most answers. EM runs on probabilities calibrated on held-out predictions of the examples
 *       ({@link HeldOutCalibration}), so a code the classifier over-predicts does not get a share
 *       it does not have.
 *   <li>Multi-label: the best code, every code with at least {@link Settings#secondRatio} of its
 *       probability, and the best code of each sentence of a multi-sentence answer when that
 *       sentence is confidently about it.
 *   <li>Fits no code: an answer far from every code description compared with this consultation's
 *       other answers and with no clear best code gets no code ({@link #noFit}), so the caller can
 *       propose new themes from such answers.
 * </ul>
 *
 * Confidence is the adjusted probability of the code (for a sentence-level code, the sentence's).
 * Measured in docs/benchmarks.md (codeframe); what did not work is in analysis/NOTES.md.
 */
public final class CodeframeClassifier {
  /** The instruction BGE-en-v1.5 was trained with for short queries that retrieve passages. */
  public static final String QUERY_INSTRUCTION =
      "Represent this sentence for searching relevant passages: ";

  /** Answers needed before "far from every code" is judged against this consultation's answers. */
  static final int MIN_ANSWERS_FOR_ADAPTATION = 20;

  /**
   * Code shares are re-estimated only with examples and at least this many answers per code:
   * zero-shot similarities are not probabilities, and EM on them hurt (pxt dev 44 codes 0.302 →
   * 0.285; SEND 89 answers / 24 codes 0.70 → 0.56).
   */
  static final int MIN_ANSWERS_PER_CODE_FOR_ADAPTATION = 10;

  /** See {@link #noFit}: an answer with a clear best code is never left without one. */
  static final double NO_FIT_MAX_PROBABILITY = 0.5;

  /**
   * Tunables; {@link #DEFAULTS} were chosen on the development half of the NHS patient-feedback set
   * only.
   */
  public record Settings(
      double temperature,
      double featureScale,
      double l2,
      int epochs,
      boolean adaptPriors,
      double secondRatio,
      boolean sentences,
      double sentenceMinimum,
      double noFitDeviations,
      double zeroShotWeight,
      double neighbourWeight,
      double newTopicAlpha,
      References references,
      double exampleNeighboursWeight,
      double lexicalWeight,
      double lexicalScale,
      int calibrationFolds,
      double calibrationBiasL2,
      double zeroShotLexicalWeight) {
    public static final Settings DEFAULTS =
        new Settings(
            0.02,
            10,
            1e-4,
            200,
            true,
            0.8,
            true,
            0.8,
            1.5,
            0.3,
            0.3,
            0.01,
            References.FULL,
            0,
            0.4,
            5,
            5,
            3e-3,
            0.5);

    /**
     * A builder starting from these settings, to change a few (the benchmarks compare variants).
     */
    public Builder toBuilder() {
      return new Builder(this);
    }

    /** Settings with some values changed: {@code DEFAULTS.toBuilder().lexicalWeight(0).build()}. */
    public static final class Builder {
      private double temperature;
      private double featureScale;
      private double l2;
      private int epochs;
      private boolean adaptPriors;
      private double secondRatio;
      private boolean sentences;
      private double sentenceMinimum;
      private double noFitDeviations;
      private double zeroShotWeight;
      private double neighbourWeight;
      private double newTopicAlpha;
      private References references;
      private double exampleNeighboursWeight;
      private double lexicalWeight;
      private double lexicalScale;
      private int calibrationFolds;
      private double calibrationBiasL2;
      private double zeroShotLexicalWeight;

      private Builder(Settings from) {
        temperature = from.temperature;
        featureScale = from.featureScale;
        l2 = from.l2;
        epochs = from.epochs;
        adaptPriors = from.adaptPriors;
        secondRatio = from.secondRatio;
        sentences = from.sentences;
        sentenceMinimum = from.sentenceMinimum;
        noFitDeviations = from.noFitDeviations;
        zeroShotWeight = from.zeroShotWeight;
        neighbourWeight = from.neighbourWeight;
        newTopicAlpha = from.newTopicAlpha;
        references = from.references;
        exampleNeighboursWeight = from.exampleNeighboursWeight;
        lexicalWeight = from.lexicalWeight;
        lexicalScale = from.lexicalScale;
        calibrationFolds = from.calibrationFolds;
        calibrationBiasL2 = from.calibrationBiasL2;
        zeroShotLexicalWeight = from.zeroShotLexicalWeight;
      }

      public Builder temperature(double value) {
        temperature = value;
        return this;
      }

      public Builder featureScale(double value) {
        featureScale = value;
        return this;
      }

      public Builder l2(double value) {
        l2 = value;
        return this;
      }

      public Builder epochs(int value) {
        epochs = value;
        return this;
      }

      public Builder adaptPriors(boolean value) {
        adaptPriors = value;
        return this;
      }

      public Builder secondRatio(double value) {
        secondRatio = value;
        return this;
      }

      public Builder sentences(boolean value) {
        sentences = value;
        return this;
      }

      public Builder sentenceMinimum(double value) {
        sentenceMinimum = value;
        return this;
      }

      public Builder noFitDeviations(double value) {
        noFitDeviations = value;
        return this;
      }

      public Builder zeroShotWeight(double value) {
        zeroShotWeight = value;
        return this;
      }

      public Builder neighbourWeight(double value) {
        neighbourWeight = value;
        return this;
      }

      public Builder newTopicAlpha(double value) {
        newTopicAlpha = value;
        return this;
      }

      public Builder references(References value) {
        references = value;
        return this;
      }

      public Builder exampleNeighboursWeight(double value) {
        exampleNeighboursWeight = value;
        return this;
      }

      public Builder lexicalWeight(double value) {
        lexicalWeight = value;
        return this;
      }

      public Builder lexicalScale(double value) {
        lexicalScale = value;
        return this;
      }

      public Builder calibrationFolds(int value) {
        calibrationFolds = value;
        return this;
      }

      public Builder calibrationBiasL2(double value) {
        calibrationBiasL2 = value;
        return this;
      }

      public Builder zeroShotLexicalWeight(double value) {
        zeroShotLexicalWeight = value;
        return this;
      }

      public Settings build() {
        return new Settings(
            temperature,
            featureScale,
            l2,
            epochs,
            adaptPriors,
            secondRatio,
            sentences,
            sentenceMinimum,
            noFitDeviations,
            zeroShotWeight,
            neighbourWeight,
            newTopicAlpha,
            references,
            exampleNeighboursWeight,
            lexicalWeight,
            lexicalScale,
            calibrationFolds,
            calibrationBiasL2,
            zeroShotLexicalWeight);
      }
    }
  }

  /** What a code's reference embedding is made of. */
  public enum References {
    /** "label. description" */
    FULL,
    /** the label alone */
    NAMES,
    /** the mean of both (a description that misleads weighs half) */
    BOTH
  }

  /** One code for one answer; {@code code} indexes the codeframe. */
  public record Assignment(int code, double confidence) {}

  /**
   * Codes per answer, best first (empty: fits no code), and the estimated share of answers in each
   * code.
   */
  public record Result(List<List<Assignment>> assignments, double[] estimatedShares) {
    public boolean fitsNoCode(int answer) {
      return assignments.get(answer).isEmpty();
    }
  }

  private final int k;
  private final Settings settings;
  private final Function<List<String>, float[][]> embedder;
  private final float[][] references; // [code] query-style embedding of label + description
  private final float[][] examples;
  private final List<String> exampleTexts;
  private final int[] examplesPerCode;
  private final int[] exampleCodes;
  private final List<String> codeNames;
  private final List<String> codeTexts; // "label. description"
  private final SoftmaxRegression model; // null: zero-shot

  /**
   * @param embedder the engine's sentence embedder (L2-normalised vectors), e.g. {@code
   *     SentenceEmbedder::embed}
   */
  public CodeframeClassifier(
      List<CodeframeTheme> codes, Function<List<String>, float[][]> embedder, Settings settings) {
    if (codes.isEmpty()) throw new IllegalArgumentException("No codes");
    this.k = codes.size();
    this.settings = settings;
    this.embedder = embedder;
    references = references(codes, embedder, settings.references());
    List<String> exampleTexts = new ArrayList<>();
    List<Integer> exampleCodes = new ArrayList<>();
    for (int c = 0; c < k; c++)
      for (String e : codes.get(c).examples()) {
        exampleTexts.add(e);
        exampleCodes.add(c);
      }
    examples = exampleTexts.isEmpty() ? new float[0][] : embedder.apply(exampleTexts);
    this.exampleTexts = List.copyOf(exampleTexts);
    examplesPerCode = new int[k];
    for (int c : exampleCodes) examplesPerCode[c]++;
    this.exampleCodes = exampleCodes.stream().mapToInt(Integer::intValue).toArray();
    codeNames = codes.stream().map(c -> c.name().strip()).toList();
    codeTexts = codes.stream().map(CodeframeClassifier::describe).toList();
    model = examples.length == 0 ? null : train(examples, this.exampleCodes);
  }

  public CodeframeClassifier(
      List<CodeframeTheme> codes, Function<List<String>, float[][]> embedder) {
    this(codes, embedder, Settings.DEFAULTS);
  }

  private static float[][] references(
      List<CodeframeTheme> codes, Function<List<String>, float[][]> embedder, References mode) {
    List<String> full = new ArrayList<>(), names = new ArrayList<>();
    for (CodeframeTheme c : codes) {
      full.add(QUERY_INSTRUCTION + describe(c));
      names.add(QUERY_INSTRUCTION + c.name().strip());
    }
    return switch (mode) {
      case FULL -> embedder.apply(full);
      case NAMES -> embedder.apply(names);
      case BOTH -> {
        float[][] f = embedder.apply(full), n = embedder.apply(names);
        float[][] out = new float[f.length][];
        for (int c = 0; c < f.length; c++)
          out[c] = Vectors.normalise(Vectors.mean(new float[][] {f[c], n[c]}));
        yield out;
      }
    };
  }

  private static String describe(CodeframeTheme c) {
    String name = c.name().strip();
    String d = c.description().strip();
    if (d.isEmpty()) return name;
    return name.endsWith(".") ? name + " " + d : name + ". " + d;
  }

  /**
   * Examples and the code descriptions, each code weighted equally however many examples it has.
   */
  private SoftmaxRegression train(float[][] exampleEmbeddings, int[] codes) {
    int m = exampleEmbeddings.length;
    int n = m + k;
    float[][] x = new float[n][];
    int[] y = new int[n];
    int[] count = new int[k];
    for (int i = 0; i < m; i++) {
      x[i] = scaled(exampleEmbeddings[i]);
      y[i] = codes[i];
    }
    for (int c = 0; c < k; c++) {
      x[m + c] = scaled(references[c]);
      y[m + c] = c;
    }
    for (int c : y) count[c]++;
    double[] classWeights = new double[k];
    for (int c = 0; c < k; c++) classWeights[c] = 1.0 / count[c];
    return SoftmaxRegression.train(x, y, k, settings.l2(), settings.epochs(), classWeights);
  }

  private float[] scaled(float[] v) {
    float[] s = new float[v.length];
    for (int i = 0; i < v.length; i++) s[i] = (float) (v[i] * settings.featureScale());
    return s;
  }

  /** Probabilities as trained: every code equally likely a priori. */
  double[] probabilities(float[] embedding) {
    return probabilities(embedding, null);
  }

  /**
   * @param lexical the lexical channel's probabilities for the same text, or null
   */
  private double[] probabilities(float[] embedding, double[] lexical) {
    return probabilities(model, embedding, lexical);
  }

  private double[] probabilities(SoftmaxRegression model, float[] embedding, double[] lexical) {
    if (model == null) return zeroShot(embedding, lexical);
    double[] p = model.probabilities(scaled(embedding));
    double w = settings.zeroShotWeight();
    double v = settings.exampleNeighboursWeight();
    double lw = lexical == null ? 0 : settings.lexicalWeight();
    if (w <= 0 && v <= 0 && lw <= 0) return p;
    // product of experts: codes without examples (or with few) still follow their description;
    // the words of the examples catch what the embedding blurs (misspellings, one-word answers)
    double[] z = zeroShot(embedding);
    double[] near = v > 0 ? exampleNeighbours(embedding) : null;
    double sum = 0;
    for (int c = 0; c < k; c++) {
      p[c] = Math.pow(p[c], 1 - w - v) * Math.pow(z[c], w);
      if (near != null) p[c] *= Math.pow(near[c], v);
      if (lw > 0) p[c] = Math.pow(p[c], 1 - lw) * Math.pow(lexical[c], lw);
      sum += p[c];
    }
    for (int c = 0; c < k; c++) p[c] /= sum;
    return p;
  }

  /** Document frequencies for the lexical channel: this run's answers and the examples. */
  private Map<String, Double> inverseDocumentFrequencies(List<String> texts) {
    List<String> corpus = new ArrayList<>(texts);
    corpus.addAll(exampleTexts);
    return LexicalCodeModel.inverseDocumentFrequencies(corpus);
  }

  private int[] allExamples() {
    int[] all = new int[exampleCodes.length];
    for (int i = 0; i < all.length; i++) all[i] = i;
    return all;
  }

  /**
   * The lexical channel trained on some of the examples (indices) and each code's own text (its
   * label; without examples, label and description), every code weighted equally as in {@link
   * #train}.
   */
  private LexicalCodeModel lexicalModel(
      Map<String, Double> idf, int[] which, List<String> ownTexts) {
    List<String> training = new ArrayList<>();
    int[] y = new int[which.length + k];
    int[] count = new int[k];
    for (int j = 0; j < which.length; j++) {
      training.add(exampleTexts.get(which[j]));
      y[j] = exampleCodes[which[j]];
      count[y[j]]++;
    }
    training.addAll(ownTexts);
    for (int c = 0; c < k; c++) y[which.length + c] = c;
    double[] classWeights = new double[k];
    for (int c = 0; c < k; c++) classWeights[c] = 1.0 / (count[c] + 1);
    return LexicalCodeModel.train(
        idf, training, y, k, classWeights, settings.lexicalScale(), settings.l2());
  }

  /**
   * Calibration for EM ({@link HeldOutCalibration}): each example is predicted by a classifier
   * (embedding, descriptions and words, as {@link #probabilities}) trained on the other folds of
   * the examples, the j-th example of each code in fold j mod {@link Settings#calibrationFolds}.
   *
   * @param idf this run's document frequencies, or null without the lexical channel
   */
  private HeldOutCalibration heldOutCalibration(Map<String, Double> idf) {
    int folds = settings.calibrationFolds();
    int n = examples.length;
    if (folds < 2 || n == 0) return HeldOutCalibration.identity(k);
    int[] fold = new int[n];
    int[] seen = new int[k];
    for (int i = 0; i < n; i++) fold[i] = seen[exampleCodes[i]]++ % folds;
    double[][] heldOut = new double[n][];
    // folds are independent and each writes only its own examples' rows: fit them in parallel
    // (5 fits of both models cost ~10-20 CPU-seconds for 44 codes x 10 examples)
    java.util.stream.IntStream.range(0, folds)
        .parallel()
        .forEach(
            f -> {
              List<Integer> in = new ArrayList<>(), out = new ArrayList<>();
              for (int i = 0; i < n; i++) (fold[i] == f ? out : in).add(i);
              if (out.isEmpty()) return;
              int[] which = in.stream().mapToInt(Integer::intValue).toArray();
              float[][] x = new float[which.length][];
              int[] y = new int[which.length];
              for (int j = 0; j < which.length; j++) {
                x[j] = examples[which[j]];
                y[j] = exampleCodes[which[j]];
              }
              SoftmaxRegression foldModel = train(x, y);
              LexicalCodeModel foldLexical =
                  idf == null ? null : lexicalModel(idf, which, codeNames);
              for (int i : out)
                heldOut[i] =
                    probabilities(
                        foldModel,
                        examples[i],
                        foldLexical == null
                            ? null
                            : foldLexical.probabilities(exampleTexts.get(i)));
            });
    return HeldOutCalibration.fit(heldOut, exampleCodes, k, settings.calibrationBiasL2());
  }

  /**
   * kNN over the examples: softmax over codes of the mean similarity to each code's nearest {@link
   * #EXAMPLE_NEIGHBOURS} examples (a code's spread of examples, which one prototype loses).
   */
  private double[] exampleNeighbours(float[] embedding) {
    double[] score = new double[k];
    int from = 0;
    for (int c = 0; c < k; c++) {
      int m = examplesPerCode[c];
      double[] sims = new double[m];
      for (int e = 0; e < m; e++) sims[e] = Vectors.dot(embedding, examples[from + e]);
      from += m;
      Arrays.sort(sims);
      int top = Math.min(EXAMPLE_NEIGHBOURS, m);
      double sum = 0;
      for (int e = 0; e < top; e++) sum += sims[m - 1 - e];
      score[c] = top == 0 ? Vectors.dot(embedding, references[c]) : sum / top;
    }
    double max = Arrays.stream(score).max().orElse(0), total = 0;
    for (int c = 0; c < k; c++)
      total += score[c] = Math.exp((score[c] - max) / settings.temperature());
    for (int c = 0; c < k; c++) score[c] /= total;
    return score;
  }

  static final int EXAMPLE_NEIGHBOURS = 3;

  /**
   * Zero-shot with the words of the codes: the similarity to each code's description, times ({@link
   * Settings#zeroShotLexicalWeight}) the lexical channel trained on the codes' own label and
   * description. Why: a short answer that uses or misspells a code's own words ("CAHMS", "tribunel
   * again", "exclusons") is not always nearest to that code's description in the embedding, which
   * blurs short answers; on pxt dev +0.024 (44 codes) and +0.010 (9 codes) micro F1, held out
   * +0.022 and +0.007. A word in no code's text is not helped.
   */
  private double[] zeroShot(float[] embedding, double[] lexical) {
    double[] z = zeroShot(embedding);
    if (lexical == null) return z;
    double w = settings.zeroShotLexicalWeight(), sum = 0;
    for (int c = 0; c < k; c++) sum += z[c] = Math.pow(z[c], 1 - w) * Math.pow(lexical[c], w);
    for (int c = 0; c < k; c++) z[c] /= sum;
    return z;
  }

  /** The lexical channel without examples: each code's "label. description" is its one text. */
  private LexicalCodeModel zeroShotLexicalModel(List<String> texts) {
    List<String> corpus = new ArrayList<>(texts);
    corpus.addAll(codeTexts);
    return lexicalModel(LexicalCodeModel.inverseDocumentFrequencies(corpus), new int[0], codeTexts);
  }

  private double[] zeroShot(float[] embedding) {
    double[] p = new double[k];
    double max = Double.NEGATIVE_INFINITY, sum = 0;
    for (int c = 0; c < k; c++) max = Math.max(max, p[c] = Vectors.dot(embedding, references[c]));
    for (int c = 0; c < k; c++) sum += p[c] = Math.exp((p[c] - max) / settings.temperature());
    for (int c = 0; c < k; c++) p[c] /= sum;
    return p;
  }

  /**
   * Codes for every answer of one question. Uses the whole set (code shares, what "far from every
   * code" means here), so pass all answers at once.
   *
   * @param texts the answers as embedded (redacted)
   * @param embeddings their embeddings from the same embedder
   */
  public Result classify(List<String> texts, float[][] embeddings) {
    int n = embeddings.length;
    double[] uniform = new double[k];
    Arrays.fill(uniform, 1.0 / k);
    Map<String, Double> idf =
        model == null || settings.lexicalWeight() <= 0 ? null : inverseDocumentFrequencies(texts);
    LexicalCodeModel lexical =
        idf != null
            ? lexicalModel(idf, allExamples(), codeNames)
            : model == null && settings.zeroShotLexicalWeight() > 0
                ? zeroShotLexicalModel(texts)
                : null;
    boolean adapt =
        settings.adaptPriors() && model != null && n >= MIN_ANSWERS_PER_CODE_FOR_ADAPTATION * k;
    double[][] raw = new double[n][];
    for (int i = 0; i < n; i++)
      raw[i] =
          probabilities(
              embeddings[i], lexical == null ? null : lexical.probabilities(texts.get(i)));
    double[][] post = raw;
    if (adapt) {
      // shares by EM on calibrated probabilities; the answers keep the classifier's own
      // probabilities, reweighted to those shares (on pxt dev as good as or better than the
      // calibrated posteriors, and second codes keep the ratios they were tuned on)
      HeldOutCalibration calibration = heldOutCalibration(idf);
      double[][] calibrated = new double[n][];
      for (int i = 0; i < n; i++) calibrated[i] = calibration.apply(raw[i]);
      double[] estimated = PriorAdaptation.priors(PriorAdaptation.adapt(calibrated, uniform), k);
      post = new double[n][];
      for (int i = 0; i < n; i++) post[i] = PriorAdaptation.reweight(raw[i], uniform, estimated);
    }
    if (settings.neighbourWeight() > 0 && n >= MIN_ANSWERS_FOR_ADAPTATION)
      post = smoothOverNeighbours(post, embeddings, settings.neighbourWeight());
    double[] shares = PriorAdaptation.priors(post, k);
    boolean[] noFit = noFit(embeddings);
    boolean[] newTopic = newTopic(texts, embeddings, post, shares);
    for (int i = 0; i < n; i++) noFit[i] |= newTopic[i];

    List<List<Integer>> sentenceOwner = new ArrayList<>();
    List<String> sentences = new ArrayList<>();
    if (settings.sentences()) {
      for (int i = 0; i < n; i++) {
        List<String> s = noFit[i] ? List.of() : sentences(texts.get(i));
        List<Integer> own = new ArrayList<>();
        if (s.size() > 1)
          for (String x : s) {
            own.add(sentences.size());
            sentences.add(x);
          }
        sentenceOwner.add(own);
      }
    }
    float[][] sentenceEmbeddings = sentences.isEmpty() ? new float[0][] : embedder.apply(sentences);

    List<List<Assignment>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (noFit[i]) {
        out.add(List.of());
        continue;
      }
      double[] p = post[i];
      int best = argmax(p);
      double[] conf = new double[k];
      conf[best] = p[best];
      for (int c = 0; c < k; c++)
        if (c != best && p[c] >= settings.secondRatio() * p[best]) conf[c] = p[c];
      if (settings.sentences())
        for (int s : sentenceOwner.get(i)) {
          double[] sp =
              probabilities(
                  sentenceEmbeddings[s],
                  lexical == null ? null : lexical.probabilities(sentences.get(s)));
          if (adapt) sp = PriorAdaptation.reweight(sp, uniform, shares);
          int sb = argmax(sp);
          if (sp[sb] >= settings.sentenceMinimum()) conf[sb] = Math.max(conf[sb], sp[sb]);
        }
      List<Assignment> as = new ArrayList<>();
      for (int c = 0; c < k; c++) if (conf[c] > 0) as.add(new Assignment(c, conf[c]));
      as.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
      out.add(List.copyOf(as));
    }
    return new Result(out, shares);
  }

  /**
   * Answers that fit no code. z = robust z-score of the answer's best description similarity in
   * this set (median, 1.4826 × MAD); an answer fits no code when z is below −d ({@link
   * Settings#noFitDeviations}) and it has no clear best code (zero-shot probability of the best
   * code below {@link #NO_FIT_MAX_PROBABILITY}) and it is also far from what the rest of the
   * consultation wrote (robust z of its mean similarity to its nearest answers below −d). Each test
   * alone flagged parents' answers written far from a code's description ("Nobody asked my son what
   * he wants for his future" is far from every SEND description, yet as close to the other answers
   * as the median answer; a recipe is far from both). Examples are not used here because
   * passage-to-passage similarities are on another scale than query-to-passage ones.
   */
  private boolean[] noFit(float[][] embeddings) {
    int n = embeddings.length;
    boolean[] out = new boolean[n];
    if (n < MIN_ANSWERS_FOR_ADAPTATION || settings.noFitDeviations() <= 0) return out;
    double[] nearest = new double[n];
    double[] clarity = new double[n];
    for (int i = 0; i < n; i++) {
      double[] sims = new double[k];
      double best = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++)
        best = Math.max(best, sims[c] = Vectors.dot(embeddings[i], references[c]));
      double sum = 0;
      for (double s : sims) sum += Math.exp((s - best) / settings.temperature());
      nearest[i] = best;
      clarity[i] = 1 / sum;
    }
    double[] zCode = robustZ(nearest);
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < n; i++)
      if (zCode[i] < -settings.noFitDeviations() && clarity[i] < NO_FIT_MAX_PROBABILITY)
        candidates.add(i);
    if (candidates.isEmpty()) return out;
    // how close each candidate is to what the others wrote, against the same for a sample
    int[] pool = evenSample(n, NEIGHBOUR_POOL);
    int[] reference = evenSample(n, NEIGHBOUR_REFERENCE);
    double[] typical = new double[reference.length];
    for (int r = 0; r < reference.length; r++)
      typical[r] = neighbourhood(embeddings, reference[r], pool);
    double median = median(typical.clone());
    double[] dev = new double[typical.length];
    for (int r = 0; r < typical.length; r++) dev[r] = Math.abs(typical[r] - median);
    double mad = 1.4826 * median(dev);
    for (int i : candidates) {
      double z = mad == 0 ? 0 : (neighbourhood(embeddings, i, pool) - median) / mad;
      out[i] = z < -settings.noFitDeviations();
    }
    return out;
  }

  /**
   * Answers about a topic the examples do not cover: this run's answers that are nearer to one
   * another than to any example, more often than the size of their code explains. For an answer
   * that is not itself an example, count the other non-example answers (distinct texts) nearer to
   * it than its nearest example. If answers and examples were drawn alike, that count would be
   * geometric with ratio r = e / (e + 1), e = the answers expected per example of the answer's code
   * (estimated share × answers / examples of the code); the answer is flagged when the count
   * reaches the level such a draw passes with probability {@link Settings#newTopicAlpha} (and at
   * least {@link #NEW_TOPIC_MIN_OTHERS}). Examples cover the officer's themes, so five answers
   * about transport to school sit closer to one another than to any example, while an answer about
   * a big code with few examples (many similar answers, one example each ten) does not count as
   * new. The similarity to a code's examples alone does not separate them: with the small model, a
   * new topic's answers are as near the nearest example (0.53-0.69) as an officer's examples are to
   * one another (0.57-0.80).
   */
  private boolean[] newTopic(
      List<String> texts, float[][] embeddings, double[][] post, double[] shares) {
    int n = embeddings.length;
    boolean[] out = new boolean[n];
    if (examples.length == 0 || settings.newTopicAlpha() <= 0) return out;
    java.util.Set<String> exampleSet = new java.util.HashSet<>(exampleTexts);
    java.util.Map<String, Integer> first = new java.util.LinkedHashMap<>();
    for (int i = 0; i < n; i++)
      if (!exampleSet.contains(texts.get(i))) first.putIfAbsent(texts.get(i), i);
    int[] candidates = first.values().stream().mapToInt(Integer::intValue).toArray();
    if (candidates.length <= NEW_TOPIC_MIN_OTHERS) return out;
    int[] pool = candidates;
    if (candidates.length > SMOOTHING_POOL) {
      int[] s = evenSample(candidates.length, SMOOTHING_POOL);
      pool = new int[s.length];
      for (int t = 0; t < s.length; t++) pool[t] = candidates[s[t]];
    }
    // Centred on this run's mean answer: what every answer shares (a school, a child) would
    // otherwise make answers about a new topic as near an example as to one another.
    float[] mean = Vectors.mean(embeddings);
    float[][] x = new float[n][];
    for (int i : candidates) x[i] = centred(embeddings[i], mean);
    float[][] ex = new float[examples.length][];
    for (int e = 0; e < examples.length; e++) ex[e] = centred(examples[e], mean);
    double logAlpha = Math.log(settings.newTopicAlpha());
    boolean[] flagged = new boolean[n];
    java.util.Map<Integer, Double> nearestExamples = new java.util.HashMap<>();
    java.util.Map<Integer, Integer> nearerCounts = new java.util.HashMap<>();
    java.util.Map<Integer, Integer> weakNeeded = new java.util.HashMap<>();
    for (int i : candidates) {
      double nearestExample = Double.NEGATIVE_INFINITY;
      int exampleCode = 0;
      for (int e = 0; e < examples.length; e++) {
        double sim = Vectors.dot(x[i], ex[e]);
        if (sim > nearestExample) {
          nearestExample = sim;
          exampleCode = exampleCodeOf(e);
        }
      }
      double perExample = 0;
      for (int c : new int[] {argmax(post[i]), exampleCode})
        if (examplesPerCode[c] > 0)
          perExample = Math.max(perExample, shares[c] * pool.length / examplesPerCode[c]);
      double r = perExample / (perExample + 1);
      int needed = needed(r, logAlpha), weak = needed(r, logAlpha / 2);
      if (weak >= pool.length) continue;
      int nearer = 0;
      for (int j : pool)
        if (j != i && Vectors.dot(x[i], x[j]) > nearestExample && ++nearer >= needed) break;
      flagged[i] = nearer >= needed;
      nearestExamples.put(i, nearestExample);
      nearerCounts.put(i, nearer);
      weakNeeded.put(i, weak);
    }
    // One round of growth: an answer nearer to at least two flagged answers than to any example,
    // that passes the same test at the weaker level √alpha, is about their topic too (the
    // loosest-worded of five answers about changing places toilets). Without the second condition,
    // one flagged answer in a big code's crowded region recruited its crowd (pxt dev, 9 codes:
    // 14.6% of answers left without a code).
    List<Integer> seeds = new ArrayList<>();
    for (int i : candidates) if (flagged[i]) seeds.add(i);
    if (seeds.size() > NEW_TOPIC_MIN_OTHERS)
      for (int i : candidates) {
        if (flagged[i] || !nearestExamples.containsKey(i)) continue;
        int nearSeeds = 0;
        for (int j : seeds) if (Vectors.dot(x[i], x[j]) > nearestExamples.get(i)) nearSeeds++;
        flagged[i] = nearSeeds >= NEW_TOPIC_MIN_OTHERS && nearerCounts.get(i) >= weakNeeded.get(i);
      }
    for (int i = 0; i < n; i++) {
      Integer f = first.get(texts.get(i));
      out[i] = f != null && flagged[f];
    }
    return out;
  }

  /** The fewest nearer answers that a draw like the examples reaches with probability e^logP. */
  private static int needed(double r, double logP) {
    return Math.max(NEW_TOPIC_MIN_OTHERS, r <= 0 ? 0 : (int) Math.ceil(logP / Math.log(r)));
  }

  private static float[] centred(float[] v, float[] mean) {
    float[] c = new float[v.length];
    for (int d = 0; d < v.length; d++) c[d] = v[d] - mean[d];
    return Vectors.normalise(c);
  }

  /** At least this many other answers nearer than any example before an answer is a new topic. */
  static final int NEW_TOPIC_MIN_OTHERS = 2;

  private int exampleCodeOf(int example) {
    int c = 0;
    for (int seen = examplesPerCode[0]; example >= seen; seen += examplesPerCode[++c]) {}
    return c;
  }

  /**
   * Each answer's codes moved towards those of the answers written most like it (the consultation's
   * own answers as unlabelled evidence): p' = (1 − w) p + w × similarity-weighted mean of its
   * nearest {@link #NEIGHBOURS} answers' p.
   */
  static double[][] smoothOverNeighbours(double[][] p, float[][] embeddings, double w) {
    int n = p.length;
    int[] pool = evenSample(n, SMOOTHING_POOL);
    double[][] out = new double[n][];
    for (int i = 0; i < n; i++) {
      Neighbours near = nearest(embeddings, i, pool);
      double[] q = new double[p[i].length];
      double total = 0;
      for (int t = 0; t < near.answers().length; t++) {
        double weight = Math.max(0, near.similarities()[t]);
        total += weight;
        double[] pj = p[near.answers()[t]];
        for (int c = 0; c < q.length; c++) q[c] += weight * pj[c];
      }
      out[i] = new double[p[i].length];
      for (int c = 0; c < q.length; c++)
        out[i][c] = total == 0 ? p[i][c] : (1 - w) * p[i][c] + w * q[c] / total;
    }
    return out;
  }

  static final int SMOOTHING_POOL = 2000;

  /** Answers compared for the neighbourhood test: enough for a stable estimate, cheap at 10,000. */
  static final int NEIGHBOUR_POOL = 1000;

  static final int NEIGHBOUR_REFERENCE = 300;

  static final int NEIGHBOURS = 10;

  /** Mean similarity of answer i to its nearest {@link #NEIGHBOURS} answers of the pool. */
  private static double neighbourhood(float[][] embeddings, int i, int[] pool) {
    double[] sims = nearest(embeddings, i, pool).similarities();
    double sum = 0;
    for (double x : sims) sum += x;
    return sims.length == 0 ? 0 : sum / sims.length;
  }

  /**
   * An answer's nearest {@link #NEIGHBOURS} answers of the pool (itself excluded), nearest first.
   */
  private record Neighbours(int[] answers, double[] similarities) {}

  private static Neighbours nearest(float[][] embeddings, int i, int[] pool) {
    Integer[] order = new Integer[pool.length];
    double[] sims = new double[pool.length];
    int m = 0;
    for (int j : pool)
      if (j != i) {
        sims[m] = Vectors.dot(embeddings[i], embeddings[j]);
        order[m] = j;
        m++;
      }
    double[] own = sims;
    Integer[] idx = new Integer[m];
    for (int t = 0; t < m; t++) idx[t] = t;
    Arrays.sort(idx, (x, y) -> Double.compare(own[y], own[x]));
    int k = Math.min(NEIGHBOURS, m);
    int[] answers = new int[k];
    double[] best = new double[k];
    for (int t = 0; t < k; t++) {
      answers[t] = order[idx[t]];
      best[t] = own[idx[t]];
    }
    return new Neighbours(answers, best);
  }

  /**
   * Up to {@code size} indices of 0..n-1, evenly spread (deterministic: same answers, same result).
   */
  private static int[] evenSample(int n, int size) {
    if (n <= size) return java.util.stream.IntStream.range(0, n).toArray();
    int[] out = new int[size];
    for (int s = 0; s < size; s++) out[s] = (int) ((long) s * n / size);
    return out;
  }

  /** (x − median) / (1.4826 × MAD); 0 everywhere when the spread is 0. */
  private static double[] robustZ(double[] x) {
    double median = median(x.clone());
    double[] dev = new double[x.length];
    for (int i = 0; i < x.length; i++) dev[i] = Math.abs(x[i] - median);
    double mad = 1.4826 * median(dev);
    double[] z = new double[x.length];
    for (int i = 0; i < x.length; i++) z[i] = mad == 0 ? 0 : (x[i] - median) / mad;
    return z;
  }

  private static double median(double[] v) {
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static int argmax(double[] p) {
    int best = 0;
    for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
    return best;
  }

  /** Sentences of at least three words (shorter ones carry no point of their own). */
  static List<String> sentences(String text) {
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.UK);
    List<String> out = new ArrayList<>();
    for (String line : text.split("\\R+")) {
      it.setText(line);
      for (int start = it.first(), end = it.next();
          end != BreakIterator.DONE;
          start = end, end = it.next()) {
        String s = line.substring(start, end).strip();
        if (s.split("\\s+").length >= 3) out.add(s);
      }
    }
    return out;
  }

  public int size() {
    return k;
  }
}
