package org.yousaid.testing;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A table with the project's keys and index (as template.yaml and local mode create it) in this
 * JVM's DynamoDB Local, and the client that reaches it.
 *
 * <p>Tests get one from {@link YousaidExtension} as a parameter. Closing it drops the table.
 */
public record DynamoTable(DynamoDbClient client, String name) implements AutoCloseable {

  /**
   * A new, empty table; for tests outside JUnit Jupiter (jqwik properties), which close it
   * themselves. {@code label} only makes the table's name readable.
   */
  public static DynamoTable create(String label) {
    return SharedDynamoDb.newTable(label);
  }

  @Override
  public void close() {
    client.deleteTable(b -> b.tableName(name));
  }
}
