package org.yousaid.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.ZipFile;

/**
 * Measures the foundation's submission path in local mode and prints a Markdown report: fresh JVM
 * to first 201, warm latency over sequential submissions, and artefact sizes.
 *
 * <p>Run with {@code bin/bench-submission}. Traffic goes only to 127.0.0.1, bounded in count.
 */
public final class SubmissionBenchmark {

  private static final String PATH =
      "/api/v1/councils/demo/consultations/local-offer-2026/responses";
  private static final String BODY =
      "{\"answers\":{\"find-information\":\"A website I can search by my child's age and needs, "
          + "in plain English, with a named person to call when I get stuck.\",\"search-by\":[\"age\",\"disability\"]},"
          + "\"profile\":{\"role\":\"parent-carer\",\"ageBand\":\"5-16\"},\"consentToQuote\":true}";

  private SubmissionBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".");
    int coldRuns = 5;
    int warmup = 300;
    int measured = 1000;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    List<Double> cold = new ArrayList<>();
    Process warmServer = null;
    int warmPort = 0;
    for (int run = 0; run < coldRuns; run++) {
      int port = 18_400 + run;
      Path data = Files.createTempDirectory("yousaid-bench");
      long start = System.nanoTime();
      Process process =
          new ProcessBuilder(
                  "java",
                  "-jar",
                  root.resolve("local/target/yousaid-local.jar").toString(),
                  "--port",
                  Integer.toString(port),
                  "--data",
                  data.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      long deadline = start + Duration.ofSeconds(60).toNanos();
      while (true) {
        if (System.nanoTime() > deadline) {
          process.destroyForcibly();
          throw new IllegalStateException("local mode did not answer within 60 s");
        }
        try {
          if (post(http, port, UUID.randomUUID().toString()) == 201) {
            break;
          }
        } catch (IOException notYet) {
          Thread.sleep(10);
        }
      }
      cold.add((System.nanoTime() - start) / 1e6);
      if (run == coldRuns - 1) {
        warmServer = process;
        warmPort = port;
      } else {
        process.destroy();
        process.waitFor();
      }
    }

    for (int i = 0; i < warmup; i++) {
      post(http, warmPort, UUID.randomUUID().toString());
    }
    double[] latencies = new double[measured];
    long wallStart = System.nanoTime();
    for (int i = 0; i < measured; i++) {
      long t = System.nanoTime();
      int status = post(http, warmPort, UUID.randomUUID().toString());
      latencies[i] = (System.nanoTime() - t) / 1e6;
      if (status != 201) {
        throw new IllegalStateException("submission " + i + " got " + status);
      }
    }
    double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
    warmServer.destroy();
    warmServer.waitFor();
    Arrays.sort(latencies);

    System.out.println("| measure | value |");
    System.out.println("|---|---|");
    System.out.printf(
        Locale.ROOT,
        "| fresh JVM to first 201 (JSON submission), median of %d | %.0f ms (min %.0f, max %.0f) |%n",
        coldRuns,
        median(cold),
        cold.stream().mapToDouble(d -> d).min().orElse(0),
        cold.stream().mapToDouble(d -> d).max().orElse(0));
    System.out.printf(
        Locale.ROOT,
        "| warm p50, %d sequential submissions after %d warm-up | %.2f ms |%n",
        measured,
        warmup,
        percentile(latencies, 50));
    System.out.printf(Locale.ROOT, "| warm p99 | %.2f ms |%n", percentile(latencies, 99));
    System.out.printf(Locale.ROOT, "| warm max | %.2f ms |%n", latencies[latencies.length - 1]);
    System.out.printf(
        Locale.ROOT, "| sequential throughput | %.0f submissions/s |%n", measured / wallSeconds);
    artefact(
        root,
        "functions/public/target/yousaid-public.jar",
        "PublicFormFunction, SubmissionApiFunction");
  }

  private static int post(HttpClient http, int port, String key)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(BODY))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static void artefact(Path root, String relative, String functions) throws IOException {
    Path jar = root.resolve(relative);
    long nlp;
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      nlp =
          zip.stream()
              .filter(
                  e ->
                      e.getName().startsWith("edu/stanford/")
                          || e.getName().startsWith("ai/onnxruntime/")
                          || e.getName().startsWith("org/yousaid/analysis/"))
              .count();
    }
    System.out.printf(
        Locale.ROOT,
        "| artefact `%s` (%s) | %.1f MB, %d NLP classes |%n",
        relative,
        functions,
        Files.size(jar) / 1024.0 / 1024.0,
        nlp);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    return sorted.get(sorted.size() / 2);
  }

  private static double percentile(double[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
