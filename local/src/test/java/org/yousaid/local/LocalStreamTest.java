package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.yousaid.dynamodblocal.EmbeddedDynamoDb;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.storage.TableSetup;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Local mode's stand-in for Lambda's event source mapping, against DynamoDB Local's own stream and
 * the template's own settings for ErasureRepublishFunction: only new erasure items reach the
 * handler, as keys only; a record the handler reports as failed comes again until it succeeds.
 */
class LocalStreamTest {

  @Test
  void onlyNewErasureKeysReachTheHandlerAndAFailedRecordComesAgain() throws Exception {
    try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.inMemory()) {
      TableSetup.createIfMissing(dynamo.client(), "erasures");
      String streamArn = TableSetup.keysOnlyStream(dynamo.client(), "erasures");
      SamTemplate.Function function =
          SamTemplate.fromClasspath().functions().stream()
              .filter(SamTemplate.Function::streamTriggered)
              .findFirst()
              .orElseThrow();
      List<DynamodbEvent.DynamodbStreamRecord> seen = new CopyOnWriteArrayList<>();
      AtomicInteger calls = new AtomicInteger();
      RequestHandler<DynamodbEvent, StreamsEventResponse> handler =
          (event, context) -> {
            seen.addAll(event.getRecords());
            List<StreamsEventResponse.BatchItemFailure> failures =
                calls.getAndIncrement() == 0
                    ? List.of(
                        StreamsEventResponse.BatchItemFailure.builder()
                            .withItemIdentifier(
                                event.getRecords().get(0).getDynamodb().getSequenceNumber())
                            .build())
                    : List.of();
            return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
          };
      String pk = TableLayout.consultationPk("demo", "c");
      try (LocalStream stream =
          new LocalStream("test-stream", dynamo.streamsClient(), streamArn, function, () -> handler)
              .start()) {
        put(dynamo, pk, TableLayout.responseSk("01JANSWER"));
        put(dynamo, pk, TableLayout.erasureSk("01JERASED"));
        dynamo
            .client()
            .deleteItem(
                b ->
                    b.tableName("erasures")
                        .key(TableLayout.key(pk, TableLayout.erasureSk("01JERASED"))));
        Instant guard = Instant.now().plus(Duration.ofMinutes(2));
        while (calls.get() < 2) {
          assertTrue(Instant.now().isBefore(guard), "the stream was never read");
          Thread.sleep(50);
        }
      }
      assertEquals(2, seen.size(), "the erasure, then the same record again: " + seen);
      for (DynamodbEvent.DynamodbStreamRecord r : seen) {
        assertEquals("INSERT", r.getEventName());
        assertEquals(
            Map.of(TableLayout.PK, pk, TableLayout.SK, TableLayout.erasureSk("01JERASED")),
            Map.of(
                TableLayout.PK, r.getDynamodb().getKeys().get(TableLayout.PK).getS(),
                TableLayout.SK, r.getDynamodb().getKeys().get(TableLayout.SK).getS()));
        assertEquals(null, r.getDynamodb().getNewImage(), "keys only");
        assertEquals("KEYS_ONLY", r.getDynamodb().getStreamViewType());
      }
      assertEquals(
          seen.get(0).getDynamodb().getSequenceNumber(),
          seen.get(1).getDynamodb().getSequenceNumber());
    }
  }

  private static void put(EmbeddedDynamoDb dynamo, String pk, String sk) {
    dynamo
        .client()
        .putItem(
            b ->
                b.tableName("erasures")
                    .item(
                        Map.of(
                            TableLayout.PK,
                            AttributeValue.fromS(pk),
                            TableLayout.SK,
                            AttributeValue.fromS(sk),
                            "submittedAt",
                            AttributeValue.fromS("2026-01-01T00:00:00Z"))));
  }
}
