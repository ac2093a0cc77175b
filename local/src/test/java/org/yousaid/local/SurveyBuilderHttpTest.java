package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.local.ThemeFormsTest.assertErrorLinksTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.ChoiceOption;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.QuestionType;
import org.yousaid.shared.model.Response;
import org.yousaid.testing.WithLocalMode;

/**
 * The survey builder over real HTTP, as a hurried officer uses it: questions of all six types added
 * to a draft, bad input sent back with everything typed, options added and reordered without
 * JavaScript, questions reordered and the form previewed exactly as the public will see it; and,
 * once people have answered, every attempt to remove or retype an answered question or a chosen
 * option refused on the page with the reason, with every stored answer still as it was.
 */
class SurveyBuilderHttpTest {

  @WithLocalMode static LocalMode local;
  private static OfficerBrowser officer;

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"([0-9a-f]+)\"");

  @BeforeAll
  static void signIn() {
    officer = new OfficerBrowser(local, "builder@demo.example", List.of("demo"));
  }

  private static String enc(String s) {
    return OfficerBrowser.enc(s);
  }

  private static String follow(HttpResponse<String> redirect) throws Exception {
    assertEquals(303, redirect.statusCode(), redirect.body());
    return officer.get(redirect.headers().firstValue("Location").orElseThrow()).body();
  }

  /** The questions' version a page was shown with, which every change sends back. */
  private static String version(String page) {
    Matcher m = VERSION.matcher(page);
    assertTrue(m.find(), "the page carries the questions' version");
    return m.group(1);
  }

  private static Consultation stored(String id) {
    return local.services().consultations().find("demo", id).orElseThrow();
  }

  private static List<String> ids(String id) {
    return stored(id).questions().stream().map(Question::id).toList();
  }

  private static String add(String base, String form) throws Exception {
    String v = version(officer.get(base + "/new").body());
    return follow(officer.postForm(base + "/new", "action=save&version=" + v + "&" + form));
  }

  @Test
  void aHurriedOfficerBuildsADraftOfEverySortOfQuestionReordersItAndPreviewsIt() throws Exception {
    follow(
        officer.postForm(
            "/officer/councils/demo/new-consultation",
            "template=page-feedback&id=transport-2027&title=" + enc("Home to school transport")));
    // Page feedback's questions are fixed (councils' own pages send answers to them).
    String base = "/officer/councils/demo/consultations/transport-2027/questions";
    assertTrue(officer.get(base).body().contains("The questions of page feedback are fixed"));
    HttpResponse<String> refused =
        officer.postForm(
            base + "/new",
            "action=save&version="
                + version(officer.get(base + "/new").body())
                + "&type=FREE_TEXT&text=Anything");
    assertEquals(409, refused.statusCode());
    assertEquals(2, stored("transport-2027").questions().size(), "nothing was added");

    follow(
        officer.postForm(
            "/officer/councils/demo/new-consultation",
            "template=local-offer&id=short-breaks-2027&title=" + enc("Short breaks 2027")));
    base = "/officer/councils/demo/consultations/short-breaks-2027/questions";
    // Start from an empty draft: remove every template question (nobody has answered a draft).
    for (String id : ids("short-breaks-2027")) {
      String confirm = officer.get(base + "/" + id + "?remove=yes").body();
      assertTrue(confirm.contains("Are you sure you want to remove this question?"), confirm);
      String after =
          follow(
              officer.postForm(
                  base + "/" + id, "action=remove&confirm=yes&version=" + version(confirm)));
      assertTrue(after.contains("Question removed."), "a success banner");
    }
    assertEquals(List.of(), ids("short-breaks-2027"));

    // Bad input: nothing chosen, no wording, a silly limit, one option. All typed comes back.
    String page = officer.get(base + "/new").body();
    HttpResponse<String> bad =
        officer.postForm(
            base + "/new",
            "action=save&version="
                + version(page)
                + "&text=&hint="
                + enc("Keep <this> hint")
                + "&maxLength=lots&option.0.value=&option.0.label="
                + enc("Only <one>")
                + "&option.1.value=&option.1.label=");
    assertEquals(400, bad.statusCode());
    assertErrorLinksTo(bad.body(), "type", "Choose how people answer this question");
    assertErrorLinksTo(bad.body(), "text", "Enter the question");
    assertTrue(bad.body().contains("value=\"Keep &lt;this&gt; hint\""), "the hint is kept");
    assertTrue(bad.body().contains("value=\"lots\""), "the limit as typed");
    assertTrue(bad.body().contains("value=\"Only &lt;one&gt;\""), "the option as typed");
    HttpResponse<String> oneOption =
        officer.postForm(
            base + "/new",
            "action=save&version="
                + version(page)
                + "&type=SINGLE_CHOICE&text=Pick&option.0.value=&option.0.label=Only");
    assertEquals(400, oneOption.statusCode());
    assertErrorLinksTo(oneOption.body(), "options", "Enter at least 2 options");
    HttpResponse<String> tooLong =
        officer.postForm(
            base + "/new",
            "action=save&version=" + version(page) + "&type=FREE_TEXT&text=Tell&maxLength=9");
    assertErrorLinksTo(tooLong.body(), "maxLength", "Enter the most characters");
    assertEquals(List.of(), ids("short-breaks-2027"), "nothing refused was saved");

    // "Add another option" and moving options post the form back as typed, saving nothing.
    String typed =
        "version="
            + version(page)
            + "&type=SINGLE_CHOICE&text="
            + enc("How do you hear about short breaks?")
            + "&option.0.value=&option.0.label=Email&option.1.value=&option.1.label=Letter";
    HttpResponse<String> another = officer.postForm(base + "/new", "action=add-option&" + typed);
    assertEquals(200, another.statusCode());
    assertTrue(another.body().contains("id=\"option-2-label\""), "a third, empty option row");
    assertTrue(another.body().contains("value=\"How do you hear about short breaks?\""));
    HttpResponse<String> moved =
        officer.postForm(
            base + "/new", "action=up-option-1&" + typed + "&option.2.value=&option.2.label=Text");
    String movedBody = moved.body();
    assertTrue(
        movedBody.indexOf("value=\"Letter\"") < movedBody.indexOf("value=\"Email\""),
        "Letter moved above Email");
    assertEquals(List.of(), ids("short-breaks-2027"));

    // One question of each of the six types.
    String added =
        add(
            base,
            "type=SINGLE_CHOICE&text="
                + enc("How do you hear about short breaks?")
                + "&required=yes&option.0.value=&option.0.label=Letter&option.1.value="
                + "&option.1.label=Email&option.2.value=&option.2.label=");
    assertTrue(added.contains("Question added."), added);
    add(
        base,
        "type=FREE_TEXT&text=" + enc("What would make short breaks better?") + "&maxLength=800");
    add(
        base,
        "type=MULTI_CHOICE&text="
            + enc("Which breaks have you used?")
            + "&option.0.value=&option.0.label="
            + enc("Overnight stays")
            + "&option.1.value=&option.1.label="
            + enc("Holiday clubs")
            + "&option.2.value=&option.2.label="
            + enc("Sitting service"));
    add(base, "type=LIKERT_5&text=" + enc("Breaks are easy to book."));
    add(base, "type=YES_NO&text=" + enc("Did you get a break this year?") + "&required=yes");
    add(base, "type=RATING_1_5&text=" + enc("How good was your last break?"));
    Consultation built = stored("short-breaks-2027");
    assertEquals(
        List.of(
            QuestionType.SINGLE_CHOICE,
            QuestionType.FREE_TEXT,
            QuestionType.MULTI_CHOICE,
            QuestionType.LIKERT_5,
            QuestionType.YES_NO,
            QuestionType.RATING_1_5),
        built.questions().stream().map(Question::type).toList());
    Question first = built.questions().get(0);
    assertEquals(
        List.of("Letter", "Email"),
        first.options().stream().map(ChoiceOption::label).toList(),
        "the empty spare row is not an option");
    assertEquals(800, built.questions().get(1).maxLength());

    // Reorder: the rating question up to first place, one press at a time.
    String rating = built.questions().get(5).id();
    for (int i = 0; i < 5; i++) {
      String list = officer.get(base).body();
      String after =
          follow(
              officer.postForm(base, "move=up&question=" + rating + "&version=" + version(list)));
      assertTrue(after.contains("Question moved."));
    }
    assertEquals(rating, ids("short-breaks-2027").get(0));

    // A stale page (a second tab) changes nothing and says why.
    String stale = version(officer.get(base).body());
    follow(
        officer.postForm(
            base,
            "move=down&question=" + rating + "&version=" + version(officer.get(base).body())));
    HttpResponse<String> conflict =
        officer.postForm(base, "move=down&question=" + rating + "&version=" + stale);
    assertEquals(409, conflict.statusCode());
    assertErrorLinksTo(conflict.body(), "questions", "Someone changed the questions");
    assertEquals(rating, ids("short-breaks-2027").get(1), "moved once, not twice");

    // The preview is the public form, in the order just set, sending nothing.
    HttpResponse<String> preview =
        officer.get("/officer/councils/demo/consultations/short-breaks-2027/preview");
    assertEquals(200, preview.statusCode());
    String html = preview.body();
    assertTrue(html.contains("This is how people will see the form"), html);
    assertFalse(html.contains("Signed in as"), "no officer header: the page as the public sees it");
    assertFalse(html.contains("method=\"post\""), "the preview sends nothing");
    assertTrue(html.contains("type=\"button\""));
    List<String> order =
        List.of(
            "How do you hear about short breaks?",
            "How good was your last break?",
            "What would make short breaks better?",
            "Which breaks have you used?",
            "Breaks are easy to book.",
            "Did you get a break this year?");
    for (int i = 1; i < order.size(); i++) {
      assertTrue(
          html.indexOf(order.get(i - 1)) < html.indexOf(order.get(i)),
          order.get(i - 1) + " comes before " + order.get(i));
    }
    for (String option :
        List.of("Strongly agree", "5 - very good", "Sitting service", "Letter", "Yes")) {
      assertTrue(html.contains(option), "the preview shows " + option);
    }
    assertTrue(html.contains("You can enter up to 800 characters"));
  }

  @Test
  void onceAnsweredAQuestionCannotBeRemovedOrRetypedAndNoStoredAnswerChanges() throws Exception {
    String consultation = DemoData.LOCAL_OFFER;
    String base = "/officer/councils/demo/consultations/" + consultation + "/questions";
    HttpResponse<String> sent =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + local.port() + "/c/demo/" + consultation))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "q.find-information="
                            + enc("A search box by age, please")
                            + "&q.format=website&q.search-by=age"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, sent.statusCode(), sent.body());
    Map<String, Answer> before = answers(consultation);

    // The list says why: no Remove link for an answered question.
    String list = officer.get(base).body();
    assertTrue(list.contains("cannot be removed or change type"), list);
    assertFalse(list.contains(base + "/find-information?remove=yes"));
    String confirm = officer.get(base + "/find-information?remove=yes").body();
    assertTrue(confirm.contains("You cannot remove this question"), confirm);
    assertFalse(confirm.contains("name=\"confirm\""), "no way to confirm");

    // A hurried officer posts the removal anyway: refused, with the reason on the page.
    HttpResponse<String> removal =
        officer.postForm(
            base + "/find-information", "action=remove&confirm=yes&version=" + version(list));
    assertEquals(409, removal.statusCode());
    assertTrue(removal.body().contains("1 person has already answered it"), removal.body());
    assertTrue(ids(consultation).contains("find-information"));

    // Retyping it (a crafted form: the page offers no type choice) is refused.
    String form = officer.get(base + "/find-information").body();
    assertFalse(form.contains("name=\"type\" type=\"radio\""), "no type radios once answered");
    HttpResponse<String> retype =
        officer.postForm(
            base + "/find-information",
            "action=save&version="
                + version(form)
                + "&type=SINGLE_CHOICE&text=Changed&option.0.value=&option.0.label=A"
                + "&option.1.value=&option.1.label=B");
    assertEquals(400, retype.statusCode());
    assertErrorLinksTo(retype.body(), "type", "You cannot change the type of this question");
    assertTrue(retype.body().contains("value=\"Changed\""), "what was typed is kept");

    // The chosen option of "format" can be neither removed nor reworded; others can.
    String format = officer.get(base + "/format").body();
    assertTrue(format.contains("Chosen by 1 person"), format);
    String keepOthers =
        "&option.1.value=printed&option.1.label="
            + enc("A printed directory or leaflet")
            + "&option.2.value=keyworker&option.2.label="
            + enc("A named person I can talk to");
    HttpResponse<String> dropChosen =
        officer.postForm(
            base + "/format",
            "action=save&version="
                + version(format)
                + "&type=SINGLE_CHOICE&text=How%3F"
                + keepOthers);
    assertEquals(400, dropChosen.statusCode());
    assertErrorLinksTo(dropChosen.body(), "options", "You cannot remove “A website I can search”");
    HttpResponse<String> reword =
        officer.postForm(
            base + "/format",
            "action=save&version="
                + version(format)
                + "&type=SINGLE_CHOICE&text=How%3F&option.0.value=website&option.0.label=Email"
                + keepOthers);
    assertEquals(400, reword.statusCode());
    assertErrorLinksTo(
        reword.body(), "option-0-label", "“A website I can search” cannot be reworded");

    // What is allowed: a corrected wording, a new option, an unchosen option removed.
    String saved =
        follow(
            officer.postForm(
                base + "/format",
                "action=save&version="
                    + version(format)
                    + "&type=SINGLE_CHOICE&text="
                    + enc("How would you like to hear about the Local Offer?")
                    + "&option.0.value=website&option.0.label="
                    + enc("A website I can search")
                    + keepOthers
                    + "&option.3.value=&option.3.label="
                    + enc("A text message")));
    assertTrue(saved.contains("Question saved."), saved);
    Question changed = stored(consultation).question("format").orElseThrow();
    assertEquals(
        List.of("website", "printed", "keyworker", "a-text-message"),
        changed.options().stream().map(ChoiceOption::value).toList(),
        "the kept options keep their stored values; the unchosen 'other' is gone");
    assertEquals(QuestionType.SINGLE_CHOICE, changed.type());

    // An unanswered question can go, after the confirmation.
    String confirmPage = officer.get(base + "/anything-else?remove=yes").body();
    HttpResponse<String> unconfirmed =
        officer.postForm(base + "/anything-else", "action=remove&version=" + version(confirmPage));
    assertEquals(400, unconfirmed.statusCode());
    assertErrorLinksTo(unconfirmed.body(), "confirm", "Select yes if you want to remove");
    assertTrue(
        follow(
                officer.postForm(
                    base + "/anything-else",
                    "action=remove&confirm=yes&version=" + version(confirmPage)))
            .contains("Question removed."));
    assertFalse(ids(consultation).contains("anything-else"));

    assertEquals(before, answers(consultation), "every stored answer is as it was");
    String publicForm =
        HTTP.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + local.port() + "/c/demo/" + consultation))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertTrue(publicForm.contains("How would you like to hear about the Local Offer?"));
    assertTrue(publicForm.contains("A text message"));
    assertFalse(publicForm.contains("Is there anything else you would like to tell us?"));
  }

  /** Every stored answer of the consultation, by response and question. */
  private static Map<String, Answer> answers(String consultation) {
    Map<String, Answer> all = new java.util.TreeMap<>();
    for (Response r : local.services().responses().listForConsultation("demo", consultation)) {
      r.answers().forEach(a -> all.put(r.id() + "/" + a.questionId(), a));
    }
    assertFalse(all.isEmpty());
    return all;
  }
}
