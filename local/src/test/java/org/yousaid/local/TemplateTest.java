package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.http.HttpHandler;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * Structural checks of template.yaml: handlers exist, every contract route is wired, the table and
 * IAM are as designed.
 */
class TemplateTest {

  /** The public routes of DESIGN.md's HTTP API contract, plus the form's own helper routes. */
  private static final Set<String> CONTRACT_ROUTES =
      Set.of(
          "GET /c/{council}/{consultation}",
          "POST /c/{council}/{consultation}",
          "POST /api/v1/councils/{council}/consultations/{consultation}/responses",
          "POST /api/v1/councils/{council}/page-feedback",
          "GET /api/v1/receipts/{receipt}",
          "DELETE /api/v1/receipts/{receipt}");

  private static Path root;
  private static SamTemplate template;

  @BeforeAll
  static void load() throws Exception {
    root = Path.of(System.getProperty("yousaid.repo.root", ".."));
    try (InputStream in = Files.newInputStream(root.resolve("template.yaml"))) {
      template = SamTemplate.parse(in);
    }
  }

  @Test
  @WithDynamoDb
  void everyFunctionsHandlerClassExistsAndServesExactlyItsTemplateRoutes(
      DynamoTable table, @org.junit.jupiter.api.io.TempDir Path keys) throws Exception {
    Services services = new Services(table.client(), table.name(), Clock.systemUTC());
    var key = org.yousaid.local.officer.LocalSigningKey.inFolder(keys);
    var session = new org.yousaid.functions.officer.auth.Session(false);
    var officerAuth =
        new org.yousaid.functions.officer.auth.OfficerAuth(
            new org.yousaid.functions.officer.auth.TokenVerifier(
                key.publicKeys(), "issuer", "audience"),
            session,
            new org.yousaid.local.officer.LocalPasswordSignIn(
                new org.yousaid.local.officer.LocalOfficers(services.table()), key, session));
    Map<Class<?>, Object> provided =
        Map.of(
            Services.class,
            services,
            org.yousaid.functions.officer.auth.OfficerAuth.class,
            officerAuth,
            org.yousaid.functions.common.queue.JobQueue.class,
            new InProcessQueue(1),
            org.yousaid.functions.common.queue.PublishQueue.class,
            (org.yousaid.functions.common.queue.PublishQueue) body -> {},
            org.yousaid.publishing.SiteStore.class,
            new org.yousaid.publishing.FolderSiteStore(keys.resolve("site")));
    assertFalse(template.functions().isEmpty());
    for (SamTemplate.Function function : template.functions()) {
      Class<?> type = Class.forName(function.handlerClass());
      assertTrue(
          RequestHandler.class.isAssignableFrom(type),
          function.handlerClass() + " is a Lambda RequestHandler");
      assertNotNull(
          type.getConstructor(),
          function.handlerClass() + " has the no-argument constructor Lambda uses");
      if (HttpHandler.class.isAssignableFrom(type)) {
        HttpHandler handler =
            (HttpHandler) LocalMode.instantiate(function.handlerClass(), provided);
        Set<String> wired =
            function.routes().stream().map(SamTemplate.Route::routeKey).collect(Collectors.toSet());
        assertEquals(
            handler.routeKeys(),
            wired,
            function.logicalId() + ": routes in template.yaml and in the handler differ");
      }
    }
  }

  @Test
  void everyContractRouteIsWiredOnce() {
    List<String> wired =
        template.functions().stream()
            .flatMap(f -> f.routes().stream())
            .map(SamTemplate.Route::routeKey)
            .toList();
    assertEquals(new HashSet<>(wired).size(), wired.size(), "a route is wired twice: " + wired);
    assertTrue(
        wired.containsAll(CONTRACT_ROUTES),
        "missing: " + CONTRACT_ROUTES.stream().filter(r -> !wired.contains(r)).toList());
  }

