package org.yousaid.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.yousaid.shared.storage.ConsultationRepository;
import org.yousaid.shared.storage.Storage;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.templates.ConsultationTemplates;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The DynamoDB part of {@link YousaidExtension}, run on small test classes through the JUnit
 * engine: a fresh, empty table of the project's shape per test (or per class from
 * {@code @BeforeAll}), dropped afterwards, and a server of its own where asked. It lives in shared,
 * the lowest module with the {@code TableSetup} it creates tables with.
 */
class YousaidExtensionDynamoDbTest {

  private static void run(Class<?> tests, int expectedToPass) {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(tests))
        .execute()
        .testEvents()
        .assertStatistics(s -> s.started(expectedToPass).succeeded(expectedToPass));
  }

  /** Whether the JVM's shared DynamoDB Local still has this table. */
  private static boolean sharedServerHas(String table) {
    try (DynamoTable probe = DynamoTable.create("probe")) {
      return probe.client().listTables().tableNames().contains(table);
    }
  }

  /** One item written in a transaction with this client request token, as a response is. */
  private static void writeWithToken(DynamoTable table, String token) {
    table
        .client()
        .transactWriteItems(
            b ->
                b.clientRequestToken(token)
                    .transactItems(
                        TransactWriteItem.builder()
                            .put(
                                p ->
                                    p.tableName(table.name())
                                        .item(
                                            Map.of(
                                                TableLayout.PK,
                                                AttributeValue.fromS("token-test"),
                                                TableLayout.SK,
                                                AttributeValue.fromS("item"))))
                            .build()));
  }

  @WithDynamoDb
  static class TablePerTest {
    static final List<DynamoTable> SEEN = new ArrayList<>();

    @BeforeEach
    void before(DynamoTable table) {
      SEEN.add(table);
    }

    @Test
    void one(DynamoTable table) {
      SEEN.add(table);
      startsEmptyWithTheProjectsKeysAndIndex(table);
    }

    @Test
    void two(DynamoTable table) {
      SEEN.add(table);
      startsEmptyWithTheProjectsKeysAndIndex(table);
    }

    /** Empty, whichever test runs first; saving and listing through gsi1 needs the real schema. */
    private static void startsEmptyWithTheProjectsKeysAndIndex(DynamoTable table) {
      ConsultationRepository consultations =
          Storage.of(table.client(), table.name(), Clock.systemUTC()).consultations();
      assertEquals(List.of(), consultations.listForCouncil("demo"));
      consultations.save(
          ConsultationTemplates.localOffer("demo", "Demo", "c1", List.of("North"), null, null));
      assertEquals(1, consultations.listForCouncil("demo").size());
    }
  }

  @Test
  void eachTestGetsAFreshEmptyTableSharedWithItsBeforeEachAndDroppedAfter() {
    TablePerTest.SEEN.clear();
    run(TablePerTest.class, 2);
    List<DynamoTable> seen = TablePerTest.SEEN;
    assertEquals(4, seen.size());
    assertSame(seen.get(0), seen.get(1), "@BeforeEach and its test share one table");
    assertSame(seen.get(2), seen.get(3));
    assertNotEquals(seen.get(1).name(), seen.get(3).name(), "each test has its own");
    for (DynamoTable table : seen) {
      assertFalse(sharedServerHas(table.name()), table.name() + " is dropped after its test");
    }
  }

  @WithDynamoDb
  static class TablePerClass {
    static DynamoTable fromBeforeAll;
    static final List<DynamoTable> SEEN = new ArrayList<>();

    @BeforeAll
    static void seed(DynamoTable table) {
      fromBeforeAll = table;
      Storage.of(table.client(), table.name(), Clock.systemUTC())
          .consultations()
          .save(ConsultationTemplates.pageFeedback("demo", "Demo", "seeded"));
    }

    @Test
    void one(DynamoTable table) {
      SEEN.add(table);
      assertTrue(seeded(table));
    }

    @Test
    void two(DynamoTable table) {
      SEEN.add(table);
      assertTrue(seeded(table));
    }

    private static boolean seeded(DynamoTable table) {
      return Storage.of(table.client(), table.name(), Clock.systemUTC())
          .consultations()
          .find("demo", "seeded")
          .isPresent();
    }
  }

  @Test
  void aTableAskedForInBeforeAllServesTheWholeClassAndIsDroppedAfterIt() {
    TablePerClass.SEEN.clear();
    run(TablePerClass.class, 2);
    assertEquals(
        List.of(TablePerClass.fromBeforeAll, TablePerClass.fromBeforeAll), TablePerClass.SEEN);
    assertFalse(sharedServerHas(TablePerClass.fromBeforeAll.name()));
  }

  /** Both tests write with the same transaction token, as tests with fixed response ids do. */
  @WithDynamoDb(ownServer = true)
  static class SameIdsOnOwnServers {
    static final List<DynamoTable> SEEN = new ArrayList<>();

    @Test
    void one(DynamoTable table) {
      SEEN.add(table);
      writeWithToken(table, "fixed-token");
    }

    @Test
    void two(DynamoTable table) {
      SEEN.add(table);
      writeWithToken(table, "fixed-token");
    }
  }

  @Test
  void testsWritingTheSameIdsPassOnServersOfTheirOwn() {
    SameIdsOnOwnServers.SEEN.clear();
    run(SameIdsOnOwnServers.class, 2);
    for (DynamoTable table : SameIdsOnOwnServers.SEEN) {
      assertFalse(sharedServerHas(table.name()), "not in the shared server");
    }
  }

  @Test
  void onTheSharedServerARepeatedTokenFailsLoudlyInsteadOfBeingSkipped() {
    // Why ownServer exists: DynamoDB remembers transaction tokens server-wide.
    try (DynamoTable first = DynamoTable.create("first");
        DynamoTable second = DynamoTable.create("second")) {
      writeWithToken(first, "repeated-token");
      assertThrows(
          IdempotentParameterMismatchException.class,
          () -> writeWithToken(second, "repeated-token"));
    }
  }
}
