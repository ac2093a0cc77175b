package org.yousaid.analysis.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yousaid.analysis.Sentiment;

/**
 * Reads an answer's sentiment as an officer counts it, from the classifier's probabilities on the
 * whole answer and, where a contrast turns it, on each side:
 *
 * <ul>
 *   <li><b>neutral band</b>: a side is taken only when the classifier prefers it to neutral by
 *       {@link Rules#neutralMargin()}; a plain fact ("my son is 15 and autistic") leans only a
 *       little either way, since the in-domain training comments almost always take a side;
 *   <li><b>the point of a contrast</b>: praise then a turn ("lovely but nothing happens") is a
 *       complaint, and so is any answer whose point reads negative;
 *   <li><b>what did not happen</b>: "nobody", "no one", "never", "nothing happens", "still no" say
 *       that the service did not do something: a complaint, where the classifier sees no sentiment
 *       word;
 *   <li><b>demands</b>: what a whole group should, must or deserves to get ("every child deserves
 *       an EHCP on time") asks the council to change what it does: a criticism, as NHS coders
 *       scored "could be improved" suggestions, though its words are the good state it asks for.
 * </ul>
 */
public final class SentimentReading {
  /**
   * @param neutralMargin how much more likely than neutral a side must be to be taken (0: argmax)
   * @param contrast read the point of a contrast
   * @param omission read "nobody / never / nothing happens" as a complaint when otherwise neutral
   * @param demand read a group's "should / must / deserves" as a criticism
   */
  public record Rules(double neutralMargin, boolean contrast, boolean omission, boolean demand) {
    /** The classifier's argmax alone: the reading before issue 12 item 4. */
    public static Rules none() {
      return new Rules(0, false, false, false);
    }

    /** Chosen on SST dev + pxt dev (docs/benchmarks.md "Sentiment: facts, demands, turns"). */
    public static Rules shipped() {
      return new Rules(0.05, true, true, true);
    }
  }

  private static final Pattern OMISSION =
      Pattern.compile(
          "\\b(nobody|no ?one|no-one|never)\\b|\\bnothing\\s+(ever\\s+)?(happen\\w*|gets?|got|"
              + "change[sd]?|moves?|moved|is|was|has|had|seems|will|would|works?|worked|came|"
              + "comes|done|being)\\b|\\bstill\\s+(?:\\w+\\s+)?(?:no|not|nothing|without|waiting)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final String GROUP =
      "(?:(?:every|each|all|all the)\\s+\\w+(?:\\s+\\w+)?|children|families|parents|carers|"
          + "people|patients|pupils|students|kids|young people|everyone|everybody)";
  private static final Pattern DEMAND =
      Pattern.compile(
          "\\b"
              + GROUP
              + "\\s+(?:\\w+\\s+){0,3}(?:should|must|deserves?|needs? to|ought to|has a right|have a right|"
              + "are entitled|is entitled)\\b",
          Pattern.CASE_INSENSITIVE);

  private final SentimentClassifier classifier;
  private final Rules rules;

  public SentimentReading(SentimentClassifier classifier, Rules rules) {
    this.classifier = classifier;
    this.rules = rules;
  }

  public Rules rules() {
    return rules;
  }

  /**
   * Each text's reading; {@code embed} embeds the two sides of the answers that have a contrast
   * (one batched call), and is not called when none has.
   */
  public Sentiment[] read(
      List<String> texts, float[][] embeddings, Function<List<String>, float[][]> embed) {
    Contrast[] contrasts = new Contrast[texts.size()];
    List<String> sides = new ArrayList<>();
    if (rules.contrast())
      for (int i = 0; i < contrasts.length; i++) {
        contrasts[i] = Contrast.of(texts.get(i));
        if (contrasts[i] != null) {
          sides.add(contrasts[i].concession());
          sides.add(contrasts[i].point());
        }
      }
    float[][] sideEmbeddings = sides.isEmpty() ? new float[0][] : embed.apply(sides);
    Sentiment[] out = new Sentiment[texts.size()];
    int next = 0;
    for (int i = 0; i < out.length; i++) {
      Sentiment whole = banded(embeddings[i]);
      if (contrasts[i] != null) {
        Sentiment concession = banded(sideEmbeddings[next++]);
        Sentiment point = banded(sideEmbeddings[next++]);
        whole = turned(whole, concession, point);
      }
      if (rules.omission() && whole == Sentiment.NEUTRAL && OMISSION.matcher(texts.get(i)).find())
        whole = Sentiment.NEGATIVE;
      if (rules.demand() && DEMAND.matcher(texts.get(i)).find()) whole = Sentiment.NEGATIVE;
      out[i] = whole;
    }
    return out;
  }

  /** One answer, embedding its sides itself when it has a contrast. */
  public Sentiment read(String text, float[] embedding, Function<List<String>, float[][]> embed) {
    return read(List.of(text), new float[][] {embedding}, embed)[0];
  }

  /** The point decides when it complains, or when it turns away from praise. */
  static Sentiment turned(Sentiment whole, Sentiment concession, Sentiment point) {
    if (point == Sentiment.NEGATIVE) return Sentiment.NEGATIVE;
    if (concession == Sentiment.POSITIVE && point == Sentiment.NEUTRAL) return Sentiment.NEGATIVE;
    return whole;
  }

  /** Argmax, except that a side within the margin of neutral reads neutral. */
  Sentiment banded(float[] embedding) {
    double[] p = classifier.probabilities(embedding);
    int best = p[0] >= p[2] ? 0 : 2;
    if (p[1] >= p[best] - rules.neutralMargin()) return Sentiment.NEUTRAL;
    return SentimentClassifier.CLASSES[best];
  }
}
