package org.yousaid.bench;

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
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yousaid.local.DemoData;
import org.yousaid.local.LocalMode;
import org.yousaid.shared.model.AgeBand;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.AreaOfNeed;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.model.Role;

/**
 * Times the officer's summary report page and every download for a consultation with N answers
 * (default 10,000), over real HTTP against local mode, after a real analysis run. Prints Markdown.
 * Run with {@code bin/bench-report [N]}; traffic goes only to 127.0.0.1.
 */
public final class ReportBenchmark {

  private static final String[] OPENINGS = {
    "A website where I can search by",
    "Someone to explain",
    "Plain English about",
    "A named key worker for",
    "Clear information on",
    "Help to understand",
    "A printed directory of",
    "Advice about"
  };
  private static final String[] TOPICS = {
    "short breaks",
    "my child's age and needs",
    "EHC plans",
    "transport to school",
    "appeals and tribunals",
    "speech and language therapy",
    "who pays for services",
    "holiday playschemes",
    "respite overnight",
    "autism support groups",
    "moving to college at 16",
    "personal budgets"
  };
  private static final String[] ENDINGS = {
    ".",
    ", because I never know where to start.",
    " without jargon.",
    ", in one place please.",
    ". We wasted months finding out.",
    " for working parents."
  };

  private ReportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Path data = Files.createTempDirectory("yousaid-report-bench");
    try (LocalMode local = LocalMode.start(data, 0)) {
      long t = System.nanoTime();
      Random random = new Random(7);
      Instant start = Instant.parse("2026-10-01T09:00:00Z");
      for (int i = 0; i < n; i++) {
        String text =
            OPENINGS[random.nextInt(OPENINGS.length)]
                + " "
                + TOPICS[random.nextInt(TOPICS.length)]
                + ENDINGS[random.nextInt(ENDINGS.length)];
        List<Answer> answers =
            List.of(
                Answer.text("find-information", text),
                Answer.choices(
                    "search-by",
                    random.nextBoolean() ? List.of("age", "disability") : List.of("area")),
                Answer.choices(
                    "plain-english",
                    List.of(
                        List.of("agree", "neither", "disagree", "strongly-disagree")
                            .get(random.nextInt(4)))),
                Answer.choices(
                    "format",
                    List.of(List.of("website", "printed", "keyworker").get(random.nextInt(3)))));
        RespondentProfile profile =
            new RespondentProfile(
                Role.values()[random.nextInt(2)],
                AgeBand.values()[random.nextInt(3)],
                List.of(AreaOfNeed.values()[random.nextInt(4)]),
                DemoData.DISTRICTS.get(random.nextInt(DemoData.DISTRICTS.size())),
                null);
        local
            .services()
            .responses()
            .insert(
                new Response(
                    String.format(Locale.ROOT, "01BENCH%019d", i),
                    DemoData.COUNCIL,
                    DemoData.LOCAL_OFFER,
                    start.plusSeconds(i * 60L),
                    Channel.WEB,
                    answers,
                    profile,
                    random.nextInt(3) == 0,
                    String.format(Locale.ROOT, "BNCH-%04d-%04d", i / 10000, i % 10000),
                    Instant.now().plus(Duration.ofDays(365)).getEpochSecond(),
                    null),
                Optional.empty());
      }
      double loadSeconds = (System.nanoTime() - t) / 1e9;

      String token =
          local.officerSignIn(
              "bench", "bench@demo.example", List.of("council-demo"), Duration.ofHours(2));
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      String base =
          "http://127.0.0.1:"
              + local.port()
              + "/officer/councils/demo/consultations/"
              + DemoData.LOCAL_OFFER;
      String themesPage = get(http, base + "/themes", token).body();
      Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(themesPage);
      if (!csrf.find()) {
        throw new IllegalStateException("no CSRF token on the themes page");
      }
      t = System.nanoTime();
      http.send(
          HttpRequest.newBuilder(URI.create(base + "/analysis"))
              .header("Cookie", "yousaid-officer=" + token)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf.group(1)))
              .build(),
          HttpResponse.BodyHandlers.discarding());
      if (!local.analysisQueue().awaitIdle(30, TimeUnit.MINUTES)) {
        throw new IllegalStateException("analysis did not finish");
      }
      double analysisSeconds = (System.nanoTime() - t) / 1e9;

      System.out.printf(
          Locale.ROOT,
          "| %d answers written to DynamoDB Local (setup) | %.1f s |%n",
          n,
          loadSeconds);
      System.out.printf(
          Locale.ROOT,
          "| analysis of the free-text question through the queue, models loaded on first job | %.1f s |%n",
          analysisSeconds);
      for (String path :
          List.of("/report", "/export/csv", "/export/xlsx", "/export/docx", "/export/pdf")) {
        List<Double> times = new ArrayList<>();
        long bytes = 0;
        for (int run = 0; run < 4; run++) {
          long s = System.nanoTime();
          HttpResponse<byte[]> response =
              http.send(
                  HttpRequest.newBuilder(URI.create(base + path))
                      .header("Cookie", "yousaid-officer=" + token)
                      .timeout(Duration.ofMinutes(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
          if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
          }
          if (run > 0) {
            times.add((System.nanoTime() - s) / 1e6);
          }
          bytes = response.body().length;
        }
        times.sort(Double::compare);
        System.out.printf(
            Locale.ROOT,
            "| GET %s (median of 3 after one warm-up) | %.0f ms (min %.0f, max %.0f), %,d bytes |%n",
            path,
            times.get(1),
            times.get(0),
            times.get(2),
            bytes);
      }
    }
  }

  private static HttpResponse<String> get(HttpClient http, String url, String token)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Cookie", "yousaid-officer=" + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
