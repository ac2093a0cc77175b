package org.yousaid.functions.common;

import java.net.URI;
import java.time.Clock;
import org.yousaid.shared.storage.ConsultationRepository;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.submission.SubmissionService;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What handlers need from the outside world. In Lambda it is built once per execution environment
 * from environment variables (so SnapStart snapshots it); local mode and tests pass their own.
 */
public record Services(DynamoDbClient dynamo, String tableName, Clock clock) {

  public static final String TABLE_NAME_VARIABLE = "TABLE_NAME";
  public static final String DYNAMODB_ENDPOINT_VARIABLE = "DYNAMODB_ENDPOINT";

  public static Services fromEnvironment() {
    String table = System.getenv(TABLE_NAME_VARIABLE);
    if (table == null || table.isBlank()) {
      throw new IllegalStateException("Set " + TABLE_NAME_VARIABLE + " to the DynamoDB table name");
    }
    var builder = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
    String endpoint = System.getenv(DYNAMODB_ENDPOINT_VARIABLE);
    if (endpoint != null && !endpoint.isBlank()) {
      builder.endpointOverride(URI.create(endpoint));
    }
    return new Services(builder.build(), table, Clock.systemUTC());
  }

  public ConsultationRepository consultations() {
    return new ConsultationRepository(dynamo, tableName);
  }

  public ResponseRepository responses() {
    return new ResponseRepository(dynamo, tableName);
  }

  public SubmissionService submissions() {
    return new SubmissionService(consultations(), responses(), clock);
  }
}
