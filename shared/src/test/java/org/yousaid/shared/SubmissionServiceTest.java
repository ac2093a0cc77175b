package org.yousaid.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.model.AgeBand;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ConsultationStatus;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.model.Role;
import org.yousaid.shared.storage.ConsultationRepository;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.storage.Storage;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.submission.SubmissionService;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.shared.validation.RawSubmission;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/** The submission path against a real (embedded) DynamoDB Local. */
@WithDynamoDb
class SubmissionServiceTest {

  private ConsultationRepository consultations;
  private ResponseRepository responses;
  private SubmissionService service;
  private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

  @BeforeEach
  void seed(DynamoTable table) {
    Storage storage = Storage.of(table.client(), table.name(), Clock.systemUTC());
    consultations = storage.consultations();
    responses = storage.responses();
    service = new SubmissionService(consultations, responses, Clock.fixed(now, ZoneOffset.UTC));
    consultations.save(
        ConsultationTemplates.localOffer(
            "demo", "Demo Council", "local-offer", List.of("North", "South"), null, null));
  }

  private static RawSubmission answers(String text) {
    return new RawSubmission(
        Map.of("find-information", List.of(text), "search-by", List.of("age", "disability")),
        Map.of("role", List.of("parent-carer"), "ageBand", List.of("5-16")),
        "yes",
        List.of());
  }

  @Test
  void storesAValidSubmissionWithItsReceipt() {
    SubmissionService.Receipt receipt =
        service.submit("demo", "local-offer", answers("A search box"), null, Channel.WEB);
    Response stored = responses.findByReceipt(receipt.receipt()).orElseThrow();
    assertEquals("A search box", stored.answer("find-information").orElseThrow().text());
    assertEquals(List.of("age", "disability"), stored.answer("search-by").orElseThrow().choices());
    assertEquals(Role.PARENT_CARER, stored.profile().role());
    assertEquals(AgeBand.AGE_5_16, stored.profile().ageBand());
    assertTrue(stored.consentToQuote());
    assertEquals(now, stored.submittedAt());
    assertTrue(stored.expiresAt() > now.getEpochSecond());
  }

  @Test
  void theSameIdempotencyKeyReturnsTheSameReceiptAndStoresOnce() {
    var first = service.submit("demo", "local-offer", answers("Same"), "key-00000001", Channel.WEB);
    var second =
        service.submit("demo", "local-offer", answers("Same"), "key-00000001", Channel.WEB);
    assertEquals(first.receipt(), second.receipt());
    assertEquals(first.responseId(), second.responseId());
    assertFalse(first.replayed());
    assertTrue(second.replayed());
    assertEquals(1, responses.countForConsultation("demo", "local-offer"));
  }

  @Test
  void reusingAKeyForDifferentAnswersIsAConflictAndStoresNothingNew() {
    service.submit("demo", "local-offer", answers("First"), "key-00000002", Channel.WEB);
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () ->
                service.submit(
                    "demo", "local-offer", answers("Second"), "key-00000002", Channel.WEB));
    assertEquals(409, e.status());
    assertEquals(1, responses.countForConsultation("demo", "local-offer"));
  }

  @Test
  void differentKeysStoreSeparateResponses() {
    var a = service.submit("demo", "local-offer", answers("Same"), "key-0000000a", Channel.WEB);
    var b = service.submit("demo", "local-offer", answers("Same"), "key-0000000b", Channel.WEB);
    assertNotEquals(a.receipt(), b.receipt());
    assertEquals(2, responses.countForConsultation("demo", "local-offer"));
  }

  @Test
  void aMissingRequiredAnswerNamesTheQuestionAndStoresNothing() {
    RawSubmission raw = new RawSubmission(Map.of(), Map.of(), null, List.of());
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () -> service.submit("demo", "local-offer", raw, null, Channel.WEB));
    assertEquals(400, e.status());
    assertEquals("find-information", e.errors().get(0).field());
    assertTrue(e.errors().get(0).message().contains("What would help you find information"));
    assertEquals(0, responses.countForConsultation("demo", "local-offer"));
  }

  @Test
  void anUnknownConsultationIsNotFound() {
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () -> service.submit("demo", "no-such-thing", answers("x"), null, Channel.WEB));
    assertEquals(404, e.status());
  }

  @Test
  void aClosedConsultationRefusesAnswersButStillReplaysEarlierOnes() {
    var before =
        service.submit("demo", "local-offer", answers("Early"), "key-00000003", Channel.WEB);
    Consultation open = consultations.find("demo", "local-offer").orElseThrow();
    consultations.save(open.withStatus(ConsultationStatus.CLOSED));
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () -> service.submit("demo", "local-offer", answers("Late"), null, Channel.WEB));
    assertEquals(409, e.status());
    assertEquals(
        before.receipt(),
        service
            .submit("demo", "local-offer", answers("Early"), "key-00000003", Channel.WEB)
            .receipt());
    assertEquals(1, responses.countForConsultation("demo", "local-offer"));
  }

  @Test
  void erasingByReceiptRemovesTheResponseAndItsIdempotencyRecord() {
    var receipt =
        service.submit("demo", "local-offer", answers("Erase me"), "key-00000004", Channel.WEB);
    assertTrue(responses.eraseByReceipt(receipt.receipt()));
    assertTrue(responses.findByReceipt(receipt.receipt()).isEmpty());
    assertEquals(0, responses.countForConsultation("demo", "local-offer"));
    assertTrue(responses.findIdempotency("demo", "local-offer", "key-00000004").isEmpty());
    assertFalse(responses.eraseByReceipt(receipt.receipt()));
  }
}
