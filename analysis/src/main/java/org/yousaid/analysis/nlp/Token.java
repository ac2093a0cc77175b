package org.yousaid.analysis.nlp;

/**
 * One token of an answer with CoreNLP's annotations; begin/end are character offsets into the
 * normalised text.
 */
public record Token(
    String word, String lemma, String pos, String ner, int begin, int end, int sentence) {
  public boolean isPerson() {
    return "PERSON".equals(ner);
  }

  public boolean isOrganisation() {
    return "ORGANIZATION".equals(ner);
  }

  public boolean isContentWord() {
    return pos.startsWith("NN") || pos.startsWith("VB") || pos.startsWith("JJ");
  }
}
