package org.yousaid.shared.storage;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Creates the table locally with the same keys and index as template.yaml (in AWS, CloudFormation
 * does it).
 */
public final class TableSetup {

  private TableSetup() {}

  public static void createIfMissing(DynamoDbClient dynamo, String tableName) {
    try {
      dynamo.describeTable(b -> b.tableName(tableName));
      return;
    } catch (ResourceNotFoundException e) {
      // Not there yet: create it below.
    }
    dynamo.createTable(
        b ->
            b.tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    string(TableLayout.PK),
                    string(TableLayout.SK),
                    string(TableLayout.GSI1_PK),
                    string(TableLayout.GSI1_SK))
                .keySchema(key(TableLayout.PK, KeyType.HASH), key(TableLayout.SK, KeyType.RANGE))
                .globalSecondaryIndexes(
                    GlobalSecondaryIndex.builder()
                        .indexName(TableLayout.GSI1)
                        .keySchema(
                            key(TableLayout.GSI1_PK, KeyType.HASH),
                            key(TableLayout.GSI1_SK, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build()));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(tableName));
  }

  /**
   * Turns on the table's stream as template.yaml does (keys only: no answer text in it), for a
   * table made before it had one; returns the stream's ARN.
   */
  public static String keysOnlyStream(DynamoDbClient dynamo, String tableName) {
    var table = dynamo.describeTable(b -> b.tableName(tableName)).table();
    if (table.streamSpecification() == null
        || !Boolean.TRUE.equals(table.streamSpecification().streamEnabled())) {
      dynamo.updateTable(
          b ->
              b.tableName(tableName)
                  .streamSpecification(
                      s ->
                          s.streamEnabled(true)
                              .streamViewType(
                                  software.amazon.awssdk.services.dynamodb.model.StreamViewType
                                      .KEYS_ONLY)));
      table = dynamo.describeTable(b -> b.tableName(tableName)).table();
    }
    return table.latestStreamArn();
  }

  private static AttributeDefinition string(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
