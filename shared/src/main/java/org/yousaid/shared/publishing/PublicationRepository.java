package org.yousaid.shared.publishing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.storage.TableLayout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The publication log: {@code PUB#<version>} items under the consultation, written once with {@code
 * attribute_not_exists} so a version can never be replaced, and listed per council through GSI1
 * ({@code PUBLISHED#<council>}, kept apart from the consultation list's {@code COUNCIL#} key).
 */
public final class PublicationRepository {

  private final DynamoDbClient dynamo;
  private final String table;

  public PublicationRepository(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  private static String sk(int version) {
    return String.format("PUB#%06d", version);
  }

  /** Records a version; false if that version number was taken meanwhile (another publish won). */
  public boolean record(Publication p) {
    try {
      dynamo.putItem(
          b ->
              b.tableName(table)
                  .conditionExpression("attribute_not_exists(pk)")
                  .item(
                      Map.of(
                          TableLayout.PK,
                              AttributeValue.fromS(
                                  TableLayout.consultationPk(p.council(), p.consultationId())),
                          TableLayout.SK, AttributeValue.fromS(sk(p.version())),
                          TableLayout.GSI1_PK, AttributeValue.fromS("PUBLISHED#" + p.council()),
                          TableLayout.GSI1_SK,
                              AttributeValue.fromS(p.consultationId() + "#" + sk(p.version())),
                          TableLayout.TYPE, AttributeValue.fromS("PUBLICATION"),
                          TableLayout.DOC, AttributeValue.fromS(Json.write(p)))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** Every version of one consultation, oldest first. */
  public List<Publication> versions(String council, String consultationId) {
    List<Publication> out = new ArrayList<>();
    dynamo
        .queryPaginator(
            QueryRequest.builder()
                .tableName(table)
                .consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :pub)")
                .expressionAttributeValues(
                    Map.of(
                        ":pk",
                        AttributeValue.fromS(TableLayout.consultationPk(council, consultationId)),
                        ":pub",
                        AttributeValue.fromS("PUB#")))
                .build())
        .items()
        .forEach(i -> out.add(Json.read(i.get(TableLayout.DOC).s(), Publication.class)));
    out.sort(Comparator.comparingInt(Publication::version));
    return out;
  }

  public Optional<Publication> latest(String council, String consultationId) {
    List<Publication> all = versions(council, consultationId);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /**
   * The latest version of every published consultation of a council (eventually consistent: a GSI).
   */
  public List<Publication> latestPerConsultation(String council) {
    Map<String, Publication> latest = new java.util.TreeMap<>();
    dynamo
        .queryPaginator(
            QueryRequest.builder()
                .tableName(table)
                .indexName(TableLayout.GSI1)
                .keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(
                    Map.of(":pk", AttributeValue.fromS("PUBLISHED#" + council)))
                .build())
        .items()
        .forEach(
            i -> {
              Publication p = Json.read(i.get(TableLayout.DOC).s(), Publication.class);
              latest.merge(p.consultationId(), p, (a, b) -> a.version() >= b.version() ? a : b);
            });
    return new ArrayList<>(latest.values());
  }
}
