package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.functions.officer.OfficerSession.enc;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.officer.OfficerSession.Reply;
import org.yousaid.shared.audit.AuditEntry;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.themes.EffectiveThemes.Theme;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * One theme of the real engine's analysis, and every correction officers make to it: stored,
 * logged, shown, and refused with a clear 400 when the form is wrong.
 */
@WithDynamoDb
class ThemeDetailTest {

  private static final String THEMES =
      "/officer/councils/demo/consultations/local-offer-2026/themes";

  private OfficerFixture fixture;
  private OfficerSession officer;

  @BeforeEach
  void analyse(DynamoTable table) {
    fixture = new OfficerFixture(table);
    officer = fixture.officer("corrector@demo.example", "demo");
    fixture.answerAndAnalyse(officer);
    assertTrue(themes().size() >= 2, "the engine found themes: " + themes());
  }

  private List<Theme> themes() {
    return fixture.themes().stream().filter(t -> !t.other()).toList();
  }

  private Theme theme(String id) {
    return fixture.themes().stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
  }

  private static String path(Theme theme) {
    return THEMES + "/find-information/" + theme.id();
  }

  private static String answers(List<String> ids) {
    return ids.stream().map(id -> "answer=" + id).collect(Collectors.joining("&"));
  }

  private Set<String> consented() {
    return fixture.services.responses().listForConsultation("demo", "local-offer-2026").stream()
        .filter(Response::consentToQuote)
        .map(Response::id)
        .collect(Collectors.toSet());
  }

  private List<AuditEntry> log() {
    return fixture.services.audit().entries("demo", "local-offer-2026");
  }

