package org.yousaid.shared.themes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.storage.TableLayout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Officers' theme corrections, in order ({@code TC#<question>#<ulid>}), never rewritten. */
public final class CorrectionRepository {

  private final DynamoDbClient dynamo;
  private final String table;

  public CorrectionRepository(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  public void add(String council, String consultationId, ThemeCorrection correction) {
    dynamo.putItem(
        b ->
            b.tableName(table)
                .conditionExpression("attribute_not_exists(pk)")
                .item(
                    Map.of(
                        TableLayout.PK,
                            AttributeValue.fromS(
                                TableLayout.consultationPk(council, consultationId)),
                        TableLayout.SK,
                            AttributeValue.fromS(
                                "TC#" + correction.questionId() + "#" + correction.id()),
                        TableLayout.TYPE, AttributeValue.fromS("THEME_CORRECTION"),
                        TableLayout.DOC, AttributeValue.fromS(Json.write(correction)))));
  }

  public List<ThemeCorrection> list(String council, String consultationId, String questionId) {
    List<ThemeCorrection> result = new ArrayList<>();
    dynamo
        .queryPaginator(
            QueryRequest.builder()
                .tableName(table)
                .consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(
                    Map.of(
                        ":pk",
                            AttributeValue.fromS(
                                TableLayout.consultationPk(council, consultationId)),
                        ":prefix", AttributeValue.fromS("TC#" + questionId + "#")))
                .build())
        .items()
        .forEach(i -> result.add(Json.read(i.get(TableLayout.DOC).s(), ThemeCorrection.class)));
    return result;
  }
}
