package org.yousaid.shared.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.dynamodblocal.EmbeddedDynamoDb;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb.Call;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb.Fault;
import org.yousaid.shared.storage.StorageRetry.StorageUnavailable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The one query loop against DynamoDB Local, with partitions too big for one page (DynamoDB returns
 * at most 1 MB a page): every item comes back once and in order, with and without GSI1 and a sort
 * key prefix, counted and projected, and a page that fails is retried on its own.
 */
class TableQueryTest {

  /** About 2.4 MB in the partition: three pages at least. */
  private static final int ITEMS = 600;

  private static final String PADDING = "x".repeat(4_000);
  private static final String PK = TableLayout.consultationPk("demo", "big");
  private static final String INDEX_PK = TableLayout.councilIndexPk("demo-big");

  private static EmbeddedDynamoDb dynamo;
  private static int tableCounter;
  private String tableName;
  private FaultInjectingDynamoDb counted;
  private Table table;

  @BeforeAll
  static void startDynamo() {
    dynamo = EmbeddedDynamoDb.inMemory();
  }

  @AfterAll
  static void stopDynamo() {
    dynamo.close();
  }

  @BeforeEach
  void bigPartition() {
    tableName = "queries-" + (++tableCounter);
    TableSetup.createIfMissing(dynamo.client(), tableName);
    counted = new FaultInjectingDynamoDb(dynamo.client());
    table = new Table(counted, tableName, StorageRetry.immediate(3));
    List<WriteRequest> writes = new ArrayList<>();
    for (int i = 0; i < ITEMS; i++) {
      writes.add(put(item(TableLayout.responseSk(id(i)), i)));
      // Other kinds of item in the same partition, before and after the responses in sort order.
      if (i % 10 == 0) {
        writes.add(put(item(TableLayout.answerAnalysisSk("q1", id(i)), i)));
        writes.add(put(item(TableLayout.auditSk(id(i)), i)));
      }
    }
    table.batchWrite(writes);
  }

  private static String id(int i) {
    return String.format(Locale.ROOT, "%05d", i);
  }

  private static Map<String, AttributeValue> item(String sk, int n) {
    Map<String, AttributeValue> item = new HashMap<>(TableLayout.key(PK, sk));
    item.put(TableLayout.GSI1_PK, AttributeValue.fromS(INDEX_PK));
    item.put(TableLayout.GSI1_SK, AttributeValue.fromS(sk));
    item.put("n", AttributeValue.fromN(Integer.toString(n)));
    item.put("padding", AttributeValue.fromS(PADDING));
    return item;
  }

  private static WriteRequest put(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
  }

  private static List<String> sortKeys(List<Map<String, AttributeValue>> items) {
    return items.stream().map(i -> i.get(TableLayout.SK).s()).toList();
  }

