package org.yousaid.analysis.represent;

/** A sparse vector as parallel index/value arrays (indices ascending). */
public record SparseVector(int[] indices, float[] values) {
  public static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

  public float dot(float[] dense) {
    float s = 0;
    for (int i = 0; i < indices.length; i++) s += values[i] * dense[indices[i]];
    return s;
  }

  public float dot(SparseVector o) {
    float s = 0;
    int i = 0, j = 0;
    while (i < indices.length && j < o.indices.length) {
      if (indices[i] == o.indices[j]) s += values[i++] * o.values[j++];
      else if (indices[i] < o.indices[j]) i++;
      else j++;
    }
    return s;
  }
}
