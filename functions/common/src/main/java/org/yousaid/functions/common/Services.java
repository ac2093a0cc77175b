package org.yousaid.functions.common;

import java.net.URI;
import java.time.Clock;
import org.yousaid.shared.storage.Storage;
import org.yousaid.shared.submission.SubmissionService;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What handlers need from the outside world. In Lambda it is built once per execution environment
 * from environment variables (so SnapStart snapshots it); local mode and tests pass their own. Its
 * repositories come from {@link Storage}, the one place that makes them.
 */
public record Services(DynamoDbClient dynamo, String tableName, Clock clock) implements Storage {

  public static final String TABLE_NAME_VARIABLE = "TABLE_NAME";
  public static final String DYNAMODB_ENDPOINT_VARIABLE = "DYNAMODB_ENDPOINT";

  public static Services fromEnvironment() {
    String table = System.getenv(TABLE_NAME_VARIABLE);
    if (table == null || table.isBlank()) {
      throw new IllegalStateException("Set " + TABLE_NAME_VARIABLE + " to the DynamoDB table name");
    }
    // The SDK's standard retry mode retries throttling and 5xx with backoff (and keeps one
    // ClientRequestToken per TransactWriteItems call); each attempt and each call are time-boxed so
    // a
    // stuck connection becomes a retry or a clear 503 inside the functions' 15 s timeout, never a
    // hang.
    var builder =
        DynamoDbClient.builder()
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(java.time.Duration.ofSeconds(2))
                    .socketTimeout(java.time.Duration.ofSeconds(2)))
            .overrideConfiguration(
                c ->
                    c.retryStrategy(software.amazon.awssdk.core.retry.RetryMode.STANDARD)
                        .apiCallAttemptTimeout(java.time.Duration.ofSeconds(2))
                        .apiCallTimeout(java.time.Duration.ofSeconds(4)));
    String endpoint = System.getenv(DYNAMODB_ENDPOINT_VARIABLE);
    if (endpoint != null && !endpoint.isBlank()) {
      builder.endpointOverride(URI.create(endpoint));
    }
    return new Services(builder.build(), table, Clock.systemUTC());
  }

  public SubmissionService submissions() {
    return new SubmissionService(consultations(), responses(), clock);
  }
}
