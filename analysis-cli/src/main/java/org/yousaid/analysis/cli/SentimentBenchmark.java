package org.yousaid.analysis.cli;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.util.CoreMap;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.yousaid.analysis.Sentiment;
import org.yousaid.analysis.represent.EmbedderOptions;
import org.yousaid.analysis.represent.SentenceEmbedder;
import org.yousaid.analysis.sentiment.SentimentClassifier;

/**
 * SST test set, 3-class collapse: our embedding classifier on all test sentences and on the first
 * N, and CoreNLP's own sentiment annotator (PCFG parse + RNTN) on the same first N (it is slow).
 * CoreNLP's sentiment and parser models are not in the runtime jar: put the CoreNLP models jar on
 * the classpath for that part (see docs/benchmarks.md).
 */
final class SentimentBenchmark {
  private SentimentBenchmark() {}

  static Map<String, Object> run(Path sstDir, int corenlpSubset, EmbedderOptions embedding)
      throws Exception {
    List<SstReader.Example> test = SstReader.read(sstDir.resolve("test.txt"));
    Map<String, Object> out = new LinkedHashMap<>();
    SentimentClassifier ours = SentimentClassifier.fromClasspath();
    Sentiment[] predicted = new Sentiment[test.size()];
    try (SentenceEmbedder embedder = new SentenceEmbedder(embedding)) {
      long t = System.nanoTime();
      float[][] x = embedder.embed(test.stream().map(SstReader.Example::sentence).toList());
      for (int i = 0; i < x.length; i++) predicted[i] = ours.classify(x[i]);
      double s = (System.nanoTime() - t) / 1e9;
      out.put("test_sentences", test.size());
      out.put("ours_acc_all", accuracy(test, predicted, test.size()));
      out.put("ours_sentences_per_second", Main.round(test.size() / s));
    }
    int n = Math.min(corenlpSubset, test.size());
    out.put("subset", n);
    out.put("ours_acc_subset", accuracy(test, predicted, n));
    if (n > 0) {
      Properties p = new Properties();
      p.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
      p.setProperty("tokenize.whitespace", "true");
      p.setProperty("ssplit.isOneSentence", "true");
      p.setProperty("parse.binaryTrees", "true");
      StanfordCoreNLP pipeline = new StanfordCoreNLP(p);
      Sentiment[] theirs = new Sentiment[n];
      long t = System.nanoTime();
      for (int i = 0; i < n; i++) {
        Annotation a = new Annotation(test.get(i).sentence());
        pipeline.annotate(a);
        CoreMap sentence = a.get(CoreAnnotations.SentencesAnnotation.class).get(0);
        String c = sentence.get(SentimentCoreAnnotations.SentimentClass.class).toLowerCase();
        theirs[i] =
            c.contains("negative")
                ? Sentiment.NEGATIVE
                : c.contains("positive") ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
      }
      double s = (System.nanoTime() - t) / 1e9;
      out.put("corenlp_acc_subset", accuracy(test, theirs, n));
      out.put("corenlp_sentences_per_second", Main.round(n / s));
    }
    return out;
  }

  private static double accuracy(List<SstReader.Example> gold, Sentiment[] predicted, int n) {
    int right = 0;
    for (int i = 0; i < n; i++) if (gold.get(i).sentiment() == predicted[i]) right++;
    return Main.round((double) right / n);
  }
}
