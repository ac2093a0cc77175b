package org.yousaid.shared.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.f4b6a3.ulid.Ulid;
import com.github.f4b6a3.ulid.UlidCreator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.QuestionType;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.storage.Storage;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.testing.CountingDynamoDb;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * The register's view adds new comments without reading every response again: only those stored
 * since its last look (with a margin), counted here in the items DynamoDB Local actually returns. A
 * new comment still appears, an excluded one stays excluded, and a response written with an id of
 * the past (local mode's demo answers) is found by the full sweep meant for it.
 */
class RegisterSweepTest {

  @WithDynamoDb DynamoTable table;
  CountingDynamoDb counter;
  Storage storage;
  RegisterRepository register;
  String question;
  int receipts;

  @BeforeEach
  void setUp() {
    counter = new CountingDynamoDb(table.client(), TableLayout.RESPONSE_PREFIX);
    storage = Storage.of(counter, table.name(), Clock.systemUTC());
    register = storage.register();
    storage
        .consultations()
        .save(ConsultationTemplates.localOffer("sweep", "Sweep", "lo", List.of(), null, null));
    Consultation lo = storage.consultations().find("sweep", "lo").orElseThrow();
    question =
        lo.questions().stream()
            .filter(q -> q.type() == QuestionType.FREE_TEXT)
            .findFirst()
            .orElseThrow()
            .id();
  }

  private String insert(String id, String text) {
    receipts++;
    storage
        .responses()
        .insert(
            new Response(
                id,
                "sweep",
                "lo",
                Instant.now(),
                Channel.WEB,
                List.of(Answer.text(question, text)),
                RespondentProfile.EMPTY,
                true,
                "RCPTSWEEP" + receipts,
                Instant.now().plus(Duration.ofDays(30)).getEpochSecond(),
                null),
            Optional.empty());
    return id;
  }

  private static String idOfThePast(Duration ago, Random random) {
    byte[] entropy = new byte[10];
    random.nextBytes(entropy);
    return new Ulid(Instant.now().minus(ago).toEpochMilli(), entropy).toString();
  }

  @Test
  void aNewCommentAppearsAndAnExcludedOneStaysExcluded() {
    String first = insert(UlidCreator.getMonotonicUlid().toString(), "the map is out of date");
    assertEquals(1, register.addNewComments("sweep"));
    RegisterEntry entry = register.entries("sweep").get(0);
    RegisterEntry.Exclusion why =
        new RegisterEntry.Exclusion(
            ExclusionReason.DUPLICATE, "same as another", "officer@sweep.example", Instant.now());
    assertTrue(register.save(entry.withExclusion(why)));

    String second = insert(UlidCreator.getMonotonicUlid().toString(), "no bus times for college");
    int transactionsBefore = counter.transactions();
    assertEquals(1, register.addNewComments("sweep"), "the new comment is added");
    assertEquals(
        1,
        counter.transactions() - transactionsBefore,
        "only the new response is written; the excluded entry (in the overlap) is not rewritten");
    RegisterEntry kept =
        register.entry("sweep", RegisterEntry.id("lo", question, first)).orElseThrow();
    assertEquals(why, kept.exclusion(), "an excluded comment stays excluded");
    assertTrue(register.entry("sweep", RegisterEntry.id("lo", question, second)).isPresent());
    assertEquals(0, register.addNewComments("sweep"));
    assertEquals(2, register.entries("sweep").size());
  }

  @Test
  void aLookAtTheRegisterReadsOnlyTheResponsesSinceTheLastLook() {
    Random random = new Random(7);
    for (int i = 0; i < 120; i++) {
      insert(idOfThePast(Duration.ofDays(3).plusMinutes(i), random), "an older comment " + i);
    }
    counter.reset();
    assertEquals(120, register.addNewComments("sweep"), "the first look reads them all");
    assertEquals(120, counter.itemsRead());

    counter.reset();
    assertEquals(0, register.addNewComments("sweep"));
    assertEquals(0, counter.itemsRead(), "a second look reads no response");

    // Stored just now, or a few minutes ago by a submission whose transaction landed late: both
    // are found, and only they are read.
    insert(UlidCreator.getMonotonicUlid().toString(), "a comment sent just now");
    insert(idOfThePast(Duration.ofMinutes(4), random), "a comment that landed late");
    counter.reset();
    assertEquals(2, register.addNewComments("sweep"));
    assertEquals(2, counter.itemsRead());

    // Written with an id from days ago (local mode's demo answers): only the full sweep finds it.
    String old = insert(idOfThePast(Duration.ofDays(2), random), "made up for the demo");
    assertEquals(0, register.addNewComments("sweep"));
    assertEquals(1, register.addAllComments("sweep"));
    assertTrue(register.entry("sweep", RegisterEntry.id("lo", question, old)).isPresent());
    assertEquals(123, register.entries("sweep").size());
  }

  @Test
  void anErasedResponseInTheOverlapDoesNotComeBack() {
    String id = insert(UlidCreator.getMonotonicUlid().toString(), "please call me back");
    assertEquals(1, register.addNewComments("sweep"));
    assertTrue(storage.responses().eraseByReceipt("RCPTSWEEP1"));
    assertEquals(0, register.addNewComments("sweep"));
    assertTrue(register.entry("sweep", RegisterEntry.id("lo", question, id)).isEmpty());
  }
}
