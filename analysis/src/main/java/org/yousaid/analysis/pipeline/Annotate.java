package org.yousaid.analysis.pipeline;

import java.util.List;
import org.yousaid.analysis.nlp.AnnotatedText;
import org.yousaid.analysis.nlp.CoreNlpAnnotator;

/**
 * Stage 2: CoreNLP tokens, sentences, POS tags and lemmas (and PERSON names when the annotator has
 * NER) for every answer, on all cores. Later stages reuse them: redaction, TF-IDF, key phrases.
 */
public final class Annotate {
  private final CoreNlpAnnotator annotator;

  public Annotate(CoreNlpAnnotator annotator) {
    this.annotator = annotator;
  }

  public void apply(List<AnswerRecord> records) {
    List<AnnotatedText> annotated =
        annotator.annotateAll(records.stream().map(AnswerRecord::text).toList());
    for (int i = 0; i < records.size(); i++) records.get(i).annotated(annotated.get(i));
  }
}
