package org.yousaid.analysis.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.nlp.AnnotatedText;
import org.yousaid.analysis.nlp.CoreNlpAnnotator;
import org.yousaid.redaction.Redaction;

/** Labels against real CoreNLP (with names), attacked as a hurried officer would read them. */
class PhraseLabellerTest {
  static CoreNlpAnnotator annotator;

  @BeforeAll
  static void load() {
    annotator = new CoreNlpAnnotator(true);
  }

  /** The label of the first {@code inTheme} answers against all of them. */
  private static String label(int inTheme, String... texts) {
    List<AnnotatedText> annotated = annotator.annotateAll(List.of(texts));
    List<Integer> members = IntStream.range(0, inTheme).boxed().toList();
    return new PhraseLabeller(annotated, Redaction.standard()).label(members, null);
  }

  private static final String[] ELSEWHERE = {
    "The car park was full again.",
    "Parking costs far too much.",
    "The food on the ward was cold.",
    "Lunch was nice and hot.",
  };

  private static String[] with(String... theme) {
    List<String> all = new ArrayList<>(List.of(theme));
    all.addAll(List.of(ELSEWHERE));
    return all.toArray(String[]::new);
  }

  @Test
  void aPhraseInTheAnswersOwnWordsNotTwoKeyWords() {
    String label =
        label(
            5,
            with(
                "The waiting time for appointments is far too long.",
                "Long waiting time for appointments, we waited weeks.",
                "Waiting time for appointments needs to improve.",
                "The nurse was kind but the waiting time was awful.",
                "Appointments took months, the waiting time is shocking."));
    assertNotNull(label);
    assertTrue(label.toLowerCase(Locale.ROOT).contains("waiting time"), label);
    assertFalse(label.contains(" and "), label);
    assertTrue(Character.isUpperCase(label.charAt(0)), label);
  }

  /**
   * Parents name their child whatever they write about: the bus escort, direct payments, a phone
   * call. "Daughter" labelled such a theme of a SEND annual-review survey; it says who, not what.
   */
  @Test
  void neverAFamilyWordAlone() {
    String label =
        label(
            4,
            with(
                "The bus escort is lovely and my daughter is happy.",
                "Direct payments work well for us and our daughter.",
                "Please call me about my daughter, nobody has.",
                "My son and daughter both waited a year."));
    if (label != null) {
      for (String who : List.of("daughter", "son", "child", "children", "parent", "family"))
        assertFalse(label.toLowerCase(Locale.ROOT).equals(who), label);
    }
  }

  @Test
  void neverTwoUnrelatedWordsJoinedByAnd() {
    String label =
        label(
            4,
            with(
                "The nurse listened and the doctor was long winded.",
                "Nurse was lovely and the wait was long.",
                "Long wait but the nurse and doctor were kind.",
                "The nurse explained and it took long."));
    assertNotNull(label);
    assertFalse(label.toLowerCase(Locale.ROOT).matches(".*\\band\\b.*"), label);
  }

  @Test
  void neverAPersonSchoolOrganisationOrPlace() {
    String label =
        label(
            5,
            with(
                "Riverside High School has been great with the transition plan.",
                "Mrs Patel at Riverside High School sorted the transition plan.",
                "Riverside High School staff made the transition plan work.",
                "Sarah Jones at Oakwood Academy helped with the transition plan.",
                "The transition plan from Oakwood Academy was clear, thanks to Karen."));
    assertNotNull(label);
    String lower = label.toLowerCase(Locale.ROOT);
    for (String bad : List.of("riverside", "patel", "sarah", "jones", "oakwood", "karen"))
      assertFalse(lower.contains(bad), label);
    assertFalse(Redaction.standard().containsPersonalData(label), label);
    assertTrue(lower.contains("transition plan"), label);
  }

  @Test
  void neverARedactionToken() {
    String label =
        label(
            4,
            with(
                "[name] at [school] helped with speech therapy.",
                "[name] [name] was brilliant with speech therapy.",
                "Speech therapy with [name] every week.",
                "[school] cut the speech therapy sessions."));
    assertNotNull(label);
    assertFalse(label.contains("["), label);
    assertFalse(label.toLowerCase(Locale.ROOT).contains("name"), label);
    assertTrue(label.toLowerCase(Locale.ROOT).contains("speech therapy"), label);
  }

  @Test
  void neverAnotherToolsAnonymisationMark() {
    // the NHS feedback set replaces names with XXXX; a label must not be "XXXX"
    String label =
        label(
            4,
            with(
                "XXXX was brilliant with the physio exercises.",
                "Thanks to XXXX for the physio exercises.",
                "XXXX and XXXX explained the physio exercises.",
                "XXXX helped so much."));
    assertNotNull(label);
    assertFalse(label.toLowerCase(Locale.ROOT).contains("xxx"), label);
  }

  @Test
  void noSharedPhraseNoLabel() {
    assertEquals(null, label(2, "Brilliant.", "Thanks!", "The car park was full again."));
  }
}
