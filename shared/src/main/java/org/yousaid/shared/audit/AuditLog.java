package org.yousaid.shared.audit;

import com.github.f4b6a3.ulid.UlidCreator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.storage.TableLayout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Append-only record of officer actions per consultation ({@code LOG#<ulid>} items, oldest first).
 */
public final class AuditLog {

  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public AuditLog(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  public AuditEntry record(
      String council, String consultationId, String officer, String action, String summary) {
    AuditEntry entry =
        new AuditEntry(
            UlidCreator.getMonotonicUlid().toString(),
            council,
            consultationId,
            officer,
            clock.instant(),
            action,
            summary);
    dynamo.putItem(
        b ->
            b.tableName(table)
                .conditionExpression("attribute_not_exists(pk)")
                .item(
                    Map.of(
                        TableLayout.PK,
                            AttributeValue.fromS(
                                TableLayout.consultationPk(council, consultationId)),
                        TableLayout.SK, AttributeValue.fromS("LOG#" + entry.id()),
                        TableLayout.TYPE, AttributeValue.fromS("AUDIT"),
                        TableLayout.DOC, AttributeValue.fromS(Json.write(entry)))));
    return entry;
  }

  public List<AuditEntry> entries(String council, String consultationId) {
    List<AuditEntry> entries = new ArrayList<>();
    dynamo
        .queryPaginator(
            QueryRequest.builder()
                .tableName(table)
                .consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :log)")
                .expressionAttributeValues(
                    Map.of(
                        ":pk",
                        AttributeValue.fromS(TableLayout.consultationPk(council, consultationId)),
                        ":log",
                        AttributeValue.fromS("LOG#")))
                .build())
        .items()
        .forEach(i -> entries.add(Json.read(i.get(TableLayout.DOC).s(), AuditEntry.class)));
    return entries;
  }
}
