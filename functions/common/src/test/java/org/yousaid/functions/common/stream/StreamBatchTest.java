package org.yousaid.functions.common.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamBatchTest {

  @Test
  void worksInOrderOnlyOnInsertedItemsItIsForAndStopsAtTheFirstFailure() {
    List<String> done = new ArrayList<>();
    DynamodbEvent event =
        event(
            record("INSERT", "ERASURE#a", "1"),
            record("MODIFY", "ERASURE#b", "2"),
            record("INSERT", "OTHER#c", "3"),
            record("INSERT", "ERASURE#fails", "4"),
            record("INSERT", "ERASURE#d", "5"));
    StreamsEventResponse response =
        StreamBatch.process(
            event,
            keys -> keys.get("sk").getS().startsWith("ERASURE#"),
            "test",
            "TestFailed",
            keys -> {
              String sk = keys.get("sk").getS();
              if (sk.endsWith("fails")) throw new IllegalStateException("storage is down");
              done.add(sk);
            });
    assertEquals(List.of("ERASURE#a"), done, "the one after the failure waits for the retry");
    assertEquals(1, response.getBatchItemFailures().size());
    assertEquals("4", response.getBatchItemFailures().get(0).getItemIdentifier());
  }

  @Test
  void aBatchThatSucceedsReportsNoFailure() {
    List<String> done = new ArrayList<>();
    StreamsEventResponse response =
        StreamBatch.process(
            event(record("INSERT", "X#1", "1"), record("INSERT", "X#2", "2")),
            keys -> true,
            "test",
            "TestFailed",
            keys -> done.add(keys.get("sk").getS()));
    assertEquals(List.of("X#1", "X#2"), done);
    assertEquals(List.of(), response.getBatchItemFailures());
  }

  private static DynamodbEvent.DynamodbStreamRecord record(
      String eventName, String sk, String sequence) {
    StreamRecord change = new StreamRecord();
    change.setKeys(
        Map.of("pk", new AttributeValue().withS("C#x"), "sk", new AttributeValue().withS(sk)));
    change.setSequenceNumber(sequence);
    DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
    record.setEventName(eventName);
    record.setDynamodb(change);
    return record;
  }

  private static DynamodbEvent event(DynamodbEvent.DynamodbStreamRecord... records) {
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(List.of(records));
    return event;
  }
}
