package org.yousaid.functions.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.priming.PrimingData;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.QuestionType;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.shared.themes.AnalysisStatus;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.AnswerWorkRepository;
import org.yousaid.shared.themes.QuestionAnalysis;
import org.yousaid.shared.validation.RawSubmission;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The worker keeps the engine's per-answer work in the table (one {@code AW#} item per answer, with
 * the response's TTL and no text) and a re-run reuses it; erasing a response by its receipt deletes
 * that respondent's items, also when someone else wrote the same words.
 */
class IncrementalRerunTest {
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

  private static final String SHARED_WORDS =
      "Please keep the short breaks, Oliver Hartley needs them and so do we.";

  private Services services;
  private PrimingData sample;
  private String question;

  private String submit(String text) {
    Map<String, List<String>> answers = new LinkedHashMap<>(sample.answers(0));
    answers.put(question, List.of(text));
    return services
        .submissions()
        .submit(
            COUNCIL,
            CONSULTATION,
            new RawSubmission(answers, Map.of("role", List.of("parent-carer")), "yes", List.of()),
            UUID.randomUUID().toString(),
            Channel.WEB)
        .receipt();
  }

  private QuestionAnalysis analyse(AnalysisWorkerHandler handler, String runId) {
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

  private Map<String, AnswerWorkRepository.Entry> stored() {
    return services.answerWork().list(COUNCIL, CONSULTATION, question);
  }

  @Test
  void aReRunReusesTheStoredWorkAndErasureDeletesOnlyTheErasedRespondentsEntry() {
    services = new Services(table.client(), table.name(), Clock.systemUTC());
    services
        .consultations()
        .create(
            ConsultationTemplates.localOffer(
                COUNCIL, "Priming Council", CONSULTATION, List.of("North", "South"), null, null));
    sample = PrimingData.create();
    question =
        sample.consultation().questions().stream()
            .filter(q -> q.type() == QuestionType.FREE_TEXT)
            .map(Question::id)
            .findFirst()
            .orElseThrow();
    List<String> receipts = new ArrayList<>();
    for (int i = 0; i < 24; i++) receipts.add(submit(TEXTS.get(i % TEXTS.size()) + " (" + i + ")"));
    String firstTwin = submit(SHARED_WORDS), secondTwin = submit(SHARED_WORDS);
    AnalysisWorkerHandler handler = new AnalysisWorkerHandler(services);

    QuestionAnalysis first = analyse(handler, "run-1");
    assertEquals(26, first.answers());
    Map<String, AnswerWorkRepository.Entry> afterFirst = stored();
    assertEquals(26, afterFirst.size(), "an entry per answer");
    Response twin1 = services.responses().findByReceipt(firstTwin).orElseThrow();
    Response twin2 = services.responses().findByReceipt(secondTwin).orElseThrow();
    assertEquals(afterFirst.get(twin1.id()).key(), afterFirst.get(twin2.id()).key());
    Map<String, AttributeValue> item =
        table
            .client()
            .getItem(
                b ->
                    b.tableName(table.name())
                        .key(
                            TableLayout.key(
                                TableLayout.consultationPk(COUNCIL, CONSULTATION),
                                TableLayout.answerWorkSk(question, twin1.id()))))
            .item();
    assertEquals(Long.toString(twin1.expiresAt()), item.get(TableLayout.TTL).n());
    for (AttributeValue v : item.values()) {
      String content =
          v.b() != null ? v.b().asString(StandardCharsets.ISO_8859_1) : String.valueOf(v.s());
      for (String word : List.of("Oliver", "Hartley", "short breaks", "[name]"))
        assertFalse(content.contains(word), "the item holds " + word);
    }

    // one new answer: one new entry; the others stay as they were, but for the few that shared the
    // new answer's embedding batch, whose vector is made again (same text, same key)
    submit("Holiday playschemes are full within a day of opening.");
    QuestionAnalysis second = analyse(handler, "run-2");
    assertEquals(27, second.answers());
    Map<String, AnswerWorkRepository.Entry> afterSecond = stored();
    assertEquals(27, afterSecond.size());
    long redone =
        afterFirst.keySet().stream()
            .filter(id -> !afterFirst.get(id).equals(afterSecond.get(id)))
            .count();
    afterFirst.forEach(
        (id, e) -> assertEquals(e.key(), afterSecond.get(id).key(), "same text: " + id));
    assertTrue(redone <= 5, redone + " entries made again");

    // erasure by receipt removes that respondent's entry at once, and only theirs
    assertTrue(services.responses().eraseByReceipt(firstTwin));
    assertFalse(stored().containsKey(twin1.id()));
    assertTrue(stored().containsKey(twin2.id()));
    QuestionAnalysis third = analyse(handler, "run-3");
    assertEquals(26, third.answers());
    assertEquals(26, stored().size());
    assertEquals(afterFirst.get(twin2.id()), stored().get(twin2.id()));
    List<String> analysed =
        services.analyses().answers(COUNCIL, CONSULTATION, question).stream()
            .map(AnswerAnalysis::responseId)
            .toList();
    assertFalse(analysed.contains(twin1.id()));
    assertTrue(analysed.contains(twin2.id()));
    assertNotEquals(
        SHARED_WORDS,
        services.analyses().answers(COUNCIL, CONSULTATION, question).stream()
            .filter(a -> a.responseId().equals(twin2.id()))
            .findFirst()
            .orElseThrow()
            .redactedText(),
        "the name is redacted from what analysis shows");
  }
}
