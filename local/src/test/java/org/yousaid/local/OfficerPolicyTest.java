package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yousaid.functions.common.http.RateLimiter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The officer function's IAM policy in template.yaml allows every DynamoDB call its session
 * handling makes: without DeleteItem, sign-out would fail in AWS (AccessDenied) while passing every
 * local test. The calls are recorded from the handlers' own DynamoDB client while an officer signs
 * in, opens pages and signs out.
 */
class OfficerPolicyTest {

  private static final Set<String> NOT_CALLS =
      Set.of("serviceName", "close", "serviceClientConfiguration");

  @Test
  @SuppressWarnings("unchecked")
  void theOfficerFunctionMayMakeEveryDynamoDbCallOfSignInPagesAndSignOut(@TempDir Path data)
      throws Exception {
    Set<String> calls = new ConcurrentSkipListSet<>();
    try (LocalMode local =
        LocalMode.start(
            data,
            0,
            RateLimiter.off(),
            client ->
                (DynamoDbClient)
                    Proxy.newProxyInstance(
                        DynamoDbClient.class.getClassLoader(),
                        new Class<?>[] {DynamoDbClient.class},
                        (proxy, method, args) -> {
                          if (!NOT_CALLS.contains(method.getName())) {
                            calls.add(
                                "dynamodb:"
                                    + Character.toUpperCase(method.getName().charAt(0))
                                    + method.getName().substring(1));
                          }
                          try {
                            return method.invoke(client, args);
                          } catch (InvocationTargetException e) {
                            throw e.getCause();
                          }
                        }))) {
      String token =
          local.officerSignIn(
              "subject-policy",
              "policy@demo.example",
              List.of("council-demo"),
              Duration.ofMinutes(5));
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + local.port();
      HttpResponse<String> dashboard =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/officer"))
                  .header("Cookie", "yousaid-officer=" + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, dashboard.statusCode());
      HttpResponse<String> out =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/officer/sign-out"))
                  .header("Cookie", "yousaid-officer=" + token)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "csrf=" + OfficerBrowser.csrf(dashboard.body())))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(303, out.statusCode());
    }
    assertTrue(calls.contains("dynamodb:DeleteItem"), "sign-out deletes the session: " + calls);

    SamTemplate template;
    try (InputStream in =
        Files.newInputStream(
            Path.of(System.getProperty("yousaid.repo.root", "..")).resolve("template.yaml"))) {
      template = SamTemplate.parse(in);
    }
    Set<String> allowed = new TreeSet<>();
    SamTemplate.Function officer =
        template.functions().stream()
            .filter(f -> f.logicalId().equals("OfficerFunction"))
            .findFirst()
            .orElseThrow();
    for (Object policy : (List<Object>) officer.properties().get("Policies")) {
      for (Map<String, Object> statement :
          (List<Map<String, Object>>) ((Map<String, Object>) policy).get("Statement")) {
        allowed.addAll((List<String>) statement.get("Action"));
      }
    }
    Set<String> denied = new TreeSet<>(calls);
    denied.removeAll(allowed);
    assertTrue(denied.isEmpty(), "OfficerFunction's policy does not allow " + denied);
  }
}
