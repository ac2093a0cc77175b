package org.yousaid.analysis.nlp;

import edu.stanford.nlp.ie.AbstractSequenceClassifier;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import java.util.List;
import java.util.Set;

/**
 * Stage 2b: CoreNLP's 3-class CRF (PERSON / ORGANIZATION / LOCATION) over sentences that could
 * contain a name. The CRF is the slowest part of CoreNLP here, and most sentences in parents'
 * answers contain no capitalised word other than "I" or the sentence's first word; skipping those
 * sentences is exact for a case-sensitive model whose PERSON decisions depend on capitalisation,
 * and removes most of the NER cost.
 */
public final class NameRecogniser {
  public static final String MODEL =
      "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

  /** Capitalised words that start many sentences and are never names; "I" is the commonest. */
  private static final Set<String> NEVER_NAMES = Set.of("I", "I'm", "I've", "I'd", "I'll");

  private final AbstractSequenceClassifier<CoreLabel> crf;

  public NameRecogniser() {
    try {
      crf = CRFClassifier.getClassifier(MODEL);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot load CoreNLP NER model " + MODEL, e);
    }
  }

  /**
   * Labels the sentence in place (NamedEntityTagAnnotation) if it could contain a name; otherwise
   * tags "O".
   */
  public void label(List<CoreLabel> sentence) {
    if (!mayContainName(sentence)) {
      for (CoreLabel t : sentence) t.setNER("O");
      return;
    }
    List<CoreLabel> labelled = crf.classifySentence(sentence);
    for (int i = 0; i < sentence.size(); i++) {
      sentence.get(i).setNER(labelled.get(i).get(CoreAnnotations.AnswerAnnotation.class));
    }
  }

  /**
   * A sentence can contain a name if some token other than "I" is capitalised (the first word only
   * if a proper noun).
   */
  static boolean mayContainName(List<CoreLabel> sentence) {
    for (int i = 0; i < sentence.size(); i++) {
      String w = sentence.get(i).word();
      if (w.isEmpty() || !Character.isUpperCase(w.charAt(0)) || NEVER_NAMES.contains(w)) continue;
      if (i > 0) return true;
      String tag = sentence.get(i).tag();
      if (tag != null && tag.startsWith("NNP")) return true;
    }
    return false;
  }
}
