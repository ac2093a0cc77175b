package org.yousaid.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The module's API: spans, recognised entities from the engine, label checks. */
class RedactionTest {
  private static final Redaction R = Redaction.standard();

  @Test
  void spansPointIntoTheOriginalTextWhateverItsApostrophes() {
    String text = "Jack’s school, St Mary’s, rang 07700 900123.";
    List<PersonalDataSpan> spans = R.find(text);
    assertEquals(
        List.of("Jack", "St Mary’s", "07700 900123"),
        spans.stream().map(s -> text.substring(s.begin(), s.end())).toList());
    assertEquals(
        List.of(PersonalDataKind.NAME, PersonalDataKind.SCHOOL, PersonalDataKind.PHONE),
        spans.stream().map(PersonalDataSpan::kind).toList());
  }

  @Test
  void recognisedEntitiesAreFilteredAndClassifiedLikeTheRulesOwn() {
    String text = "The Local Offer and CAMHS sent us to Brambleton Grange School and Zephyrine.";
    List<PersonalDataSpan> recognised =
        List.of(
            span(text, "Local Offer", PersonalDataKind.ORGANISATION),
            span(text, "CAMHS", PersonalDataKind.ORGANISATION),
            span(text, "Brambleton Grange School", PersonalDataKind.ORGANISATION),
            span(text, "Zephyrine", PersonalDataKind.NAME));
    RedactedText r = R.redact(text, recognised);
    assertEquals("The Local Offer and CAMHS sent us to [school] and [name].", r.text());
  }

  @Test
  void onATieTheRulesKindWins() {
    String text = "We saw Mrs Patel today";
    RedactedText r = R.redact(text, List.of(span(text, "Mrs Patel", PersonalDataKind.NAME)));
    assertEquals("We saw [staff] today", r.text());
  }

  @Test
  void recognisedSpansMustLieInsideTheText() {
    assertThrows(
        IllegalArgumentException.class,
        () -> R.redact("short", List.of(new PersonalDataSpan(PersonalDataKind.NAME, 2, 9))));
  }

  @Test
  void nullAndEmptyTextAreHandled() {
    assertNull(R.redact(null));
    assertEquals("", R.redact(""));
    assertTrue(R.find(null).isEmpty());
    assertFalse(R.containsPersonalData(null));
    assertFalse(R.containsPersonalData("  "));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Daughter and riverside high",
        "Support at St Mary's",
        "Mrs Patel the SENCo",
        "our caseworker karen",
        "Sarah jones",
        "Call 07700 900123",
        "[name] and school",
        "Praise for [SCHOOL] staff",
        "Oakwood Academy exclusions",
        "Taxis on Mill Lane",
      })
  void labelsNamingSomeoneOrSomewhereOrHoldingATokenAreCaught(String label) {
    assertTrue(R.containsPersonalData(label), label);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Waiting times for EHC needs assessments",
        "Transport to school",
        "More holiday playschemes and weekend clubs",
        "The Local Offer website is hard to search",
        "Speech and language therapy",
        "Support in high school",
        "Communication from the SEND team",
        "CAMHS waiting lists",
        "Grace period for annual reviews",
        "Hope for more specialist places",
        "Continuation of the current provision",
      })
  void ordinaryLabelsPass(String label) {
    assertFalse(R.containsPersonalData(label), label);
  }

  private static PersonalDataSpan span(String text, String part, PersonalDataKind kind) {
    int at = text.indexOf(part);
    return new PersonalDataSpan(kind, at, at + part.length());
  }
}
