package org.yousaid.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb.Call;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb.Fault;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.storage.Storage;
import org.yousaid.shared.storage.StorageRetry;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.submission.SubmissionService;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.shared.validation.RawSubmission;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB throttling and timeouts injected into a real DynamoDB Local client: the service retries,
 * never writes half a response, says so clearly when it gives up, and a retry after recovery stores
 * the answers exactly once.
 */
class SubmissionFaultTest {

  @WithDynamoDb DynamoTable table;
  private FaultInjectingDynamoDb faulty;
  private SubmissionService service;
  private ResponseRepository responses;

  @BeforeEach
  void seed() {
    Storage.of(table.client(), table.name(), Clock.systemUTC())
        .consultations()
        .save(
            ConsultationTemplates.localOffer(
                "demo", "Demo Council", "local-offer", List.of("North", "South"), null, null));
    faulty = new FaultInjectingDynamoDb(table.client());
    Storage storage =
        Storage.of(
            faulty,
            table.name(),
            Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC),
            StorageRetry.immediate(4));
    responses = storage.responses();
    service = new SubmissionService(storage.consultations(), responses, storage.clock());
  }

  private static RawSubmission answers(String text) {
    return new RawSubmission(
        Map.of("find-information", List.of(text)),
        Map.of("role", List.of("parent-carer")),
        "yes",
        List.of());
  }

  private SubmissionService.Receipt submit(String text, String key) {
    return service.submit("demo", "local-offer", answers(text), key, Channel.WEB);
  }

  /**
   * Every item of the table by type; fails if any response lacks its receipt pointer or idempotency
   * record, or the reverse.
   */
  private Map<String, Integer> checkedItems() {
    List<Map<String, AttributeValue>> items =
        table.client().scan(b -> b.tableName(table.name()).consistentRead(true)).items();
    Map<String, Integer> counts = new HashMap<>();
    Set<String> responseSks = new HashSet<>();
    Set<String> pointedAt = new HashSet<>();
    Set<String> idempotencyKeysOfResponses = new HashSet<>();
    Set<String> idempotencyItems = new HashSet<>();
    for (Map<String, AttributeValue> item : items) {
      String type = item.get("type") == null ? "?" : item.get("type").s();
      counts.merge(type, 1, Integer::sum);
      switch (type) {
        case "RESPONSE" -> {
          responseSks.add(item.get("sk").s());
          if (item.containsKey("idempotencyKey")) {
            idempotencyKeysOfResponses.add(item.get("idempotencyKey").s());
          }
        }
        case "RECEIPT" -> pointedAt.add(item.get("responseSk").s());
        case "IDEMPOTENCY" ->
            idempotencyItems.add(item.get("sk").s().substring(item.get("sk").s().indexOf('#') + 1));
        default -> {}
      }
    }
    assertEquals(responseSks, pointedAt, "every response has exactly its receipt pointer");
    assertEquals(
        idempotencyKeysOfResponses,
        idempotencyItems,
        "every keyed response has its idempotency record, and no record is orphaned");
    return counts;
  }

  private int responsesStored() {
    return checkedItems().getOrDefault("RESPONSE", 0);
  }

  @Test
  void throttledWritesAreRetriedAndStoredOnce() {
    faulty
        .failNext(Call.TRANSACT_WRITE, Fault.THROTTLE, 2)
        .failNext(Call.TRANSACT_WRITE, Fault.TRANSACTION_THROTTLED, 1);
    SubmissionService.Receipt receipt = submit("A search box", "key-throttled-0001");
    assertEquals(3, faulty.injected());
    assertFalse(receipt.replayed());
    assertEquals(1, responsesStored());
    assertEquals(
        "A search box",
        responses
            .findByReceipt(receipt.receipt())
            .orElseThrow()
            .answer("find-information")
            .orElseThrow()
            .text());
  }

  @Test
  void throttledReadsAreRetried() {
    // The consultation read is retried up to StorageRetry.DEFAULT's 3 attempts.
    faulty.failNext(Call.GET_ITEM, Fault.THROTTLE, 2);
    submit("Reads throttled", "key-reads-0001");
    assertEquals(2, faulty.injected());
    assertEquals(1, responsesStored());
  }

  @Test
  void aTimeoutAfterTheWriteLandedDoesNotStoreTwice() {
    // The transaction is written, then the answer is "lost": the retry must find its own write, not
    // add another.
    faulty.failNext(Call.TRANSACT_WRITE, Fault.TIMEOUT_AFTER, 1);
    SubmissionService.Receipt keyed = submit("Timed out with a key", "key-timeout-0001");
    faulty.failNext(Call.TRANSACT_WRITE, Fault.TIMEOUT_AFTER, 1);
    SubmissionService.Receipt unkeyed = submit("Timed out without a key", null);
    assertEquals(2, faulty.injected());
    assertEquals(2, responsesStored());
    assertEquals(
        "Timed out with a key",
        responses
            .findByReceipt(keyed.receipt())
            .orElseThrow()
            .answer("find-information")
            .orElseThrow()
            .text());
    assertEquals(
        "Timed out without a key",
        responses
            .findByReceipt(unkeyed.receipt())
            .orElseThrow()
            .answer("find-information")
            .orElseThrow()
            .text());
  }

  @Test
  void everyAttemptTimingOutAfterLandingStillAnswersWithTheStoredReceipt() {
    faulty.failNext(Call.TRANSACT_WRITE, Fault.TIMEOUT_AFTER, Integer.MAX_VALUE);
    SubmissionService.Receipt receipt = submit("Always timing out", "key-always-0001");
    assertEquals(1, responsesStored());
    assertTrue(responses.findByReceipt(receipt.receipt()).isPresent());
  }

  @Test
  void anOutageGivesAClearRefusalNothingPartialAndARetryAfterRecoveryStoresOnce() {
    faulty.failNext(Call.TRANSACT_WRITE, Fault.THROTTLE, Integer.MAX_VALUE);
    ProblemException refused =
        assertThrows(ProblemException.class, () -> submit("During the outage", "key-outage-0001"));
    assertEquals(503, refused.status());
    assertTrue(refused.detail().contains("could not save your answers"), refused.detail());
    assertTrue(refused.detail().contains("nothing was saved"), refused.detail());
    assertEquals(4, faulty.injected(), "bounded: as many attempts as the policy allows, no more");
    assertEquals(0, responsesStored());

    faulty.recover();
    SubmissionService.Receipt first = submit("During the outage", "key-outage-0001");
    SubmissionService.Receipt again = submit("During the outage", "key-outage-0001");
    assertFalse(first.replayed());
    assertTrue(again.replayed());
    assertEquals(first.responseId(), again.responseId());
    assertEquals(1, responsesStored());
  }

  @Test
  void timeoutsBeforeEveryCallRefuseWithNothingStored() {
    faulty.failNext(Call.ANY, Fault.TIMEOUT_BEFORE, Integer.MAX_VALUE);
    ProblemException refused =
        assertThrows(ProblemException.class, () -> submit("Nothing reachable", "key-down-0001"));
    assertEquals(503, refused.status());
    faulty.recover();
    assertEquals(0, responsesStored());
    submit("Nothing reachable", "key-down-0001");
    assertEquals(1, responsesStored());
  }

  @Test
  void mixedFaultsOverManySubmissionsLoseNothingAndDuplicateNothing() {
    List<String> acknowledged = new ArrayList<>();
    // Every transient kind (a 400 validation error is not retried, by design).
    Fault[] faults = {
      Fault.THROTTLE,
      Fault.TRANSACTION_THROTTLED,
      Fault.TIMEOUT_BEFORE,
      Fault.TIMEOUT_AFTER,
      Fault.INTERNAL_ERROR_QUOTING_REQUEST
    };
    for (int i = 0; i < 40; i++) {
      String key = "key-mixed-" + String.format("%04d", i);
      faulty.failNext(Call.TRANSACT_WRITE, faults[i % faults.length], 1 + i % 3);
      try {
        submit("Answer " + i, key);
        acknowledged.add(key);
      } catch (ProblemException unavailable) {
        assertEquals(503, unavailable.status());
        faulty.recover();
        submit("Answer " + i, key); // the person presses the button again
        acknowledged.add(key);
      }
      faulty.recover();
      submit("Answer " + i, key); // and a duplicate resend
    }
    assertEquals(40, acknowledged.size());
    assertEquals(40, responsesStored());
  }
}
