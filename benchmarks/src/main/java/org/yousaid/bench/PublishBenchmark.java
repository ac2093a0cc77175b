package org.yousaid.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.yousaid.dynamodblocal.EmbeddedDynamoDb;
import org.yousaid.local.DemoData;
import org.yousaid.publishing.FolderSiteStore;
import org.yousaid.publishing.Publisher;
import org.yousaid.shared.model.AgeBand;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.AreaOfNeed;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.model.Role;
import org.yousaid.shared.storage.ConsultationRepository;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.storage.Storage;
import org.yousaid.shared.storage.TableSetup;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.shared.themes.AnalysisRepository;
import org.yousaid.shared.themes.AnalysisStatus;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.CorrectionRepository;
import org.yousaid.shared.themes.QuestionAnalysis;
import org.yousaid.shared.themes.StoredTheme;
import org.yousaid.shared.themes.ThemeCorrection;

/**
 * Times publishing a whole council: C consultations with N answers in all (default 20 and 10,000),
 * each with 12 themes (stored as an analysis run would store them), 3 approved quotes and a "we
 * did" per theme. Publishes every consultation once (version 1) and again (version 2, history
 * grows), with the publisher the Lambda runs, writing to a folder; prints Markdown with the time
 * and the site's size. Run with {@code bin/bench-publish [N] [C]}.
 */
public final class PublishBenchmark {

  private static final String TABLE = "bench";
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

  private PublishBenchmark() {}

  public static void main(String[] args) throws Exception {
    int answers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int consultations = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Path folder = Files.createTempDirectory("yousaid-publish-bench");
    try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.persistentIn(folder.resolve("db"))) {
      TableSetup.createIfMissing(dynamo.client(), TABLE);
      Storage storage = Storage.of(dynamo.client(), TABLE, Clock.systemUTC());
      long t = System.nanoTime();
      List<String> ids = seed(storage, answers, consultations);
      double seedSeconds = (System.nanoTime() - t) / 1e9;
      FolderSiteStore site = new FolderSiteStore(folder.resolve("site"));
      Publisher publisher = new Publisher(storage, site);
      // Warm-up on a throwaway request, so JIT and template compilation are not counted in version
      // 1.
      publisher.build(storage.consultations().find(DemoData.COUNCIL, ids.get(0)).orElseThrow(), 1);
      System.out.printf(
          Locale.ROOT,
          "| setup: %d consultations, %d answers, analysis and corrections written to DynamoDB Local | %.1f s |%n",
          consultations,
          answers,
          seedSeconds);
      for (int version = 1; version <= 2; version++) {
        List<Double> each = new ArrayList<>();
        long all = System.nanoTime();
        for (String id : ids) {
          long s = System.nanoTime();
          publisher.publish(DemoData.COUNCIL, id, "bench", "bench-" + id + "-" + version);
          each.add((System.nanoTime() - s) / 1e6);
        }
        double total = (System.nanoTime() - all) / 1e9;
        Collections.sort(each);
        System.out.printf(
            Locale.ROOT,
            "| publish all %d consultations, version %d | %.1f s (per consultation: median %.0f ms, max %.0f ms) |%n",
            consultations,
            version,
            total,
            each.get(each.size() / 2),
            each.get(each.size() - 1));
      }
      long bytes = 0;
      long files = 0;
      try (Stream<Path> walk = Files.walk(site.root())) {
        for (Path p : walk.filter(Files::isRegularFile).toList()) {
          bytes += Files.size(p);
          files++;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "| published site after 2 versions | %d files, %.1f MB |%n",
          files,
          bytes / 1e6);
    }
  }