  @Test
  @SuppressWarnings("unchecked")
  void functionsRunJava21WithSnapStartAndAreBuiltByTheMakefile() throws Exception {
    Map<String, Object> globals =
        (Map<String, Object>)
            ((Map<String, Object>) template.document().get("Globals")).get("Function");
    assertEquals("java21", globals.get("Runtime"));
    assertEquals(
        "PublishedVersions", ((Map<String, Object>) globals.get("SnapStart")).get("ApplyOn"));
    assertNotNull(
        globals.get("AutoPublishAlias"),
        "SnapStart applies to published versions: publish one per deploy");
    String makefile = Files.readString(root.resolve("Makefile"));
    for (SamTemplate.Function f : template.functions()) {
      Map<String, Object> metadata =
          (Map<String, Object>) template.resources().get(f.logicalId()).get("Metadata");
      assertEquals("makefile", metadata.get("BuildMethod"));
      assertTrue(
          makefile.contains("build-" + f.logicalId() + ":"), "Makefile builds " + f.logicalId());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyQueueTriggeredFunctionRetriesMessageByMessageThenParksThemInADeadLetterQueue() {
    List<SamTemplate.Function> workers =
        template.functions().stream().filter(SamTemplate.Function::sqsTriggered).toList();
    assertEquals(
        Set.of(LocalMode.ANALYSIS_QUEUE, LocalMode.PUBLISH_QUEUE),
        workers.stream().map(SamTemplate.Function::queue).collect(Collectors.toSet()));
    for (SamTemplate.Function worker : workers) {
      Map<String, Object> events = (Map<String, Object>) worker.properties().get("Events");
      Map<String, Object> sqs =
          (Map<String, Object>)
              events.values().stream()
                  .filter(e -> "SQS".equals(((Map<String, Object>) e).get("Type")))
                  .findFirst()
                  .orElseThrow();
      Map<String, Object> props = (Map<String, Object>) sqs.get("Properties");
      assertEquals(
          List.of("ReportBatchItemFailures"),
          props.get("FunctionResponseTypes"),
          "failed messages are retried one by one");
      Map<String, Object> queue =
          (Map<String, Object>) template.resources().get(worker.queue()).get("Properties");
      Map<String, Object> redrive = (Map<String, Object>) queue.get("RedrivePolicy");
      assertEquals(
          LocalMode.MAX_RECEIVE_COUNT,
          redrive.get("maxReceiveCount"),
          "local mode retries as often as SQS does");
      String deadLetters = worker.queue().replace("Queue", "DeadLetterQueue");
      assertEquals(Map.of("Fn::GetAtt", deadLetters + ".Arn"), redrive.get("deadLetterTargetArn"));
      assertTrue(template.resources().containsKey(deadLetters));
      assertTrue(
          ((Number) queue.get("VisibilityTimeout")).intValue()
              >= ((Number) worker.properties().get("Timeout")).intValue(),
          worker.logicalId()
              + ": a message must stay hidden while the function may still be working on it");
    }
  }

  /**
   * CloudFormation refuses a template whose resources depend on each other in a circle. SAM adds
   * edges of its own: a function's HttpApi events make the API depend on the function (its routes'
   * integrations).
   */
  @Test
  @SuppressWarnings("unchecked")
  void resourcesDoNotDependOnEachOtherInACircle() {
    Map<String, Set<String>> edges = new java.util.TreeMap<>();
    Set<String> ids = template.resources().keySet();
    template
        .resources()
        .forEach(
            (id, resource) -> {
              Set<String> to = new java.util.TreeSet<>();
              Map<String, Object> properties =
                  new java.util.HashMap<>(
                      (Map<String, Object>) resource.getOrDefault("Properties", Map.of()));
              // A function's event sources point the other way: the API (or queue mapping) depends
              // on the function.
              properties.remove("Events");
              references(properties, ids, to);
              to.remove(id);
              edges.put(id, to);
            });
    for (SamTemplate.Function f : template.functions()) {
      if (!f.routes().isEmpty()) {
        edges.get("HttpApi").add(f.logicalId());
      }
    }
    Map<String, Integer> state = new java.util.HashMap<>();
    for (String id : edges.keySet()) {
      java.util.Deque<String> path = new java.util.ArrayDeque<>();
      String cycle = findCycle(id, edges, state, path);
      assertEquals(null, cycle, "dependency cycle");
    }
  }

  private static String findCycle(
      String id,
      Map<String, Set<String>> edges,
      Map<String, Integer> state,
      java.util.Deque<String> path) {
    Integer s = state.get(id);
    if (s != null && s == 2) {
      return null;
    }
    if (s != null && s == 1) {
      return String.join(" -> ", path) + " -> " + id;
    }
    state.put(id, 1);
    path.addLast(id);
    for (String next : edges.getOrDefault(id, Set.of())) {
      String cycle = findCycle(next, edges, state, path);
      if (cycle != null) {
        return cycle;
      }
    }
    path.removeLast();
    state.put(id, 2);
    return null;
  }

  @SuppressWarnings("unchecked")
  private static void references(Object node, Set<String> ids, Set<String> into) {
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) -> {
            if ("Ref".equals(k) && ids.contains(String.valueOf(v))) {
              into.add(String.valueOf(v));
            } else if ("Fn::GetAtt".equals(k)) {
              String target =
                  v instanceof List<?> l
                      ? String.valueOf(l.get(0))
                      : String.valueOf(v).split("\\.", 2)[0];
              if (ids.contains(target)) {
                into.add(target);
              }
            } else if ("Fn::Sub".equals(k)) {
              String text = v instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(v);
              java.util.regex.Matcher m =
                  java.util.regex.Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.[A-Za-z.]+)?}")
                      .matcher(text);
              while (m.find()) {
                if (ids.contains(m.group(1))) {
                  into.add(m.group(1));
                }
              }
              if (v instanceof List<?> l && l.size() > 1) {
                references(l.get(1), ids, into);
              }
            } else {
              references(v, ids, into);
            }
          });
    } else if (node instanceof List<?> list) {
      list.forEach(item -> references(item, ids, into));
    }
  }

  /**
   * cfn-lint, where this machine has it (CI's image does): the template's every property checked
   * against AWS's specs.
   */
  @Test
  void cfnLintFindsNoProblems() throws Exception {
    java.util.Optional<Path> lint =
        java.util.stream.Stream.of(
                System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
            .map(dir -> Path.of(dir, "cfn-lint"))
            .filter(Files::isExecutable)
            .findFirst();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        lint.isPresent(), "cfn-lint is not installed here");
    Process process =
        new ProcessBuilder(lint.get().toString(), "--", root.resolve("template.yaml").toString())
            .redirectErrorStream(true)
            .start();
    String output =
        new String(
            process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES), "cfn-lint finished");
    assertEquals(0, process.exitValue(), output);
  }

  @Test
  @SuppressWarnings("unchecked")
  void thePublishedSiteBucketIsPrivateAndReadOnlyThroughCloudFront() {
    Map<String, Object> bucket =
        (Map<String, Object>) template.resources().get("SiteBucket").get("Properties");
    Map<String, Object> block = (Map<String, Object>) bucket.get("PublicAccessBlockConfiguration");
    block.values().forEach(v -> assertEquals(true, v, "every public access block is on"));
    assertEquals(
        "Enabled",
        ((Map<String, Object>) bucket.get("VersioningConfiguration")).get("Status"),
        "earlier objects are kept");
    Map<String, Object> policy =
        (Map<String, Object>)
            ((Map<String, Object>) template.resources().get("SiteBucketPolicy").get("Properties"))
                .get("PolicyDocument");
    List<Map<String, Object>> statements = (List<Map<String, Object>>) policy.get("Statement");
    Map<String, Object> allow =
        statements.stream()
            .filter(st -> "Allow".equals(st.get("Effect")))
            .findFirst()
            .orElseThrow();
    assertEquals(Map.of("Service", "cloudfront.amazonaws.com"), allow.get("Principal"));
    assertEquals("s3:GetObject", allow.get("Action"));
    assertEquals(
        1,
        statements.stream().filter(st -> "Allow".equals(st.get("Effect"))).count(),
        "nobody else may read or write");
    Map<String, Object> publisher =
        (Map<String, Object>) template.resources().get("PublishFunction").get("Properties");
    assertEquals(
        Map.of("Ref", "SiteBucket"),
        ((Map<String, Object>)
                ((Map<String, Object>) publisher.get("Environment")).get("Variables"))
            .get("SITE_BUCKET"));
    assertTrue(((Map<String, Object>) template.document().get("Outputs")).containsKey("SiteUrl"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theTableIsOnDemandRecoverableEncryptedAndExpiresAnswers() {
    Map<String, Object> table =
        (Map<String, Object>) template.resources().get("Table").get("Properties");
    assertEquals("PAY_PER_REQUEST", table.get("BillingMode"));
    assertEquals(
        true,
        ((Map<String, Object>) table.get("PointInTimeRecoverySpecification"))
            .get("PointInTimeRecoveryEnabled"));
    assertEquals(true, ((Map<String, Object>) table.get("SSESpecification")).get("SSEEnabled"));
    Map<String, Object> ttl = (Map<String, Object>) table.get("TimeToLiveSpecification");
    assertEquals("ttl", ttl.get("AttributeName"));
    assertEquals(true, ttl.get("Enabled"));
    assertEquals(
        "Retain",
        template.resources().get("Table").get("DeletionPolicy"),
        "answers survive a stack deletion");
  }

  @Test
  @SuppressWarnings("unchecked")
  void policiesGrantNamedActionsOnNamedResourcesOnly() {
    for (SamTemplate.Function f : template.functions()) {
      List<Object> policies = (List<Object>) f.properties().get("Policies");
      assertNotNull(policies, f.logicalId() + " declares its policies");
      for (Object policy : policies) {
        assertTrue(
            policy instanceof Map,
            f.logicalId() + ": use explicit statements, not managed policy names");
        for (Map<String, Object> statement :
            (List<Map<String, Object>>) ((Map<String, Object>) policy).get("Statement")) {
          List<String> actions = (List<String>) statement.get("Action");
          actions.forEach(
              a -> assertFalse(a.contains("*"), f.logicalId() + " grants a wildcard action " + a));
          assertFalse(
              "*".equals(statement.get("Resource")), f.logicalId() + " grants on every resource");
        }
      }
    }
  }
}
