package org.yousaid.analysis.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.yousaid.redaction.PersonalDataKind;
import org.yousaid.redaction.PersonalDataSpan;
import org.yousaid.redaction.RedactedText;
import org.yousaid.redaction.Redaction;

/**
 * Stage 3: replaces personal data with placeholders ({@code [name]}, {@code [staff]}, {@code
 * [school]}, {@code [organisation]}, {@code [phone]}, {@code [address]}, {@code [date of
 * birth]}...) in anything that could be published. The rules and word lists are those of {@link
 * Redaction}, the module the publisher's last check and the theme-label filter also use, so the
 * three cannot disagree; the engine adds the people and organisations CoreNLP's NER recognises
 * (capitalised names no list holds), which pass the same filter for public services. Officers keep
 * the original text; only the redacted text leaves the analysis.
 *
 * <p>Standalone use: {@code new Redactor().redact("text")}.
 */
public final class Redactor {
  private final CoreNlpAnnotator annotator;
  private final Redaction redaction;

  /** A redactor with its own CoreNLP pipeline (POS + NER models from the classpath). */
  public Redactor() {
    this(new CoreNlpAnnotator(true));
  }

  public Redactor(CoreNlpAnnotator annotator) {
    this(annotator, Redaction.standard());
  }

  public Redactor(CoreNlpAnnotator annotator, Redaction redaction) {
    this.annotator = annotator;
    this.redaction = redaction;
  }

  public RedactedText redact(String text) {
    return redact(annotator.annotate(new TextNormaliser().normalise(text)));
  }

  /**
   * Redacts an already annotated text (the theming pipeline annotates once and reuses the tokens).
   */
  public RedactedText redact(AnnotatedText annotated) {
    return redaction.redact(annotated.text(), entities(annotated));
  }

  /** People and organisations CoreNLP recognised: runs of PERSON or ORGANIZATION tokens. */
  static List<PersonalDataSpan> entities(AnnotatedText annotated) {
    List<PersonalDataSpan> out = new ArrayList<>();
    addRuns(annotated, Token::isPerson, PersonalDataKind.NAME, out);
    addRuns(annotated, Token::isOrganisation, PersonalDataKind.ORGANISATION, out);
    return out;
  }

  /**
   * Runs of tokens of one kind in one sentence. A run goes on over a hyphen CoreNLP split off and
   * left untagged: "Oyelowo-Barnes" is one name, not two around a "-".
   */
  private static void addRuns(
      AnnotatedText annotated,
      Predicate<Token> in,
      PersonalDataKind kind,
      List<PersonalDataSpan> into) {
    List<Token> tokens = annotated.tokens();
    String text = annotated.text();
    PersonalDataSpan open = null;
    int sentence = -1;
    for (Token t : tokens) {
      if (!in.test(t)) continue;
      boolean joined =
          open != null
              && t.sentence() == sentence
              && (t.begin() == open.end() + 1 && HYPHENS.indexOf(text.charAt(open.end())) >= 0
                  || isSpaceBetween(text, open.end(), t.begin()) && t.begin() >= open.end());
      if (joined) {
        open = new PersonalDataSpan(kind, open.begin(), t.end());
      } else {
        if (open != null) into.add(open);
        open = new PersonalDataSpan(kind, t.begin(), t.end());
        sentence = t.sentence();
      }
    }
    if (open != null) into.add(open);
  }

  private static final String HYPHENS = "-\u2010\u2011";

  /** Only spaces between two tagged tokens: the same run ("Amelia Clarke"). */
  private static boolean isSpaceBetween(String text, int from, int to) {
    for (int k = from; k < to; k++) {
      if (text.charAt(k) != ' ') return false;
    }
    return true;
  }
}
