package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yousaid.local.officer.LocalSigningKey;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ConsultationStatus;
import org.yousaid.testing.WithLocalMode;

/**
 * docs/openapi.yaml against the real thing: it lists exactly the /api/v1 routes of template.yaml,
 * and real requests over HTTP to local mode, for every operation and its error statuses, get only
 * documented statuses, content types and required headers, with bodies that validate against the
 * documented JSON Schema (OpenAPI 3.1 schemas are JSON Schema 2020-12). The last test checks that
 * every documented status was seen, apart from those local mode cannot produce on demand (429, 500,
 * 503).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiContractTest {

  private static final String SUBMIT =
      "/api/v1/councils/{council}/consultations/{consultation}/responses";
  private static final String FEEDBACK = "/api/v1/councils/{council}/page-feedback";
  private static final String RECEIPT = "/api/v1/receipts/{receipt}";
  private static final String ALERTS = "/api/v1/receipts/{receipt}/alerts";
  private static final String CONSULTATIONS = "/api/v1/officer/councils/{council}/consultations";
  private static final String RESPONSES =
      "/api/v1/officer/councils/{council}/consultations/{consultation}/responses";
  private static final String IMPORT =
      "/api/v1/officer/councils/{council}/consultations/{consultation}/import";
  private static final String ANALYSIS =
      "/api/v1/officer/councils/{council}/consultations/{consultation}/analysis/{question}";
  private static final List<String> HTTP_METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /**
   * Statuses documented for every client's sake that local mode cannot be made to return on demand.
   */
  private static final Set<String> NOT_PRODUCIBLE_LOCALLY = Set.of("429", "500", "503");

  private static final JsonSchemaFactory SCHEMAS =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final SchemaValidatorsConfig STRICT =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** "METHOD path status" of every exchange checked so far. */
  private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

  private static Path root;
  private static JsonNode api;

  @WithLocalMode(pageFeedbackOrigins = "demo=https://localoffer.example.gov.uk")
  static LocalMode local;

  @BeforeAll
  static void readTheDocument() throws Exception {
    root = Path.of(System.getProperty("yousaid.repo.root", ".."));
    api = load(root.resolve("docs/openapi.yaml"));
  }

  /** Parses a YAML file with snakeyaml's safe constructor and hands it to Jackson as a tree. */
  static JsonNode load(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      return Json.mapper().valueToTree(document);
    }
  }

  // ---------------------------------------------------------------- the document itself

  @Test
  @Order(1)
  void theDocumentListsExactlyTheApiRoutesOfTheTemplate() throws Exception {
    Set<String> wired;
    try (InputStream in = Files.newInputStream(root.resolve("template.yaml"))) {
      wired =
          SamTemplate.parse(in).functions().stream()
              .flatMap(f -> f.routes().stream())
              .filter(r -> r.path().startsWith("/api/v1/"))
              .map(SamTemplate.Route::routeKey)
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertFalse(wired.isEmpty());
    assertEquals(
        wired,
        documentedOperations(),
        "the /api/v1 routes of template.yaml and the operations of docs/openapi.yaml differ");
  }

  @Test
  @Order(2)
  void everyOperationIsDescribedCompletely() {
    assertEquals("3.1.0", api.path("openapi").asText());
    Set<String> operationIds = new TreeSet<>();
    for (String key : documentedOperations()) {
      JsonNode op = operation(key);
      assertTrue(op.path("operationId").isTextual(), key + " has an operationId");
      assertTrue(
          operationIds.add(op.path("operationId").asText()), key + ": operationIds are unique");
      assertTrue(op.path("summary").isTextual(), key + " has a summary");
      boolean officer = key.contains(" /api/v1/officer/");
      JsonNode security = op.path("security");
      if (officer) {
        assertEquals(
            "officerIdToken",
            security.path(0).fieldNames().next(),
            key + " needs the officer's ID token");
        assertTrue(
            op.path("responses").has("401") && op.path("responses").has("403"),
            key + " documents 401 and 403");
      } else {
        assertTrue(
            security.isMissingNode()
                && api.path("security").isArray()
                && api.path("security").isEmpty(),
            key + " is public");
      }
      // Every path parameter of the route is declared, and nothing else in the path.
      String path = key.split(" ", 2)[1];
      Set<String> inPath = new TreeSet<>();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
      while (m.find()) {
        inPath.add(m.group(1));
      }
      Set<String> declared = new TreeSet<>();
      List<JsonNode> parameters = new ArrayList<>();
      api.path("paths").path(path).path("parameters").forEach(parameters::add);
      op.path("parameters").forEach(parameters::add);
      for (JsonNode p : parameters) {
        JsonNode parameter = resolve(p);
        assertFalse(parameter.isMissingNode(), key + ": a parameter's $ref resolves");
        if (parameter.path("in").asText().equals("path")) {
          declared.add(parameter.path("name").asText());
          assertTrue(
              parameter.path("required").asBoolean(), key + ": path parameters are required");
        }
      }
      assertEquals(inPath, declared, key + ": path parameters");
      op.path("responses")
          .properties()
          .forEach(
              r -> {
                assertTrue(
                    r.getKey().matches("[1-5][0-9][0-9]"),
                    key + ": explicit statuses only, not " + r.getKey());
                assertFalse(
                    resolve(r.getValue()).isMissingNode(),
                    key + " " + r.getKey() + ": its $ref resolves");
              });
    }
    // Every schema reference anywhere in the document resolves.
    List<String> refs = new ArrayList<>();
    api.findValues("$ref").forEach(r -> refs.add(r.asText()));
    for (String ref : refs) {
      assertFalse(pointer(ref).isMissingNode(), ref + " resolves");
    }
  }

  // ---------------------------------------------------------------- public API

  @Test
  @Order(10)
  void submittingAnswers() throws Exception {
    String path = "/api/v1/councils/demo/consultations/local-offer-2026/responses";
    String body =
        "{\"answers\":{\"find-information\":\"A search box by age\",\"search-by\":[\"age\",\"disability\"],\"format\":\"website\","
            + "\"plain-english\":null},\"profile\":{\"role\":\"parent-carer\",\"ageBand\":\"5-16\",\"areasOfNeed\":[\"cognition-and-learning\"],"
            + "\"district\":\"North\"},\"consentToQuote\":true}";
    assertRequestValid(SUBMIT, "post", "application/json", body);
    JsonNode created = check("post", SUBMIT, postJson(path, body, "contract-key-0001"), 201);
    HttpResponse<String> replay = postJson(path, body, "contract-key-0001");
    assertEquals(created, check("post", SUBMIT, replay, 201));
    assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(""));
    check(
        "post",
        SUBMIT,
        postJson(
            path, "{\"answers\":{\"find-information\":\"Something else\"}}", "contract-key-0001"),
        409);

    // The schema accepts what the service accepts...
    String minimal = "{\"answers\":{\"find-information\":\"Leaflets\"}}";
    assertRequestValid(SUBMIT, "post", "application/json", minimal);
    check("post", SUBMIT, postJson(path, minimal, null), 201);
    // ... and refuses, as the service does, a shape that cannot be right.
    String nested = "{\"answers\":{\"find-information\":{\"nested\":true}}}";
    assertRequestInvalid(SUBMIT, "post", "application/json", nested);
    JsonNode shape = check("post", SUBMIT, postJson(path, nested, null), 400);
    assertEquals("find-information", shape.path("errors").path(0).path("field").asText());
    assertRequestInvalid(
        SUBMIT,
        "post",
        "application/json",
        "{\"answers\":{},\"profile\":{\"role\":\"headteacher\"}}");

    check("post", SUBMIT, postJson(path, "{\"answers\": {", null), 400);
    JsonNode missing = check("post", SUBMIT, postJson(path, "{\"answers\":{}}", null), 400);
    assertEquals("find-information", missing.path("errors").path(0).path("field").asText());
    check(
        "post",
        SUBMIT,
        postJson(path, "{\"answers\":{\"find-information\":\"" + "x".repeat(2001) + "\"}}", null),
        400);
    check("post", SUBMIT, postJson(path, minimal, "short"), 400);
    check(
        "post",
        SUBMIT,
        postJson("/api/v1/councils/demo/consultations/nope/responses", minimal, null),
        404);
    check(
        "post",
        SUBMIT,
        postJson(
            "/api/v1/councils/elsewhere/consultations/local-offer-2026/responses", minimal, null),
        404);
    check(
        "post",
        SUBMIT,
        postJson(path, "{\"answers\":{\"find-information\":\"" + "x".repeat(70_000) + "\"}}", null),
        413);
    check(
        "post",
        SUBMIT,
        send(
            to(path)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello"))),
        415);

    var consultations = local.services().consultations();
    Consultation survey = consultations.find("demo", "ehc-plan-survey").orElseThrow();
    consultations.save(survey.withStatus(ConsultationStatus.CLOSED));
    try {
      check(
          "post",
          SUBMIT,
          postJson(
              "/api/v1/councils/demo/consultations/ehc-plan-survey/responses",
              "{\"answers\":{\"outcomes-clear\":\"clear\"}}",
              null),
          409);
    } finally {
      consultations.save(survey);
    }
  }

  @Test
  @Order(11)
  void sendingPageFeedback() throws Exception {
    String path = "/api/v1/councils/demo/page-feedback";
    String byPage =
        "{\"pageUrl\":\"https://localoffer.example.gov.uk/short-breaks?q=x\",\"useful\":false,\"comment\":\"No phone number\"}";
    assertRequestValid(FEEDBACK, "post", "application/json", byPage);
    check("post", FEEDBACK, postJson(path, byPage, "contract-feedback-0001"), 201);
    check(
        "post",
        FEEDBACK,
        postJson(path, byPage.replace("No phone", "No email"), "contract-feedback-0001"),
        409);
    String byService = "{\"serviceId\":\"ork-service-1234\",\"useful\":true}";
    assertRequestValid(FEEDBACK, "post", "application/json", byService);
    check("post", FEEDBACK, postJson(path, byService, null), 201);

    String both =
        "{\"pageUrl\":\"https://localoffer.example.gov.uk/\",\"serviceId\":\"ork-1\",\"useful\":true}";
    assertRequestInvalid(FEEDBACK, "post", "application/json", both);
    JsonNode refused = check("post", FEEDBACK, postJson(path, both, null), 400);
    assertEquals("pageUrl", refused.path("errors").path(0).path("field").asText());
    assertRequestInvalid(FEEDBACK, "post", "application/json", "{\"useful\":true}");
    check("post", FEEDBACK, postJson(path, "{\"useful\":true}", null), 400);
    String noUseful = "{\"pageUrl\":\"https://localoffer.example.gov.uk/\"}";
    assertRequestInvalid(FEEDBACK, "post", "application/json", noUseful);
    check("post", FEEDBACK, postJson(path, noUseful, null), 400);
    String longComment =
        "{\"serviceId\":\"ork-1\",\"useful\":true,\"comment\":\"" + "x".repeat(1201) + "\"}";
    assertRequestInvalid(FEEDBACK, "post", "application/json", longComment);
    check("post", FEEDBACK, postJson(path, longComment, null), 400);
    check("post", FEEDBACK, postJson(path, "[]", null), 400);
    check(
        "post",
        FEEDBACK,
        postJson("/api/v1/councils/elsewhere/page-feedback", byService, null),
        404);
    check(
        "post",
        FEEDBACK,
        postJson(
            path,
            "{\"serviceId\":\"ork-1\",\"useful\":true,\"comment\":\"" + "x".repeat(70_000) + "\"}",
            null),
        413);
    check(
        "post",
        FEEDBACK,
        send(
            to(path)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("useful"))),
        415);

    // The snippet without JavaScript posts a form and reads HTML back, errors included.
    check(
        "post",
        FEEDBACK,
        postForm(path, "pageUrl=https%3A%2F%2Flocaloffer.example.gov.uk%2F&useful=yes"),
        201);
    check("post", FEEDBACK, postForm(path, "useful=yes"), 400);
    check(
        "post",
        FEEDBACK,
        postForm("/api/v1/councils/elsewhere/page-feedback", "serviceId=ork-1&useful=no"),
        404);

    // The snippet's script asks first (CORS preflight): allowed for the council's own site only.
    HttpRequest.Builder allowed =
        to(path)
            .header("Origin", "https://localoffer.example.gov.uk")
            .header("Access-Control-Request-Method", "POST")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
    check("options", FEEDBACK, send(allowed), 204);
    HttpRequest.Builder elsewhere =
        to(path)
            .header("Origin", "https://elsewhere.example")
            .header("Access-Control-Request-Method", "POST")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
    check("options", FEEDBACK, send(elsewhere), 403);
  }

  @Test
  @Order(12)
  void seeingAndErasingAnswersByReceipt() throws Exception {
    JsonNode created =
        check(
            "post",
            SUBMIT,
            postJson(
                "/api/v1/councils/demo/consultations/local-offer-2026/responses",
                "{\"answers\":{\"find-information\":\"Erase me\",\"search-by\":[\"age\"]},\"profile\":{\"role\":\"other\"}}",
                null),
            201);
    String code = created.path("receipt").asText();
    JsonNode shown = check("get", RECEIPT, send(to("/api/v1/receipts/" + code)), 200);
    assertEquals(created.path("responseId"), shown.path("responseId"));
    // Typed by hand: lower case, no dashes.
    check(
        "get",
        RECEIPT,
        send(to("/api/v1/receipts/" + code.replace("-", "").toLowerCase(Locale.ROOT))),
        200);

    JsonNode feedback =
        check(
            "post",
            FEEDBACK,
            postJson(
                "/api/v1/councils/demo/page-feedback",
                "{\"serviceId\":\"ork-service-9\",\"useful\":true}",
                null),
            201);
    JsonNode feedbackShown =
        check(
            "get", RECEIPT, send(to("/api/v1/receipts/" + feedback.path("receipt").asText())), 200);
    assertEquals("service:ork-service-9", feedbackShown.path("subject").asText());

    check("delete", RECEIPT, send(to("/api/v1/receipts/" + code).DELETE()), 204);
    check("get", RECEIPT, send(to("/api/v1/receipts/" + code)), 404);
    check("delete", RECEIPT, send(to("/api/v1/receipts/" + code).DELETE()), 404);
    check("get", RECEIPT, send(to("/api/v1/receipts/not-a-code")), 404);
  }

  @Test
  @Order(12)
  void askingForAndStoppingActionAlerts() throws Exception {
    JsonNode created =
        check(
            "post",
            SUBMIT,
            postJson(
                "/api/v1/councils/demo/consultations/local-offer-2026/responses",
                "{\"answers\":{\"find-information\":\"Tell me\",\"search-by\":[\"age\"]}}",
                null),
            201);
    String code = created.path("receipt").asText();
    String path = "/api/v1/receipts/" + code + "/alerts";
    assertRequestValid(ALERTS, "post", "application/json", "{\"email\":\"parent@example.com\"}");
    JsonNode on =
        check("post", ALERTS, postJson(path, "{\"email\":\"parent@example.com\"}", null), 201);
    assertTrue(on.path("stop").asText().startsWith("/alerts/demo/local-offer-2026~"));
    JsonNode refused =
        check("post", ALERTS, postJson(path, "{\"email\":\"parent at example\"}", null), 400);
    assertFieldError(refused, "email");
    check("post", ALERTS, postJson(path, "[]", null), 400);
    check(
        "post",
        ALERTS,
        send(
            to(path)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("parent@example.com"))),
        415);
    check(
        "post",
        ALERTS,
        postJson("/api/v1/receipts/ABCD-2345-WXYZ/alerts", "{\"email\":\"a@example.com\"}", null),
        404);
    JsonNode survey =
        check(
            "post",
            SUBMIT,
            postJson(
                "/api/v1/councils/demo/consultations/ehc-plan-survey/responses",
                "{\"answers\":{\"outcomes-clear\":\"clear\"}}",
                null),
            201);
    check(
        "post",
        ALERTS,
        postJson(
            "/api/v1/receipts/" + survey.path("receipt").asText() + "/alerts",
            "{\"email\":\"a@example.com\"}",
            null),
        409);
    check("delete", ALERTS, send(to(path).DELETE()), 204);
    check("delete", ALERTS, send(to(path).DELETE()), 204);
    check("delete", ALERTS, send(to("/api/v1/receipts/ABCD-2345-WXYZ/alerts").DELETE()), 404);
  }

  // ---------------------------------------------------------------- officer API

  @Test
  @Order(20)
  void listingConsultations() throws Exception {
    JsonNode list =
        check(
            "get",
            CONSULTATIONS,
            officerGet("/api/v1/officer/councils/demo/consultations", demoToken()),
            200);
    assertTrue(list.path("consultations").size() >= 3, list.toString());
    check(
        "get", CONSULTATIONS, officerGet("/api/v1/officer/councils/demo/consultations", null), 401);
    for (String bad : badTokens()) {
      check(
          "get",
          CONSULTATIONS,
          officerGet("/api/v1/officer/councils/demo/consultations", bad),
          401);
    }
    check(
        "get",
        CONSULTATIONS,
        officerGet("/api/v1/officer/councils/demo/consultations", otherCouncilToken()),
        403);
  }

  @Test
  @Order(21)
  void listingResponsesWithFilters() throws Exception {
    String base = "/api/v1/officer/councils/demo/consultations/local-offer-2026/responses";
    postJson(
        "/api/v1/councils/demo/consultations/local-offer-2026/responses",
        "{\"answers\":{\"find-information\":\"Filter me by words\"},\"profile\":{\"role\":\"young-person\",\"ageBand\":\"16-25\"}}",
        null);
    JsonNode all = check("get", RESPONSES, officerGet(base, demoToken()), 200);
    assertTrue(all.path("total").asInt() > 0);
    assertEquals(all.path("total").asInt(), all.path("responses").size());
    JsonNode filtered =
        check(
            "get",
            RESPONSES,
            officerGet(
                base
                    + "?role=young-person&ageBand=16-25&channel=web&from=2020-01-01&to=2100-12-31"
                    + "&words=filter%20me&question=find-information",
                demoToken()),
            200);
    assertEquals(1, filtered.path("total").asInt(), filtered.toString());
    check(
        "get",
        RESPONSES,
        officerGet(
            base + "?areaOfNeed=sensory-and-physical&district=North&sentiment=positive&theme=t1",
            demoToken()),
        200);
    check("get", RESPONSES, officerGet(base + "?role=nonsense&from=not-a-date", demoToken()), 200);
    check(
        "get",
        RESPONSES,
        officerGet(
            "/api/v1/officer/councils/demo/consultations/page-feedback/responses", demoToken()),
        200);
    check(
        "get",
        RESPONSES,
        officerGet("/api/v1/officer/councils/demo/consultations/nope/responses", demoToken()),
        404);
    check("get", RESPONSES, officerGet(base + "?limit=0", demoToken()), 400);
    check("get", RESPONSES, officerGet(base + "?limit=1001", demoToken()), 400);
    check("get", RESPONSES, officerGet(base + "?limit=ten", demoToken()), 400);
    check("get", RESPONSES, officerGet(base + "?after=not-an-id", demoToken()), 400);
    check("get", RESPONSES, officerGet(base, null), 401);
    check("get", RESPONSES, officerGet(base, badTokens().get(0)), 401);
    check("get", RESPONSES, officerGet(base, otherCouncilToken()), 403);
  }

  @Test
  @Order(22)
  void pagingThroughResponsesReturnsEachOnceInOrder() throws Exception {
    String base = "/api/v1/officer/councils/demo/consultations/local-offer-2026/responses";
    for (int i = 0; i < 5; i++) {
      postJson(
          "/api/v1/councils/demo/consultations/local-offer-2026/responses",
          "{\"answers\":{\"find-information\":\"Page " + i + "\"}}",
          null);
    }
    JsonNode everything = check("get", RESPONSES, officerGet(base, demoToken()), 200);
    int total = everything.path("total").asInt();
    assertTrue(total >= 5);
    assertTrue(everything.path("next").isMissingNode(), "one page holds them all");
    List<String> paged = new ArrayList<>();
    String after = "";
    int pages = 0;
    do {
      JsonNode page =
          check(
              "get",
              RESPONSES,
              officerGet(
                  base + "?limit=2" + (after.isEmpty() ? "" : "&after=" + after), demoToken()),
              200);
      assertEquals(total, page.path("total").asInt(), "total counts every page");
      assertTrue(page.path("responses").size() <= 2);
      page.path("responses").forEach(r -> paged.add(r.path("id").asText()));
      after = page.path("next").asText("");
      pages++;
    } while (!after.isEmpty() && pages <= total);
    List<String> all = new ArrayList<>();
    everything.path("responses").forEach(r -> all.add(r.path("id").asText()));
    assertEquals(
        all, paged, "the pages together are the whole list, in the same order, each response once");
    assertEquals(all.stream().sorted().toList(), all, "oldest first, by id");
    assertEquals((total + 1) / 2, pages);
  }

  @Test
  @Order(23)
  void aPageStopsBeforeLambdasSixMegabyteLimit() throws Exception {
    Consultation big =
        org.yousaid.shared.templates.ConsultationTemplates.localOffer(
            "demo", "Demo", "big-consultation", List.of(), null, null);
    local.services().consultations().create(big);
    // Answers at their questions' limits (2,000, 2,000 and 3,000 characters) in a script of 4-byte
    // characters:
    // about 28 KB a response, 6.7 MB for all 240, more than Lambda can return in one go.
    String smile = "\uD83D\uDE42";
    for (int i = 0; i < 240; i++) {
      Map<String, List<String>> answers =
          Map.of(
              "find-information",
              List.of(smile.repeat(1995) + i),
              "confidence",
              List.of(smile.repeat(2000)),
              "anything-else",
              List.of(smile.repeat(3000)));
      local
          .services()
          .submissions()
          .record(
              big,
              new org.yousaid.shared.validation.RawSubmission(answers, Map.of(), null, List.of()),
              "big-" + i + "-contract",
              org.yousaid.shared.model.Channel.PAPER,
              null);
    }
    HttpResponse<String> first =
        officerGet(
            "/api/v1/officer/councils/demo/consultations/big-consultation/responses", demoToken());
    JsonNode page = check("get", RESPONSES, first, 200);
    assertEquals(240, page.path("total").asInt());
    assertTrue(page.path("next").isTextual(), "240 answers of about 28 KB do not fit in one page");
    assertTrue(page.path("responses").size() < 240);
    assertTrue(
        first.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 6 * 1024 * 1024,
        "Lambda can return it");
    JsonNode rest =
        check(
            "get",
            RESPONSES,
            officerGet(
                "/api/v1/officer/councils/demo/consultations/big-consultation/responses?after="
                    + page.path("next").asText(),
                demoToken()),
            200);
    assertEquals(240, page.path("responses").size() + rest.path("responses").size());
    assertTrue(rest.path("next").isMissingNode());
  }

  @Test
  @Order(24)
  void importingCsv() throws Exception {
    String base = "/api/v1/officer/councils/demo/consultations/local-offer-2026/import";
    String csv =
        "find-information,Answering as,Comments,Date,Ref\n"
            + "Leaflets at the GP surgery,Parent or carer,More drop-in sessions,2026-03-02,A1\n"
            + ",Young person,This row has no answer to the required question,2026-03-03,A2\n"
            + "A named person,professional,,31/03/2026,A3\n";
    String query = "?channel=paper&map.Comments=q.anything-else&map.Ref=ignore";
    JsonNode outcome =
        check("post", IMPORT, officerPost(base + query, demoToken(), "text/csv", csv), 200);
    // 31/03/2026 is a UK date: only the row with no answer to the required question is refused.
    assertEquals(2, outcome.path("imported").asInt(), outcome.toString());
    assertEquals(1, outcome.path("problems").size(), outcome.toString());
    assertEquals("Ref", outcome.path("unmatchedColumns").get(0).asText(), outcome.toString());
    JsonNode again =
        check("post", IMPORT, officerPost(base + query, demoToken(), "text/csv", csv), 200);
    assertEquals(2, again.path("alreadyImported").asInt(), again.toString());
    JsonNode paper =
        check(
            "get",
            RESPONSES,
            officerGet(
                "/api/v1/officer/councils/demo/consultations/local-offer-2026/responses?channel=paper",
                demoToken()),
            200);
    assertEquals(2, paper.path("total").asInt());

    check("post", IMPORT, officerPost(base + "?channel=web", demoToken(), "text/csv", csv), 400);
    check(
        "post",
        IMPORT,
        officerPost(base + "?map.Comments=q.nope", demoToken(), "text/csv", csv),
        400);
    check("post", IMPORT, officerPost(base, demoToken(), "application/json", "{}"), 415);
    check(
        "post",
        IMPORT,
        officerPost(base, demoToken(), "text/csv", "find-information\n" + "x\n".repeat(20_001)),
        413);
    check(
        "post",
        IMPORT,
        officerPost(
            "/api/v1/officer/councils/demo/consultations/nope/import",
            demoToken(),
            "text/csv",
            csv),
        404);
    check("post", IMPORT, officerPost(base, null, "text/csv", csv), 401);
    check("post", IMPORT, officerPost(base, badTokens().get(1), "text/csv", csv), 401);
    check("post", IMPORT, officerPost(base, otherCouncilToken(), "text/csv", csv), 403);

    StringBuilder large = new StringBuilder("find-information\n");
    for (int i = 0; i < 600; i++) {
      large.append("A row of a large file ").append(i).append('\n');
    }
    JsonNode accepted =
        check("post", IMPORT, officerPost(base, demoToken(), "text/csv", large.toString()), 202);
    assertEquals(600, accepted.path("rows").asInt(), accepted.toString());
    assertTrue(local.importQueue().awaitIdle(5, java.util.concurrent.TimeUnit.MINUTES));
  }

  /**
   * Two kept versions of a question's analysis (written to storage as the worker would: the engine
   * is not what this test checks), the second proposing a theme.
   */
  @Test
  @Order(25)
  void analysisVersions() throws Exception {
    var services = local.services();
    List<String> answered =
        services.responses().listForConsultation("demo", "local-offer-2026").stream()
            .filter(r -> r.answer("find-information").isPresent())
            .map(org.yousaid.shared.model.Response::id)
            .limit(3)
            .toList();
    assertEquals(3, answered.size());
    var first = analysisRun("01JCONTRACTRUN000000000001", null, List.of(theme("t1", false)));
    var second =
        analysisRun(
            "01JCONTRACTRUN000000000002",
            first.runId(),
            List.of(theme("t1", false), theme("p1", true)));
    var before =
        answered.subList(0, 2).stream()
            .map(
                id ->
                    new org.yousaid.shared.themes.AnswerAnalysis(
                        id, "text", "neutral", List.of("t1"), null))
            .toList();
    var after =
        List.of(
            new org.yousaid.shared.themes.AnswerAnalysis(
                answered.get(0), "text", "neutral", List.of("t1"), null),
            new org.yousaid.shared.themes.AnswerAnalysis(
                answered.get(1), "text", "neutral", List.of("p1"), null),
            new org.yousaid.shared.themes.AnswerAnalysis(
                answered.get(2), "text", "neutral", List.of("p1"), null));
    services.analyses().saveVersion(first, before, Map.of());
    services.analyses().saveVersion(second, after, Map.of());
    services.analyses().replaceAnswers("demo", "local-offer-2026", "find-information", after);
    services.analyses().saveStatus(second);

    String base = "/api/v1/officer/councils/demo/consultations/local-offer-2026/analysis/";
    JsonNode versions =
        check("get", ANALYSIS, officerGet(base + "find-information", demoToken()), 200);
    assertEquals(second.runId(), versions.path("currentRunId").asText());
    assertEquals(2, versions.path("versions").size());
    assertEquals(answered.get(2), versions.path("changes").path("added").path(0).asText());
    assertEquals(0.5, versions.path("changes").path("kept").path("t1").asDouble());
    assertEquals("p1", versions.path("proposed").path(0).path("id").asText());
    check("get", ANALYSIS, officerGet(base + "nope", demoToken()), 404);
    check("get", ANALYSIS, officerGet(base + "find-information", null), 401);
    check("get", ANALYSIS, officerGet(base + "find-information", otherCouncilToken()), 403);

    String json = "application/json";
    JsonNode accepted =
        check(
            "post",
            ANALYSIS,
            officerPost(
                base + "find-information",
                demoToken(),
                json,
                "{\"action\":\"accept\",\"themeId\":\"p1\"}"),
            200);
    assertTrue(accepted.path("proposed").isEmpty(), accepted.toString());
    check(
        "post",
        ANALYSIS,
        officerPost(
            base + "find-information",
            demoToken(),
            json,
            "{\"action\":\"reject\",\"themeId\":\"t1\"}"),
        400);
    check("post", ANALYSIS, officerPost(base + "find-information", demoToken(), json, "[1"), 400);
    JsonNode restored =
        check(
            "post",
            ANALYSIS,
            officerPost(
                base + "find-information",
                demoToken(),
                json,
                "{\"action\":\"restore\",\"runId\":\"" + first.runId() + "\"}"),
            200);
    assertEquals(first.runId(), restored.path("currentRunId").asText());
    check(
        "post",
        ANALYSIS,
        officerPost(
            base + "find-information",
            demoToken(),
            json,
            "{\"action\":\"restore\",\"runId\":\"nope\"}"),
        404);
    check(
        "post",
        ANALYSIS,
        officerPost(base + "find-information", null, json, "{\"action\":\"restore\"}"),
        401);
    check(
        "post",
        ANALYSIS,
        officerPost(
            base + "find-information", otherCouncilToken(), json, "{\"action\":\"restore\"}"),
        403);
    services
        .analyses()
        .saveStatus(
            second.with(
                org.yousaid.shared.themes.AnalysisStatus.QUEUED, null, 0, second.themes(), null));
    check(
        "post",
        ANALYSIS,
        officerPost(
            base + "find-information",
            demoToken(),
            json,
            "{\"action\":\"restore\",\"runId\":\"" + first.runId() + "\"}"),
        409);
    services.analyses().saveStatus(first);
  }

  private static org.yousaid.shared.themes.StoredTheme theme(String id, boolean proposed) {
    return new org.yousaid.shared.themes.StoredTheme(
        id, "Theme " + id, "", List.of(), 1, 0.5, 0, 1, 0, null, 0, 0, false, proposed);
  }

  private static org.yousaid.shared.themes.QuestionAnalysis analysisRun(
      String runId, String basedOn, List<org.yousaid.shared.themes.StoredTheme> themes) {
    return new org.yousaid.shared.themes.QuestionAnalysis(
        "demo",
        "local-offer-2026",
        "find-information",
        runId,
        org.yousaid.shared.themes.AnalysisStatus.DONE,
        "contract",
        Instant.now(),
        Instant.now(),
        3,
        themes,
        null,
        null,
        basedOn);
  }

  // ---------------------------------------------------------------- officer API: the pages'
  // actions

  private static final String CONSULTATION = CONSULTATIONS + "/{consultation}";
  private static final String STATUS = CONSULTATION + "/status";
  private static final String RUN = CONSULTATION + "/analysis";
  private static final String THEMES = CONSULTATION + "/themes";
  private static final String THEME = THEMES + "/{question}/{theme}";
  private static final String EXPORT = CONSULTATION + "/export/{format}";
  private static final String PUBLISH = CONSULTATION + "/publish";
  private static final String REVIEW = CONSULTATION + "/review";
  private static final String PAGE_FEEDBACK = "/api/v1/officer/councils/{council}/page-feedback";
  private static final String API = "/api/v1/officer/councils/demo/consultations";

  private static HttpResponse<String> apiPost(
      String path, String token, String json, String idempotencyKey) throws Exception {
    HttpRequest.Builder b =
        to(path)
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return send(b);
  }

  private static void assertFieldError(JsonNode problem, String field) {
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertTrue(fields.contains(field), "errors name " + field + ": " + problem);
  }

  @Test
  @Order(30)
  void creatingEditingOpeningAndClosingAConsultation() throws Exception {
    String created =
        "{\"template\":\"local-offer\",\"id\":\"contract-api\",\"title\":\"Made by an integration\"}";
    assertRequestValid(CONSULTATIONS, "post", "application/json", created);
    HttpResponse<String> first = apiPost(API, demoToken(), created, "contract-create-01");
    JsonNode draft = check("post", CONSULTATIONS, first, 201);
    assertEquals("DRAFT", draft.path("status").asText());
    assertEquals(API + "/contract-api", first.headers().firstValue("Location").orElseThrow());
    // A retry with the same key is the same creation, replayed; the key with another body is not.
    HttpResponse<String> replay = apiPost(API, demoToken(), created, "contract-create-01");
    assertEquals(draft, check("post", CONSULTATIONS, replay, 201));
    assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(""));
    check(
        "post",
        CONSULTATIONS,
        apiPost(API, demoToken(), created.replace("integration", "other"), "contract-create-01"),
        409);
    // Keys are each officer's own: another officer's identical key replays nothing of this one.
    String colleague =
        local.officerSignIn(
            "subject-colleague",
            "colleague@demo.example",
            List.of("council-demo"),
            Duration.ofMinutes(30));
    HttpResponse<String> theirs = apiPost(API, colleague, created, "contract-create-01");
    check("post", CONSULTATIONS, theirs, 409);
    assertTrue(theirs.headers().firstValue("Idempotent-Replayed").isEmpty());
    // Without a key, the same address again is taken.
    check("post", CONSULTATIONS, apiPost(API, demoToken(), created, null), 409);
    check("post", CONSULTATIONS, apiPost(API, demoToken(), created, "short"), 400);
    String invalid = "{\"template\":\"survey\",\"id\":\"A B\",\"title\":\"\"}";
    assertRequestInvalid(CONSULTATIONS, "post", "application/json", invalid);
    JsonNode refused = check("post", CONSULTATIONS, apiPost(API, demoToken(), invalid, null), 422);
    assertFieldError(refused, "template");
    assertFieldError(refused, "id");
    assertFieldError(refused, "title");
    check("post", CONSULTATIONS, apiPost(API, demoToken(), "{\"id\":", null), 400);
    check(
        "post",
        CONSULTATIONS,
        officerPost(API, demoToken(), "text/plain", "template=local-offer"),
        415);
    check("post", CONSULTATIONS, officerPost(API, null, "application/json", created), 401);
    check("post", CONSULTATIONS, apiPost(API, otherCouncilToken(), created, null), 403);

    String path = API + "/contract-api";
    JsonNode shown = check("get", CONSULTATION, officerGet(path, demoToken()), 200);
    assertEquals("Made by an integration", shown.path("title").asText());
    assertEquals("created", shown.path("audit").path(0).path("action").asText());
    check("get", CONSULTATION, officerGet(API + "/nope", demoToken()), 404);
    check("get", CONSULTATION, officerGet(path, null), 401);
    check("get", CONSULTATION, officerGet(path, otherCouncilToken()), 403);

    String edit =
        "{\"title\":\"Local Offer 2027\",\"closes\":\"31/12/2030\",\"questions\":[{\"id\":\"find-information\",\"text\":\"What would help you find services?\",\"required\":true}]}";
    assertRequestValid(CONSULTATION, "post", "application/json", edit);
    JsonNode edited = check("post", CONSULTATION, apiPost(path, demoToken(), edit, null), 200);
    assertEquals("Local Offer 2027", edited.path("title").asText());
    assertEquals("2031-01-01T00:00:00Z", edited.path("closesAt").asText(), "end of 31 December");
    assertEquals(
        "What would help you find services?",
        edited.path("questions").path(0).path("text").asText());
    JsonNode badEdit =
        check(
            "post",
            CONSULTATION,
            apiPost(
                path,
                demoToken(),
                "{\"title\":\" \",\"closes\":\"31/02/2030\",\"questions\":[{\"id\":\"nope\"}]}",
                null),
            422);
    assertFieldError(badEdit, "questions[0].id");
    JsonNode badDates =
        check(
            "post",
            CONSULTATION,
            apiPost(path, demoToken(), "{\"title\":\" \",\"closes\":\"31/02/2030\"}", null),
            422);
    assertFieldError(badDates, "title");
    assertFieldError(badDates, "closes");
    assertEquals(
        "Local Offer 2027",
        check("get", CONSULTATION, officerGet(path, demoToken()), 200).path("title").asText(),
        "a refused edit changes nothing");
    check("post", CONSULTATION, apiPost(path, demoToken(), "[]", null), 400);
    check("post", CONSULTATION, officerPost(path, demoToken(), "text/plain", "title=x"), 415);
    check("post", CONSULTATION, apiPost(API + "/nope", demoToken(), edit, null), 404);
    check("post", CONSULTATION, officerPost(path, null, "application/json", edit), 401);
    check("post", CONSULTATION, apiPost(path, otherCouncilToken(), edit, null), 403);

    String status = path + "/status";
    JsonNode open =
        check("post", STATUS, apiPost(status, demoToken(), "{\"status\":\"OPEN\"}", null), 200);
    assertEquals("OPEN", open.path("status").asText());
    check("post", CONSULTATION, apiPost(path, demoToken(), edit, null), 409);
    check("post", STATUS, apiPost(status, demoToken(), "{\"status\":\"CLOSED\"}", null), 200);
    check("post", STATUS, apiPost(status, demoToken(), "{\"status\":\"CLOSED\"}", null), 409);
    assertFieldError(
        check("post", STATUS, apiPost(status, demoToken(), "{\"status\":\"GONE\"}", null), 422),
        "status");
    check("post", STATUS, apiPost(status, demoToken(), "{", null), 400);
    check("post", STATUS, officerPost(status, demoToken(), "text/plain", "OPEN"), 415);
    check(
        "post",
        STATUS,
        apiPost(API + "/nope/status", demoToken(), "{\"status\":\"OPEN\"}", null),
        404);
    check("post", STATUS, officerPost(status, null, "application/json", "{}"), 401);
    check("post", STATUS, apiPost(status, otherCouncilToken(), "{}", null), 403);
    check("post", STATUS, apiPost(status, demoToken(), "{\"status\":\"OPEN\"}", null), 200);
  }

  /** Runs the analysis queue on the consultation made above, which has no answers yet. */
  @Test
  @Order(31)
  void askingForThemes() throws Exception {
    String path = API + "/contract-api/analysis";
    HttpResponse<String> queued = apiPost(path, demoToken(), "{\"themeCount\":3}", "run-0001");
    JsonNode body = check("post", RUN, queued, 202);
    assertTrue(body.path("queued").toString().contains("find-information"), body.toString());
    assertEquals(
        API + "/contract-api/themes", queued.headers().firstValue("Location").orElseThrow());
    check("post", RUN, apiPost(path, demoToken(), "{\"themeCount\":4}", "run-0001"), 409);
    assertFieldError(
        check("post", RUN, apiPost(path, demoToken(), "{\"themeCount\":1}", null), 422),
        "themeCount");
    check("post", RUN, apiPost(path, demoToken(), "{\"themeCount\":", null), 400);
    check("post", RUN, officerPost(path, demoToken(), "text/plain", "themeCount=3"), 415);
    check("post", RUN, apiPost(API + "/nope/analysis", demoToken(), "{}", null), 404);
    check("post", RUN, officerPost(path, null, "application/json", "{}"), 401);
    check("post", RUN, apiPost(path, otherCouncilToken(), "{}", null), 403);
    assertTrue(local.analysisQueue().awaitIdle(10, java.util.concurrent.TimeUnit.MINUTES));
  }

  /** On the themes the analysis-versions test left: find-information's theme t1. */
  @Test
  @Order(32)
  void readingAndCorrectingThemes() throws Exception {
    String themes = API + "/local-offer-2026/themes";
    JsonNode overview = check("get", THEMES, officerGet(themes, demoToken()), 200);
    JsonNode question = overview.path("questions").path(0);
    assertEquals("find-information", question.path("id").asText(), overview.toString());
    assertEquals("t1", question.path("themes").path(0).path("id").asText(), overview.toString());
    check("get", THEMES, officerGet(API + "/nope/themes", demoToken()), 404);
    check("get", THEMES, officerGet(themes, null), 401);
    check("get", THEMES, officerGet(themes, otherCouncilToken()), 403);

    String t1 = themes + "/find-information/t1";
    JsonNode theme = check("get", THEME, officerGet(t1, demoToken()), 200);
    assertEquals(2, theme.path("members").size(), theme.toString());
    String member = theme.path("members").path(0).path("responseId").asText();
    check("get", THEME, officerGet(themes + "/find-information/nope", demoToken()), 404);
    check("get", THEME, officerGet(themes + "/search-by/t1", demoToken()), 404);
    check("get", THEME, officerGet(t1, null), 401);
    check("get", THEME, officerGet(t1, otherCouncilToken()), 403);

    String rename = "{\"action\":\"rename\",\"label\":\"Finding information\"}";
    assertRequestValid(THEME, "post", "application/json", rename);
    JsonNode renamed = check("post", THEME, apiPost(t1, demoToken(), rename, "fix-0001"), 200);
    assertEquals("t1", renamed.path("themeId").asText());
    HttpResponse<String> replay = apiPost(t1, demoToken(), rename, "fix-0001");
    assertEquals(renamed, check("post", THEME, replay, 200));
    assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(""));
    assertEquals(
        1,
        local.services().corrections().list("demo", "local-offer-2026", "find-information").stream()
            .filter(c -> "Finding information".equals(c.text()))
            .count(),
        "a replayed correction is stored once");
    check(
        "post",
        THEME,
        apiPost(t1, demoToken(), rename.replace("Finding", "Looking for"), "fix-0001"),
        409);
    check("post", THEME, apiPost(t1, demoToken(), rename, "bad key!"), 400);
    // A page's session cookie cannot post JSON: a cross-site page could (CSRF), so only a Bearer
    // can.
    HttpResponse<String> cookie =
        send(
            to(t1)
                .header("Content-Type", "application/json")
                .header("Cookie", "yousaid-officer=" + demoToken())
                .POST(HttpRequest.BodyPublishers.ofString(rename)));
    check("post", THEME, cookie, 403);
    assertEquals(
        "Finding information",
        check("get", THEME, officerGet(t1, demoToken()), 200).path("label").asText());

    String split =
        "{\"action\":\"split\",\"label\":\"Split off\",\"answers\":[\"" + member + "\"]}";
    JsonNode splitOff = check("post", THEME, apiPost(t1, demoToken(), split, null), 200);
    String newTheme = splitOff.path("newThemeId").asText();
    assertTrue(newTheme.startsWith("t1-split-"), splitOff.toString());
    JsonNode moved =
        check("get", THEME, officerGet(themes + "/find-information/" + newTheme, demoToken()), 200);
    assertEquals(member, moved.path("members").path(0).path("responseId").asText());

    String weDid =
        "{\"action\":\"we-did\",\"text\":\"We added a search by age\",\"status\":\"in progress\",\"date\":\"2027-03-01\"}";
    assertRequestValid(THEME, "post", "application/json", weDid);
    check("post", THEME, apiPost(t1, demoToken(), weDid, null), 200);
    JsonNode withWeDid = check("get", THEME, officerGet(t1, demoToken()), 200);
    assertEquals("2027-03-01", withWeDid.path("weDid").path("date").asText());
    assertEquals("in progress", withWeDid.path("weDid").path("status").asText());

    JsonNode badWeDid =
        check(
            "post",
            THEME,
            apiPost(
                t1,
                demoToken(),
                "{\"action\":\"we-did\",\"text\":\"\",\"status\":\"maybe\",\"date\":\"31/02/2027\"}",
                null),
            422);
    assertFieldError(badWeDid, "text");
    assertFieldError(badWeDid, "status");
    assertFieldError(badWeDid, "date");
    assertFieldError(
        check(
            "post",
            THEME,
            apiPost(t1, demoToken(), "{\"action\":\"merge\",\"target\":\"t1\"}", null),
            422),
        "target");
    assertFieldError(
        check("post", THEME, apiPost(t1, demoToken(), "{\"action\":\"move\"}", null), 422),
        "answers");
    assertFieldError(
        check("post", THEME, apiPost(t1, demoToken(), "{\"label\":\"x\"}", null), 422), "action");
    check("post", THEME, apiPost(t1, demoToken(), "{\"action\":", null), 400);
    check("post", THEME, officerPost(t1, demoToken(), "text/plain", "action=rename"), 415);
    check(
        "post", THEME, apiPost(themes + "/find-information/nope", demoToken(), rename, null), 404);
    check("post", THEME, officerPost(t1, null, "application/json", rename), 401);
    check("post", THEME, apiPost(t1, otherCouncilToken(), rename, null), 403);
  }

  @Test
  @Order(33)
  void exportingResponsesAndReports() throws Exception {
    String base = API + "/local-offer-2026/export/";
    for (String format : List.of("csv", "xlsx", "docx", "pdf")) {
      HttpResponse<String> file = officerGet(base + format, demoToken());
      check("get", EXPORT, file, 200);
      assertTrue(
          file.headers().firstValue("Content-Disposition").orElse("").endsWith("." + format + "\""),
          format);
    }
    check("get", EXPORT, officerGet(base + "odt", demoToken()), 404);
    check("get", EXPORT, officerGet(API + "/nope/export/csv", demoToken()), 404);
    check("get", EXPORT, officerGet(base + "csv", null), 401);
    check("get", EXPORT, officerGet(base + "csv", otherCouncilToken()), 403);
  }

  @Test
  @Order(34)
  void reviewingSigningOffAndPublishing() throws Exception {
    String publish = API + "/local-offer-2026/publish";
    String review = API + "/local-offer-2026/review";
    JsonNode draft = check("get", PUBLISH, officerGet(publish, demoToken()), 200);
    String fingerprint = draft.path("draft").asText();
    assertTrue(
        draft.path("themes").toString().contains("We added a search by age"), draft.toString());
    assertTrue(draft.path("versions").isEmpty());
    check("get", PUBLISH, officerGet(API + "/nope/publish", demoToken()), 404);
    check("get", PUBLISH, officerGet(publish, null), 401);
    check("get", PUBLISH, officerGet(publish, otherCouncilToken()), 403);

    String forum =
        local.officerSignIn(
            "subject-forum",
            "chair@forum.example",
            List.of("reviewer-demo"),
            Duration.ofMinutes(30));
    JsonNode forDraft = check("get", REVIEW, officerGet(review, forum), 200);
    assertEquals(fingerprint, forDraft.path("draft").asText());
    assertTrue(forDraft.path("versions").isMissingNode(), "reviewers see no publication record");
    check("get", PUBLISH, officerGet(publish, forum), 403);
    check("get", REVIEW, officerGet(API + "/nope/review", forum), 404);
    check("get", REVIEW, officerGet(review, null), 401);
    check("get", REVIEW, officerGet(review, otherCouncilToken()), 403);

    String coSign =
        "{\"comment\":\"Fair to what parents said\",\"coSign\":true,\"draft\":\""
            + fingerprint
            + "\"}";
    assertRequestValid(REVIEW, "post", "application/json", coSign);
    JsonNode signed = check("post", REVIEW, apiPost(review, forum, coSign, "cosign-0001"), 201);
    assertEquals("reviewer", signed.path("role").asText());
    assertTrue(signed.path("onThisDraft").asBoolean());
    check(
        "post",
        REVIEW,
        apiPost(review, forum, coSign.replace("Fair", "Unfair"), "cosign-0001"),
        409);
    check(
        "post",
        REVIEW,
        apiPost(review, forum, "{\"coSign\":true,\"draft\":\"" + "0".repeat(64) + "\"}", null),
        409);
    assertFieldError(check("post", REVIEW, apiPost(review, forum, "{}", null), 422), "comment");
    check("post", REVIEW, apiPost(review, forum, "{\"comment\":", null), 400);
    check("post", REVIEW, officerPost(review, forum, "text/plain", "comment=x"), 415);
    check("post", REVIEW, apiPost(API + "/nope/review", forum, coSign, null), 404);
    check("post", REVIEW, officerPost(review, null, "application/json", coSign), 401);
    check("post", REVIEW, apiPost(review, otherCouncilToken(), coSign, null), 403);

    assertFieldError(
        check(
            "post",
            PUBLISH,
            apiPost(publish, demoToken(), "{\"draft\":\"" + fingerprint + "\"}", null),
            422),
        "confirm");
    check(
        "post",
        PUBLISH,
        apiPost(
            publish, demoToken(), "{\"confirm\":true,\"draft\":\"" + "0".repeat(64) + "\"}", null),
        409);
    check("post", PUBLISH, apiPost(publish, forum, "{\"confirm\":true}", null), 403);
    check("post", PUBLISH, apiPost(publish, demoToken(), "{\"confirm\":", null), 400);
    check("post", PUBLISH, officerPost(publish, demoToken(), "text/plain", "confirm=yes"), 415);
    check("post", PUBLISH, apiPost(API + "/nope/publish", demoToken(), "{}", null), 404);
    check("post", PUBLISH, officerPost(publish, null, "application/json", "{}"), 401);
    assertEquals(0, local.publishQueue().deadLetterCount());
    assertTrue(
        local.services().publications().latest("demo", "local-offer-2026").isEmpty(),
        "nothing refused was published");

    String signOff = "{\"confirm\":true,\"draft\":\"" + fingerprint + "\"}";
    assertRequestValid(PUBLISH, "post", "application/json", signOff);
    HttpResponse<String> accepted = apiPost(publish, demoToken(), signOff, "publish-0001");
    JsonNode request = check("post", PUBLISH, accepted, 202);
    assertEquals(publish, accepted.headers().firstValue("Location").orElseThrow());
    check("post", PUBLISH, apiPost(publish, demoToken(), signOff, "publish-0001"), 202);
    assertTrue(local.publishQueue().awaitIdle(2, java.util.concurrent.TimeUnit.MINUTES));
    JsonNode after = check("get", PUBLISH, officerGet(publish, demoToken()), 200);
    assertEquals(1, after.path("versions").size(), "a replayed sign-off publishes once: " + after);
    JsonNode version = after.path("versions").path(0);
    assertEquals(request.path("requestId").asText(), version.path("requestId").asText());
    assertEquals("contract@demo.example", version.path("approvedBy").path("name").asText());
    assertEquals("chair@forum.example", version.path("coSignedBy").path(0).path("name").asText());
  }

  @Test
  @Order(35)
  void readingPageFeedbackFigures() throws Exception {
    String path = "/api/v1/officer/councils/demo/page-feedback";
    JsonNode exact =
        check("get", PAGE_FEEDBACK, officerGet(path + "?numbers=exact", demoToken()), 200);
    assertTrue(exact.path("answers").asInt() > 0, exact.toString());
    assertTrue(
        exact.path("pages").toString().contains("service:ork-service-1234"),
        "the contract test's own feedback is counted");
    JsonNode shareable = check("get", PAGE_FEEDBACK, officerGet(path, demoToken()), 200);
    assertEquals("shareable", shareable.path("numbers").asText());
    int total = exact.path("answers").asInt();
    if (total < 5) {
      assertTrue(shareable.path("answers").isNull(), shareable.toString());
      assertEquals("fewer than 5", shareable.path("hidden").path("answers").asText());
    } else {
      assertEquals(total, shareable.path("answers").asInt(), "the total stays shown");
    }
    // The contract test's one answer about its service is never shown, nor named.
    assertFalse(shareable.toString().contains("ork-service-1234"), shareable.toString());
    shareable
        .findValues("useful")
        .forEach(n -> assertTrue(n.isNull() || n.asInt() == 0 || n.asInt() >= 5, n.toString()));
    assertFieldError(
        check("get", PAGE_FEEDBACK, officerGet(path + "?numbers=all", demoToken()), 422),
        "numbers");
    check(
        "get",
        PAGE_FEEDBACK,
        officerGet(path + "?from=2020-01-01&to=2100-12-31", demoToken()),
        200);
    JsonNode refused =
        check("get", PAGE_FEEDBACK, officerGet(path + "?from=yesterday", demoToken()), 422);
    assertFieldError(refused, "from");
    check("get", PAGE_FEEDBACK, officerGet(path, null), 401);
    check("get", PAGE_FEEDBACK, officerGet(path, otherCouncilToken()), 403);
  }

  private static final String REGISTER = "/api/v1/officer/councils/{council}/register";
  private static final String REGISTER_REPORT =
      "/api/v1/officer/councils/{council}/register/report";

  @Test
  @Order(36)
  void readingTheCommentsRegister() throws Exception {
    String path = "/api/v1/officer/councils/demo/register";
    JsonNode register = check("get", REGISTER, officerGet(path, demoToken()), 200);
    assertTrue(register.path("entries").size() > 0, "the demo's comments are in it");
    assertTrue(register.path("publicationDue").asBoolean());
    JsonNode first = register.path("entries").get(0);
    assertFalse(first.path("excluded").asBoolean());

    // An officer keeps one out on the register's page: the API flags it, with the reason in words.
    OfficerBrowser officer = new OfficerBrowser(local, "contract@demo.example", List.of("demo"));
    assertEquals(
        303,
        officer
            .postForm(
                "/officer/councils/demo/register/entries/" + first.path("id").asText(),
                "do=exclude&reason=duplicate&note=" + OfficerBrowser.enc("same as another"))
            .statusCode());
    JsonNode excluded =
        check("get", REGISTER, officerGet(path + "?show=excluded", demoToken()), 200);
    assertEquals(1, excluded.path("entries").size(), excluded.toString());
    JsonNode flagged = excluded.path("entries").get(0);
    assertEquals(first.path("id").asText(), flagged.path("id").asText());
    assertTrue(flagged.path("excluded").asBoolean());
    assertEquals("Excluded", flagged.path("status").asText());
    assertEquals("DUPLICATE", flagged.path("exclusion").path("reason").asText());
    assertEquals(
        "A duplicate of another comment", flagged.path("exclusion").path("reasonLabel").asText());
    JsonNode fresh = check("get", REGISTER, officerGet(path + "?show=new", demoToken()), 200);
    fresh.path("entries").forEach(e -> assertFalse(e.path("excluded").asBoolean()));
    assertFieldError(
        check("get", REGISTER, officerGet(path + "?show=everything", demoToken()), 422), "show");
    check("get", REGISTER, officerGet(path, null), 401);
    check("get", REGISTER, officerGet(path, otherCouncilToken()), 403);

    String report = "/api/v1/officer/councils/demo/register/report";
    JsonNode data = check("get", REGISTER_REPORT, officerGet(report, demoToken()), 200);
    assertEquals(1, data.path("excluded").asInt());
    assertTrue(data.path("fingerprint").asText().matches("[0-9a-f]{64}"), data.toString());
    assertFalse(
        data.path("draft").toString().contains(flagged.path("text").asText()),
        "an excluded comment is in no draft");
    check("get", REGISTER_REPORT, officerGet(report, null), 401);
    check("get", REGISTER_REPORT, officerGet(report, otherCouncilToken()), 403);
  }

  private static final String EHC_STAGES = "/api/v1/officer/councils/{council}/ehc-stages";
  private static final String TIMELINESS =
      "/api/v1/officer/councils/{council}/ehc-stages/timeliness";
  private static final String DFE_CSV =
      "time_period,time_identifier,geographic_level,old_la_code,new_la_code,la_name,new_ehcps,pct_within_20wks_exc\n"
          + "2023,Calendar year,National,,,,80329,50.3\n"
          + "2023,Calendar year,Local authority,855,E10000018,Leicestershire,1019,7.6\n"
          + "2023,Calendar year,Local authority,856,E06000016,Leicester,844,61.4\n";

  @Test
  @Order(37)
  void readingTheEhcJourneyAndImportingTheDfeFigures() throws Exception {
    String path = "/api/v1/officer/councils/demo/ehc-stages";
    JsonNode before = check("get", EHC_STAGES, officerGet(path, demoToken()), 200);
    assertEquals("shareable", before.path("numbers").asText());
    assertTrue(before.path("timelinessSource").isNull());
    assertNoSmallCount(before);

    String post = "/api/v1/officer/councils/demo/ehc-stages/timeliness";
    JsonNode done =
        check(
            "post",
            TIMELINESS,
            officerPost(
                post + "?area=855&fileName=ehcp-2023.csv", demoToken(), "text/csv", DFE_CSV),
            200);
    assertEquals("Leicestershire", done.path("areaName").asText());
    assertEquals(2, done.path("import").path("rowsAccepted").asInt(), done.toString());
    assertEquals(1, done.path("import").path("rowsSkipped").asInt(), "Leicester's row");
    assertTrue(done.path("import").path("replaced").isNull());
    assertEquals("contract@demo.example", done.path("import").path("officer").asText());

    JsonNode refused =
        check(
            "post",
            TIMELINESS,
            officerPost(
                post + "?area=855&fileName=broken.csv",
                demoToken(),
                "text/csv",
                DFE_CSV.replace("1019", "SECRET-CELL-1019")),
            422);
    assertFieldError(refused, "file");
    assertFieldError(
        check("post", TIMELINESS, officerPost(post, demoToken(), "text/csv", DFE_CSV), 422),
        "area");
    assertFieldError(
        check(
            "post",
            TIMELINESS,
            officerPost(
                post + "?area=855&fileName=" + "x".repeat(201), demoToken(), "text/csv", DFE_CSV),
            422),
        "fileName");
    check(
        "post",
        TIMELINESS,
        officerPost(post + "?area=855", demoToken(), "application/json", "{}"),
        415);
    check(
        "post",
        TIMELINESS,
        officerPost(post + "?area=855", demoToken(), "text/csv", "x".repeat(6 * 1024 * 1024 + 1)),
        413);
    check("post", TIMELINESS, officerPost(post + "?area=855", null, "text/csv", DFE_CSV), 401);
    check(
        "post",
        TIMELINESS,
        officerPost(post + "?area=855", otherCouncilToken(), "text/csv", DFE_CSV),
        403);

    JsonNode after = check("get", EHC_STAGES, officerGet(path, demoToken()), 200);
    assertEquals("855", after.path("timelinessSource").path("areaCode").asText());
    JsonNode planIssued = after.path("stages").get(2);
    assertEquals("plan-issued", planIssued.path("code").asText());
    assertTrue(planIssued.path("timeliness").toString().contains("7.6"), after.toString());
    assertFalse(after.toString().contains("61.4"), "another council's figure");
    // Newest first: the file without an area, the broken file, the kept one. A request refused
    // before any file was read (its type, its size, its name) is no import.
    JsonNode imports = after.path("imports");
    assertEquals(3, imports.size(), imports.toString());
    assertTrue(imports.get(2).path("imported").asBoolean());
    assertEquals("ehcp-2023.csv", imports.get(2).path("source").asText());
    assertFalse(imports.get(1).path("imported").asBoolean());
    assertEquals("broken.csv", imports.get(1).path("source").asText());
    assertTrue(imports.get(1).path("rowsRejected").asInt() >= 1);
    assertEquals(0, imports.get(1).path("rowsAccepted").asInt());
    assertFalse(after.toString().contains("SECRET-CELL"), "no file contents in the history");

    check("get", EHC_STAGES, officerGet(path + "?survey=nope", demoToken()), 404);
    assertFieldError(
        check("get", EHC_STAGES, officerGet(path + "?numbers=exact", demoToken()), 422), "numbers");
    assertFieldError(
        check("get", EHC_STAGES, officerGet(path + "?from=yesterday", demoToken()), 422), "from");
    check("get", EHC_STAGES, officerGet(path, null), 401);
    check("get", EHC_STAGES, officerGet(path, otherCouncilToken()), 403);
  }

  private static final String COVERAGE = "/api/v1/officer/councils/{council}/coverage";
  private static final String POPULATION = "/api/v1/officer/councils/{council}/coverage/population";

  @Test
  @Order(38)
  void readingWhoHasBeenHeardAndImportingThePopulation() throws Exception {
    String post = "/api/v1/officer/councils/demo/coverage/population";
    String csv = "dimension,group,children\nrole,Parent or carer,400\nage band,5-16,300\n";
    JsonNode done = check("post", POPULATION, officerPost(post, demoToken(), "text/csv", csv), 200);
    assertEquals(2, done.path("groups").asInt());
    assertEquals("send-population.csv", done.path("import").path("source").asText());
    JsonNode again =
        check(
            "post",
            POPULATION,
            officerPost(post + "?fileName=counts-2026.csv", demoToken(), "text/csv", csv),
            200);
    assertEquals(
        "send-population.csv",
        again.path("import").path("replaced").path("source").asText(),
        "which import it replaced");
    assertFieldError(
        check(
            "post",
            POPULATION,
            officerPost(post, demoToken(), "text/csv", "dimension,group,children\nshoe size,9,4\n"),
            422),
        "file");
    check("post", POPULATION, officerPost(post, demoToken(), "application/json", "{}"), 415);
    check(
        "post",
        POPULATION,
        officerPost(post, demoToken(), "text/csv", "x".repeat(6 * 1024 * 1024 + 1)),
        413);
    check("post", POPULATION, officerPost(post, null, "text/csv", csv), 401);
    check("post", POPULATION, officerPost(post, otherCouncilToken(), "text/csv", csv), 403);

    String path = "/api/v1/officer/councils/demo/coverage";
    JsonNode coverage = check("get", COVERAGE, officerGet(path, demoToken()), 200);
    assertEquals("counts-2026.csv", coverage.path("populationSource").path("fileName").asText());
    assertEquals(3, coverage.path("imports").size(), coverage.path("imports").toString());
    assertNoSmallCount(coverage);
    check(
        "get",
        COVERAGE,
        officerGet(path + "?consultation=local-offer-2026&from=2020-01-01", demoToken()),
        200);
    check("get", COVERAGE, officerGet(path + "?consultation=nope", demoToken()), 404);
    assertFieldError(
        check("get", COVERAGE, officerGet(path + "?numbers=exact", demoToken()), 422), "numbers");
    check("get", COVERAGE, officerGet(path, null), 401);
    check("get", COVERAGE, officerGet(path, otherCouncilToken()), 403);
  }

  private static final String SERVICES = "/api/v1/officer/councils/{council}/services";

  @Test
  @Order(39)
  void readingAndImportingServices() throws Exception {
    String path = "/api/v1/officer/councils/demo/services";
    JsonNode none = check("get", SERVICES, officerGet(path, demoToken()), 200);
    assertTrue(none.path("directory").isNull());
    String feed =
        "{\"feed\":{\"total_pages\":1,\"page_number\":1,\"contents\":["
            + "{\"id\":\"ork-service-1234\",\"name\":\"Short breaks\"},"
            + "{\"id\":\"svc-2\",\"name\":\"Portage\"}]}}";
    assertRequestValid(SERVICES, "post", "application/json", feed);
    JsonNode done =
        check(
            "post",
            SERVICES,
            officerPost(path + "?fileName=oruk.json", demoToken(), "application/json", feed),
            200);
    assertEquals(2, done.path("services").asInt());
    assertEquals("oruk.json", done.path("import").path("source").asText());
    JsonNode shown = check("get", SERVICES, officerGet(path, demoToken()), 200);
    JsonNode first = shown.path("services").get(0);
    assertEquals("ork-service-1234", first.path("id").asText());
    // The contract test sent one answer about this service: hidden, never 1.
    assertTrue(first.path("answers").path("count").isNull(), first.toString());
    assertEquals("fewer than 5", first.path("answers").path("hidden").asText());
    assertNoSmallCount(shown);

    assertRequestInvalid(SERVICES, "post", "application/json", "{}");
    assertFieldError(
        check("post", SERVICES, officerPost(path, demoToken(), "application/json", "{}"), 422),
        "url");
    assertFieldError(
        check(
            "post",
            SERVICES,
            officerPost(
                path,
                demoToken(),
                "application/json",
                "{\"feed\":{\"contents\":[{\"id\":\"no name\"}]}}"),
            422),
        "feed");
    assertFieldError(
        check(
            "post",
            SERVICES,
            officerPost(
                path,
                demoToken(),
                "application/json",
                "{\"url\":\"http://127.0.0.1:9/oruk/services\"}"),
            422),
        "url");
    check("post", SERVICES, officerPost(path, demoToken(), "application/json", "[1]"), 400);
    check("post", SERVICES, officerPost(path, demoToken(), "text/csv", "id,name"), 415);
    check(
        "post",
        SERVICES,
        officerPost(
            path,
            demoToken(),
            "application/json",
            "{\"feed\":\"" + "x".repeat(6 * 1024 * 1024) + "\"}"),
        413);
    check("post", SERVICES, officerPost(path, null, "application/json", feed), 401);
    check("post", SERVICES, officerPost(path, otherCouncilToken(), "application/json", feed), 403);
    JsonNode history = check("get", SERVICES, officerGet(path, demoToken()), 200).path("imports");
    assertEquals(3, history.size(), "kept, refused (no name), refused (unreachable): " + history);
    assertEquals("http://127.0.0.1:9/oruk/services", history.get(0).path("source").asText());
    assertTrue(history.get(0).path("fromWeb").asBoolean());
    assertFieldError(
        check("get", SERVICES, officerGet(path + "?numbers=exact", demoToken()), 422), "numbers");
    check("get", SERVICES, officerGet(path, null), 401);
    check("get", SERVICES, officerGet(path, otherCouncilToken()), 403);
  }

  /** Every count shown is 0 or 5 or more; a hidden one says why. */
  private static void assertNoSmallCount(JsonNode body) {
    List<JsonNode> counts = new ArrayList<>();
    collectCounts(body, counts);
    for (JsonNode c : counts) {
      if (c.path("count").isNull()) {
        assertTrue(c.path("hidden").isTextual(), c.toString());
      } else {
        int n = c.path("count").asInt();
        assertTrue(n == 0 || n >= 5, "a count of 1 to 4 is never shown: " + c);
      }
    }
  }

  private static void collectCounts(JsonNode node, List<JsonNode> out) {
    if (node.isObject() && node.has("count") && node.has("hidden") && node.size() == 2) {
      out.add(node);
      return;
    }
    node.forEach(child -> collectCounts(child, out));
  }

  // ---------------------------------------------------------------- coverage

  @Test
  @Order(100)
  void everyDocumentedStatusWasSeenExceptThoseLocalModeCannotProduce() {
    List<String> unseen = new ArrayList<>();
    for (String key : documentedOperations()) {
      operation(key)
          .path("responses")
          .fieldNames()
          .forEachRemaining(
              status -> {
                if (!NOT_PRODUCIBLE_LOCALLY.contains(status)
                    && !SEEN.contains(key + " " + status)) {
                  unseen.add(key + " " + status);
                }
              });
    }
    assertTrue(
        unseen.isEmpty(),
        "documented but never returned in this test (add a request, or remove the status): "
            + unseen);
  }

  // ---------------------------------------------------------------- checking one exchange

  /**
   * Checks one response against the operation's documentation: the status is documented (and the
   * one expected), the content type is one documented for it, required headers are present and
   * documented headers match their schema, a JSON body validates against the schema and a response
   * without content has no body.
   *
   * @return the JSON body, or null when there is none
   */
  static JsonNode check(
      String method, String pathTemplate, HttpResponse<String> response, int expected)
      throws Exception {
    String key = method.toUpperCase(Locale.ROOT) + " " + pathTemplate;
    JsonNode operation = operation(key);
    String status = String.valueOf(response.statusCode());
    JsonNode documented = resolve(operation.path("responses").path(status));
    assertFalse(
        documented.isMissingNode(),
        key
            + " returned "
            + status
            + ", which docs/openapi.yaml does not document: "
            + response.body());
    SEEN.add(key + " " + status);
    assertEquals(expected, response.statusCode(), key + ": " + response.body());
    for (Map.Entry<String, JsonNode> header : documented.path("headers").properties()) {
      JsonNode spec = resolve(header.getValue());
      Optional<String> value = response.headers().firstValue(header.getKey());
      if (spec.path("required").asBoolean()) {
        assertTrue(
            value.isPresent(), key + " " + status + " carries the header " + header.getKey());
      }
      if (value.isPresent() && spec.has("schema")) {
        validate(
            spec.path("schema"),
            Json.mapper().getNodeFactory().textNode(value.get()),
            key + " " + status + " header " + header.getKey());
      }
    }
    JsonNode content = documented.path("content");
    if (content.isMissingNode() || content.isEmpty()) {
      assertTrue(response.body().isEmpty(), key + " " + status + " has no body");
      return null;
    }
    String mediaType =
        response
            .headers()
            .firstValue("Content-Type")
            .map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
            .orElse("(none)");
    assertTrue(
        content.has(mediaType),
        key + " " + status + " answered " + mediaType + "; documented: " + fieldNames(content));
    if (!mediaType.endsWith("json")) {
      return null;
    }
    JsonNode body = Json.mapper().readTree(response.body());
    validate(content.path(mediaType).path("schema"), body, key + " " + status + " " + mediaType);
    if (mediaType.equals("application/problem+json")) {
      assertEquals(
          response.statusCode(),
          body.path("status").asInt(),
          key + ": a problem's status is the response's");
    }
    return body;
  }

  static void assertRequestValid(String pathTemplate, String method, String mediaType, String body)
      throws Exception {
    JsonNode schema =
        operation(method.toUpperCase(Locale.ROOT) + " " + pathTemplate)
            .path("requestBody")
            .path("content")
            .path(mediaType)
            .path("schema");
    validate(schema, Json.mapper().readTree(body), "request to " + pathTemplate);
  }

  static void assertRequestInvalid(
      String pathTemplate, String method, String mediaType, String body) throws Exception {
    JsonNode schema =
        operation(method.toUpperCase(Locale.ROOT) + " " + pathTemplate)
            .path("requestBody")
            .path("content")
            .path(mediaType)
            .path("schema");
    assertFalse(
        problems(schema, Json.mapper().readTree(body)).isEmpty(),
        "the request schema of " + pathTemplate + " refuses " + body);
  }

  static void validate(JsonNode schema, JsonNode instance, String context) {
    Set<ValidationMessage> problems = problems(schema, instance);
    if (!problems.isEmpty()) {
      fail(context + " does not match docs/openapi.yaml: " + problems + "\n" + instance);
    }
  }

  /**
   * Validates against one schema of the document: the document's component schemas become {@code
   * $defs} of a standalone JSON Schema 2020-12 document, so their {@code $ref}s resolve without the
   * OpenAPI wrapper.
   */
  static Set<ValidationMessage> problems(JsonNode schema, JsonNode instance) {
    assertFalse(schema.isMissingNode(), "a schema is documented");
    JsonSchema compiled =
        COMPILED.computeIfAbsent(
            schema.toString(), s -> SCHEMAS.getSchema(readTree(standalone(schema)), STRICT));
    return compiled.validate(instance);
  }

  private static String standalone(JsonNode schema) {
    ObjectNode document = Json.mapper().createObjectNode();
    document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    document.set("$defs", api.path("components").path("schemas"));
    schema.properties().forEach(e -> document.set(e.getKey(), e.getValue()));
    return document.toString().replace("\"#/components/schemas/", "\"#/$defs/");
  }

  private static JsonNode readTree(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- the document

  /** "METHOD path" of every operation under /api/v1 in the document. */
  static Set<String> documentedOperations() {
    Set<String> operations = new TreeSet<>();
    api.path("paths")
        .properties()
        .forEach(
            path -> {
              if (path.getKey().startsWith("/api/v1/")) {
                for (String method : HTTP_METHODS) {
                  if (path.getValue().has(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                  }
                }
              }
            });
    return operations;
  }

  static JsonNode operation(String key) {
    String[] parts = key.split(" ", 2);
    JsonNode op = api.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
    assertFalse(op.isMissingNode(), key + " is documented");
    return op;
  }

  /** Follows a local {@code $ref} (to components), or returns the node itself. */
  static JsonNode resolve(JsonNode node) {
    return node.has("$ref") ? pointer(node.path("$ref").asText()) : node;
  }

  static JsonNode pointer(String ref) {
    assertTrue(ref.startsWith("#/"), "only local references: " + ref);
    return api.at(ref.substring(1));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  // ---------------------------------------------------------------- HTTP

  private static HttpRequest.Builder to(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + local.port() + path))
        .timeout(Duration.ofSeconds(60));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> postJson(String path, String json, String idempotencyKey)
      throws Exception {
    HttpRequest.Builder b =
        to(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return send(b);
  }

  private static HttpResponse<String> postForm(String path, String form) throws Exception {
    return send(
        to(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private static HttpResponse<String> officerGet(String path, String token) throws Exception {
    HttpRequest.Builder b = to(path);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b);
  }

  private static HttpResponse<String> officerPost(
      String path, String token, String contentType, String body) throws Exception {
    HttpRequest.Builder b =
        to(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b);
  }

  private static String demoToken() {
    return local.officerSignIn(
        "subject-contract",
        "contract@demo.example",
        List.of("council-demo"),
        Duration.ofMinutes(30));
  }

  private static String otherCouncilToken() {
    return local.officerSignIn(
        "subject-other",
        "other@elsewhere.example",
        List.of("council-elsewhere"),
        Duration.ofMinutes(30));
  }

  /** Garbage, a token signed by another key, an expired token. */
  private static List<String> badTokens() throws Exception {
    String forged =
        LocalSigningKey.issue(
            "subject-contract",
            "contract@demo.example",
            List.of("council-demo"),
            Instant.now(),
            Duration.ofMinutes(10),
            new ECKeyGenerator(Curve.P_256)
                .keyID(local.signingKey().privateKey().getKeyID())
                .generate());
    String expired =
        LocalSigningKey.issue(
            "subject-contract",
            "contract@demo.example",
            List.of("council-demo"),
            Instant.now().minus(Duration.ofHours(2)),
            Duration.ofMinutes(10),
            local.signingKey().privateKey());
    assertNotNull(forged);
    return List.of("not-a-jwt", forged, expired);
  }
}
