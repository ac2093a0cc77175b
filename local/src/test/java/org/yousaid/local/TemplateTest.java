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
          "GET /c/{council}",
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
    var sessions =
        new org.yousaid.functions.officer.auth.OfficerSessions(
            services.officerSessions(), org.yousaid.functions.officer.auth.TokenRevocation.NONE);
    var officerAuth =
        new org.yousaid.functions.officer.auth.OfficerAuth(
            new org.yousaid.functions.officer.auth.TokenVerifier(
                key.publicKeys(), "issuer", "audience"),
            session,
            new org.yousaid.local.officer.LocalPasswordSignIn(
                new org.yousaid.local.officer.LocalOfficers(services.table()),
                key,
                session,
                sessions,
                new org.yousaid.local.officer.SignInThrottle(Clock.systemUTC()),
                Clock.systemUTC()),
            sessions);
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
        Set.of(LocalMode.ANALYSIS_QUEUE, LocalMode.PUBLISH_QUEUE, LocalMode.IMPORT_QUEUE),
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
   * cfn-lint, where this machine has it (CI's image does): every property of both templates checked
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
        new ProcessBuilder(
                lint.get().toString(),
                "--",
                root.resolve("template.yaml").toString(),
                root.resolve("waf.yaml").toString())
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
    assertEquals(
        true,
        table.get("DeletionProtectionEnabled"),
        "a DeleteTable call is refused until someone turns protection off");
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

  // ---- Large questions: the sharded analysis state machine (issue 17)

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> statements(Map<String, Object> properties) {
    List<Map<String, Object>> out = new java.util.ArrayList<>();
    for (Object policy : (List<Object>) properties.get("Policies"))
      out.addAll((List<Map<String, Object>>) map(policy).get("Statement"));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Set<String> actions(List<Map<String, Object>> statements) {
    Set<String> out = new java.util.TreeSet<>();
    statements.forEach(st -> out.addAll((List<String>) st.get("Action")));
    return out;
  }

  /** The statements granting this action. */
  private static List<Map<String, Object>> granting(
      List<Map<String, Object>> statements, String action) {
    return statements.stream().filter(st -> ((List<?>) st.get("Action")).contains(action)).toList();
  }

  @Test
  @SuppressWarnings("unchecked")
  void largeQuestionsAreThemedByADistributedMapOverShardsInS3ThenOneReduceStep() throws Exception {
    Map<String, Object> resource = template.resources().get("ShardedAnalysisStateMachine");
    assertEquals("AWS::Serverless::StateMachine", resource.get("Type"));
    Map<String, Object> machine = properties("ShardedAnalysisStateMachine");
    Map<String, Object> definition = map(machine.get("Definition"));
    Map<String, Object> states = map(definition.get("States"));
    Map<String, Object> substitutions = map(machine.get("DefinitionSubstitutions"));

    // The map: distributed, one item per shard object the worker wrote under the run's prefix.
    Map<String, Object> shards = map(states.get(definition.get("StartAt")));
    assertEquals("Map", shards.get("Type"));
    Map<String, Object> processor = map(shards.get("ItemProcessor"));
    assertEquals("DISTRIBUTED", map(processor.get("ProcessorConfig")).get("Mode"));
    Map<String, Object> reader = map(shards.get("ItemReader"));
    assertEquals("arn:aws:states:::s3:listObjectsV2", reader.get("Resource"));
    Set<String> request =
        java.util.Arrays.stream(
                org.yousaid.functions.worker.sharded.ShardRunRequest.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName)
            .collect(Collectors.toSet());
    Map<String, Object> listing = map(reader.get("Parameters"));
    assertEquals("$.inputPrefix", listing.get("Prefix.$"));
    assertEquals("$.bucket", listing.get("Bucket.$"));
    assertTrue(request.containsAll(Set.of("bucket", "inputPrefix", "prefix", "job")), "" + request);
    assertEquals("$$.Map.Item.Value.Key", map(shards.get("ItemSelector")).get("key.$"));
    Object tolerated = shards.get("ToleratedFailurePercentage");
    assertTrue(
        tolerated instanceof Number n && n.doubleValue() > 0 && n.doubleValue() <= 10,
        "a few failed shards are tolerated, not many: " + tolerated);
    assertTrue(shards.containsKey("MaxConcurrency"));
    Map<String, Object> writer = map(shards.get("ResultWriter"));
    assertEquals("arn:aws:states:::s3:putObject", writer.get("Resource"));
    assertEquals("$.bucket", map(writer.get("Parameters")).get("Bucket.$"));
    assertTrue(
        shards.containsKey("ResultPath") && shards.get("ResultPath") == null,
        "ResultPath: null - the map's results go to S3, the reduce step gets the execution input");

    // Each child: the shard function, retried with backoff on Lambda's and its own failures.
    Map<String, Object> child = map(map(processor.get("States")).get(processor.get("StartAt")));
    assertEquals("arn:aws:states:::lambda:invoke", child.get("Resource"));
    assertEquals("${ShardFunction}", map(child.get("Parameters")).get("FunctionName"));
    assertEquals(Map.of("Ref", "AnalysisShardFunction.Alias"), substitutions.get("ShardFunction"));
    assertEquals(
        "org.yousaid.functions.worker.sharded.ShardHandler::handleRequest",
        properties("AnalysisShardFunction").get("Handler"));
    Map<String, Object> retry = ((List<Map<String, Object>>) child.get("Retry")).get(0);
    assertTrue(((List<String>) retry.get("ErrorEquals")).contains("States.TaskFailed"));
    assertTrue(
        ((List<String>) retry.get("ErrorEquals")).contains("Lambda.TooManyRequestsException"));
    assertTrue(((Number) retry.get("MaxAttempts")).intValue() >= 2, "retried");
    assertTrue(((Number) retry.get("BackoffRate")).doubleValue() > 1, "with backoff");
    assertTrue(((Number) retry.get("IntervalSeconds")).intValue() >= 1);
    org.yousaid.analysis.sharded.ShardExecutor.RetryPolicy local =
        org.yousaid.analysis.sharded.ShardExecutor.RetryPolicy.defaults();
    assertEquals(local.maxRetries(), ((Number) retry.get("MaxAttempts")).intValue());
    assertEquals(
        local.intervalMillis(), 1000L * ((Number) retry.get("IntervalSeconds")).intValue());
    assertEquals(local.backoffRate(), ((Number) retry.get("BackoffRate")).doubleValue());

    // Then the reduce step, with the execution's input, and the end.
    Map<String, Object> reduce = map(states.get(shards.get("Next")));
    assertEquals("arn:aws:states:::lambda:invoke", reduce.get("Resource"));
    assertEquals("$", map(reduce.get("Parameters")).get("Payload.$"));
    assertEquals("${ReduceFunction}", map(reduce.get("Parameters")).get("FunctionName"));
    assertEquals(
        Map.of("Ref", "AnalysisReduceFunction.Alias"), substitutions.get("ReduceFunction"));
    assertEquals(
        "org.yousaid.functions.worker.sharded.ReduceHandler::handleRequest",
        properties("AnalysisReduceFunction").get("Handler"));
    assertEquals(Boolean.TRUE, reduce.get("End"));

    // The worker starts it, for questions from the configured size on.
    Map<String, Object> worker = properties("AnalysisWorkerFunction");
    Map<String, Object> env = map(map(worker.get("Environment")).get("Variables"));
    assertEquals(Map.of("Ref", "ShardedAnalysisStateMachine"), env.get("SHARD_STATE_MACHINE_ARN"));
    assertEquals(Map.of("Ref", "ShardedAnalysisFrom"), env.get("SHARDED_ANALYSIS_FROM"));
    assertEquals(Map.of("Ref", "AnalysisShardBucket"), env.get("SHARD_BUCKET"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void eachShardedStepMayDoOnlyItsOwnPartAndTheShardsStayPrivate() {
    String bucketArn = "Fn::GetAtt";
    Object bucketObjects = Map.of("Fn::Sub", "${AnalysisShardBucket.Arn}/runs/*");
    Object bucket = Map.of(bucketArn, "AnalysisShardBucket.Arn");

    // The state machine: invoke its two functions, list and write under runs/, run its children.
    List<Map<String, Object>> machine = statements(properties("ShardedAnalysisStateMachine"));
    assertEquals(
        Set.of(
            "lambda:InvokeFunction",
            "s3:ListBucket",
            "s3:GetObject",
            "s3:PutObject",
            "s3:ListMultipartUploadParts",
            "s3:AbortMultipartUpload",
            "states:StartExecution",
            "states:DescribeExecution",
            "states:StopExecution"),
        actions(machine));
    assertEquals(
        List.of(
            Map.of("Ref", "AnalysisShardFunction.Alias"),
            Map.of("Ref", "AnalysisReduceFunction.Alias")),
        granting(machine, "lambda:InvokeFunction").get(0).get("Resource"));
    assertEquals(bucket, granting(machine, "s3:ListBucket").get(0).get("Resource"));
    assertEquals(bucketObjects, granting(machine, "s3:PutObject").get(0).get("Resource"));
    String own = "${AWS::StackName}-sharded-analysis";
    assertEquals(
        Map.of("Fn::Sub", own),
        properties("ShardedAnalysisStateMachine").get("Name"),
        "the policy names the machine by its name, which Step Functions is given");
    assertTrue(
        String.valueOf(granting(machine, "states:StartExecution").get(0).get("Resource"))
            .endsWith(":stateMachine:" + own + "}"),
        "it starts only its own child executions");

    // A shard reads and writes shard objects; it never touches the table.
    List<Map<String, Object>> shard = statements(properties("AnalysisShardFunction"));
    assertEquals(Set.of("s3:GetObject", "s3:PutObject"), actions(shard));
    shard.forEach(st -> assertEquals(bucketObjects, st.get("Resource")));

    // The reduce reads shards, deletes its run, and writes the analysis as the worker does.
    List<Map<String, Object>> reduce = statements(properties("AnalysisReduceFunction"));
    List<Map<String, Object>> worker = statements(properties("AnalysisWorkerFunction"));
    Set<String> tableActions = new java.util.TreeSet<>();
    actions(worker).stream().filter(a -> a.startsWith("dynamodb:")).forEach(tableActions::add);
    Set<String> reduceActions = actions(reduce);
    assertEquals(
        tableActions,
        reduceActions.stream()
            .filter(a -> a.startsWith("dynamodb:"))
            .collect(Collectors.toCollection(java.util.TreeSet::new)));
    assertTrue(
        reduceActions.containsAll(Set.of("s3:GetObject", "s3:DeleteObject", "s3:ListBucket")));
    assertTrue(!reduceActions.contains("s3:PutObject"), "the reduce writes nothing to S3");

    // The worker writes shards and starts this machine only.
    assertEquals(bucketObjects, granting(worker, "s3:PutObject").get(0).get("Resource"));
    assertEquals(
        Map.of("Ref", "ShardedAnalysisStateMachine"),
        granting(worker, "states:StartExecution").get(0).get("Resource"));

    // The bucket: private, encrypted, and what a failed run leaves behind expires.
    Map<String, Object> props = properties("AnalysisShardBucket");
    Map<String, Object> block = map(props.get("PublicAccessBlockConfiguration"));
    for (String flag :
        List.of(
            "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"))
      assertEquals(Boolean.TRUE, block.get(flag), flag);
    assertNotNull(props.get("BucketEncryption"));
    List<Map<String, Object>> rules =
        (List<Map<String, Object>>) map(props.get("LifecycleConfiguration")).get("Rules");
    assertTrue(
        rules.stream()
            .anyMatch(
                r ->
                    "Enabled".equals(r.get("Status"))
                        && r.get("ExpirationInDays") instanceof Number n
                        && n.intValue() <= 7),
        "abandoned shards expire within a week");

    // A failed, timed-out or aborted run alarms.
    Map<String, Object> arn =
        Map.of("StateMachineArn", Map.of("Ref", "ShardedAnalysisStateMachine"));
    assertTrue(firesOnTheFirst(alarmOn("AWS/States", "ExecutionsFailed", arn)));
  }

  // ---- Operations: alarms, logs, retention (issue 15)

  /**
   * What every alarm notifies: the stack's own topic, or the one the AlarmTopicArn parameter names.
   */
  private static final Object ALARM_TOPIC =
      Map.of(
          "Fn::If",
          List.of("CreateAlarmTopic", Map.of("Ref", "AlarmTopic"), Map.of("Ref", "AlarmTopicArn")));

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(String logicalId) {
    Map<String, Object> resource = template.resources().get(logicalId);
    assertNotNull(resource, "template.yaml has no " + logicalId);
    return (Map<String, Object>) resource.get("Properties");
  }

  private static Map<String, Map<String, Object>> alarms() {
    Map<String, Map<String, Object>> alarms = new java.util.TreeMap<>();
    template
        .resources()
        .forEach(
            (id, r) -> {
              if ("AWS::CloudWatch::Alarm".equals(r.get("Type"))) {
                alarms.put(id, properties(id));
              }
            });
    return alarms;
  }

  /** The metrics an alarm watches, each as {Namespace, MetricName, Dimensions}. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> watchedMetrics(Map<String, Object> alarm) {
    if (alarm.containsKey("MetricName")) {
      return List.of(alarm);
    }
    return ((List<Map<String, Object>>) alarm.getOrDefault("Metrics", List.of()))
        .stream()
            .filter(m -> m.containsKey("MetricStat"))
            .map(
                m ->
                    (Map<String, Object>) ((Map<String, Object>) m.get("MetricStat")).get("Metric"))
            .toList();
  }

  @SuppressWarnings("unchecked")
  private static boolean watches(
      Map<String, Object> alarm, String namespace, String metric, Map<String, Object> dimensions) {
    return watchedMetrics(alarm).stream()
        .anyMatch(
            m -> {
              Map<String, Object> dims = new java.util.HashMap<>();
              for (Map<String, Object> d :
                  (List<Map<String, Object>>) m.getOrDefault("Dimensions", List.of())) {
                dims.put(String.valueOf(d.get("Name")), d.get("Value"));
              }
              return namespace.equals(m.get("Namespace"))
                  && metric.equals(m.get("MetricName"))
                  && dims.equals(dimensions);
            });
  }

  /** The single alarm watching this metric with exactly these dimensions. */
  private static Map<String, Object> alarmOn(
      String namespace, String metric, Map<String, Object> dimensions) {
    List<Map<String, Object>> found =
        alarms().values().stream().filter(a -> watches(a, namespace, metric, dimensions)).toList();
    assertEquals(
        1,
        found.size(),
        "one alarm on " + namespace + " " + metric + " " + dimensions + ": " + found);
    return found.get(0);
  }

  /** True if the alarm fires on the first occurrence (a count of 1). */
  private static boolean firesOnTheFirst(Map<String, Object> alarm) {
    double threshold = ((Number) alarm.get("Threshold")).doubleValue();
    return switch (String.valueOf(alarm.get("ComparisonOperator"))) {
      case "GreaterThanOrEqualToThreshold" -> threshold <= 1;
      case "GreaterThanThreshold" -> threshold < 1;
      default -> false;
    };
  }

  @SuppressWarnings("unchecked")
  private static java.util.Set<String> deadLetterQueues() {
    java.util.Set<String> queues = new java.util.TreeSet<>();
    template
        .resources()
        .forEach(
            (id, r) -> {
              Map<String, Object> p = (Map<String, Object>) r.get("Properties");
              if ("AWS::SQS::Queue".equals(r.get("Type")) && p.containsKey("RedrivePolicy")) {
                Object target =
                    ((Map<String, Object>) p.get("RedrivePolicy")).get("deadLetterTargetArn");
                queues.add(
                    String.valueOf(((Map<String, Object>) target).get("Fn::GetAtt"))
                        .split("\\.")[0]);
              }
            });
    return queues;
  }

  @Test
  void everyAlarmTellsTheAlarmTopicWhenItFiresAndWhenItClears() {
    Map<String, Map<String, Object>> alarms = alarms();
    assertTrue(alarms.size() >= 15, "alarms: " + alarms.keySet());
    alarms.forEach(
        (id, alarm) -> {
          assertEquals(List.of(ALARM_TOPIC), alarm.get("AlarmActions"), id + " notifies the topic");
          assertEquals(List.of(ALARM_TOPIC), alarm.get("OKActions"), id + " says when it clears");
          assertEquals(
              "notBreaching",
              alarm.get("TreatMissingData"),
              id + ": no data (an idle queue or function) is not an incident");
          assertTrue(
              String.valueOf(alarm.get("AlarmDescription")).contains("docs/deploy.md#"),
              id + " points at its runbook entry");
        });
    // The topic: the stack's own unless AlarmTopicArn names one, with an optional email
    // subscription.
    assertEquals(
        Map.of("Fn::Equals", List.of(Map.of("Ref", "AlarmTopicArn"), "")),
        ((Map<String, Object>) template.document().get("Conditions")).get("CreateAlarmTopic"));
    assertEquals("", parameter("AlarmTopicArn").get("Default"));
    assertEquals("AWS::SNS::Topic", template.resources().get("AlarmTopic").get("Type"));
    assertEquals("CreateAlarmTopic", template.resources().get("AlarmTopic").get("Condition"));
    Map<String, Object> email = properties("AlarmEmailSubscription");
    assertEquals("email", email.get("Protocol"));
    assertEquals(Map.of("Ref", "AlarmEmail"), email.get("Endpoint"));
  }

  /**
   * The runbook link in each alarm leads somewhere: a heading of docs/deploy.md, as GitHub anchors
   * it.
   */
  @Test
  void everyAlarmsRunbookLinkIsAHeadingOfTheDeployGuide() throws Exception {
    Set<String> anchors = new HashSet<>();
    for (String line : Files.readAllLines(root.resolve("docs/deploy.md"))) {
      if (line.startsWith("#")) {
        anchors.add(
            line.replaceFirst("^#+\\s*", "")
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9 -]", "")
                .replace(' ', '-'));
      }
    }
    assertTrue(anchors.contains("alarms-runbook") && anchors.contains("costs"), anchors.toString());
    alarms()
        .forEach(
            (id, alarm) -> {
              String description = String.valueOf(alarm.get("AlarmDescription"));
              String anchor = description.substring(description.indexOf("docs/deploy.md#") + 15);
              assertTrue(anchors.contains(anchor), id + " links to a missing entry #" + anchor);
            });
    String readme = Files.readString(root.resolve("README.md"));
    java.util.regex.Matcher links =
        java.util.regex.Pattern.compile("docs/deploy\\.md#([a-z0-9-]+)").matcher(readme);
    while (links.find()) {
      assertTrue(anchors.contains(links.group(1)), "README links to a missing #" + links.group(1));
    }
  }

  @Test
  void everyDeadLetterQueueAlarmsAsSoonAsOneMessageArrives() {
    java.util.Set<String> queues = deadLetterQueues();
    assertEquals(
        Set.of("AnalysisDeadLetterQueue", "PublishDeadLetterQueue", "ImportDeadLetterQueue"),
        queues);
    for (String queue : queues) {
      Map<String, Object> alarm =
          alarmOn(
              "AWS/SQS",
              "ApproximateNumberOfMessagesVisible",
              Map.of("QueueName", Map.of("Fn::GetAtt", queue + ".QueueName")));
      assertEquals("GreaterThanThreshold", alarm.get("ComparisonOperator"), queue);
      assertEquals(
          0, ((Number) alarm.get("Threshold")).intValue(), queue + ": one message is enough");
      assertEquals("Maximum", alarm.get("Statistic"), queue);
    }
  }

  @Test
  void everyFunctionAlarmsOnItsFirstErrorAndItsFirstThrottle() {
    assertEquals(10, template.functions().size());
    for (SamTemplate.Function f : template.functions()) {
      Map<String, Object> name = Map.of("FunctionName", Map.of("Ref", f.logicalId()));
      assertTrue(firesOnTheFirst(alarmOn("AWS/Lambda", "Errors", name)), f.logicalId() + " errors");
      assertTrue(
          firesOnTheFirst(alarmOn("AWS/Lambda", "Throttles", name)), f.logicalId() + " throttles");
    }
  }

  @Test
  void theQueueWorkersAlarmWhileARunIsStillShortOfItsTimeout() {
    for (SamTemplate.Function worker :
        template.functions().stream().filter(SamTemplate.Function::sqsTriggered).toList()) {
      Map<String, Object> alarm =
          alarmOn(
              "AWS/Lambda", "Duration", Map.of("FunctionName", Map.of("Ref", worker.logicalId())));
      double timeoutMs = ((Number) worker.properties().get("Timeout")).doubleValue() * 1000;
      double threshold = ((Number) alarm.get("Threshold")).doubleValue();
      assertEquals(
          "Maximum", alarm.get("Statistic"), worker.logicalId() + ": the slowest run counts");
      assertEquals("GreaterThanOrEqualToThreshold", alarm.get("ComparisonOperator"));
      assertTrue(
          threshold >= 0.5 * timeoutMs && threshold <= 0.9 * timeoutMs,
          worker.logicalId() + ": " + threshold + " ms is near but short of the " + timeoutMs);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theApiAlarmsOnItsShareOfServerErrorsNotOnOneBadRequest() {
    Map<String, Object> api = Map.of("ApiId", Map.of("Ref", "HttpApi"));
    Map<String, Object> alarm = alarmOn("AWS/ApiGateway", "5xx", api);
    assertTrue(watches(alarm, "AWS/ApiGateway", "Count", api), "the rate needs the request count");
    List<Map<String, Object>> metrics = (List<Map<String, Object>>) alarm.get("Metrics");
    Map<String, Object> result =
        metrics.stream()
            .filter(m -> Boolean.TRUE.equals(m.get("ReturnData")))
            .findFirst()
            .orElseThrow();
    String expression = String.valueOf(result.get("Expression"));
    assertTrue(
        expression.matches(".*\\b\\w+ / \\w+\\b.*"),
        "the alarm divides errors by requests: " + expression);
    assertTrue(((Number) alarm.get("Threshold")).doubleValue() <= 10, "a share, in percent");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theTableAlarmsOnThrottlesAndOnSystemErrorsOfEveryOperationTheFunctionsUse() {
    Map<String, Object> table = Map.of("TableName", Map.of("Ref", "Table"));
    Map<String, Object> throttles = alarmOn("AWS/DynamoDB", "ReadThrottleEvents", table);
    assertTrue(watches(throttles, "AWS/DynamoDB", "WriteThrottleEvents", table));
    assertTrue(firesOnTheFirst(throttles));
    // Every table operation a function may call, from the IAM policies: a new one needs its alarm.
    java.util.Set<String> operations = new java.util.TreeSet<>();
    for (SamTemplate.Function f : template.functions()) {
      for (Object policy : (List<Object>) f.properties().get("Policies")) {
        for (Map<String, Object> statement :
            (List<Map<String, Object>>) ((Map<String, Object>) policy).get("Statement")) {
          for (String action : (List<String>) statement.get("Action")) {
            if (action.startsWith("dynamodb:") && !action.equals("dynamodb:ConditionCheckItem")) {
              operations.add(action.substring("dynamodb:".length()));
            }
          }
        }
      }
    }
    assertTrue(operations.containsAll(Set.of("GetItem", "Query", "TransactWriteItems")));
    for (String operation : operations) {
      Map<String, Object> dims =
          Map.of("TableName", Map.of("Ref", "Table"), "Operation", operation);
      Map<String, Object> alarm = alarmOn("AWS/DynamoDB", "SystemErrors", dims);
      assertTrue(firesOnTheFirst(alarm), operation);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyLogGroupExpiresAndEveryFunctionWritesToItsOwn() {
    Map<String, Object> retention = Map.of("Ref", "LogRetentionDays");
    java.util.Set<String> logGroups = new java.util.TreeSet<>();
    template
        .resources()
        .forEach(
            (id, r) -> {
              if ("AWS::Logs::LogGroup".equals(r.get("Type"))) {
                assertEquals(retention, properties(id).get("RetentionInDays"), id + " expires");
                logGroups.add(id);
              }
            });
    List<Object> days = (List<Object>) parameter("LogRetentionDays").get("AllowedValues");
    assertTrue(days.contains(parameter("LogRetentionDays").get("Default")));
    java.util.Set<String> used = new java.util.HashSet<>();
    for (SamTemplate.Function f : template.functions()) {
      Map<String, Object> logging = (Map<String, Object>) f.properties().get("LoggingConfig");
      assertNotNull(
          logging, f.logicalId() + ": without it Lambda creates a log group that never expires");
      String group = String.valueOf(((Map<String, Object>) logging.get("LogGroup")).get("Ref"));
      assertTrue(logGroups.contains(group), f.logicalId() + " writes to a log group of the stack");
      assertTrue(used.add(group), f.logicalId() + " has a log group of its own");
    }
    Object accessLogs =
        ((Map<String, Object>) properties("HttpApi").get("AccessLogSettings"))
            .get("DestinationArn");
    String accessGroup = String.valueOf(((Map<String, Object>) accessLogs).get("Fn::GetAtt"));
    assertTrue(logGroups.contains(accessGroup.split("\\.")[0]), "API access logs expire too");
  }

  /**
   * API access logs: enough to see errors, latency and throttling; nothing that identifies a
   * person. The path holds receipt codes (which let anyone read or erase an answer), query strings
   * and bodies hold answers, and source addresses and user agents are personal data that the logs'
   * purpose does not need (UK GDPR data minimisation).
   */
  @Test
  @SuppressWarnings("unchecked")
  void apiAccessLogsRecordEachRequestWithoutPathQueryBodyOrAddress() throws Exception {
    Map<String, Object> settings =
        (Map<String, Object>) properties("HttpApi").get("AccessLogSettings");
    String format = String.valueOf(settings.get("Format"));
    Set<String> allowed =
        Set.of(
            "requestId",
            "requestTime",
            "routeKey",
            "status",
            "responseLatency",
            "integrationStatus",
            "integrationLatency",
            "integrationErrorMessage",
            "error.message",
            "responseLength");
    java.util.regex.Matcher variables =
        java.util.regex.Pattern.compile("\\$context\\.([A-Za-z0-9_.]+)").matcher(format);
    Set<String> used = new HashSet<>();
    while (variables.find()) {
      used.add(variables.group(1));
    }
    assertTrue(
        allowed.containsAll(used),
        "not allowed in access logs: " + used.stream().filter(v -> !allowed.contains(v)).toList());
    assertTrue(
        used.containsAll(
            Set.of(
                "requestId",
                "requestTime",
                "routeKey",
                "status",
                "responseLatency",
                "integrationErrorMessage")),
        "each line says which request, when, which route, what status, how long, and why it failed: "
            + used);
    // One JSON object per line, so CloudWatch Logs Insights reads the fields.
    var json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(format.replaceAll("\\$context\\.[A-Za-z0-9_.]+", "x"));
    assertTrue(json.isObject());
  }

  @Test
  @SuppressWarnings("unchecked")
  void thePublishedSiteDropsOldVersionsAndAbandonedUploadsButNeverCurrentPages() {
    Map<String, Object> bucket = properties("SiteBucket");
    List<Map<String, Object>> rules =
        (List<Map<String, Object>>)
            ((Map<String, Object>) bucket.get("LifecycleConfiguration")).get("Rules");
    Map<String, Object> noncurrent =
        rules.stream()
            .filter(r -> r.containsKey("NoncurrentVersionExpiration"))
            .findFirst()
            .orElseThrow();
    assertEquals("Enabled", noncurrent.get("Status"));
    assertEquals(
        Map.of("Ref", "SiteNoncurrentVersionDays"),
        ((Map<String, Object>) noncurrent.get("NoncurrentVersionExpiration"))
            .get("NoncurrentDays"));
    Map<String, Object> uploads =
        rules.stream()
            .filter(r -> r.containsKey("AbortIncompleteMultipartUpload"))
            .findFirst()
            .orElseThrow();
    assertEquals("Enabled", uploads.get("Status"));
    assertTrue(
        ((Number)
                    ((Map<String, Object>) uploads.get("AbortIncompleteMultipartUpload"))
                        .get("DaysAfterInitiation"))
                .intValue()
            > 0);
    for (Map<String, Object> rule : rules) {
      assertFalse(
          rule.containsKey("ExpirationInDays") || rule.containsKey("ExpirationDate"),
          "published pages are records: no rule may expire current objects");
    }
  }

  // ---- Officer sign-in (issue 15, AWS side)

  @Test
  @SuppressWarnings("unchecked")
  void officersNeedAnAuthenticatorAppAndCognitoThreatProtectionIsEnforced() {
    Map<String, Object> pool = properties("OfficerUserPool");
    assertEquals("ON", pool.get("MfaConfiguration"), "MFA is required, not optional");
    assertEquals(List.of("SOFTWARE_TOKEN_MFA"), pool.get("EnabledMfas"), "TOTP only, no SMS");
    assertEquals("PLUS", pool.get("UserPoolTier"), "threat protection needs the Plus plan");
    assertEquals(
        "ENFORCED",
        ((Map<String, Object>) pool.get("UserPoolAddOns")).get("AdvancedSecurityMode"),
        "threat protection acts, not just audits");
    assertEquals("ACTIVE", pool.get("DeletionProtection"));
    Map<String, Object> risk =
        template.resources().values().stream()
            .filter(r -> "AWS::Cognito::UserPoolRiskConfigurationAttachment".equals(r.get("Type")))
            .map(r -> (Map<String, Object>) r.get("Properties"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no risk configuration"));
    assertEquals(Map.of("Ref", "OfficerUserPool"), risk.get("UserPoolId"));
    assertEquals("ALL", risk.get("ClientId"));
    Map<String, Object> compromised =
        (Map<String, Object>) risk.get("CompromisedCredentialsRiskConfiguration");
    assertEquals("BLOCK", ((Map<String, Object>) compromised.get("Actions")).get("EventAction"));
    assertTrue(((List<String>) compromised.get("EventFilter")).contains("SIGN_IN"));
    Map<String, Object> takeover =
        (Map<String, Object>)
            ((Map<String, Object>) risk.get("AccountTakeoverRiskConfiguration")).get("Actions");
    assertEquals("BLOCK", ((Map<String, Object>) takeover.get("HighAction")).get("EventAction"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void signOutCanRevokeTokensAndEndTheHostedSessionOnEveryAddressOfficersUse() {
    Map<String, Object> client = properties("OfficerUserPoolClient");
    assertEquals(true, client.get("EnableTokenRevocation"));
    Map<String, Object> units = (Map<String, Object>) client.get("TokenValidityUnits");
    for (String token : List.of("IdToken", "AccessToken")) {
      assertEquals("minutes", units.get(token), token);
      assertTrue(
          ((Number) client.get(token + "Validity")).intValue() <= 60,
          token + " lasts an hour at most (a removed officer keeps access no longer)");
    }
    assertEquals("minutes", units.get("RefreshToken"));
    assertTrue(((Number) client.get("RefreshTokenValidity")).intValue() <= 24 * 60);
    // Sign-out returns through the hosted UI's /logout to one of these; one for each address a
    // callback
    // can come from, so an officer can sign out wherever they signed in.
    List<Object> callbacks = (List<Object>) client.get("CallbackURLs");
    List<Object> logouts = (List<Object>) client.get("LogoutURLs");
    assertEquals(callbacks.size(), logouts.size());
    for (int i = 0; i < callbacks.size(); i++) {
      String callback = String.valueOf(callbacks.get(i));
      String logout = String.valueOf(logouts.get(i));
      assertTrue(callback.contains("/officer/callback"), callback);
      assertEquals(callback.replace("/officer/callback", "/officer/sign-in"), logout);
    }
  }

  // ---- Abuse controls (issue 15)

  private static String samplePath(String routePath) {
    return routePath.replaceAll("\\{[^}]+}", "x1");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parameter(String name) {
    return ((Map<String, Map<String, Object>>) template.document().get("Parameters")).get(name);
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyRouteHasItsOwnThrottleAndTheListNamesOnlyRealRoutes() {
    Map<String, Object> api = properties("HttpApi");
    Map<String, Map<String, Object>> perRoute =
        (Map<String, Map<String, Object>>) api.get("RouteSettings");
    Map<String, Object> defaults = (Map<String, Object>) api.get("DefaultRouteSettings");
    Set<String> wired =
        template.functions().stream()
            .flatMap(f -> f.routes().stream())
            .map(SamTemplate.Route::routeKey)
            .collect(Collectors.toSet());
    assertTrue(
        wired.containsAll(perRoute.keySet()),
        "API Gateway refuses settings for a route that does not exist: "
            + perRoute.keySet().stream().filter(k -> !wired.contains(k)).toList());
    Set<String> publicRoutes =
        wired.stream()
            .filter(r -> !r.contains(" /officer") && !r.contains("/officer/"))
            .collect(Collectors.toSet());
    assertTrue(
        perRoute.keySet().containsAll(publicRoutes),
        "every public route has its own limits: missing "
            + publicRoutes.stream().filter(r -> !perRoute.containsKey(r)).toList());
    for (String signIn :
        List.of("GET /officer/sign-in", "POST /officer/sign-in", "GET /officer/callback")) {
      assertTrue(perRoute.containsKey(signIn), signIn);
    }
    java.util.stream.Stream.concat(perRoute.values().stream(), java.util.stream.Stream.of(defaults))
        .forEach(
            settings -> {
              int rate = ((Number) settings.get("ThrottlingRateLimit")).intValue();
              int burst = ((Number) settings.get("ThrottlingBurstLimit")).intValue();
              assertTrue(rate > 0 && burst >= rate, settings.toString());
            });
  }

  /**
   * The property issue 15 asks for: one client cannot use up a route for everyone else. AWS WAF
   * counts each client's requests at the edge and refuses them before they reach API Gateway, so a
   * client at its WAF limit holds at most a quarter of any route's API Gateway throttle: it takes
   * four such clients, not one, to fill a route.
   */
  @Test
  @SuppressWarnings("unchecked")
  void oneClientAtItsWafLimitTakesAtMostAQuarterOfAnyRoutesThrottle() throws Exception {
    SamTemplate waf;
    try (InputStream in = Files.newInputStream(root.resolve("waf.yaml"))) {
      waf = SamTemplate.parse(in);
    }
    WafRateRules rules = new WafRateRules(waf);
    assertEquals("CLOUDFRONT", rules.webAcl().get("Scope"));
    assertEquals(Map.of("Allow", Map.of()), rules.webAcl().get("DefaultAction"));
    assertFalse(rules.rules().isEmpty());
    for (Map<String, Object> rule : (List<Map<String, Object>>) rules.webAcl().get("Rules")) {
      Map<String, Object> rate =
          (Map<String, Object>)
              ((Map<String, Object>) rule.get("Statement")).get("RateBasedStatement");
      if (rate != null) {
        assertEquals("IP", rate.get("AggregateKeyType"), rule.get("Name") + " counts per client");
        assertTrue(
            ((Map<String, Object>) rule.get("Action")).containsKey("Block"),
            rule.get("Name") + " refuses, not just counts");
      }
    }
    Map<String, Object> api = properties("HttpApi");
    Map<String, Map<String, Object>> perRoute =
        (Map<String, Map<String, Object>>) api.get("RouteSettings");
    Map<String, Object> defaults = (Map<String, Object>) api.get("DefaultRouteSettings");
    for (SamTemplate.Function f : template.functions()) {
      for (SamTemplate.Route route : f.routes()) {
        WafRateRules.Rule tightest =
            rules
                .tightestFor(route.method(), samplePath(route.path()))
                .orElseThrow(
                    () -> new AssertionError("no WAF rate rule counts " + route.routeKey()));
        double routeRate =
            ((Number) perRoute.getOrDefault(route.routeKey(), defaults).get("ThrottlingRateLimit"))
                .doubleValue();
        assertTrue(
            tightest.requestsPerSecond() <= routeRate / 4,
            route.routeKey()
                + ": one client may send "
                + tightest.requestsPerSecond()
                + "/s ("
                + tightest.name()
                + "), more than a quarter of the route's "
                + routeRate
                + "/s");
      }
    }
    // Writes and receipt look-ups are held tighter than page views: guessing receipt codes or
    // filling
    // the table takes many addresses.
    double view = rules.tightestFor("GET", "/c/x1/x1").orElseThrow().requestsPerSecond();
    for (String[] sensitive :
        new String[][] {
          {"POST", "/c/x1/x1"},
          {"POST", "/api/v1/councils/x1/page-feedback"},
          {"GET", "/api/v1/receipts/x1"},
          {"DELETE", "/api/v1/receipts/x1"},
          {"POST", "/receipt"},
          {"GET", "/officer/sign-in"}
        }) {
      double rate = rules.tightestFor(sensitive[0], sensitive[1]).orElseThrow().requestsPerSecond();
      assertTrue(rate <= view / 5, sensitive[0] + " " + sensitive[1] + ": " + rate + "/s");
    }
    // Encoding the path or changing its case does not move a request out of its rule.
    assertEquals(
        rules.tightestFor("GET", "/officer/sign-in").orElseThrow().name(),
        rules.tightestFor("GET", "/%4Ffficer/Sign-In").orElseThrow().name());
  }

  @Test
  @SuppressWarnings("unchecked")
  void thePublicAddressIsCloudFrontWithTheRequiredWebAclInFrontOfTheApi() throws Exception {
    Map<String, Object> apiWebAcl = parameter("ApiWebAclArn");
    assertFalse(apiWebAcl.containsKey("Default"), "no deployment without the web ACL");
    assertTrue(
        "arn:aws:wafv2:us-east-1:123456789012:global/webacl/yousaid-live/a1b2c3d4-5678-90ab-cdef-000000000000"
            .matches(String.valueOf(apiWebAcl.get("AllowedPattern"))));
    assertFalse(
        "arn:aws:wafv2:eu-west-2:123456789012:regional/webacl/yousaid-live/a1b2c3d4"
            .matches(String.valueOf(apiWebAcl.get("AllowedPattern"))),
        "a regional web ACL cannot attach to CloudFront");
    Map<String, Object> config =
        (Map<String, Object>) properties("PublicDistribution").get("DistributionConfig");
    assertEquals(Map.of("Ref", "ApiWebAclArn"), config.get("WebACLId"));
    assertEquals(false, config.get("IPV6Enabled"), "per-address limits need IPv4 addresses");
    List<Map<String, Object>> origins = (List<Map<String, Object>>) config.get("Origins");
    assertEquals(1, origins.size());
    assertTrue(
        String.valueOf(origins.get(0).get("DomainName")).contains("${HttpApi}.execute-api."),
        "the distribution's origin is the HTTP API");
    Map<String, Object> behaviour = (Map<String, Object>) config.get("DefaultCacheBehavior");
    assertEquals(
        "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
        behaviour.get("CachePolicyId"),
        "answers, receipts and officer pages are never cached (managed CachingDisabled)");
    assertTrue(
        ((List<String>) behaviour.get("AllowedMethods"))
            .containsAll(List.of("POST", "DELETE", "OPTIONS")));
    for (Map<String, Object> cached :
        (List<Map<String, Object>>) config.getOrDefault("CacheBehaviors", List.of())) {
      assertEquals("/assets/*", cached.get("PathPattern"), "only the page assets are cached");
    }
    String publicUrl =
        String.valueOf(((Map<String, Object>) template.document().get("Outputs")).get("PublicUrl"));
    assertTrue(publicUrl.contains("PublicDistribution.DomainName"), publicUrl);
    String makefile = Files.readString(root.resolve("Makefile"));
    assertTrue(
        makefile.contains("waf-acl:")
            && makefile.contains("--region us-east-1")
            && makefile.contains("waf.yaml"),
        "make waf-acl creates the web ACL where CloudFront needs it");
  }

  // ---- Erasure reaches the published site at once, and the CDN (issue 14 item 1)

  /**
   * The table streams keys only (no answer text ever enters the stream), and the only stream event
   * of the template starts ErasureStreamHandler for new erasure items: its filter's prefix is the
   * one the code writes ({@code TableLayout.ERASURE_PREFIX}), checked by applying the filter as
   * local mode does to the keys the code builds.
   */
  @Test
  @SuppressWarnings("unchecked")
  void theTableStreamsKeysOnlyAndOnlyNewErasuresStartTheErasureFunction() throws Exception {
    Map<String, Object> stream =
        (Map<String, Object>) properties("Table").get("StreamSpecification");
    assertEquals("KEYS_ONLY", stream.get("StreamViewType"), "no answer text in the stream");
    List<SamTemplate.Function> consumers =
        template.functions().stream().filter(SamTemplate.Function::streamTriggered).toList();
    assertEquals(
        Set.of(
            org.yousaid.functions.publisher.ErasureStreamHandler.class.getName(),
            org.yousaid.functions.notifier.AlertStreamHandler.class.getName()),
        Set.copyOf(consumers.stream().map(SamTemplate.Function::handlerClass).toList()),
        "the erasure and alert functions read the stream, and nothing else");
    SamTemplate.Function consumer =
        consumers.stream()
            .filter(
                f ->
                    f.handlerClass()
                        .equals(
                            org.yousaid.functions.publisher.ErasureStreamHandler.class.getName()))
            .findFirst()
            .orElseThrow();
    Map<String, Object> event = consumer.stream();
    assertEquals(Map.of("Fn::GetAtt", "Table.StreamArn"), event.get("Stream"));
    assertEquals(List.of("ReportBatchItemFailures"), event.get("FunctionResponseTypes"));
    assertTrue(((Number) event.get("MaximumRetryAttempts")).intValue() >= 1);
    assertEquals(1, consumer.streamFilters().size());
    var pattern = org.yousaid.shared.json.Json.mapper().readTree(consumer.streamFilters().get(0));
    assertEquals("[\"INSERT\"]", pattern.get("eventName").toString());
    assertEquals(
        org.yousaid.shared.storage.TableLayout.ERASURE_PREFIX,
        pattern.at("/dynamodb/Keys/sk/S/0/prefix").asText(),
        "the filter's prefix is the one the code writes");

    StreamFilter filter = new StreamFilter(consumer.streamFilters());
    String pk = org.yousaid.shared.storage.TableLayout.consultationPk("demo", "c");
    assertTrue(
        filter.matches(
            streamEvent(
                "INSERT", pk, org.yousaid.shared.storage.TableLayout.erasureSk("01JERASED"))));
    assertFalse(
        filter.matches(
            streamEvent(
                "REMOVE", pk, org.yousaid.shared.storage.TableLayout.erasureSk("01JERASED"))),
        "forgetting a published erasure starts nothing");
    assertFalse(
        filter.matches(
            streamEvent(
                "INSERT", pk, org.yousaid.shared.storage.TableLayout.responseSk("01JANSWER"))),
        "a new answer starts nothing");
    assertFalse(
        filter.matches(
            streamEvent(
                "INSERT", org.yousaid.shared.storage.TableLayout.receiptPk("X"), "RECEIPT")));
  }

  /**
   * Only a new outbox item (an officer's change of an action's status) starts the alert function,
   * which alone may send email, and only from the configured sender's identity.
   */
  @Test
  @SuppressWarnings("unchecked")
  void onlyNewStatusChangesStartTheAlertFunctionWhichSendsOnlyAsTheSender() throws Exception {
    SamTemplate.Function alerts =
        template.functions().stream()
            .filter(f -> f.logicalId().equals("ActionAlertFunction"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        org.yousaid.functions.notifier.AlertStreamHandler.class.getName(), alerts.handlerClass());
    Map<String, Object> event = alerts.stream();
    assertEquals(Map.of("Fn::GetAtt", "Table.StreamArn"), event.get("Stream"));
    assertEquals(List.of("ReportBatchItemFailures"), event.get("FunctionResponseTypes"));
    var pattern = org.yousaid.shared.json.Json.mapper().readTree(alerts.streamFilters().get(0));
    assertEquals(
        org.yousaid.shared.storage.TableLayout.REGISTER_OUTBOX_PREFIX,
        pattern.at("/dynamodb/Keys/sk/S/0/prefix").asText(),
        "the filter's prefix is the one the code writes");
    StreamFilter filter = new StreamFilter(alerts.streamFilters());
    String register = org.yousaid.shared.storage.TableLayout.registerPk("demo");
    String outbox = org.yousaid.shared.storage.TableLayout.registerOutboxSk("short-breaks", 1);
    assertTrue(filter.matches(streamEvent("INSERT", register, outbox)));
    assertFalse(filter.matches(streamEvent("REMOVE", register, outbox)), "an expiry sends nothing");
    assertFalse(
        filter.matches(
            streamEvent(
                "INSERT",
                register,
                org.yousaid.shared.storage.TableLayout.registerAlertSk("lo", "01JALERT"))),
        "opting in sends nothing");
    assertFalse(
        filter.matches(
            streamEvent(
                "INSERT",
                org.yousaid.shared.storage.TableLayout.consultationPk("demo", "c"),
                org.yousaid.shared.storage.TableLayout.erasureSk("01JERASED"))));

    Object identity =
        Map.of(
            "Fn::If",
            List.of(
                "HasAlertSenderIdentity",
                Map.of(
                    "Fn::Sub",
                    "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${AlertSenderIdentity}"),
                Map.of(
                    "Fn::Sub",
                    "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${AlertSenderAddress}")));
    for (SamTemplate.Function f : template.functions()) {
      List<Map<String, Object>> statements = statements(f.properties());
      List<String> ses = actions(statements).stream().filter(a -> a.startsWith("ses:")).toList();
      if (f.logicalId().equals("ActionAlertFunction")) {
        assertEquals(List.of("ses:SendEmail"), ses);
        Map<String, Object> grant = granting(statements, "ses:SendEmail").get(0);
        assertEquals(identity, grant.get("Resource"), "only the sender's verified identity");
        assertEquals(
            Map.of("StringEquals", Map.of("ses:FromAddress", Map.of("Ref", "AlertSenderAddress"))),
            grant.get("Condition"),
            "and only from the sender's address");
        Map<String, Object> variables =
            map(map(f.properties().get("Environment")).get("Variables"));
        assertEquals(
            Map.of("Ref", "AlertSenderAddress"),
            variables.get(org.yousaid.functions.notifier.NotifierConfig.SENDER));
        assertTrue(variables.containsKey(org.yousaid.functions.notifier.NotifierConfig.PUBLIC_URL));
        assertTrue(variables.containsKey(org.yousaid.functions.notifier.NotifierConfig.SITE_URL));
      } else {
        assertEquals(List.of(), ses, f.logicalId() + " may not send email");
      }
    }
  }

  private static Map<String, Object> streamEvent(String name, String pk, String sk) {
    return Map.of(
        "eventName",
        name,
        "dynamodb",
        Map.of("Keys", Map.of("pk", Map.of("S", pk), "sk", Map.of("S", sk))));
  }

  /**
   * Both functions that publish tell CloudFront which paths to drop: they know the site's
   * distribution, and may create invalidations on it and on nothing else; no other function may.
   */
  @Test
  @SuppressWarnings("unchecked")
  void onlyThePublishersMayInvalidateAndOnlyTheSitesDistribution() {
    Object distributionArn =
        Map.of(
            "Fn::Sub",
            "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${SiteDistribution}");
    Set<String> publishers = Set.of("PublishFunction", "ErasureRepublishFunction");
    for (SamTemplate.Function f : template.functions()) {
      List<Map<String, Object>> cloudFront = new java.util.ArrayList<>();
      for (Object policy : (List<Object>) f.properties().get("Policies")) {
        for (Map<String, Object> statement :
            (List<Map<String, Object>>) ((Map<String, Object>) policy).get("Statement")) {
          if (((List<String>) statement.get("Action"))
              .stream().anyMatch(a -> a.startsWith("cloudfront:"))) {
            cloudFront.add(statement);
          }
        }
      }
      if (!publishers.contains(f.logicalId())) {
        assertTrue(cloudFront.isEmpty(), f.logicalId() + " may not touch CloudFront");
        continue;
      }
      assertEquals(1, cloudFront.size(), f.logicalId());
      assertEquals(List.of("cloudfront:CreateInvalidation"), cloudFront.get(0).get("Action"));
      assertEquals(distributionArn, cloudFront.get(0).get("Resource"));
      Map<String, Object> variables =
          (Map<String, Object>)
              ((Map<String, Object>) f.properties().get("Environment")).get("Variables");
      assertEquals(
          Map.of("Ref", "SiteDistribution"),
          variables.get(org.yousaid.functions.publisher.CloudFrontInvalidation.VARIABLE),
          f.logicalId() + " knows the distribution");
      assertEquals(Map.of("Ref", "SiteBucket"), variables.get("SITE_BUCKET"));
    }
  }
}
