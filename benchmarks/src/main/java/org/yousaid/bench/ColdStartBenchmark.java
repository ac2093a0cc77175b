package org.yousaid.bench;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.yousaid.dynamodblocal.EmbeddedDynamoDb;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.priming.PrimingData;
import org.yousaid.local.DemoData;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.QuestionType;
import org.yousaid.shared.storage.TableSetup;
import org.yousaid.shared.themes.AnalysisRepository;
import org.yousaid.shared.themes.AnalysisStatus;
import org.yousaid.shared.themes.QuestionAnalysis;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Cold start of each function, measured: for every artefact, fresh JVMs ({@code java -cp <shaded
 * jar>} with {@link ColdStartDriver}) create the handler with Lambda's constructor and handle one
 * real event against DynamoDB Local (a server on 127.0.0.1, in memory), timed from process start to
 * the handled event; then the same with the SnapStart priming run first, timing the first event
 * after it (a proxy for a restored snapshot). Prints a Markdown report with medians and the
 * artefacts' sizes.
 *
 * <p>Run with {@code bin/bench-coldstart [--runs N] [--worker-runs N] [--only name]}. All traffic
 * stays on 127.0.0.1 (DynamoDB Local, and a JWKS for the officer function's token check); bounded
 * in count.
 */
public final class ColdStartBenchmark {

  private static final String TABLE = "yousaid-bench";
  private static final String CLIENT_ID = "bench-client";
  private static final int RESPONSES = 200;

  record Target(String name, String jar, String handler, String kind, String memory) {}

  private static final List<Target> TARGETS =
      List.of(
          new Target(
              "PublicFormFunction (GET form)",
              "functions/public/target/yousaid-public.jar",
              "org.yousaid.functions.publicweb.PublicFormHandler",
              "form",
              "1024"),
          new Target(
              "SubmissionApiFunction (POST response)",
              "functions/public/target/yousaid-public.jar",
              "org.yousaid.functions.publicweb.SubmissionApiHandler",
              "submit",
              "1024"),
          new Target(
              "OfficerFunction (responses page)",
              "functions/officer/target/yousaid-officer.jar",
              "org.yousaid.functions.officer.OfficerHandler",
              "officer",
              "1024"),
          new Target(
              "PublishFunction (publish 200 answers)",
              "functions/publisher/target/yousaid-publisher.jar",
              "org.yousaid.functions.publisher.PublishHandler",
              "publish",
              "1536"),
          new Target(
              "AnalysisWorkerFunction (theme 200 answers)",
              "functions/analysis-worker/target/yousaid-analysis-worker.jar",
              "org.yousaid.functions.worker.AnalysisWorkerHandler",
              "analyse",
              "3008"));

  private ColdStartBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    int runs = 5;
    int workerRuns = 3;
    String only = null;
    for (int i = 1; i < args.length - 1; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--worker-runs" -> workerRuns = Integer.parseInt(args[i + 1]);
        case "--only" -> only = args[i + 1];
        default -> {}
      }
    }
    Path work = Files.createTempDirectory("yousaid-coldstart");
    Path classes = root.resolve("benchmarks/target/classes");

    // DynamoDB Local as a server on a free port (in memory); EmbeddedDynamoDb unpacks its SQLite
    // natives first.
    EmbeddedDynamoDb.inMemory().close();
    int dynamoPort = freePort();
    DynamoDBProxyServer dynamo =
        ServerRunner.createServerFromCommandLineArgs(
            new String[] {
              "-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(dynamoPort)
            });
    dynamo.start();
    String endpoint = "http://127.0.0.1:" + dynamoPort;
    DynamoDbClient client =
        DynamoDbClient.builder()
            .endpointOverride(URI.create(endpoint))
            .region(Region.EU_WEST_2)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build();
    progress("DynamoDB Local on port " + dynamoPort);
    TableSetup.createIfMissing(client, TABLE);
    Services services = new Services(client, TABLE, Clock.systemUTC());
    DemoData.seed(services.consultations());
    PrimingData sample = PrimingData.create();
    for (int i = 0; i < RESPONSES; i++) {
      services
          .submissions()
          .submit(
              DemoData.COUNCIL,
              DemoData.LOCAL_OFFER,
              sample.submission(i),
              UUID.randomUUID().toString(),
              Channel.WEB);
    }
    progress("seeded " + RESPONSES + " responses");
    String question =
        services
            .consultations()
            .find(DemoData.COUNCIL, DemoData.LOCAL_OFFER)
            .orElseThrow()
            .questions()
            .stream()
            .filter(q -> q.type() == QuestionType.FREE_TEXT)
            .findFirst()
            .orElseThrow()
            .id();
    AnalysisRepository analyses = services.analyses();

    // The officer function fetches its issuer's JWKS (Cognito's, in AWS) on the first token: serve
    // one here.
    RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
    HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] jwksBody = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    jwks.createContext(
        "/pool/.well-known/jwks.json",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwksBody.length);
          exchange.getResponseBody().write(jwksBody);
          exchange.close();
        });
    jwks.start();
    String issuer = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/pool";
    String token = token(key, issuer);

    StringBuilder report = new StringBuilder();
    report.append(
        "| function (first event) | artefact | jar | unzipped | cold: JVM start to response, median (min-max) | of which handler created | first event | after priming: first event, median (min-max) | priming took |\n");
    report.append("|---|---|---|---|---|---|---|---|---|\n");
    try {
      for (Target target : TARGETS) {
        if (only != null
            && !target.name().toLowerCase(Locale.ROOT).contains(only.toLowerCase(Locale.ROOT))) {
          continue;
        }
        int n = target.kind().equals("analyse") ? workerRuns : runs;
        List<Result> cold = new ArrayList<>();
        List<Result> primed = new ArrayList<>();
        for (int run = 0; run < 2 * n; run++) {
          boolean withPriming =
              run % 2 == 1; // alternate, so a change in machine load affects both alike
          String runId = "bench-" + run + "-" + UUID.randomUUID();
          if (target.kind().equals("analyse")) {
            analyses.saveStatus(
                new QuestionAnalysis(
                    DemoData.COUNCIL,
                    DemoData.LOCAL_OFFER,
                    question,
                    runId,
                    AnalysisStatus.QUEUED,
                    "bench",
                    Instant.now(),
                    null,
                    0,
                    List.of(),
                    null));
          }
          Path event = event(root, work, target.kind(), runId, question, token);
          Result result = launch(root, classes, work, target, event, withPriming, endpoint, issuer);
          (withPriming ? primed : cold).add(result);
          progress(target.name() + " " + (withPriming ? "primed" : "cold") + ": " + result);
        }
        Path jar = root.resolve(target.jar());
        report.append(
            String.format(
                Locale.ROOT,
                "| %s | `%s` | %.1f MB | %.1f MB | %s | %s | %s | %s | %s |%n",
                target.name(),
                jar.getFileName(),
                Files.size(jar) / 1e6,
                unzipped(jar) / 1e6,
                stat(cold, Result::totalMs),
                stat(cold, Result::initMs).split(" ")[0],
                stat(cold, Result::invokeMs).split(" ")[0],
                stat(primed, Result::invokeMs),
                stat(primed, Result::primeMs).split(" ")[0]));
      }
    } finally {
      jwks.stop(0);
      dynamo.stop();
    }
    System.out.println();
    System.out.println(
        "Runs per function: "
            + runs
            + " cold + "
            + runs
            + " primed (analysis worker "
            + workerRuns
            + " + "
            + workerRuns
            + "), alternating; times in ms; jar sizes in MB (10^6 bytes).");
    System.out.println();
    System.out.print(report);
    System.out.flush();
    // DynamoDB Local's SQLite threads outlive its server's stop: do not wait for them.
    System.exit(0);
  }

  record Result(String status, double totalMs, double initMs, double primeMs, double invokeMs) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "status=%s total=%.0f init=%.0f prime=%.0f invoke=%.0f",
          status,
          totalMs,
          initMs,
          primeMs,
          invokeMs);
    }
  }

  private static Result launch(
      Path root,
      Path classes,
      Path work,
      Target target,
      Path event,
      boolean primed,
      String endpoint,
      String issuer)
      throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "java",
                // As template.yaml's JAVA_TOOL_OPTIONS, on the command line so the JVM does not
                // announce it.
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                root.resolve(target.jar()) + java.io.File.pathSeparator + classes,
                ColdStartDriver.class.getName(),
                target.handler(),
                isSqs(target) ? "sqs" : "http",
                event.toString(),
                primed ? "primed" : "cold"));
    if (target.kind().equals("publish")) {
      command.add(Files.createTempDirectory(work, "site").toString());
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet()
        .removeIf(
            k ->
                k.startsWith("AWS_")
                    || k.startsWith("POWERTOOLS_")
                    || k.equals("JAVA_TOOL_OPTIONS"));
    // What Lambda sets (names, region, init type), plus the test doubles' addresses: all on
    // 127.0.0.1.
    env.put(
        "AWS_LAMBDA_FUNCTION_NAME",
        target.handler().substring(target.handler().lastIndexOf('.') + 1));
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", target.memory());
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    env.put("AWS_REGION", "eu-west-2");
    env.put("AWS_ACCESS_KEY_ID", "bench");
    env.put("AWS_SECRET_ACCESS_KEY", "bench");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("POWERTOOLS_SERVICE_NAME", "yousaid");
    env.put("POWERTOOLS_METRICS_NAMESPACE", "yousaid-bench");
    env.put("TABLE_NAME", TABLE);
    env.put("DYNAMODB_ENDPOINT", endpoint);
    env.put("OFFICER_ISSUER", issuer);
    env.put("OFFICER_CLIENT_ID", CLIENT_ID);
    env.put("COGNITO_DOMAIN", "https://bench.invalid");
    env.put("ANALYSIS_QUEUE_URL", "http://127.0.0.1:9/queue/analysis");
    env.put("PUBLISH_QUEUE_URL", "http://127.0.0.1:9/queue/publish");
    // Each cold start has an empty /tmp, as Lambda's: the tokenizer's native library is unpacked
    // anew.
    Path tmp = Files.createTempDirectory(work, "tmp");
    env.put("DJL_CACHE_DIR", tmp.resolve("djl").toString());
    command.add(1, "-Djava.io.tmpdir=" + tmp);
    builder.command(command);

    long start = System.nanoTime();
    Process process = builder.start();
    String line;
    String marker = null;
    List<String> tail = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      while ((line = out.readLine()) != null) {
        if (line.startsWith("COLDSTART ")) {
          marker = line;
          break;
        }
        tail.add(line);
        if (tail.size() > 40) {
          tail.remove(0);
        }
      }
      double total = (System.nanoTime() - start) / 1e6;
      // The measurement is taken; what the JVM does on its way out does not matter.
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
      if (marker == null) {
        throw new IllegalStateException(
            target.name() + " did not handle its event:\n" + String.join("\n", tail));
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (String part : marker.substring("COLDSTART ".length()).split(" ")) {
        fields.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
      }
      return new Result(
          fields.get("status"),
          total,
          Double.parseDouble(fields.get("init_ms")),
          Double.parseDouble(fields.get("prime_ms")),
          Double.parseDouble(fields.get("invoke_ms")));
    } finally {
      process.destroyForcibly();
    }
  }

  private static boolean isSqs(Target target) {
    return target.kind().equals("publish") || target.kind().equals("analyse");
  }

  /**
   * The run's event: a sample from events/ (fresh idempotency key), an officer page with a session,
   * or an SQS body.
   */
  private static Path event(
      Path root, Path work, String kind, String runId, String question, String token)
      throws Exception {
    Path file = work.resolve(runId + ".json");
    switch (kind) {
      case "form" -> Files.copy(root.resolve("events/get-form.json"), file);
      case "submit" -> {
        ObjectNode event =
            (ObjectNode) Json.mapper().readTree(root.resolve("events/post-response.json").toFile());
        ((ObjectNode) event.get("headers")).put("idempotency-key", UUID.randomUUID().toString());
        Files.writeString(file, Json.mapper().writeValueAsString(event));
      }
      case "officer" -> {
        ObjectNode event =
            (ObjectNode) Json.mapper().readTree(root.resolve("events/get-form.json").toFile());
        String route = "GET /officer/councils/{council}/consultations/{consultation}/responses";
        String path =
            "/officer/councils/"
                + DemoData.COUNCIL
                + "/consultations/"
                + DemoData.LOCAL_OFFER
                + "/responses";
        event.put("routeKey", route).put("rawPath", path);
        ((ObjectNode) event.get("requestContext")).put("routeKey", route);
        ((ObjectNode) event.get("requestContext").get("http")).put("path", path);
        event.putArray("cookies").add("__Host-yousaid-officer=" + token);
        Files.writeString(file, Json.mapper().writeValueAsString(event));
      }
      case "publish" ->
          Files.writeString(
              file,
              Json.write(
                  Map.of(
                      "council",
                      DemoData.COUNCIL,
                      "consultationId",
                      DemoData.LOCAL_OFFER,
                      "officer",
                      "bench",
                      "requestId",
                      runId)));
      case "analyse" ->
          Files.writeString(
              file,
              Json.write(
                  Map.of(
                      "council",
                      DemoData.COUNCIL,
                      "consultationId",
                      DemoData.LOCAL_OFFER,
                      "questionId",
                      question,
                      "runId",
                      runId)));
      default -> throw new IllegalArgumentException(kind);
    }
    return file;
  }

  private static String token(RSAKey key, String issuer) throws Exception {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(CLIENT_ID)
            .subject("bench-officer")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(6 * 3600)))
            .claim("email", "officer@bench.invalid")
            .claim("cognito:groups", List.of("council-" + DemoData.COUNCIL))
            .claim("token_use", "id")
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static String stat(
      List<Result> results, java.util.function.ToDoubleFunction<Result> measure) {
    if (results.isEmpty()) {
      return "-";
    }
    List<Double> values = new ArrayList<>(results.stream().map(measure::applyAsDouble).toList());
    Collections.sort(values);
    double median =
        values.size() % 2 == 1
            ? values.get(values.size() / 2)
            : (values.get(values.size() / 2 - 1) + values.get(values.size() / 2)) / 2;
    return String.format(
        Locale.ROOT, "%.0f (%.0f-%.0f)", median, values.get(0), values.get(values.size() - 1));
  }

  private static long unzipped(Path jar) throws Exception {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream().mapToLong(e -> Math.max(0, e.getSize())).sum();
    }
  }

  private static void progress(String message) {
    System.err.println(java.time.LocalTime.now().withNano(0) + " " + message);
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
