package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.publisher.ErasureStreamHandler;
import org.yousaid.publishing.Publisher;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.publishing.Publication;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.testing.WithLocalMode;

/**
 * A respondent's erasure reaches the published site at once, over real HTTP in local mode, through
 * the same path as in AWS: the public function's DELETE writes an erasure item, DynamoDB Local's
 * stream carries its key, the template's event filter lets it through, and {@link
 * ErasureStreamHandler} withdraws every version that held the answers and publishes again. No
 * officer acts after the erasure. Waiting is by polling, with a generous guard against a hang, not
 * a timing assertion.
 */
@WithLocalMode
class ErasureRepublishHttpTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String QUOTE = "PLANTED-QUOTE search by age would help my family";
  private static final String CONSULTATION = "/published/demo/" + DemoData.LOCAL_OFFER + "/";

  @Test
  void anErasureWithdrawsEveryVersionThatHeldTheAnswerAndRepublishesWithoutAnOfficer(
      LocalMode local) throws Exception {
    String[] answers = new String[12];
    answers[0] = QUOTE;
    for (int i = 1; i < answers.length; i++) {
      answers[i] = (i < 6 ? "Search by age please, answer " : "A key worker to phone, answer ") + i;
    }
    SeededThemes seeded = SeededThemes.seed(local, answers);
    OfficerBrowser officer = new OfficerBrowser(local, "officer@demo.example", List.of("demo"));
    assertEquals(
        303,
        officer
            .postForm(SeededThemes.themePath("t1"), "action=approve&answer=" + seeded.ids.get(0))
            .statusCode());
    for (int publication = 0; publication < 2; publication++) {
      assertEquals(303, officer.signOffAndPublish(SeededThemes.BASE).statusCode());
      assertTrue(local.publishQueue().awaitIdle(2, TimeUnit.MINUTES));
    }
    assertEquals(2, versions(local).size());
    for (String path :
        List.of(
            CONSULTATION + "you-said-we-did.json",
            CONSULTATION + "versions/1/you-said-we-did.json",
            CONSULTATION + "versions/2/index.html")) {
      assertTrue(get(local, path).body().contains(QUOTE), path + " quotes the answer");
    }
    assertEquals(12, currentJson(local).get("responses").asInt());

    // The respondent erases with their receipt code; nobody publishes.
    assertEquals(204, delete(local, seeded.receipts.get(0)).statusCode());
    await(() -> versions(local).size() == 3, "the erasure re-publishes by itself");

    Publication republished = versions(local).get(2);
    assertEquals(Publisher.ERASURE_REASON, republished.reason(), "the log records why");
    assertEquals(List.of(1, 2), republished.withdrawn());
    assertTrue(republished.requestId().startsWith("erasure-"));
    for (int v : List.of(1, 2)) {
      HttpResponse<String> notice = get(local, CONSULTATION + "versions/" + v + "/index.html");
      assertEquals(200, notice.statusCode());
      assertTrue(notice.body().contains("has been withdrawn"), "version " + v + " is a notice");
      assertTrue(notice.body().contains("deleted their answers"), "saying why");
      assertEquals(
          404, get(local, CONSULTATION + "versions/" + v + "/you-said-we-did.json").statusCode());
      assertEquals(
          404, get(local, CONSULTATION + "versions/" + v + "/you-said-we-did.csv").statusCode());
    }
    assertEquals(11, currentJson(local).get("responses").asInt(), "the counts leave it too");
    assertTrue(get(local, CONSULTATION + "index.html").body().contains("(withdrawn)"));
    assertNowhereOnTheSite(local, QUOTE);

    // The same receipt again: nothing left to erase. The same stream record again (as Lambda may
    // redeliver it): the same publication, not another.
    assertEquals(404, delete(local, seeded.receipts.get(0)).statusCode());
    DynamodbEvent redelivered =
        event(
            TableLayout.consultationPk("demo", DemoData.LOCAL_OFFER),
            TableLayout.erasureSk(seeded.ids.get(0)));
    assertTrue(
        new ErasureStreamHandler(local.services(), local.site())
            .handleRequest(redelivered, null)
            .getBatchItemFailures()
            .isEmpty());

    // An erasure for a consultation never published publishes nothing for it.
    local
        .services()
        .consultations()
        .create(
            ConsultationTemplates.localOffer(
                "demo", DemoData.COUNCIL_NAME, "never-published", List.of("North"), null, null));
    String unpublished = submit(local, "never-published", "An answer nobody published");
    assertEquals(204, delete(local, unpublished).statusCode());

    // A later erasure, read from the stream after the ones above: once it is published, they were
    // all handled, and nothing was published twice.
    assertEquals(204, delete(local, seeded.receipts.get(1)).statusCode());
    await(() -> versions(local).size() == 4, "the second erasure re-publishes");
    assertEquals(List.of(1, 2, 3, 4), versions(local).stream().map(Publication::version).toList());
    assertEquals(List.of(1, 2, 3), versions(local).get(3).withdrawn());
    assertTrue(
        local.services().publications().versions("demo", "never-published").isEmpty(),
        "nothing published for a consultation never published");
    assertFalse(Files.exists(local.site().root().resolve("published/demo/never-published")));
    assertEquals(10, currentJson(local).get("responses").asInt());
  }

  private static List<Publication> versions(LocalMode local) {
    return local.services().publications().versions("demo", DemoData.LOCAL_OFFER);
  }

  /** Polls until the condition holds; fails only if it never does within a generous guard. */
  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Instant guard = Instant.now().plus(Duration.ofMinutes(3));
    while (!condition.getAsBoolean()) {
      assertTrue(Instant.now().isBefore(guard), what + " (never happened)");
      Thread.sleep(100);
    }
  }

  private static void assertNowhereOnTheSite(LocalMode local, String text) throws Exception {
    try (Stream<Path> walk = Files.walk(local.site().root())) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        assertFalse(
            Files.readString(p, StandardCharsets.UTF_8).contains(text),
            "the erased answer is still in " + p);
      }
    }
  }

  /** A record as Lambda delivers a KEYS_ONLY stream's INSERT. */
  private static DynamodbEvent event(String pk, String sk) {
    StreamRecord change = new StreamRecord();
    change.setKeys(
        Map.of(
            TableLayout.PK, new AttributeValue().withS(pk),
            TableLayout.SK, new AttributeValue().withS(sk)));
    change.setSequenceNumber("1");
    change.setStreamViewType(
        com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.KEYS_ONLY);
    DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
    record.setEventName("INSERT");
    record.setEventSource("aws:dynamodb");
    record.setDynamodb(change);
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(List.of(record));
    return event;
  }

  private static String submit(LocalMode local, String consultation, String text) throws Exception {
    String json =
        Json.mapper()
            .writeValueAsString(
                Map.of("answers", Map.of(SeededThemes.QUESTION, text), "consentToQuote", true));
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    uri(
                        local,
                        "/api/v1/councils/demo/consultations/" + consultation + "/responses"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(201, r.statusCode(), r.body());
    return Json.mapper().readTree(r.body()).path("receipt").asText();
  }

  private static JsonNode currentJson(LocalMode local) throws Exception {
    return Json.mapper().readTree(get(local, CONSULTATION + "you-said-we-did.json").body());
  }

  private static HttpResponse<String> delete(LocalMode local, String receipt) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(local, "/api/v1/receipts/" + receipt)).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(LocalMode local, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(local, path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(LocalMode local, String path) {
    return URI.create("http://127.0.0.1:" + local.port() + path);
  }
}
