package org.yousaid.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb.Call;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb.Fault;
import org.yousaid.functions.common.http.RateLimiter;
import org.yousaid.local.DemoData;
import org.yousaid.local.LocalMode;
import org.yousaid.shared.templates.ConsultationTemplates;

/**
 * {@code bin/bench-load}: local mode on 127.0.0.1 with a fresh data folder, N concurrent
 * submitters, then the table read back to prove nothing was lost or duplicated. Prints Markdown;
 * exits 1 if the check fails. Options: {@code --submitters 500 --per 10 --duplicates 0.1 --faults
 * 0} (share of DynamoDB calls failed on purpose with throttling or timeouts).
 */
public final class LoadBenchmark {

  public static final String CONSULTATION = "load-test";

  private LoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int submitters = 500;
    int per = 10;
    double duplicates = 0.1;
    double faults = 0;
    for (int i = 0; i < args.length - 1; i += 2) {
      switch (args[i]) {
        case "--submitters" -> submitters = Integer.parseInt(args[i + 1]);
        case "--per" -> per = Integer.parseInt(args[i + 1]);
        case "--duplicates" -> duplicates = Double.parseDouble(args[i + 1]);
        case "--faults" -> faults = Double.parseDouble(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (submitters < 1 || submitters > 2000 || per < 1 || per > 1000) {
      throw new IllegalArgumentException("submitters must be 1-2000 and --per 1-1000");
    }
    String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
    Path data = Files.createTempDirectory("yousaid-load");
    FaultInjectingDynamoDb[] faulty = new FaultInjectingDynamoDb[1];
    double faultShare = faults;
    LoadCheck.Result result;
    try (LocalMode local =
        LocalMode.start(
            data,
            0,
            RateLimiter.off(),
            client -> {
              faulty[0] = new FaultInjectingDynamoDb(client).seed(7);
              return faulty[0];
            })) {
      local
          .services()
          .consultations()
          .save(
              ConsultationTemplates.localOffer(
                  DemoData.COUNCIL,
                  DemoData.COUNCIL_NAME,
                  CONSULTATION,
                  DemoData.DISTRICTS,
                  null,
                  null));
      if (faultShare > 0) {
        faulty[0]
            .failRandomly(Call.TRANSACT_WRITE, Fault.THROTTLE, faultShare / 3)
            .failRandomly(Call.TRANSACT_WRITE, Fault.TIMEOUT_AFTER, faultShare / 3)
            .failRandomly(Call.GET_ITEM, Fault.TIMEOUT_BEFORE, faultShare / 3);
      }
      result =
          LoadCheck.run(
              "http://127.0.0.1:" + local.port(),
              local.storageClient(),
              LocalMode.TABLE,
              DemoData.COUNCIL,
              CONSULTATION,
              new LoadCheck.Settings(
                  submitters,
                  per,
                  duplicates,
                  java.time.Duration.ofSeconds(15),
                  40,
                  java.time.Duration.ofMinutes(10),
                  42));
    } finally {
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
    System.out.println("| measure | value |");
    System.out.println("|---|---|");
    System.out.printf(
        Locale.ROOT,
        "| submitters x submissions each | %d x %d = %d (%.0f%% resent on purpose) |%n",
        submitters,
        per,
        result.submissions(),
        duplicates * 100);
    if (faultShare > 0) {
      System.out.printf(
          Locale.ROOT,
          "| DynamoDB faults injected | %d (%.1f%% of write transactions and reads) |%n",
          faulty[0].injected(),
          faultShare * 100 / 3);
    }
    System.out.printf(Locale.ROOT, "| acknowledged (201) | %d |%n", result.acknowledged());
    System.out.printf(
        Locale.ROOT,
        "| stored responses with this run's keys | %d (unique keys %d) |%n",
        result.storedResponses(),
        result.uniqueKeysStored());
    System.out.printf(
        Locale.ROOT,
        "| lost / duplicated / wrong content / orphaned pointers | %d / %d / %d / %d |%n",
        result.lost(),
        result.duplicated(),
        result.wrongContent(),
        result.orphans());
    System.out.printf(
        Locale.ROOT,
        "| gave up / unexpected statuses | %d / %s |%n",
        result.gaveUp(),
        result.unexpectedStatuses());
    System.out.printf(
        Locale.ROOT,
        "| deliberate resends / answered as replays | %d / %d |%n",
        result.deliberateResends(),
        result.replayed());
    System.out.printf(
        Locale.ROOT,
        "| client retries (same key) | %d %s |%n",
        result.retries(),
        result.retryCauses());
    System.out.printf(Locale.ROOT, "| wall time | %.1f s |%n", result.seconds());
    System.out.printf(
        Locale.ROOT, "| throughput | %.0f acknowledged submissions/s |%n", result.throughput());
    System.out.printf(
        Locale.ROOT,
        "| latency per request p50 / p99 / max | %.1f / %.1f / %.1f ms (%d requests) |%n",
        result.percentile(50),
        result.percentile(99),
        result.max(),
        result.latenciesMs().length);
    System.out.println("| load average before / after | " + loadBefore + " / " + loadAfter + " |");
    System.out.println(
        "| machine | "
            + Runtime.getRuntime().availableProcessors()
            + " cores, Java "
            + System.getProperty("java.version")
            + ", max heap "
            + Runtime.getRuntime().maxMemory() / (1024 * 1024)
            + " MiB |");
    System.out.println(result.clean() ? "RESULT: 0 lost, 0 duplicated" : "RESULT: FAILED");
    System.exit(result.clean() ? 0 : 1);
  }
}
