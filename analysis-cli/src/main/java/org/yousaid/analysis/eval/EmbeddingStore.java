package org.yousaid.analysis.eval;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yousaid.analysis.represent.SentenceEmbedder;

/**
 * Text-to-vector cache kept in a file between runs, so that trying training settings does not embed
 * 60,000 texts each time (about 12 minutes on 2 busy cores). One file per embedding model: the
 * caller names it. Without a file it only embeds. Holds answer text, so only for public benchmark
 * data. Safe to call from several threads (the codeframe classifier's folds embed in parallel).
 */
public final class EmbeddingStore {
  private final SentenceEmbedder embedder;
  private final Path file;
  private final Map<String, float[]> vectors = new ConcurrentHashMap<>();
  private volatile boolean changed;

  public EmbeddingStore(SentenceEmbedder embedder, Path file) throws IOException {
    this.embedder = embedder;
    this.file = file;
    if (file != null && Files.exists(file)) load();
  }

  public float[][] embed(List<String> texts) {
    List<String> missing = new ArrayList<>();
    for (String t : new LinkedHashSet<>(texts)) if (!vectors.containsKey(t)) missing.add(t);
    if (!missing.isEmpty()) {
      float[][] fresh = embedder.embed(missing);
      for (int i = 0; i < fresh.length; i++) vectors.put(missing.get(i), fresh[i]);
      changed = true;
    }
    return texts.stream().map(vectors::get).toArray(float[][]::new);
  }

  public void save() throws IOException {
    if (file == null || !changed) return;
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      out.writeInt(vectors.size());
      for (var e : vectors.entrySet()) {
        byte[] text = e.getKey().getBytes(StandardCharsets.UTF_8);
        out.writeInt(text.length);
        out.write(text);
        out.writeInt(e.getValue().length);
        for (float f : e.getValue()) out.writeFloat(f);
      }
    }
    changed = false;
  }

  private void load() throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        String text = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
        float[] v = new float[in.readInt()];
        for (int j = 0; j < v.length; j++) v[j] = in.readFloat();
        vectors.put(text, v);
      }
    }
  }
}
