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
import org.yousaid.shared.model.Response;
import org.yousaid.shared.publishing.Publication;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.shared.themes.AnalysisStatus;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.QuestionAnalysis;
import org.yousaid.shared.themes.StoredTheme;
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
  private static final String IMPORTED = "IMPORTED-QUOTE a paper form on search by age";
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
    awaitPublished(local, 3, "the erasure re-publishes by itself");

    Publication republished = versions(local).get(2);
    assertEquals(Publisher.ERASURE_REASON, republished.reason(), "the log records why");
    assertEquals(List.of(1, 2), republished.withdrawn());
    assertTrue(republished.requestId().startsWith("erasure-"));
    for (int v : List.of(1, 2)) {
      HttpResponse<String> notice = get(local, CONSULTATION + "versions/" + v + "/index.html");
      assertEquals(200, notice.statusCode());
      assertTrue(notice.body().contains("has been withdrawn"), "version " + v + " is a notice");
      assertTrue(notice.body().contains("deleted by the people who gave them"), "saying why");
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
    awaitPublished(local, 4, "the second erasure re-publishes");
    assertEquals(List.of(1, 2, 3, 4), versions(local).stream().map(Publication::version).toList());
    assertEquals(List.of(1, 2, 3), versions(local).get(3).withdrawn());
    assertTrue(
        local.services().publications().versions("demo", "never-published").isEmpty(),
        "nothing published for a consultation never published");
    assertFalse(Files.exists(local.site().root().resolve("published/demo/never-published")));
    assertEquals(10, currentJson(local).get("responses").asInt());
  }

  /**
   * An officer takes an import back after publishing it: its answers leave every published version
   * as an erased answer's do (the versions that held them are withdrawn and the site is published
   * again, with no officer acting), and the question's analysis no longer quotes or describes them.
   */
  @Test
  void undoingAnImportWithdrawsEveryVersionThatHeldItsAnswers(LocalMode local) throws Exception {
    String[] answers = new String[10];
    for (int i = 0; i < answers.length; i++) {
      answers[i] = (i < 5 ? "Search by age please, answer " : "A key worker to phone, answer ") + i;
    }
    SeededThemes seeded = SeededThemes.seed(local, answers);
    OfficerBrowser officer = new OfficerBrowser(local, "officer@demo.example", List.of("demo"));
    HttpResponse<String> imported =
        officer.postApi(
            "/api/v1" + SeededThemes.BASE + "/import?channel=paper",
            "text/csv",
            "find-information,consent\n\""
                + IMPORTED
                + "\",yes\nSearch by age on paper too,yes\nA key worker on paper,no\n");
    assertEquals(200, imported.statusCode(), imported.body());
    String batch = Json.mapper().readTree(imported.body()).path("batchId").asText();
    assertFalse(batch.isEmpty(), imported.body());
    List<Response> fromFile =
        local.services().responses().listForConsultation("demo", DemoData.LOCAL_OFFER).stream()
            .filter(r -> !seeded.ids.contains(r.id()))
            .toList();
    assertEquals(3, fromFile.size());
    String importedId =
        fromFile.stream()
            .filter(r -> IMPORTED.equals(r.answer(SeededThemes.QUESTION).orElseThrow().text()))
            .findFirst()
            .orElseThrow()
            .id();
    // The worker's next run themed them too: the one that agreed to be quoted leads "Search by
    // age".
    List<AnswerAnalysis> analysed = new java.util.ArrayList<>();
    List<String> t1 = new java.util.ArrayList<>(List.of(importedId));
    for (int i = 0; i < answers.length; i++) {
      String theme = i < 5 ? "t1" : "t2";
      if (theme.equals("t1")) t1.add(seeded.ids.get(i));
      analysed.add(
          new AnswerAnalysis(seeded.ids.get(i), answers[i], "neutral", List.of(theme), null));
    }
    for (Response r : fromFile) {
      String text = r.answer(SeededThemes.QUESTION).orElseThrow().text();
      analysed.add(
          new AnswerAnalysis(
              r.id(), text, "neutral", List.of(text.contains("key worker") ? "t2" : "t1"), null));
    }
    var analyses = local.services().analyses();
    analyses.replaceAnswers("demo", DemoData.LOCAL_OFFER, SeededThemes.QUESTION, analysed);
    analyses.saveStatus(
        new QuestionAnalysis(
            "demo",
            DemoData.LOCAL_OFFER,
            SeededThemes.QUESTION,
            "run-2",
            AnalysisStatus.DONE,
            "seed",
            Instant.now(),
            Instant.now(),
            analysed.size(),
            List.of(
                new StoredTheme(
                    "t1",
                    "Search by age",
                    "",
                    List.of("paper form", "search"),
                    7,
                    0.54,
                    0,
                    7,
                    0,
                    importedId,
                    6,
                    0,
                    false),
                new StoredTheme(
                    "t2",
                    "Key workers",
                    "",
                    List.of(),
                    6,
                    0.46,
                    0,
                    6,
                    0,
                    seeded.ids.get(5),
                    5,
                    0,
                    false)),
            null));
    assertEquals(
        303,
        officer
            .postForm(SeededThemes.themePath("t1"), "action=approve&answer=" + importedId)
            .statusCode());
    assertEquals(303, officer.signOffAndPublish(SeededThemes.BASE).statusCode());
    assertTrue(local.publishQueue().awaitIdle(2, TimeUnit.MINUTES));
    assertEquals(1, versions(local).size());
    assertTrue(
        get(local, CONSULTATION + "versions/1/you-said-we-did.json").body().contains(IMPORTED),
        "the imported answer is quoted");
    assertEquals(13, currentJson(local).get("responses").asInt());

    // The officer takes the import back; nobody publishes.
    assertEquals(
        303,
        officer.postForm(SeededThemes.BASE + "/import", "action=undo&batch=" + batch).statusCode());
    awaitPublished(local, 2, "the undo re-publishes by itself");
    Publication republished = versions(local).get(1);
    assertEquals(List.of(1), republished.withdrawn());
    assertEquals(Publisher.ERASURE_REASON, republished.reason(), "the log records why");
    assertTrue(
        get(local, CONSULTATION + "versions/1/index.html").body().contains("taken back by the"));
    assertEquals(404, get(local, CONSULTATION + "versions/1/you-said-we-did.json").statusCode());
    assertEquals(10, currentJson(local).get("responses").asInt(), "the counts leave it too");
    assertNowhereOnTheSite(local, IMPORTED);
    assertNowhereOnTheSite(local, "on paper");
    StoredTheme searchByAge =
        analyses
            .find("demo", DemoData.LOCAL_OFFER, SeededThemes.QUESTION)
            .orElseThrow()
            .themes()
            .stream()
            .filter(t -> t.id().equals("t1"))
            .findFirst()
            .orElseThrow();
    assertFalse(importedId.equals(searchByAge.exemplarId()), "no longer the exemplar");
    assertFalse(searchByAge.keyTerms().contains("paper form"), "nor in the key terms");
  }

  private static List<Publication> versions(LocalMode local) {
    return local.services().publications().versions("demo", DemoData.LOCAL_OFFER);
  }

  /**
   * Waits until version n is recorded and the current pages are rewritten (the publisher records a
   * version before it rewrites them, so the log alone can be a moment ahead of the site).
   */
  private static void awaitPublished(LocalMode local, int n, String what)
      throws InterruptedException {
    await(
        () -> {
          try {
            return versions(local).size() == n && currentJson(local).path("version").asInt() == n;
          } catch (Exception e) {
            return false;
          }
        },
        what);
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
