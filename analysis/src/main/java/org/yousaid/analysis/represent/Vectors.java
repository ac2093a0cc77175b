package org.yousaid.analysis.represent;

/** Small dense-vector helpers (float arrays keep 10k x 384 embeddings at ~15 MB). */
public final class Vectors {
  private Vectors() {}

  public static float dot(float[] a, float[] b) {
    float s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }

  public static float[] normalise(float[] v) {
    double norm = 0;
    for (float x : v) norm += x * x;
    norm = Math.sqrt(norm);
    if (norm == 0) return v;
    for (int i = 0; i < v.length; i++) v[i] /= (float) norm;
    return v;
  }

  public static float[] mean(float[][] vs) {
    float[] m = new float[vs[0].length];
    for (float[] v : vs) for (int i = 0; i < m.length; i++) m[i] += v[i];
    for (int i = 0; i < m.length; i++) m[i] /= vs.length;
    return m;
  }
}