  private static List<String> responseKeys() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < ITEMS; i++) {
      keys.add(TableLayout.responseSk(id(i)));
    }
    return keys;
  }

  @Test
  void aPrefixQueryReadsEveryPageOnceAndInOrder() {
    int before = counted.calls(Call.QUERY);
    List<Map<String, AttributeValue>> items =
        table.query(TableQuery.partition(PK).startingWith(TableLayout.RESPONSE_PREFIX));
    assertTrue(counted.calls(Call.QUERY) - before >= 3, "the partition needs several pages");
    assertEquals(responseKeys(), sortKeys(items), "every response once, in sort-key order");
  }

  @Test
  void aWholePartitionQueryReadsEveryKindOfItem() {
    List<Map<String, AttributeValue>> items = table.query(TableQuery.partition(PK));
    assertEquals(ITEMS + 2 * ITEMS / 10, items.size());
    assertEquals(sortKeys(items).stream().sorted().toList(), sortKeys(items), "in sort-key order");
    assertEquals(ITEMS / 10, sortKeys(items).stream().filter(k -> k.startsWith("AA#q1#")).count());
  }

  @Test
  void theIndexIsQueriedAcrossPagesToo() {
    int before = counted.calls(Call.QUERY);
    List<Map<String, AttributeValue>> items =
        table.query(TableQuery.gsi1(INDEX_PK).startingWith(TableLayout.RESPONSE_PREFIX));
    assertTrue(counted.calls(Call.QUERY) - before >= 3);
    assertEquals(responseKeys(), sortKeys(items));
    assertTrue(!TableQuery.gsi1(INDEX_PK).consistent(), "an index cannot be read consistently");
    assertTrue(TableQuery.partition(PK).consistent(), "the table is read consistently");
  }

  @Test
  void countingFollowsEveryPage() {
    assertEquals(
        ITEMS, table.count(TableQuery.partition(PK).startingWith(TableLayout.RESPONSE_PREFIX)));
    assertEquals(
        ITEMS / 10,
        table.count(TableQuery.partition(PK).startingWith(TableLayout.answerAnalysisPrefix("q1"))));
    assertEquals(
        0, table.count(TableQuery.partition(PK).startingWith(TableLayout.correctionPrefix("q1"))));
  }

  @Test
  void aProjectionReadsOnlyTheNamedAttributes() {
    List<Map<String, AttributeValue>> items =
        table.query(
            TableQuery.partition(PK)
                .startingWith(TableLayout.RESPONSE_PREFIX)
                .reading(TableLayout.SK, "n"));
    assertEquals(ITEMS, items.size());
    for (int i = 0; i < ITEMS; i++) {
      assertEquals(
          Map.of(
              TableLayout.SK,
              AttributeValue.fromS(TableLayout.responseSk(id(i))),
              "n",
              AttributeValue.fromN(Integer.toString(i))),
          items.get(i));
    }
  }

  @Test
  void aFailedPageIsRetriedAloneAndNothingIsReadTwice() {
    int before = counted.calls(Call.QUERY);
    table.query(TableQuery.partition(PK));
    int pages = counted.calls(Call.QUERY) - before;

    // Every other call fails, each kind in turn: a query that started again from the first page
    // would make more calls than the pages plus the faults, or return some items twice.
    for (Fault fault : List.of(Fault.THROTTLE, Fault.TIMEOUT_BEFORE, Fault.TIMEOUT_AFTER)) {
      counted.recover();
      counted.seed(7).failRandomly(Call.QUERY, fault, 0.5);
      int calls = counted.calls(Call.QUERY);
      int injected = counted.injected();
      List<Map<String, AttributeValue>> items =
          table.query(TableQuery.partition(PK).startingWith(TableLayout.RESPONSE_PREFIX));
      int faults = counted.injected() - injected;
      assertTrue(faults > 0, fault + " was injected");
      assertEquals(responseKeys(), sortKeys(items), fault + ": every item once, in order");
      assertTrue(
          counted.calls(Call.QUERY) - calls <= pages + faults,
          fault + ": only the failed pages were asked again");
    }
  }

  @Test
  void aQueryThatKeepsFailingSaysStorageIsUnavailable() {
    counted.failNext(Call.QUERY, Fault.THROTTLE, 3);
    assertThrows(StorageUnavailable.class, () -> table.query(TableQuery.partition(PK)));
    counted.recover();
    // A failure on a later page is reported the same way, never as a short list.
    counted.failAfter(1, Call.QUERY, Fault.TIMEOUT_BEFORE, 3);
    int calls = counted.calls(Call.QUERY);
    assertThrows(StorageUnavailable.class, () -> table.query(TableQuery.partition(PK)));
    assertEquals(4, counted.calls(Call.QUERY) - calls, "the first page, then the second 3 times");
    assertEquals(3 + 3, counted.injected());
  }

  @Test
  void documentsAreReadFromEveryPage() {
    List<WriteRequest> writes = new ArrayList<>();
    String pk = TableLayout.consultationPk("demo", "documents");
    for (int i = 0; i < 400; i++) {
      writes.add(
          put(Table.documentItem(pk, TableLayout.auditSk(id(i)), "TEST", new Padded(i, PADDING))));
    }
    table.batchWrite(writes);
    int calls = counted.calls(Call.QUERY);
    List<Padded> read =
        table.documents(
            TableQuery.partition(pk).startingWith(TableLayout.AUDIT_PREFIX), Padded.class);
    assertTrue(counted.calls(Call.QUERY) - calls >= 2, "400 documents of 4 kB take two pages");
    assertEquals(400, read.size());
    for (int i = 0; i < 400; i++) {
      assertEquals(new Padded(i, PADDING), read.get(i));
    }
  }

  /** A document big enough that 400 of them take more than one page. */
  record Padded(int n, String padding) {}
}