  /** As Pebble escapes text in HTML. */
  private static String escaped(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  @Test
  void theThemePageShowsEveryAnswerAndWhetherItMayBeQuoted() {
    Theme theme = themes().get(0);
    Reply page = officer.get(path(theme));
    assertEquals(200, page.status(), page.body());
    String html = page.body();
    assertTrue(html.contains(escaped(theme.label())));
    assertTrue(html.contains(theme.count() + " answers."));
    Set<String> consented = consented();
    var texts = fixture.services.responses().listForConsultation("demo", "local-offer-2026");
    for (String member : theme.memberIds()) {
      String text =
          texts.stream()
              .filter(r -> r.id().equals(member))
              .findFirst()
              .orElseThrow()
              .answer("find-information")
              .orElseThrow()
              .text();
      assertTrue(html.contains(escaped(text)), "the member's answer, escaped: " + text);
      assertTrue(html.contains("value=\"" + member + "\""), "a box to select " + member);
    }
    boolean anyConsented = theme.memberIds().stream().anyMatch(consented::contains);
    boolean anyRefused = !consented.containsAll(theme.memberIds());
    assertEquals(anyConsented, html.contains("may be quoted as"));
    assertEquals(anyRefused, html.contains("did not agree to be quoted"));
    assertTrue(html.contains("Merge this theme into"), "other themes to merge into");
  }

  @Test
  void renamingAndWeDidAreStoredLoggedAndShownOnBothPages() {
    Theme theme = themes().get(0);
    Reply renamed =
        officer.postForm(path(theme), "action=rename&label=" + enc("  Search <by age>  "));
    assertEquals(303, renamed.status(), renamed.body());
    assertEquals(path(theme) + "?done=renamed", renamed.header("Location").orElse(null));
    assertTrue(
        officer.get(renamed.header("Location").orElseThrow()).body().contains("Theme renamed."),
        "the success banner");
    Reply weDid =
        officer.postForm(
            path(theme),
            "action=we-did&status=done&date=2026-11-01&text=" + enc("We added a search filter"));
    assertEquals(303, weDid.status(), weDid.body());
    assertEquals(path(theme) + "?done=we-did", weDid.header("Location").orElse(null));

    Theme after = theme(theme.id());
    assertEquals("Search <by age>", after.label(), "trimmed, kept as typed");
    assertEquals("We added a search filter", after.weDid().text());
    assertEquals("done", after.weDid().status());
    assertEquals(java.time.LocalDate.parse("2026-11-01"), after.weDid().date());
    assertEquals(theme.memberIds(), after.memberIds(), "renaming moves no answer");

    String page = officer.get(path(theme)).body();
    assertTrue(page.contains("Search &lt;by age&gt;"), "escaped: " + page);
    assertFalse(page.contains("Search <by age>"));
    assertTrue(
        page.contains("We did (done, 1 November 2026):</strong> We added a search filter"), page);
    String list = officer.get(THEMES).body();
    assertTrue(list.contains("Search &lt;by age&gt;"));
    assertTrue(list.contains("We added a search filter"));

    List<AuditEntry> log = log();
    assertEquals(
        List.of("theme rename", "theme we-did"),
        log.stream().map(AuditEntry::action).filter(a -> a.startsWith("theme ")).toList());
    assertTrue(log.stream().allMatch(e -> e.officer().equals("corrector@demo.example")));
    assertTrue(
        log.stream().noneMatch(e -> e.summary().contains("search filter")),
        "the log says what was done, not what was written");
  }

  @Test
  void aWeDidNeedsTextAStatusAndARealDate() {
    Theme theme = themes().get(0);
    String ok = "&status=planned&date=31%2F01%2F2027&text=Soon";
    for (String[] bad :
        new String[][] {
          {"action=we-did&status=planned&text=", "Enter what the council did"},
          {"action=we-did&status=planned&text=" + "x".repeat(2001), "up to 2000 characters"},
          {"action=we-did&status=finished&text=Soon", "planned, in progress or done"},
          {"action=we-did&text=Soon", "planned, in progress or done"},
          {"action=we-did&status=done&date=31%2F02%2F2027&text=Soon", "Enter a real date"},
          {"action=we-did&status=done&date=2027-02-30&text=Soon", "Enter a real date"},
          {"action=we-did&status=done&date=next+Tuesday&text=Soon", "Enter a real date"},
          {"action=we-did&status=done&date=01%2F31%2F2027&text=Soon", "Enter a real date"}
        }) {
      Reply refused = officer.postForm(path(theme), bad[0]);
      assertEquals(400, refused.status(), bad[0]);
      assertTrue(refused.body().contains(bad[1]), bad[0] + ": " + refused.body());
    }
    assertNull(theme(theme.id()).weDid(), "nothing was stored");
    assertEquals(303, officer.postForm(path(theme), "action=we-did" + ok).status(), "a UK date");
    assertEquals(java.time.LocalDate.of(2027, 1, 31), theme(theme.id()).weDid().date());
    assertEquals(
        303,
        officer.postForm(path(theme), "action=we-did&status=in+progress&text=Later").status(),
        "the date is optional");
    assertEquals("Later", theme(theme.id()).weDid().text(), "the latest response wins");
  }

  @Test
  void approvedQuotesComeOnlyFromPeopleWhoAgreedAndCanBeWithdrawn() {
    Set<String> agreed = consented();
    // Every other respondent agreed: a theme with both kinds of member shows the difference.
    Theme theme =
        themes().stream()
            .filter(t -> t.memberIds().stream().anyMatch(agreed::contains))
            .filter(t -> !agreed.containsAll(t.memberIds()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no theme mixes both: " + themes()));
    Reply none = officer.postForm(path(theme), "action=approve");
    assertEquals(400, none.status(), "approving needs a selected answer");
    assertTrue(none.body().contains("Select at least one answer"));
    List<String> notMembers =
        themes().stream()
            .flatMap(t -> t.memberIds().stream())
            .filter(id -> !theme.memberIds().contains(id))
            .distinct()
            .toList();
    assertFalse(notMembers.isEmpty());
    Reply foreign = officer.postForm(path(theme), "action=approve&" + answers(notMembers));
    assertEquals(400, foreign.status(), "another theme's answers are not this theme's to approve");

    Set<String> consented = consented();
    Set<String> expected = new HashSet<>(theme.memberIds());
    expected.retainAll(consented);
    assertFalse(expected.isEmpty(), "the theme has members who agreed");
    assertFalse(expected.equals(new HashSet<>(theme.memberIds())), "and members who did not");

    Reply mixed = officer.postForm(path(theme), "action=approve&" + answers(theme.memberIds()));
    assertEquals(400, mixed.status(), "a selection with a non-consenting answer is refused");
    assertTrue(
        mixed.body().contains("cannot be quoted: their authors did not agree")
            || mixed.body().contains("cannot be quoted: its author did not agree"),
        mixed.body());
    assertTrue(theme(theme.id()).quotes().isEmpty(), "not even the consenting ones are approved");
    String refused =
        theme.memberIds().stream().filter(id -> !consented.contains(id)).findFirst().orElseThrow();
    Reply one = officer.postForm(path(theme), "action=approve&answer=" + refused);
    assertEquals(400, one.status());
    assertTrue(one.body().contains("1 of the answers you chose cannot be quoted"), one.body());
    assertTrue(theme(theme.id()).quotes().isEmpty());

    Reply approved =
        officer.postForm(path(theme), "action=approve&" + answers(List.copyOf(expected)));
    assertEquals(303, approved.status(), approved.body());
    assertEquals(path(theme) + "?done=approved", approved.header("Location").orElse(null));
    assertEquals(expected, theme(theme.id()).quotes().keySet(), "only those who agreed");
    assertTrue(officer.get(path(theme)).body().contains("quote approved"));
    String withdrawn = expected.iterator().next();
    assertEquals(
        303, officer.postForm(path(theme), "action=withdraw&answer=" + withdrawn).status());
    assertFalse(theme(theme.id()).quotes().containsKey(withdrawn));
    assertEquals(expected.size() - 1, theme(theme.id()).quotes().size());
    assertEquals(400, officer.postForm(path(theme), "action=withdraw").status(), "withdraw what?");
  }

  @Test
  void mergingMovesEveryAnswerAndShowsTheThemeMergedInto() {
    Theme from = themes().get(0);
    Theme into = themes().get(1);
    Reply merged = officer.postForm(path(from), "action=merge&target=" + into.id());
    assertEquals(303, merged.status(), merged.body());
    assertEquals(path(into) + "?done=merged", merged.header("Location").orElse(null));
    assertNull(theme(from.id()), "the merged theme is gone");
    Set<String> both = new HashSet<>(from.memberIds());
    both.addAll(into.memberIds());
    assertEquals(both, new HashSet<>(theme(into.id()).memberIds()));
    Reply gone = officer.get(path(from));
    assertEquals(404, gone.status());
    assertTrue(gone.body().contains("merged into another one"));
  }

  @Test
  void movingAndSplittingTakeOnlyTheSelectedAnswers() {
    Theme from = themes().get(0);
    Theme to = themes().get(1);
    assertTrue(from.count() >= 2, "the theme has answers to move: " + from);
    String moved = from.memberIds().get(0);
    assertEquals(
        303,
        officer
            .postForm(path(from), "action=move&target=" + to.id() + "&answer=" + moved)
            .status());
    assertFalse(theme(from.id()).memberIds().contains(moved));
    assertTrue(theme(to.id()).memberIds().contains(moved));

    String split = theme(from.id()).memberIds().get(0);
    Reply made =
        officer.postForm(path(from), "action=split&label=" + enc("Split off") + "&answer=" + split);
    assertEquals(303, made.status(), made.body());
    Theme created =
        fixture.themes().stream()
            .filter(t -> t.label().equals("Split off"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no theme named Split off"));
    assertEquals(List.of(split), created.memberIds());
    assertFalse(theme(from.id()).memberIds().contains(split));
    assertEquals(
        List.of("theme move", "theme split"),
        log().stream().map(AuditEntry::action).filter(a -> a.startsWith("theme ")).toList());
    assertTrue(
        log().stream().anyMatch(e -> e.summary().endsWith("(1 answers)")),
        "the log counts the answers, never names them");
  }

  @Test
  void aWrongFormIsRefusedWithTheReasonAndChangesNothing() {
    Theme theme = themes().get(0);
    List<Theme> before = fixture.themes();
    for (String[] bad :
        new String[][] {
          {"action=explode", "Choose what to do with this theme"},
          {"", "Choose what to do with this theme"},
          {"action=rename&label=+++", "Enter a theme name"},
          {"action=rename&label=" + "x".repeat(121), "up to 120 characters"},
          {"action=merge", "Choose the theme to merge into"},
          {"action=merge&target=" + theme.id(), "Choose the theme to merge into"},
          {"action=move&target=" + themes().get(1).id(), "Select at least one answer"},
          {"action=split&label=New&answer=not-a-member", "Select at least one answer"},
          {"action=split&answer=" + theme.memberIds().get(0), "Enter a theme name"}
        }) {
      Reply refused = officer.postForm(path(theme), bad[0]);
      assertEquals(400, refused.status(), bad[0]);
      assertTrue(refused.body().contains(bad[1]), bad[0] + ": " + refused.body());
    }
    assertEquals(before, fixture.themes(), "nothing changed");
    assertTrue(log().stream().noneMatch(e -> e.action().startsWith("theme ")), "nothing logged");
  }

  @Test
  void anUnknownThemeQuestionOrConsultationIsNotFound() {
    assertEquals(404, officer.get(THEMES + "/find-information/no-such-theme").status());
    assertEquals(
        404,
        officer
            .postForm(THEMES + "/find-information/no-such-theme", "action=rename&label=X")
            .status());
    Reply choice = officer.get(THEMES + "/format/" + themes().get(0).id());
    assertEquals(404, choice.status(), "a choice question is never analysed");
    assertTrue(choice.body().contains("has not been analysed yet"));
    assertEquals(
        404,
        officer
            .get("/officer/councils/demo/consultations/nope/themes/find-information/x")
            .status());
  }

  @Test
  void anotherCouncilsOfficerCanNeitherSeeNorCorrectIt() {
    Theme theme = themes().get(0);
    OfficerSession elsewhere = fixture.officer("x@elsewhere.example", "elsewhere");
    Reply seen = elsewhere.get(path(theme));
    assertEquals(403, seen.status());
    assertFalse(seen.body().contains(escaped(theme.label())));
    assertEquals(403, elsewhere.postForm(path(theme), "action=rename&label=Mine").status());
    assertEquals(theme.label(), theme(theme.id()).label());
  }
}
