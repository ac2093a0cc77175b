package org.yousaid.analysis;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yousaid.analysis.nlp.CoreNlpAnnotator;
import org.yousaid.analysis.nlp.Redactor;
import org.yousaid.analysis.represent.EmbedderOptions;
import org.yousaid.analysis.represent.SentenceEmbedder;
import org.yousaid.analysis.sentiment.SentimentClassifier;

/**
 * The models one engine loads and shares between its runs (thread-safe): each is loaded the first
 * time a run needs it, since loading takes seconds and theming-only runs need neither NER nor
 * sentiment.
 */
final class Models implements AutoCloseable {
  private final Map<EmbedderOptions, SentenceEmbedder> embedders = new ConcurrentHashMap<>();
  private volatile Map<EmbedderOptions, Map<String, float[]>> embeddingCaches;
  private volatile CoreNlpAnnotator fullAnnotator, lemmaAnnotator;
  private volatile Redactor redactor;
  private volatile SentimentClassifier sentiment;

  /** One embedder per distinct settings; a service only ever uses the defaults. */
  SentenceEmbedder embedder(EmbedderOptions settings) {
    return embedders.computeIfAbsent(settings, SentenceEmbedder::new);
  }

  /** Text-to-vector cache for the given embedder's vectors, or null unless caching is on. */
  Map<String, float[]> embeddingCache(EmbedderOptions settings) {
    Map<EmbedderOptions, Map<String, float[]>> caches = embeddingCaches;
    return caches == null ? null : caches.computeIfAbsent(settings, s -> new ConcurrentHashMap<>());
  }

  void cacheEmbeddings() {
    embeddingCaches = new ConcurrentHashMap<>();
  }

  /**
   * CoreNLP with NER (for redaction) or without it; a run without names reuses the NER pipeline
   * once it is loaded rather than loading a second one.
   */
  CoreNlpAnnotator annotator(boolean withNames) {
    if (withNames) {
      if (fullAnnotator == null)
        synchronized (this) {
          if (fullAnnotator == null) fullAnnotator = new CoreNlpAnnotator(true);
        }
      return fullAnnotator;
    }
    if (lemmaAnnotator == null)
      synchronized (this) {
        if (lemmaAnnotator == null)
          lemmaAnnotator = fullAnnotator != null ? fullAnnotator : new CoreNlpAnnotator(false);
      }
    return lemmaAnnotator;
  }

  Redactor redactor() {
    if (redactor == null)
      synchronized (this) {
        if (redactor == null) redactor = new Redactor(annotator(true));
      }
    return redactor;
  }

  SentimentClassifier sentimentClassifier() {
    if (sentiment == null)
      synchronized (this) {
        if (sentiment == null) sentiment = SentimentClassifier.fromClasspath();
      }
    return sentiment;
  }

  @Override
  public void close() {
    embedders.values().forEach(SentenceEmbedder::close);
  }
}
