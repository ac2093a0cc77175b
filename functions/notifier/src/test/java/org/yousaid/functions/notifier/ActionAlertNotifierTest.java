package org.yousaid.functions.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.register.ActionAlert;
import org.yousaid.shared.register.ActionStatus;
import org.yousaid.shared.register.ExclusionReason;
import org.yousaid.shared.register.RegisterArea;
import org.yousaid.shared.register.RegisterEntry;
import org.yousaid.shared.register.RegisterRepository;
import org.yousaid.shared.register.RegisterTheme;
import org.yousaid.shared.storage.Storage;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The notifier against DynamoDB Local and a real mail folder: who gets an email for a change of
 * status (those who asked, whose answer is in the theme and not kept out), that a second save of
 * the same status writes nothing, that a redelivery or a retry after a failed send never sends an
 * email twice, and that an erased or stopped alert gets nothing more.
 */
class ActionAlertNotifierTest {

  static final String COUNCIL = "alerts";

  @WithDynamoDb DynamoTable table;
  @TempDir Path mailFolder;
  Storage storage;
  RegisterRepository register;
  FolderMailSender folder;
  ActionAlertNotifier notifier;
  final NotifierConfig config =
      new NotifierConfig(
          "alerts@council.example", "https://consult.example", "https://site.example/");
  String question;

  @BeforeEach
  void setUp() {
    storage = Storage.of(table.client(), table.name(), Clock.systemUTC());
    register = storage.register();
    storage
        .consultations()
        .save(ConsultationTemplates.localOffer(COUNCIL, "Alertshire", "lo", List.of(), null, null));
    question =
        storage.consultations().find(COUNCIL, "lo").orElseThrow().questions().stream()
            .filter(q -> q.type() == org.yousaid.shared.model.QuestionType.FREE_TEXT)
            .findFirst()
            .orElseThrow()
            .id();
    folder = new FolderMailSender(mailFolder, Clock.systemUTC());
    notifier = new ActionAlertNotifier(storage, folder, config);
  }

  private Response answer(String id, String text) {
    Response r =
        new Response(
            id,
            COUNCIL,
            "lo",
            Instant.parse("2026-10-01T10:00:00Z"),
            Channel.WEB,
            List.of(Answer.text(question, text)),
            RespondentProfile.EMPTY,
            true,
            "RC" + id,
            Instant.parse("2029-10-01T10:00:00Z").getEpochSecond(),
            null);
    storage.responses().insert(r, Optional.empty());
    return r;
  }

  private void triage(String responseId, String themeId) {
    RegisterEntry e =
        register.entry(COUNCIL, RegisterEntry.id("lo", question, responseId)).orElseThrow();
    register.save(e.withTriage(RegisterArea.CONTENT, themeId, false));
  }

  /** Moves a theme's action to this status as the officer's save does; returns its outbox key. */
  private String move(String themeId, ActionStatus status) {
    RegisterTheme before = register.theme(COUNCIL, themeId).orElseThrow();
    RegisterTheme after =
        before.respond(
            "You told us the page was out of date.",
            "We checked every price on the short breaks page.",
            status,
            LocalDate.of(2026, 12, 2));
    assertTrue(register.saveTheme(COUNCIL, before, after, Instant.now()));
    assertFalse(
        register.saveTheme(COUNCIL, before, after, Instant.now()),
        "the same change saved again (another tab) writes nothing");
    return TableLayout.registerOutboxSk(themeId, after.history().size());
  }

