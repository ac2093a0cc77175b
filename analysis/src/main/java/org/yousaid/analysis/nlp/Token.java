package org.yousaid.analysis.nlp;

/**
 * One token of an answer with CoreNLP's annotations; begin/end are character offsets into the
 * normalised text.
 */
public record Token(
    String word, String lemma, String pos, String ner, int begin, int end, int sentence) {
  /**
   * The entity tag of a token the redaction replaced (a name, school, phone...) that CoreNLP did
   * not tag itself: what describes a theme must never use it.
   */
  public static final String REDACTED = "REDACTED";

  public boolean isRedacted() {
    return REDACTED.equals(ner);
  }

  /** The same token, marked as redacted. */
  public Token redacted() {
    return new Token(word, lemma, pos, REDACTED, begin, end, sentence);
  }

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
