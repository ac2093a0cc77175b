package org.yousaid.functions.worker.sharded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yousaid.analysis.ThemingEngine;
import org.yousaid.analysis.sharded.DirectoryObjectStore;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.priming.PrimingData;
import org.yousaid.functions.worker.AnalysisWorkerHandler;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.QuestionType;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.shared.themes.AnalysisStatus;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.QuestionAnalysis;
import org.yousaid.shared.validation.RawSubmission;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * The sharded path as it runs in AWS, with Step Functions played by the test: the worker writes the
 * shards and starts the state machine with exactly the sample event {@code
 * events/analysis-reduce.json}; each shard goes through {@link ShardHandler} with {@code
 * events/analysis-shard.json} (its key set as the Map's ItemSelector sets it), then {@link
 * ReduceHandler} gets the reduce event and writes the analysis the officer pages read: the same
 * themes and per-answer results as a run in the worker alone, and nothing left in the bucket.
 */
class ShardedAnalysisHandlersTest {
  @WithDynamoDb DynamoTable table;

  private static final String COUNCIL = PrimingData.COUNCIL,
      CONSULTATION = PrimingData.CONSULTATION;

  private static final List<String> TEXTS =
      List.of(
          "The bus to school is late every morning and my son misses registration.",
          "School transport keeps changing drivers, which upsets my autistic daughter.",
          "Our taxi to school did not turn up twice this month.",
          "Transport to college stops at 16, we need it until 19.",
          "The EHC assessment took eight months and nobody answered my emails.",
          "We waited over a year for the EHC plan to be finished.",
          "Our caseworker changed three times during the assessment.",
          "Nobody told us what was happening with the EHC needs assessment.",
          "More holiday playschemes please, the summer is the hardest time.",
          "Holiday clubs with trained staff for children with autism are badly needed.",
          "There is nothing for disabled teenagers to do in the school holidays.",
          "A playscheme during half term would make a huge difference to us.");

  private static final String PERSONAL =
      "Please keep the short breaks, Oliver Hartley needs them. Call me on 07700 900123.";

  private static ThemingEngine engine;

