package org.yousaid.analysis.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageCheckTest {
  private final LanguageCheck check = new LanguageCheck();

  @Test
  void englishAnswersStayEnglishIncludingForeignNamesAndKeywordLists() {
    for (String text :
        List.of(
            "The transport to respite is always late and my son gets very anxious waiting for the taxi.",
            "Please do not cut the short breaks budget, we would not cope without the Saturday club.",
            "Respite, OT, transport",
            "Ysgol Gymraeg Bro Morgannwg has been brilliant with my daughter since September.",
            "Mrs Kowalczyk at the school office helped us more than anyone at the council did.",
            "Playscheme",
            "EHCP review took 9 months",
            "I think the new panel is a good idea as long as parents can attend.",
            // StackOverflow-20 titles an earlier version flagged (acronyms, "w/o", two-letter
            // words)
            "Virtualize mac client OS on OS X server",
            "Expose VSTO functionality to VBA w/o local admin",
            "De-dupe files in BASH",
            "No error message available, result code: E_FAIL(0x80004005)",
            "Solution: Per application, or per application suite.")) {
      LanguageCheck.Result r = check.check(text);
      assertTrue(r.english(), () -> "flagged as " + r.language() + ": " + text);
      assertEquals("en", r.language());
    }
  }

  @Test
  void answersInLanguagesCouncilsReceiveAreFlaggedWithAGuess() {
    assertFlagged(
        "cy", "Mae angen mwy o gymorth ar fy mhlentyn yn yr ysgol a does dim digon o staff.");
    assertFlagged(
        "pl", "Moje dziecko potrzebuje więcej pomocy w szkole, ale nie ma miejsca na zajęcia.");
    assertFlagged("ur", "Mere bete ko school mein bohat madad chahiye aur transport nahi hai.");
    assertFlagged(
        "ro", "Copilul meu are nevoie de mai mult ajutor la școala și nu este transport.");
    assertFlagged("pt", "O meu filho precisa de mais ajuda na escola e não tem transporte.");
    assertFlagged("und-Arabic", "میرے بیٹے کو اسکول میں مزید مدد کی ضرورت ہے");
    assertFlagged("und-Bengali", "আমার ছেলের স্কুলে আরও সাহায্য দরকার");
    assertFlagged("und-Cyrillic", "Моему сыну нужна дополнительная помощь в школе");
  }

  @Test
  void blankAndVeryShortTextIsNotJudged() {
    assertTrue(check.check("").english());
    assertTrue(check.check(null).english());
    assertTrue(check.check("Dim sylw").english(), "two words are not enough evidence");
  }

  private void assertFlagged(String language, String text) {
    LanguageCheck.Result r = check.check(text);
    assertFalse(r.english(), () -> "not flagged: " + text);
    assertEquals(language, r.language(), text);
  }
}
