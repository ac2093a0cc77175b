package org.yousaid.analysis.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Stage 2: CoreNLP tokenize, ssplit, pos, lemma (one pipeline, thread-safe for separate documents)
 * followed by {@link NameRecogniser} for NER. Models come from the classpath (the CoreNLP models
 * jar, filtered down in the shaded jar to the POS tagger and the 3-class NER model).
 */
public final class CoreNlpAnnotator {
  public static final String POS_MODEL =
      "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";

  private final StanfordCoreNLP pipeline;
  private final NameRecogniser names;

  public CoreNlpAnnotator(boolean withNames) {
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit,pos,lemma");
    props.setProperty("pos.model", POS_MODEL);
    props.setProperty("tokenize.options", "untokenizable=noneDelete,invertible=false");
    props.setProperty("pos.maxlen", "200");
    pipeline = new StanfordCoreNLP(props);
    names = withNames ? new NameRecogniser() : null;
  }

  public AnnotatedText annotate(String text) {
    Annotation doc = new Annotation(text);
    pipeline.annotate(doc);
    List<Token> tokens = new ArrayList<>();
    List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
    for (int s = 0; s < sentences.size(); s++) {
      List<CoreLabel> labels = sentences.get(s).get(CoreAnnotations.TokensAnnotation.class);
      if (names != null) names.label(labels);
      for (CoreLabel l : labels) {
        tokens.add(
            new Token(
                l.word(),
                l.lemma() == null ? l.word() : l.lemma(),
                l.tag(),
                l.ner() == null ? "O" : l.ner(),
                l.beginPosition(),
                l.endPosition(),
                s));
      }
    }
    return new AnnotatedText(text, tokens);
  }

  /** Annotates many texts on all cores (CoreNLP annotators are thread-safe across documents). */
  public List<AnnotatedText> annotateAll(List<String> texts) {
    return texts.parallelStream().map(this::annotate).toList();
  }
}