  @BeforeAll
  static void load() {
    engine = new ThemingEngine();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void theWorkerHandsALargeQuestionToTheStateMachineAndItsStepsWriteTheSameAnalysis(
      @TempDir Path bucket) throws Exception {
    Services services = new Services(table.client(), table.name(), Clock.systemUTC());
    services
        .consultations()
        .create(
            ConsultationTemplates.localOffer(
                COUNCIL, "Priming Council", CONSULTATION, List.of("North", "South"), null, null));
    PrimingData sample = PrimingData.create();
    String question =
        sample.consultation().questions().stream()
            .filter(q -> q.type() == QuestionType.FREE_TEXT)
            .map(Question::id)
            .findFirst()
            .orElseThrow();
    Map<String, Object> reduceEvent = event("analysis-reduce.json");
    @SuppressWarnings("unchecked")
    Map<String, Object> eventJob = (Map<String, Object>) reduceEvent.get("job");
    assertEquals(question, eventJob.get("questionId"), "the sample event's question");
    for (int i = 0; i < 31; i++) {
      Map<String, List<String>> answers = new LinkedHashMap<>(sample.answers(0));
      answers.put(
          question, List.of(i == 30 ? PERSONAL : TEXTS.get(i % TEXTS.size()) + " (" + i + ")"));
      services
          .submissions()
          .submit(
              COUNCIL,
              CONSULTATION,
              new RawSubmission(answers, Map.of("role", List.of("parent-carer")), "yes", List.of()),
              UUID.randomUUID().toString(),
              Channel.WEB);
    }

    // In the worker alone: the reference.
    QuestionAnalysis alone =
        analyse(services, new AnalysisWorkerHandler(services), question, "run-alone");
    Map<String, String> aloneAnswers = answers(services, question);
    String aloneThemes = themes(services, question);
    assertEquals(AnalysisStatus.DONE, alone.status());

    // Sharded: 31 answers, from 10 on, in shards of 8.
    DirectoryObjectStore store = new DirectoryObjectStore(bucket);
    ShardingSettings settings = new ShardingSettings(10, 8, 2000);
    List<ShardRunRequest> started = new ArrayList<>();
    AnalysisWorkerHandler worker =
        new AnalysisWorkerHandler(
            services,
            ShardedAnalysis.stepFunctions(
                settings, store, (String) reduceEvent.get("bucket"), started::add));
    QuestionAnalysis handedOver = analyse(services, worker, question, "run-sharded-1");
    assertEquals(AnalysisStatus.RUNNING, handedOver.status(), "the state machine finishes it");
    assertEquals(1, started.size());
    assertEquals(
        reduceEvent,
        Json.mapper().convertValue(started.get(0), Map.class),
        "the worker starts the state machine with the sample event's input");
    List<String> shardKeys = store.list((String) reduceEvent.get("inputPrefix"));
    assertEquals(4, shardKeys.size(), "31 answers in shards of 8");

    // The Distributed Map: one child per listed shard, its key set by the ItemSelector.
    ShardHandler shardHandler = new ShardHandler(store, engine);
    int analysed = 0;
    for (String key : shardKeys) {
      Map<String, Object> item = event("analysis-shard.json");
      item.put("key", key);
      Map<String, Object> out = shardHandler.handleRequest(item, null);
      analysed += ((Number) out.get("answers")).intValue();
    }
    assertEquals(31, analysed);
    String everyInput = "", everyWork = "";
    for (String key : store.list("runs/")) {
      String content = new String(store.get(key).orElseThrow(), StandardCharsets.UTF_8);
      if (key.contains("/work/")) everyWork += content;
      else everyInput += content;
    }
    assertTrue(everyInput.contains("Oliver Hartley") && everyInput.contains("07700 900123"));
    assertTrue(
        !everyWork.contains("Oliver Hartley") && !everyWork.contains("07700 900123"),
        "a shard's work holds answers only as redacted for publication");

    Map<String, Object> reduced =
        new ReduceHandler(services, store, engine, settings).handleRequest(reduceEvent, null);
    assertEquals("done", reduced.get("status"));
    assertEquals(31, reduced.get("answers"));
    assertEquals(List.of(), store.list("runs/"), "the run's shards are deleted");

    QuestionAnalysis done = services.analyses().find(COUNCIL, CONSULTATION, question).orElseThrow();
    assertEquals(AnalysisStatus.DONE, done.status());
    assertEquals("run-sharded-1", done.runId());
    assertEquals(31, done.answers());
    assertNull(done.problem(), "every shard was analysed");
    assertEquals(aloneThemes, themes(services, question), "the same themes as the worker alone");
    assertEquals(aloneAnswers, answers(services, question), "the same per-answer results");

    // A replaced run's reduce (e.g. a late retry) writes nothing.
    Map<String, Object> late =
        new ReduceHandler(services, store, engine, settings).handleRequest(reduceEvent, null);
    assertEquals("skipped", late.get("status"));

    // A shard that failed for good (within the map's tolerated share): its answers are left out,
    // and the analysis says so on the officer's page.
    analyse(services, worker, question, "run-sharded-2");
    Map<String, Object> second = Json.mapper().convertValue(started.get(1), Map.class);
    List<String> secondShards = store.list((String) second.get("inputPrefix"));
    for (String key : secondShards.subList(0, 3)) {
      Map<String, Object> item = event("analysis-shard.json");
      item.put("key", key);
      shardHandler.handleRequest(item, null);
    }
    Map<String, Object> partial =
        new ReduceHandler(services, store, engine, settings).handleRequest(second, null);
    assertEquals(7, partial.get("unanalysed"), "the last shard held 7 of the 31");
    QuestionAnalysis withGap =
        services.analyses().find(COUNCIL, CONSULTATION, question).orElseThrow();
    assertEquals(AnalysisStatus.DONE, withGap.status());
    assertEquals(31, withGap.answers());
    assertEquals(
        "7 answers could not be analysed (part of the run failed). Please find themes again to"
            + " include them.",
        withGap.problem());
    assertEquals(24, services.analyses().answers(COUNCIL, CONSULTATION, question).size());
  }

  private static QuestionAnalysis analyse(
      Services services, AnalysisWorkerHandler handler, String question, String runId) {
    QuestionAnalysis previous =
        services.analyses().find(COUNCIL, CONSULTATION, question).orElse(null);
    services
        .analyses()
        .saveStatus(
            new QuestionAnalysis(
                COUNCIL,
                CONSULTATION,
                question,
                runId,
                AnalysisStatus.QUEUED,
                "officer",
                Instant.now(),
                null,
                0,
                previous == null ? List.of() : previous.themes(),
                null));
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("council", COUNCIL);
    job.put("consultationId", CONSULTATION);
    job.put("questionId", question);
    job.put("runId", runId);
    assertTrue(
        handler
            .handleRequest(PrimingData.sqs(Json.write(job)), null)
            .getBatchItemFailures()
            .isEmpty());
    return services.analyses().find(COUNCIL, CONSULTATION, question).orElseThrow();
  }

  /**
   * Each theme's label, count and key terms, and that its exemplar is one of its answers. Which
   * answer is the exemplar may differ: answers nearly as typical as each other swap places with the
   * embedder's batches (the int8 model's vectors move slightly with the other answers in a batch,
   * and shards batch answers differently; see ShardReducer and docs/benchmarks.md).
   */
  private static String themes(Services services, String question) {
    QuestionAnalysis a = services.analyses().find(COUNCIL, CONSULTATION, question).orElseThrow();
    Map<String, List<String>> themesOf = new TreeMap<>();
    services
        .analyses()
        .answers(COUNCIL, CONSULTATION, question)
        .forEach(x -> themesOf.put(x.responseId(), x.themeIds()));
    return a.themes().stream()
        .map(
            t ->
                t.label()
                    + " "
                    + t.count()
                    + " "
                    + t.keyTerms()
                    + " exemplar in theme: "
                    + themesOf.getOrDefault(t.exemplarId(), List.of()).contains(t.id()))
        .sorted()
        .collect(Collectors.joining("\n"));
  }

  /** Each answer's redacted text, sentiment and theme labels (ids differ between runs). */
  private static Map<String, String> answers(Services services, String question) {
    QuestionAnalysis a = services.analyses().find(COUNCIL, CONSULTATION, question).orElseThrow();
    Map<String, String> labels = new TreeMap<>();
    a.themes().forEach(t -> labels.put(t.id(), t.label()));
    Map<String, String> out = new TreeMap<>();
    for (AnswerAnalysis x : services.analyses().answers(COUNCIL, CONSULTATION, question))
      out.put(
          x.responseId(),
          x.redactedText()
              + " | "
              + x.sentiment()
              + " | "
              + x.themeIds().stream().map(labels::get).toList());
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> event(String name) throws Exception {
    Path root = Path.of(System.getProperty("yousaid.repo.root", "../.."));
    return Json.mapper()
        .readValue(Files.readString(root.resolve("events").resolve(name)), LinkedHashMap.class);
  }
}
