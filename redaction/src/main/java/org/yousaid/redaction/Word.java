package org.yousaid.redaction;

/**
 * A word of a text: where it is, its lookup key (lower case, accents and zero-width characters
 * removed, a final {@code 's} taken off), and what its spelling says.
 *
 * @param baseEnd the end of the word without a possessive {@code 's}
 * @param sentenceStart the word starts the text, a sentence, a line or a list item
 */
record Word(
    int begin,
    int end,
    int baseEnd,
    String key,
    boolean capitalised,
    boolean allCaps,
    boolean sentenceStart,
    boolean possessive) {

  /** Capitalised as a name is, not as a shouted acronym ("SEND", "EHCP"). */
  boolean titleCase() {
    return capitalised && !allCaps;
  }
}
