package org.yousaid.functions.common.priming;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.yousaid.shared.storage.TableLayout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Primes the AWS SDK's own DynamoDB request path, which the in-memory table skips: request
 * marshalling, endpoint rules, SigV4 signing, interceptors, retries and JSON unmarshalling. The
 * client's HTTP client answers every request from memory with an empty JSON object, so nothing
 * leaves the JVM and no real credential is used.
 */
public final class SdkPriming {

  private SdkPriming() {}

  /** Makes {@code rounds} × 3 calls (get, query, transaction); returns how many were answered. */
  public static int dynamoDb(int rounds) {
    CannedHttpClient http = new CannedHttpClient();
    try (DynamoDbClient client =
        DynamoDbClient.builder()
            .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "eu-west-2")))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")))
            .httpClient(http)
            .build()) {
      String pk = TableLayout.consultationPk("priming", "priming");
      Map<String, AttributeValue> key = TableLayout.key(pk, TableLayout.META);
      for (int i = 0; i < rounds; i++) {
        client.getItem(b -> b.tableName("priming").consistentRead(true).key(key));
        client.query(
            b ->
                b.tableName("priming")
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :r)")
                    .expressionAttributeValues(
                        Map.of(
                            ":pk",
                            AttributeValue.fromS(pk),
                            ":r",
                            AttributeValue.fromS(TableLayout.RESPONSE_PREFIX))));
        client.transactWriteItems(
            b ->
                b.transactItems(
                    TransactWriteItem.builder()
                        .put(
                            Put.builder()
                                .tableName("priming")
                                .item(key)
                                .conditionExpression("attribute_not_exists(pk)")
                                .build())
                        .build()));
      }
    }
    return http.answered;
  }

  /** Answers every request with HTTP 200 and {@code {}}; never opens a connection. */
  private static final class CannedHttpClient implements SdkHttpClient {

    private int answered;

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() {
          answered++;
          byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
          return HttpExecuteResponse.builder()
              .response(
                  SdkHttpResponse.builder()
                      .statusCode(200)
                      .putHeader("Content-Type", "application/x-amz-json-1.0")
                      .putHeader("Content-Length", Integer.toString(body.length))
                      .putHeader("x-amzn-RequestId", "priming")
                      .build())
              .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
              .build();
        }

        @Override
        public void abort() {
          // nothing in flight
        }
      };
    }

    @Override
    public void close() {
      // nothing to release
    }
  }
}
