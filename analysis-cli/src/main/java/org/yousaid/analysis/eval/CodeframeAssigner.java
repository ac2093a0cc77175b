package org.yousaid.analysis.eval;

import java.util.ArrayList;
import java.util.List;
import org.yousaid.analysis.CodeframeTheme;
import org.yousaid.analysis.represent.SentenceEmbedder;
import org.yousaid.analysis.represent.Vectors;

/**
 * Stage 6 (codeframe mode): assigns answers to officer-supplied themes. Each theme becomes a
 * prototype vector, the normalised mean of the embeddings of its name+description and of each
 * example answer. An answer joins every theme whose similarity is above {@link #MIN_SIMILARITY} and
 * within {@link #MARGIN} of its best theme (multi-label); answers matching no theme go to "other".
 * Confidence is a logistic of the similarity around the threshold.
 */
public final class CodeframeAssigner {
  static final float MIN_SIMILARITY = 0.30f;
  static final float MARGIN = 0.06f;

  public record Assignment(int theme, double confidence) {}

  private final float[][] prototypes;

  public CodeframeAssigner(List<CodeframeTheme> themes, SentenceEmbedder embedder) {
    prototypes = new float[themes.size()][];
    for (int t = 0; t < themes.size(); t++) {
      CodeframeTheme c = themes.get(t);
      List<String> texts = new ArrayList<>();
      texts.add(c.description().isBlank() ? c.name() : c.name() + ". " + c.description());
      texts.addAll(c.examples());
      prototypes[t] = Vectors.normalise(Vectors.mean(embedder.embed(texts)));
    }
  }

  /** Themes for one answer embedding, best first; empty means "other". */
  public List<Assignment> assign(float[] embedding) {
    float[] sims = new float[prototypes.length];
    float best = Float.NEGATIVE_INFINITY;
    for (int t = 0; t < prototypes.length; t++) {
      sims[t] = Vectors.dot(embedding, prototypes[t]);
      best = Math.max(best, sims[t]);
    }
    List<Assignment> out = new ArrayList<>();
    for (int t = 0; t < prototypes.length; t++) {
      if (sims[t] >= MIN_SIMILARITY && sims[t] >= best - MARGIN) {
        out.add(new Assignment(t, 1 / (1 + Math.exp(-(sims[t] - MIN_SIMILARITY) / 0.05))));
      }
    }
    out.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
    return out;
  }
}
