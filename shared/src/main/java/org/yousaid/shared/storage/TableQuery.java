package org.yousaid.shared.storage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * One query of the table: every item of one partition, of the table or of GSI1, or only those whose
 * sort key starts with a prefix. {@link Table#query} runs it page by page.
 *
 * <p>Queries of the table read strongly consistently: a repository must see what was just written
 * (the answer just submitted, the correction just made). GSI1 can only be read eventually
 * consistently, so its queries are.
 *
 * @param index the index to query, or null for the table
 * @param partition the partition key's value (from {@link TableLayout})
 * @param sortKeyPrefix the {@code begins_with} prefix of the sort key, or null for every item
 * @param sortKeyFrom with a prefix, only the items whose sort key is this or after it (a range
 *     within the prefix), or null for all of them
 * @param attributes the attributes to read, or empty for whole items
 */
public record TableQuery(
    String index,
    String partition,
    String sortKeyPrefix,
    String sortKeyFrom,
    List<String> attributes) {

  public TableQuery {
    attributes = List.copyOf(attributes);
    if (sortKeyFrom != null && (sortKeyPrefix == null || !sortKeyFrom.startsWith(sortKeyPrefix))) {
      throw new IllegalArgumentException("a range starts within its prefix");
    }
  }

  /** Every item of a partition of the table ({@code pk}). */
  public static TableQuery partition(String pk) {
    return new TableQuery(null, pk, null, null, List.of());
  }

  /** Every item of a partition of GSI1 ({@code gsi1pk}). */
  public static TableQuery gsi1(String gsi1pk) {
    return new TableQuery(TableLayout.GSI1, gsi1pk, null, null, List.of());
  }

  /** Only the items whose sort key starts with {@code prefix}. */
  public TableQuery startingWith(String prefix) {
    return new TableQuery(index, partition, prefix, null, attributes);
  }

  /**
   * Within the prefix, only the items whose sort key is {@code from} or sorts after it: e.g. the
   * responses since a ULID.
   */
  public TableQuery from(String from) {
    return new TableQuery(index, partition, sortKeyPrefix, from, attributes);
  }

  /** Reads only these attributes of each item. */
  public TableQuery reading(String... names) {
    return new TableQuery(index, partition, sortKeyPrefix, sortKeyFrom, List.of(names));
  }

  public boolean consistent() {
    return index == null;
  }

  /** The first page's request; the caller sets {@code exclusiveStartKey} for the next ones. */
  QueryRequest.Builder request(String table) {
    String pk = index == null ? TableLayout.PK : TableLayout.GSI1_PK;
    String sk = index == null ? TableLayout.SK : TableLayout.GSI1_SK;
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":pk", AttributeValue.fromS(partition));
    String condition = pk + " = :pk";
    if (sortKeyFrom != null) {
      // Every key with the prefix sorts below the prefix followed by the highest character.
      values.put(":from", AttributeValue.fromS(sortKeyFrom));
      values.put(":to", AttributeValue.fromS(sortKeyPrefix + Character.MAX_VALUE));
      condition += " AND " + sk + " BETWEEN :from AND :to";
    } else if (sortKeyPrefix != null) {
      values.put(":prefix", AttributeValue.fromS(sortKeyPrefix));
      condition += " AND begins_with(" + sk + ", :prefix)";
    }
    QueryRequest.Builder request =
        QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression(condition)
            .expressionAttributeValues(values);
    if (index != null) {
      request.indexName(index);
    } else {
      request.consistentRead(true);
    }
    if (!attributes.isEmpty()) {
      // Names through placeholders, so no attribute can clash with a DynamoDB reserved word.
      Map<String, String> names = new HashMap<>();
      StringBuilder projection = new StringBuilder();
      for (int i = 0; i < attributes.size(); i++) {
        names.put("#a" + i, attributes.get(i));
        projection.append(i == 0 ? "" : ", ").append("#a").append(i);
      }
      request.projectionExpression(projection.toString()).expressionAttributeNames(names);
    }
    return request;
  }
}