  private static List<String> seed(Storage storage, int answers, int consultations) {
    ConsultationRepository repo = storage.consultations();
    ResponseRepository responses = storage.responses();
    AnalysisRepository analyses = storage.analyses();
    CorrectionRepository corrections = storage.corrections();
    Random random = new Random(11);
    Instant start = Instant.parse("2026-01-05T09:00:00Z");
    List<String> ids = new ArrayList<>();
    for (int c = 0; c < consultations; c++) {
      String id = String.format(Locale.ROOT, "local-offer-%02d", c);
      ids.add(id);
      Consultation consultation =
          ConsultationTemplates.localOffer(
              DemoData.COUNCIL, DemoData.COUNCIL_NAME, id, DemoData.DISTRICTS, null, null);
      repo.save(consultation);
      int count = answers / consultations + (c < answers % consultations ? 1 : 0);
      List<AnswerAnalysis> analysed = new ArrayList<>();
      Map<Integer, List<String>> members = new HashMap<>();
      for (int i = 0; i < count; i++) {
        int topic = random.nextInt(TOPICS.length);
        String responseId = String.format(Locale.ROOT, "01PUB%02d%017d", c, i);
        String text =
            "We need clearer information about "
                + TOPICS[topic]
                + (random.nextBoolean() ? ", in one place please." : " without jargon.");
        RespondentProfile profile =
            new RespondentProfile(
                Role.values()[random.nextInt(2)],
                AgeBand.values()[random.nextInt(3)],
                List.of(AreaOfNeed.values()[random.nextInt(4)]),
                DemoData.DISTRICTS.get(random.nextInt(DemoData.DISTRICTS.size())),
                null);
        responses.insert(
            new Response(
                responseId,
                DemoData.COUNCIL,
                id,
                start.plusSeconds(i * 600L),
                Channel.WEB,
                List.of(
                    Answer.text("find-information", text),
                    Answer.choices(
                        "search-by",
                        random.nextBoolean() ? List.of("age", "disability") : List.of("area")),
                    Answer.choices(
                        "plain-english",
                        List.of(List.of("agree", "neither", "disagree").get(random.nextInt(3)))),
                    Answer.choices(
                        "format",
                        List.of(
                            List.of("website", "printed", "keyworker").get(random.nextInt(3))))),
                profile,
                random.nextInt(3) > 0,
                String.format(Locale.ROOT, "PB%02d-%06d", c, i),
                Instant.now().plus(Duration.ofDays(365)).getEpochSecond(),
                null),
            Optional.empty());
        analysed.add(
            new AnswerAnalysis(
                responseId,
                text,
                List.of("positive", "neutral", "negative").get(random.nextInt(3)),
                List.of("t" + topic),
                null));
        members.computeIfAbsent(topic, k -> new ArrayList<>()).add(responseId);
      }
      List<StoredTheme> themes = new ArrayList<>();
      for (int topic = 0; topic < TOPICS.length; topic++) {
        List<String> m = members.getOrDefault(topic, List.of());
        themes.add(
            new StoredTheme(
                "t" + topic,
                "Information about " + TOPICS[topic],
                "",
                List.of(TOPICS[topic]),
                m.size(),
                count == 0 ? 0 : (double) m.size() / count,
                0,
                m.size(),
                0,
                m.isEmpty() ? null : m.get(0),
                Math.max(0, m.size() - 1),
                0,
                false));
      }
      analyses.saveStatus(
          new QuestionAnalysis(
              DemoData.COUNCIL,
              id,
              "find-information",
              "run-" + id,
              AnalysisStatus.DONE,
              "bench",
              start,
              start,
              count,
              themes,
              null));
      analyses.replaceAnswers(DemoData.COUNCIL, id, "find-information", analysed);
      for (int topic = 0; topic < TOPICS.length; topic++) {
        List<String> m = members.getOrDefault(topic, List.of());
        corrections.add(
            DemoData.COUNCIL,
            id,
            new ThemeCorrection(
                String.format(Locale.ROOT, "01Q%02d%02d", c, topic),
                "find-information",
                "bench",
                start,
                ThemeCorrection.Kind.APPROVE_QUOTE,
                "t" + topic,
                null,
                m.subList(0, Math.min(3, m.size())),
                null,
                null,
                null));
        corrections.add(
            DemoData.COUNCIL,
            id,
            new ThemeCorrection(
                String.format(Locale.ROOT, "01W%02d%02d", c, topic),
                "find-information",
                "bench",
                start,
                ThemeCorrection.Kind.WE_DID,
                "t" + topic,
                null,
                List.of(),
                "We have rewritten the Local Offer pages about "
                    + TOPICS[topic]
                    + " with the parent carer forum.",
                "done",
                LocalDate.of(2026, 11, 1)));
      }
    }
    return ids;
  }
}
