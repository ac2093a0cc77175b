package org.yousaid.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.storage.Storage;
import org.yousaid.shared.storage.Table;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.storage.TableQuery;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Many submitters at once against a running local mode, each sending its submissions with an
 * Idempotency-Key, retrying with the same key on timeouts, connection errors, 429 and 5xx, and
 * sometimes resending an acknowledged one on purpose. Then it reads the table back and counts what
 * was lost (acknowledged, not stored) and duplicated (stored more than once).
 *
 * <p>Traffic goes only to the given 127.0.0.1 base URL; the number of requests and the time are
 * bounded.
 */
public final class LoadCheck {

  /** How hard to push. */
  public record Settings(
      int submitters,
      int perSubmitter,
      double duplicateShare,
      Duration requestTimeout,
      int maxAttempts,
      Duration deadline,
      long seed) {

    public static Settings of(int submitters, int perSubmitter) {
      return new Settings(
          submitters, perSubmitter, 0.1, Duration.ofSeconds(15), 40, Duration.ofMinutes(10), 42);
    }
  }

  /** What happened, and what the table holds afterwards. */
  public record Result(
      int submissions,
      int acknowledged,
      int gaveUp,
      int uniqueKeysStored,
      int storedResponses,
      int lost,
      int duplicated,
      int wrongContent,
      int orphans,
      int deliberateResends,
      int replayed,
      int retries,
      Map<String, Integer> retryCauses,
      Map<Integer, Integer> unexpectedStatuses,
      double seconds,
      double[] latenciesMs) {

    public boolean clean() {
      return lost == 0
          && duplicated == 0
          && wrongContent == 0
          && orphans == 0
          && gaveUp == 0
          && unexpectedStatuses.isEmpty()
          && storedResponses == acknowledged;
    }

    public double percentile(double p) {
      if (latenciesMs.length == 0) {
        return 0;
      }
      int index = (int) Math.ceil(p / 100.0 * latenciesMs.length) - 1;
      return latenciesMs[Math.max(0, Math.min(latenciesMs.length - 1, index))];
    }

    public double max() {
      return latenciesMs.length == 0 ? 0 : latenciesMs[latenciesMs.length - 1];
    }

    public double throughput() {
      return acknowledged / seconds;
    }
  }

  private record Ack(String responseId, String receipt) {}

  private final String baseUrl;
  private final String council;
  private final String consultation;
  private final Settings settings;
  private final String runId = Long.toString(System.nanoTime(), 36);
  private final HttpClient http;
  private final Map<String, Ack> acknowledged = new ConcurrentHashMap<>();
  private final Set<String> gaveUp = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> retryCauses = new ConcurrentHashMap<>();
  private final Map<Integer, Integer> unexpected = new ConcurrentHashMap<>();
  private final AtomicInteger retries = new AtomicInteger();
  private final AtomicInteger resends = new AtomicInteger();
  private final AtomicInteger replayed = new AtomicInteger();
  private final AtomicInteger mismatchedReplays = new AtomicInteger();
  private final List<double[]> latencies = new ArrayList<>();

  private LoadCheck(
      String baseUrl,
      String council,
      String consultation,
      Settings settings,
      ExecutorService clientExecutor) {
    this.baseUrl = baseUrl;
    this.council = council;
    this.consultation = consultation;
    this.settings = settings;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(clientExecutor)
            .build();
  }

