package org.yousaid.analysis.nlp;

import java.util.ArrayList;
import java.util.List;
import org.yousaid.redaction.PersonalDataPatterns;

/**
 * Stage 3: replaces personal data with placeholders ({@code [name]}, {@code [email]}, ...) in
 * anything that could be published. Names come from CoreNLP NER; the other types are the patterns
 * of {@link PersonalDataPatterns}, shared with the publisher's last check (NHS numbers must pass
 * the modulus-11 check, phone numbers must have a UK number of digits, dates only count as dates of
 * birth next to words such as "born" or "DOB"). Officers keep the original text; only the redacted
 * text leaves the analysis.
 *
 * <p>Standalone use: {@code new Redactor().redact("text")}.
 */
public final class Redactor {
  private final CoreNlpAnnotator annotator;

  /** A redactor with its own CoreNLP pipeline (POS + NER models from the classpath). */
  public Redactor() {
    this(new CoreNlpAnnotator(true));
  }

  public Redactor(CoreNlpAnnotator annotator) {
    this.annotator = annotator;
  }

  public RedactedText redact(String text) {
    return redact(annotator.annotate(new TextNormaliser().normalise(text)));
  }

  /**
   * Redacts an already annotated text (the theming pipeline annotates once and reuses the tokens).
   */
  public RedactedText redact(AnnotatedText annotated) {
    String text = annotated.text();
    List<PersonalDataPatterns.Span> found = new ArrayList<>(PersonalDataPatterns.find(text));
    addNames(annotated, found);
    List<RedactedText.Span> spans =
        PersonalDataPatterns.withoutOverlaps(found).stream()
            .map(
                s ->
                    new RedactedText.Span(
                        PersonalDataType.valueOf(s.kind().name()), s.begin(), s.end()))
            .toList();
    return new RedactedText(PersonalDataPatterns.replace(text, found), spans);
  }

  /** Consecutive PERSON tokens form one name. */
  private static void addNames(AnnotatedText annotated, List<PersonalDataPatterns.Span> into) {
    List<Token> tokens = annotated.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isPerson()) continue;
      int j = i;
      while (j + 1 < tokens.size() && tokens.get(j + 1).isPerson()) j++;
      into.add(
          new PersonalDataPatterns.Span(
              PersonalDataPatterns.Kind.NAME, tokens.get(i).begin(), tokens.get(j).end()));
      i = j;
    }
  }
}
