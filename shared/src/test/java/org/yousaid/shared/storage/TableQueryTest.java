package org.yousaid.shared.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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

  /** About 1.3 MB in the partition: two pages at least. */
  private static final int ITEMS = 320;

  private static final String PADDING = "x".repeat(4_000);
  private static final String PK = TableLayout.consultationPk("demo", "big");
  private static final String INDEX_PK = TableLayout.councilIndexPk("demo-big");

  private static final String TABLE = "queries";

  private static EmbeddedDynamoDb dynamo;
  private FaultInjectingDynamoDb counted;
  private Table table;

  /** Written once: the tests only read it (and write elsewhere). */
  @BeforeAll
  static void bigPartition() {
    dynamo = EmbeddedDynamoDb.inMemory();
    TableSetup.createIfMissing(dynamo.client(), TABLE);
    List<WriteRequest> writes = new ArrayList<>();
    for (int i = 0; i < ITEMS; i++) {
      writes.add(put(item(TableLayout.responseSk(id(i)), i)));
      // Other kinds of item in the same partition, before and after the responses in sort order.
      if (i % 10 == 0) {
        writes.add(put(item(TableLayout.answerAnalysisSk("q1", id(i)), i)));
        writes.add(put(item(TableLayout.auditSk(id(i)), i)));
      }
    }
    new Table(dynamo.client(), TABLE, StorageRetry.immediate(1)).batchWrite(writes);
  }

  @AfterAll
  static void stopDynamo() {
    dynamo.close();
  }

  @BeforeEach
  void countedClient() {
    counted = new FaultInjectingDynamoDb(dynamo.client());
    table = new Table(counted, TABLE, StorageRetry.immediate(3));
  }

  private static String id(int i) {
    return String.format(Locale.ROOT, "%05d", i);
  }

  private static Map<String, AttributeValue> item(String sk, int n) {
    Map<String, AttributeValue> item = Table.documentItem(PK, sk, "TEST", new Padded(n, PADDING));
    item.put(TableLayout.GSI1_PK, AttributeValue.fromS(INDEX_PK));
    item.put(TableLayout.GSI1_SK, AttributeValue.fromS(sk));
    item.put("n", AttributeValue.fromN(Integer.toString(n)));
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
    assertTrue(counted.calls(Call.QUERY) - before >= 2, "the partition needs several pages");
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
    assertTrue(counted.calls(Call.QUERY) - before >= 2);
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
    TableQuery responses = TableQuery.partition(PK).startingWith(TableLayout.RESPONSE_PREFIX);
    int before = counted.calls(Call.QUERY);
    table.query(responses);
    int pages = counted.calls(Call.QUERY) - before;
    assertTrue(pages >= 2);

    // Each page in turn fails twice, with each kind of fault: a query that started again from the
    // first page would make more calls than the pages plus the faults, or return items twice.
    for (int page = 0; page < pages; page++) {
      for (Fault fault : List.of(Fault.THROTTLE, Fault.TIMEOUT_BEFORE, Fault.TIMEOUT_AFTER)) {
        String what = "page " + (page + 1) + " failing twice with " + fault;
        counted.recover();
        counted.failAfter(page, Call.QUERY, fault, 2);
        int calls = counted.calls(Call.QUERY);
        int injected = counted.injected();
        List<Map<String, AttributeValue>> items = table.query(responses);
        assertEquals(2, counted.injected() - injected, what);
        assertEquals(responseKeys(), sortKeys(items), what + ": every item once, in order");
        assertEquals(pages + 2, counted.calls(Call.QUERY) - calls, what + ": only it is retried");
      }
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
    int calls = counted.calls(Call.QUERY);
    List<Padded> read =
        table.documents(
            TableQuery.partition(PK).startingWith(TableLayout.RESPONSE_PREFIX), Padded.class);
    assertTrue(counted.calls(Call.QUERY) - calls >= 2);
    assertEquals(ITEMS, read.size());
    for (int i = 0; i < ITEMS; i++) {
      assertEquals(new Padded(i, PADDING), read.get(i));
    }
  }

  /** A document big enough that a few hundred take more than one page. */
  record Padded(int n, String padding) {}
}
