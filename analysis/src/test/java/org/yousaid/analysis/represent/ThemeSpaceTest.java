package org.yousaid.analysis.represent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The many-at-once similarities are the one-pair similarities to the bit: themes found with them
 * must be the themes found before, so "close" is not enough.
 */
class ThemeSpaceTest {
  /**
   * 300 answers (more than two blocks, the last one partial) with 384-float embeddings of mixed
   * magnitudes, TF-IDF vectors over 50 terms (some empty), and answers that are not themed (zero
   * vectors), as the engine makes them.
   */
  private static ThemeSpace space(double embeddingWeight, boolean withTerms) {
    SplittableRandom random = new SplittableRandom(11);
    int n = 300, vocabulary = 50;
    float[][] embeddings = new float[n][384];
    SparseVector[] terms = new SparseVector[n];
    for (int i = 0; i < n; i++) {
      if (i % 37 != 5)
        for (int d = 0; d < 384; d++)
          embeddings[i][d] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-3, 2)));
      Vectors.normalise(embeddings[i]);
      TreeMap<Integer, Float> counts = new TreeMap<>();
      int words = i % 11 == 0 ? 0 : random.nextInt(1, 12);
      for (int w = 0; w < words; w++) counts.merge(random.nextInt(vocabulary), 0.3f, Float::sum);
      float[] values = new float[counts.size()];
      int[] indices = counts.keySet().stream().mapToInt(Integer::intValue).toArray();
      for (int q = 0; q < values.length; q++) values[q] = (float) random.nextDouble(0.01, 1);
      terms[i] = new SparseVector(indices, values);
    }
    return new ThemeSpace(
        embeddings, withTerms ? terms : null, withTerms ? vocabulary : 0, embeddingWeight);
  }

  private static int[] items() {
    // not in order, with an answer twice: the kernels must follow the items as given
    int[] items = new int[290];
    for (int x = 0; x < items.length; x++) items[x] = (x * 7 + 3) % 300;
    items[17] = items[200];
    return items;
  }

  @Test
  void theMatrixIsEveryPairsSimilarityToTheBit() {
    for (ThemeSpace space : new ThemeSpace[] {space(0.85, true), space(1.0, false)}) {
      int[] items = items();
      float[][] sim = space.similarityMatrix(items);
      for (int i = 0; i < items.length; i++)
        for (int j = 0; j < items.length; j++)
          assertEquals(
              Float.floatToRawIntBits(space.similarity(items[i], items[j])),
              Float.floatToRawIntBits(sim[i][j]),
              "pair " + i + ", " + j);
    }
  }

  @Test
  void similaritiesToCentresAreEachPairsSimilarityToTheBit() {
    for (ThemeSpace space : new ThemeSpace[] {space(0.85, true), space(1.0, false)}) {
      int[] items = items();
      SplittableRandom random = new SplittableRandom(5);
      float[][] centres = new float[7][space.dimension()];
      for (float[] c : centres) {
        for (int d = 0; d < c.length; d++) c[d] = (float) random.nextGaussian();
        Vectors.normalise(c);
      }
      float[][] sims = space.similarities(items, centres);
      for (int x = 0; x < items.length; x++)
        for (int c = 0; c < centres.length; c++)
          assertEquals(
              Float.floatToRawIntBits(space.similarity(items[x], centres[c])),
              Float.floatToRawIntBits(sims[x][c]),
              "answer " + x + ", centre " + c);
    }
  }
}