  /**
   * Runs the load and then checks the table through {@code storage} (an unwrapped client) and
   * {@code table}.
   */
  public static Result run(
      String baseUrl,
      DynamoDbClient storage,
      String table,
      String council,
      String consultation,
      Settings settings)
      throws InterruptedException {
    if (!URI.create(baseUrl).getHost().equals("127.0.0.1")) {
      throw new IllegalArgumentException("The load check only talks to 127.0.0.1");
    }
    ExecutorService clientExecutor = Executors.newFixedThreadPool(4);
    ExecutorService submitters = Executors.newFixedThreadPool(settings.submitters());
    try {
      LoadCheck check = new LoadCheck(baseUrl, council, consultation, settings, clientExecutor);
      long start = System.nanoTime();
      long deadline = start + settings.deadline().toNanos();
      List<Future<double[]>> futures = new ArrayList<>();
      for (int s = 0; s < settings.submitters(); s++) {
        int submitter = s;
        futures.add(submitters.submit(() -> check.submitter(submitter, deadline)));
      }
      for (Future<double[]> f : futures) {
        try {
          check.latencies.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("a submitter failed", e.getCause());
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return check.verify(storage, table, seconds);
    } finally {
      submitters.shutdownNow();
      clientExecutor.shutdownNow();
      submitters.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private String key(int submitter, int i) {
    return "load-" + runId + "-" + submitter + "-" + i;
  }

  static String answerFor(String key) {
    return "Load test answer for " + key + ": a website I can search by my child's age and needs.";
  }

  private double[] submitter(int submitter, long deadline) {
    SplittableRandom random = new SplittableRandom(settings.seed() * 1_000_003L + submitter);
    List<Double> mine = new ArrayList<>();
    for (int i = 0; i < settings.perSubmitter(); i++) {
      String key = key(submitter, i);
      Ack ack = send(key, random, deadline, mine);
      if (ack == null) {
        gaveUp.add(key);
        continue;
      }
      acknowledged.put(key, ack);
      if (random.nextDouble() < settings.duplicateShare()) {
        // A deliberate duplicate: the same answers with the same key, as a double click or an app
        // resend would.
        resends.incrementAndGet();
        Ack again = send(key, random, deadline, mine);
        if (again != null && !again.equals(ack)) {
          mismatchedReplays.incrementAndGet();
        }
      }
    }
    return mine.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private Ack send(String key, SplittableRandom random, long deadline, List<Double> latencies) {
    String body =
        "{\"answers\":{\"find-information\":"
            + Json.write(answerFor(key))
            + ",\"search-by\":[\"age\",\"disability\"]},\"profile\":{\"role\":\"parent-carer\"},\"consentToQuote\":false}";
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    baseUrl
                        + "/api/v1/councils/"
                        + council
                        + "/consultations/"
                        + consultation
                        + "/responses"))
            .timeout(settings.requestTimeout())
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    for (int attempt = 1;
        attempt <= settings.maxAttempts() && System.nanoTime() < deadline;
        attempt++) {
      if (attempt > 1) {
        retries.incrementAndGet();
        long cap = Math.min(2_000, 50L << Math.min(attempt - 2, 10));
        sleep(random.nextLong(cap / 2, cap + 1));
      }
      long t = System.nanoTime();
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        latencies.add((System.nanoTime() - t) / 1e6);
        int status = response.statusCode();
        if (status == 201) {
          if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
            replayed.incrementAndGet();
          }
          JsonNode json = Json.read(response.body(), JsonNode.class);
          return new Ack(json.path("responseId").asText(), json.path("receipt").asText());
        }
        if (status == 429 || status >= 500) {
          retryCauses.merge("HTTP " + status, 1, Integer::sum);
          continue;
        }
        unexpected.merge(status, 1, Integer::sum);
        return null;
      } catch (IOException e) {
        retryCauses.merge(e.getClass().getSimpleName(), 1, Integer::sum);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Result verify(DynamoDbClient storage, String table, double seconds) {
    // Everything under the consultation's partition, read back directly from DynamoDB Local.
    String pk = TableLayout.consultationPk(council, consultation);
    Map<String, List<Map<String, AttributeValue>>> responsesByKey = new HashMap<>();
    Set<String> idempotencyKeys = new HashSet<>();
    Map<String, String> receiptOfResponseSk = new HashMap<>();
    int stored = 0;
    Table dynamo = Storage.of(storage, table, Clock.systemUTC()).table();
    for (Map<String, AttributeValue> item : dynamo.query(TableQuery.partition(pk))) {
      String sk = item.get(TableLayout.SK).s();
      if (sk.startsWith(TableLayout.RESPONSE_PREFIX)) {
        AttributeValue key = item.get("idempotencyKey");
        if (key != null && key.s().startsWith("load-" + runId + "-")) {
          stored++;
          responsesByKey.computeIfAbsent(key.s(), k -> new ArrayList<>()).add(item);
          receiptOfResponseSk.put(sk, item.get("receipt").s());
        }
      } else if (TableLayout.isIdempotencySk(sk)) {
        idempotencyKeys.add(TableLayout.idempotencyKeyOf(sk));
      }
    }
    int lost = 0;
    int duplicated = 0;
    int wrongContent = mismatchedReplays.get();
    for (Map.Entry<String, Ack> e : acknowledged.entrySet()) {
      List<Map<String, AttributeValue>> items = responsesByKey.getOrDefault(e.getKey(), List.of());
      if (items.isEmpty()) {
        lost++;
        continue;
      }
      if (items.size() > 1) {
        duplicated += items.size() - 1;
      }
      Map<String, AttributeValue> item = items.get(0);
      String doc = item.get(TableLayout.DOC).s();
      if (!item.get(TableLayout.SK).s().equals(TableLayout.responseSk(e.getValue().responseId()))
          || !e.getValue().receipt().equals(item.get("receipt").s())
          || !doc.contains(Json.write(answerFor(e.getKey())))) {
        wrongContent++;
      }
    }
    // Stored under a key nobody was told about (a given-up submission that did land) counts as
    // stored, not lost.
    int orphans = 0;
    for (Map.Entry<String, String> r : receiptOfResponseSk.entrySet()) {
      Map<String, AttributeValue> pointer =
          dynamo.get(TableLayout.receiptPk(r.getValue()), TableLayout.RECEIPT).orElse(Map.of());
      if (pointer.isEmpty() || !r.getKey().equals(pointer.get("responseSk").s())) {
        orphans++;
      }
    }
    for (String key : responsesByKey.keySet()) {
      if (!idempotencyKeys.contains(key)) {
        orphans++;
      }
    }
    double[] all = latencies.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
    int submissions = settings.submitters() * settings.perSubmitter();
    return new Result(
        submissions,
        acknowledged.size(),
        gaveUp.size(),
        responsesByKey.size(),
        stored,
        lost,
        duplicated,
        wrongContent,
        orphans,
        resends.get(),
        replayed.get(),
        retries.get(),
        new HashMap<>(retryCauses),
        new HashMap<>(unexpected),
        seconds,
        all);
  }
}
