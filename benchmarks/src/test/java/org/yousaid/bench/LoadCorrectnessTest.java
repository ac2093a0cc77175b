package org.yousaid.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb.Call;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb.Fault;
import org.yousaid.functions.common.http.RateLimiter;
import org.yousaid.local.DemoData;
import org.yousaid.local.LocalMode;
import org.yousaid.shared.templates.ConsultationTemplates;

/**
 * A small version of {@code bin/bench-load} as a correctness test (no timing assertions): 50
 * concurrent submitters over real HTTP, same-key retries and deliberate resends, then the table
 * read back. Once on a healthy DynamoDB and once with throttling and timeouts injected.
 */
class LoadCorrectnessTest {

  @TempDir Path healthyData;
  @TempDir Path faultyData;

  private static LoadCheck.Result run(LocalMode local) throws Exception {
    local
        .services()
        .consultations()
        .save(
            ConsultationTemplates.localOffer(
                DemoData.COUNCIL,
                DemoData.COUNCIL_NAME,
                "load-test",
                DemoData.DISTRICTS,
                null,
                null));
    return LoadCheck.run(
        "http://127.0.0.1:" + local.port(),
        local.storageClient(),
        LocalMode.TABLE,
        DemoData.COUNCIL,
        "load-test",
        new LoadCheck.Settings(
            50, 4, 0.25, java.time.Duration.ofSeconds(30), 40, java.time.Duration.ofMinutes(5), 7));
  }

  private static void assertNothingLostOrDuplicated(LoadCheck.Result result) {
    assertEquals(200, result.acknowledged(), result.toString());
    assertEquals(0, result.gaveUp(), result.toString());
    assertEquals(0, result.lost(), result.toString());
    assertEquals(0, result.duplicated(), result.toString());
    assertEquals(0, result.wrongContent(), result.toString());
    assertEquals(0, result.orphans(), result.toString());
    assertTrue(result.unexpectedStatuses().isEmpty(), result.toString());
    assertEquals(200, result.storedResponses(), result.toString());
    assertEquals(200, result.uniqueKeysStored(), result.toString());
    assertTrue(result.deliberateResends() > 0, "some answers were resent on purpose");
    assertTrue(
        result.replayed() >= result.deliberateResends(),
        "every deliberate resend was answered as a replay");
  }

  @Test
  void fiftyConcurrentSubmittersLoseNothingAndDuplicateNothing() throws Exception {
    try (LocalMode local = LocalMode.start(healthyData, 0, RateLimiter.off())) {
      assertNothingLostOrDuplicated(run(local));
    }
  }

  @Test
  void throttlingAndTimeoutsUnderLoadLoseNothingAndDuplicateNothing() throws Exception {
    FaultInjectingDynamoDb[] faulty = new FaultInjectingDynamoDb[1];
    try (LocalMode local =
        LocalMode.start(
            faultyData,
            0,
            RateLimiter.off(),
            client -> {
              faulty[0] = new FaultInjectingDynamoDb(client).seed(11);
              return faulty[0];
            })) {
      // Set after start, so seeding the demo data is not affected.
      faulty[0]
          .failRandomly(Call.TRANSACT_WRITE, Fault.THROTTLE, 0.15)
          .failRandomly(Call.TRANSACT_WRITE, Fault.TIMEOUT_AFTER, 0.15)
          .failRandomly(Call.GET_ITEM, Fault.TIMEOUT_BEFORE, 0.05);
      LoadCheck.Result result = run(local);
      assertTrue(faulty[0].injected() > 20, "faults were injected: " + faulty[0].injected());
      assertNothingLostOrDuplicated(result);
    }
  }
}
