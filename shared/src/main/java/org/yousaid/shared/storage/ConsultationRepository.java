package org.yousaid.shared.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.model.Consultation;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Consultations, stored as one JSON document per META item and listed per council through GSI1. */
public final class ConsultationRepository {

  private static final String TYPE_CONSULTATION = "CONSULTATION";

  private final DynamoDbClient dynamo;
  private final String table;

  public ConsultationRepository(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  public Optional<Consultation> find(String council, String consultationId) {
    Map<String, AttributeValue> item =
        StorageRetry.DEFAULT.call(
            () ->
                dynamo
                    .getItem(
                        b ->
                            b.tableName(table)
                                .consistentRead(true)
                                .key(
                                    Map.of(
                                        TableLayout.PK,
                                        s(TableLayout.consultationPk(council, consultationId)),
                                        TableLayout.SK,
                                        s(TableLayout.META))))
                    .item());
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Json.read(item.get(TableLayout.DOC).s(), Consultation.class));
  }

  /** Creates or replaces a consultation. */
  public void save(Consultation consultation) {
    dynamo.putItem(b -> b.tableName(table).item(item(consultation)));
  }

  /** Creates a consultation only if none has its id; returns false when one already does. */
  public boolean create(Consultation consultation) {
    try {
      dynamo.putItem(
          b ->
              b.tableName(table)
                  .item(item(consultation))
                  .conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  public List<Consultation> listForCouncil(String council) {
    List<Consultation> result = new ArrayList<>();
    QueryRequest query =
        QueryRequest.builder()
            .tableName(table)
            .indexName(TableLayout.GSI1)
            .keyConditionExpression("gsi1pk = :pk")
            .expressionAttributeValues(Map.of(":pk", s(TableLayout.councilIndexPk(council))))
            .build();
    dynamo
        .queryPaginator(query)
        .items()
        .forEach(i -> result.add(Json.read(i.get(TableLayout.DOC).s(), Consultation.class)));
    return result;
  }

  private static Map<String, AttributeValue> item(Consultation c) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(TableLayout.PK, s(TableLayout.consultationPk(c.council(), c.id())));
    item.put(TableLayout.SK, s(TableLayout.META));
    item.put(TableLayout.GSI1_PK, s(TableLayout.councilIndexPk(c.council())));
    item.put(TableLayout.GSI1_SK, s("CONSULTATION#" + c.id()));
    item.put(TableLayout.TYPE, s(TYPE_CONSULTATION));
    item.put("status", s(c.status().name()));
    item.put(TableLayout.DOC, s(Json.write(c)));
    return item;
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