  private List<MimeMessage> mails() throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    if (!Files.isDirectory(mailFolder)) {
      return out;
    }
    try (Stream<Path> files = Files.list(mailFolder)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".eml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(f)) {
          out.add(new MimeMessage(Session.getInstance(new Properties()), in));
        }
      }
    }
    return out;
  }

  private List<String> recipients() throws Exception {
    List<String> out = new ArrayList<>();
    for (MimeMessage m : mails()) {
      out.add(m.getAllRecipients()[0].toString());
    }
    out.sort(String::compareTo);
    return out;
  }

  @Test
  void eachRespondentWhoAskedGetsOneEmailPerChangeAndNeverTwice() throws Exception {
    Response a = answer("01ALERTA", "ANSWER-A the short breaks prices are wrong");
    Response b = answer("01ALERTB", "ANSWER-B short breaks page is out of date");
    Response kept = answer("01ALERTC", "you are useless EXCLUDED");
    answer("01ALERTD", "short breaks, nobody asked for email");
    Response other = answer("01ALERTE", "the search is hard to use");
    ActionAlert alertA = storage.alerts().subscribe(a, "a@family.example").orElseThrow();
    storage.alerts().subscribe(b, "b@family.example").orElseThrow();
    storage.alerts().subscribe(kept, "kept@family.example").orElseThrow();
    storage.alerts().subscribe(other, "other@family.example").orElseThrow();
    register.addNewComments(COUNCIL);
    register.saveTheme(
        COUNCIL,
        new RegisterTheme(
            "short-breaks", RegisterArea.CONTENT, "Short breaks", null, null, null, List.of()));
    register.saveTheme(
        COUNCIL,
        new RegisterTheme(
            "search", RegisterArea.ACCESSIBILITY, "Search", null, null, null, List.of()));
    for (String id : List.of("01ALERTA", "01ALERTB", "01ALERTC", "01ALERTD")) {
      triage(id, "short-breaks");
    }
    triage("01ALERTE", "search");
    RegisterEntry excluded =
        register.entry(COUNCIL, RegisterEntry.id("lo", question, "01ALERTC")).orElseThrow();
    register.save(
        excluded.withExclusion(
            new RegisterEntry.Exclusion(ExclusionReason.VEXATIOUS, "", "officer", Instant.now())));

    String planned = move("short-breaks", ActionStatus.PLANNED);
    assertEquals(2, notifier.deliver(COUNCIL, planned));
    assertEquals(List.of("a@family.example", "b@family.example"), recipients());
    assertEquals(0, notifier.deliver(COUNCIL, planned), "a redelivered record sends nothing");
    assertEquals(2, mails().size());

    MimeMessage first = mails().get(0);
    String body = String.valueOf(first.getContent());
    assertEquals("Alertshire: Short breaks - action planned", first.getSubject());
    assertTrue(body.contains("We checked every price on the short breaks page."));
    assertTrue(body.contains("this is now planned (since 2 December 2026)"), body);
    assertTrue(
        body.contains("https://site.example/published/alerts/local-offer-feedback/index.html"));
    assertTrue(
        first
            .getHeader("List-Unsubscribe", null)
            .startsWith("<https://consult.example/alerts/alerts/lo~"));
    for (MimeMessage m : mails()) {
      String text = String.valueOf(m.getContent());
      assertFalse(text.contains("ANSWER-"), "an email never repeats an answer");
      assertFalse(text.contains("prices are wrong"));
    }

    // A send that fails half-way: what went is not sent again by the retry.
    MailSender failsSecond =
        new MailSender() {
          int calls;

          @Override
          public void send(AlertMail mail) {
            if (++calls == 2) {
              throw new IllegalStateException("SES is down");
            }
            folder.send(mail);
          }
        };
    String started = move("short-breaks", ActionStatus.IN_PROGRESS);
    ActionAlertNotifier flaky = new ActionAlertNotifier(storage, failsSecond, config);
    assertThrows(IllegalStateException.class, () -> flaky.deliver(COUNCIL, started));
    assertEquals(3, mails().size());
    assertEquals(1, notifier.deliver(COUNCIL, started), "the retry sends only the one not sent");
    assertEquals(
        List.of("a@family.example", "a@family.example", "b@family.example", "b@family.example"),
        recipients());

    // Erased with the receipt: nothing more, and the address is nowhere in the table.
    assertTrue(storage.responses().eraseByReceipt(a.receipt()));
    String done = move("short-breaks", ActionStatus.DONE);
    assertEquals(1, notifier.deliver(COUNCIL, done));
    assertEquals(5, mails().size());
    assertEquals("b@family.example", mails().get(4).getAllRecipients()[0].toString());
    assertFalse(tableHolds("a@family.example"), "the erased respondent's address is gone");
    assertTrue(storage.alerts().findByLink(COUNCIL, alertA.linkId()).isEmpty());
    assertTrue(tableHolds("b@family.example"));
  }

  @Test
  void aStoppedAlertGetsNothingAndOnlyItsOwnLinkStopsIt() throws Exception {
    Response a = answer("01STOPA", "short breaks page please");
    Response b = answer("01STOPB", "short breaks again");
    ActionAlert alertA = storage.alerts().subscribe(a, "a@family.example").orElseThrow();
    ActionAlert alertB = storage.alerts().subscribe(b, "b@family.example").orElseThrow();
    register.addNewComments(COUNCIL);
    register.saveTheme(
        COUNCIL,
        new RegisterTheme(
            "short-breaks", RegisterArea.CONTENT, "Short breaks", null, null, null, List.of()));
    triage("01STOPA", "short-breaks");
    triage("01STOPB", "short-breaks");

    String forged = "lo~01STOPA~" + alertB.token();
    assertTrue(storage.alerts().findByLink(COUNCIL, forged).isEmpty(), "B's secret cannot stop A");
    assertTrue(storage.alerts().findByLink("other", alertA.linkId()).isEmpty());
    assertTrue(storage.alerts().findByLink(COUNCIL, "lo~01STOPA~../../x").isEmpty());
    ActionAlert found = storage.alerts().findByLink(COUNCIL, alertA.linkId()).orElseThrow();
    storage.alerts().cancel(found);
    storage.alerts().cancel(found); // stopping twice is harmless
    assertTrue(storage.alerts().find(COUNCIL, "lo", "01STOPA").isEmpty());
    ActionAlert again = storage.alerts().subscribe(b, "b2@family.example").orElseThrow();
    storage.alerts().cancel(alertB);
    assertEquals(
        java.util.Optional.of("b2@family.example"),
        storage.alerts().find(COUNCIL, "lo", "01STOPB").map(ActionAlert::email),
        "an old link does not stop an address given again since");
    alertB = again;
    assertFalse(tableHolds("b@family.example"), "only the last address given is kept");
    assertTrue(storage.responses().findByReceipt(a.receipt()).isPresent(), "the answers stay");

    assertEquals(1, notifier.deliver(COUNCIL, move("short-breaks", ActionStatus.DONE)));
    assertFalse(tableHolds("a@family.example"));
    assertEquals(
        "ActionAlert[alerts/lo/01STOPB]", alertB.toString(), "a logged alert shows no address");
    assertEquals(List.of("b2@family.example"), recipients());
  }

  @Test
  void anAlertCannotOutliveAnErasure() {
    Response a = answer("01GONEA", "short breaks");
    assertTrue(storage.responses().eraseByReceipt(a.receipt()));
    assertTrue(storage.alerts().subscribe(a, "late@family.example").isEmpty());
    assertFalse(tableHolds("late@family.example"));
  }

  private boolean tableHolds(String text) {
    for (Map<String, AttributeValue> item :
        table.client().scanPaginator(b -> b.tableName(table.name())).items()) {
      if (item.toString().contains(text)) {
        return true;
      }
    }
    return false;
  }
}
