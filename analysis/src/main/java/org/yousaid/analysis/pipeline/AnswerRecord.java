package org.yousaid.analysis.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.yousaid.analysis.Answer;
import org.yousaid.analysis.Sentiment;
import org.yousaid.analysis.nlp.AnnotatedText;
import org.yousaid.analysis.represent.EmbeddingBatches;
import org.yousaid.analysis.represent.SparseVector;
import org.yousaid.redaction.PersonalDataSpan;

/**
 * One answer as it goes through the theming pipeline, like CoreNLP's {@code Annotation} or a row of
 * ThemeFinder's frame: each stage fills in what it is responsible for, named beside the field
 * below, and later stages read it.
 *
 * <p>Why mutable rather than copied by each stage: every field is written by exactly one stage, in
 * the fixed order {@code ThemingEngine.theme} runs them, and a stage writes each answer's field
 * from one thread only (CoreNLP and redaction run answers in parallel). A copy per answer per stage
 * would buy no safety on top of that, and would add a dozen full copies of a question's answers to
 * a run whose 50,000-answer case already fills the worker's 2 GiB heap. A record's place in the
 * list is its {@link #index()}: the theme space and k-means address answers by it.
 */
public final class AnswerRecord {
  private final int index;
  private final Answer answer;
  private String text; // Normalise
  private boolean nonAnswer; // Normalise
  private String language; // CheckLanguage
  private AnnotatedText annotated; // Annotate
  private String publishedText; // Redact
  private List<PersonalDataSpan> redactedSpans = List.of(); // Redact
  private float[] embedding; // Embed: themable answers only
  private long embeddingBatch; // Embed: the ONNX batch the vector was computed in (0: none)
  private EmbeddingBatches.Input embeddingInput; // Embed: what the model saw of the text
  private Sentiment sentiment; // ScoreSentiment: themable answers of publishable runs only
  private SparseVector tfidf; // Represent: themable answers only
  private int nearDuplicateGroup = -1; // MarkNearDuplicates
  // DiscoverThemes or AssignToCodeframe, then BucketOtherLanguages: primary theme first
  private final List<Membership> themes = new ArrayList<>();
  private int subTheme = -1; // DiscoverThemes, LabelThemes: sub-theme index in the Grouping, or -1
  private Set<String> keyPhrases =
      Set.of(); // LabelThemes: the candidates key terms are scored from

  public AnswerRecord(int index, Answer answer) {
    this.index = index;
    this.answer = answer;
  }

  /** A record per answer, in the answers' order. */
  public static List<AnswerRecord> of(List<Answer> answers) {
    return IntStream.range(0, answers.size())
        .mapToObj(i -> new AnswerRecord(i, answers.get(i)))
        .toList();
  }

  /** Positions of the answers that are themed by content: answers, in English. */
  public static int[] themableIndices(List<AnswerRecord> records) {
    return records.stream().filter(AnswerRecord::themable).mapToInt(AnswerRecord::index).toArray();
  }

  public int index() {
    return index;
  }

  public Answer answer() {
    return answer;
  }

  /** Normalised text (whitespace, quotes, Unicode); the original stays in {@link #answer()}. */
  public String text() {
    return text;
  }

  /** Blank or "n/a"-style: counted, never themed. */
  public boolean nonAnswer() {
    return nonAnswer;
  }

  /** "en", or the language check's guess for an answer not in English. */
  public String language() {
    return language;
  }

  /** An answer that is themed by its content: not a non-answer, and in English. */
  public boolean themable() {
    return !nonAnswer && "en".equals(language);
  }

  /** An answer the language check found not to be in English: bucketed, not themed. */
  public boolean otherLanguage() {
    return !nonAnswer && !"en".equals(language);
  }

  public AnnotatedText annotated() {
    return annotated;
  }

  /** The text safe to publish (redacted), or the normalised text in a theming-only run. */
  public String publishedText() {
    return publishedText;
  }

  /**
   * The annotations with what the redaction replaced marked {@link
   * org.yousaid.analysis.nlp.Token#REDACTED}: what labels and key phrases are made of.
   */
  public AnnotatedText labellable() {
    return annotated == null ? null : annotated.maskedBy(redactedSpans);
  }

  /** Where the redaction replaced personal data in the normalised text (none when not redacted). */
  public List<PersonalDataSpan> redactedSpans() {
    return redactedSpans;
  }

  /** Unit sentence embedding of the published text; null for answers that are not themed. */
  public float[] embedding() {
    return embedding;
  }

  public Sentiment sentiment() {
    return sentiment;
  }

  /** The answer's candidate key phrases, as {@link LabelThemes} found them for its key terms. */
  public Set<String> keyPhrases() {
    return keyPhrases;
  }

  void keyPhrases(Set<String> phrases) {
    this.keyPhrases = phrases;
  }

  public SparseVector tfidf() {
    return tfidf;
  }

  /** Group number shared with near-identical answers, or -1. */
  public int nearDuplicateGroup() {
    return nearDuplicateGroup;
  }

  /** Theme memberships by theme index, primary first. */
  public List<Membership> themes() {
    return themes;
  }

  void normalised(String normalisedText, boolean isNonAnswer) {
    this.text = normalisedText;
    this.nonAnswer = isNonAnswer;
  }

  void language(String code) {
    this.language = code;
  }

  void annotated(AnnotatedText a) {
    this.annotated = a;
  }

  void publishedText(String published) {
    this.publishedText = published;
  }

  void redactedSpans(List<PersonalDataSpan> spans) {
    this.redactedSpans = List.copyOf(spans);
  }

  /** A vector of no known batch (made outside the embedder). */
  void embedding(float[] vector) {
    embedding(vector, 0, null);
  }

  void embedding(float[] vector, long batch, EmbeddingBatches.Input input) {
    this.embedding = vector;
    this.embeddingBatch = batch;
    this.embeddingInput = input;
  }

  /** The word pieces' count and hash the embedding was made from, or null when unknown. */
  public EmbeddingBatches.Input embeddingInput() {
    return embeddingInput;
  }

  /**
   * The identity of the ONNX batch {@link #embedding()} was computed in (the int8 model's vectors
   * depend on it), or 0 when unknown.
   */
  public long embeddingBatch() {
    return embeddingBatch;
  }

  void sentiment(Sentiment s) {
    this.sentiment = s;
  }

  void tfidf(SparseVector vector) {
    this.tfidf = vector;
  }

  void nearDuplicateGroup(int group) {
    this.nearDuplicateGroup = group;
  }

  /** The answer's sub-theme of its primary theme (an index in the Grouping), or -1. */
  public int subTheme() {
    return subTheme;
  }

  void subTheme(int index) {
    this.subTheme = index;
  }

  void addTheme(Membership membership) {
    themes.add(membership);
  }
}
