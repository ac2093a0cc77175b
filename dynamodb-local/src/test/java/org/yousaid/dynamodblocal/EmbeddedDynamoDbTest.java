package org.yousaid.dynamodblocal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class EmbeddedDynamoDbTest {

  @Test
  void itemsWrittenToAFolderSurviveARestart(@TempDir Path folder) {
    try (EmbeddedDynamoDb db = EmbeddedDynamoDb.persistentIn(folder)) {
      db.client()
          .createTable(
              b ->
                  b.tableName("survivors")
                      .billingMode(BillingMode.PAY_PER_REQUEST)
                      .attributeDefinitions(
                          AttributeDefinition.builder()
                              .attributeName("pk")
                              .attributeType(ScalarAttributeType.S)
                              .build())
                      .keySchema(
                          KeySchemaElement.builder()
                              .attributeName("pk")
                              .keyType(KeyType.HASH)
                              .build()));
      db.client()
          .putItem(b -> b.tableName("survivors").item(Map.of("pk", AttributeValue.fromS("kept"))));
    }
    try (EmbeddedDynamoDb db = EmbeddedDynamoDb.persistentIn(folder)) {
      var item =
          db.client()
              .getItem(
                  b -> b.tableName("survivors").key(Map.of("pk", AttributeValue.fromS("kept"))))
              .item();
      assertEquals("kept", item.get("pk").s());
    }
  }

  /**
   * Nothing of DynamoDB Local keeps the JVM alive after close: {@code bin/officer add} printed
   * "Saved" and then hung, held by DynamoDB Local's non-daemon shard-rollover scheduler, which
   * sleeps between checks for shutdown.
   */
  @Test
  void closingEndsEveryThreadThatWouldKeepTheJvmAlive(@TempDir Path folder) throws Exception {
    EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.persistentIn(folder);
    dynamo.client().listTables();
    java.util.List<Thread> nonDaemon =
        dynamo.startedThreads().stream().filter(t -> !t.isDaemon()).toList();
    assertTrue(
        nonDaemon.stream().anyMatch(t -> t.getName().startsWith("pool-")),
        "DynamoDB Local's job pool runs on non-daemon threads: " + nonDaemon);
    dynamo.close();
    for (Thread t : nonDaemon) {
      t.join(20_000);
      assertTrue(!t.isAlive(), t.getName() + " still runs after close");
    }
  }

  @Test
  void inMemoryTablesStartEmpty() {
    try (EmbeddedDynamoDb db = EmbeddedDynamoDb.inMemory()) {
      assertTrue(db.client().listTables().tableNames().isEmpty());
    }
  }
}
