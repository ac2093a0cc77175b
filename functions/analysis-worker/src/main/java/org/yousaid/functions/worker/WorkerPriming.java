package org.yousaid.functions.worker;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.functions.common.priming.PrimingData;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.QuestionType;
import org.yousaid.shared.themes.AnalysisRepository;
import org.yousaid.shared.themes.AnalysisStatus;
import org.yousaid.shared.themes.QuestionAnalysis;

/**
 * SnapStart priming for AnalysisWorkerFunction: the engine's models (CoreNLP, the ONNX sentence
 * embedding, the tokenizer's native library) are loaded into the shared engine, and a few runs
 * theme made-up answers end to end through the real handler, on an in-memory table. No network, no
 * DynamoDB.
 */
public final class WorkerPriming {

  static final int ROUNDS = 3;
  static final int ANSWERS = 36;

  private WorkerPriming() {}

  /**
   * Themes the sample answers; returns what the last run stored, e.g. "DONE, 36 answers, 4 themes".
   */
  public static String prime() {
    PrimingData data = PrimingData.create();
    data.seedResponses(ANSWERS);
    AnalysisWorkerHandler handler = new AnalysisWorkerHandler(data.services());
    AnalysisRepository analyses = data.services().analyses();
    String question =
        data.consultation().questions().stream()
            .filter(q -> q.type() == QuestionType.FREE_TEXT)
            .map(Question::id)
            .findFirst()
            .orElseThrow();
    QuestionAnalysis last = null;
    for (int round = 0; round < ROUNDS; round++) {
      String runId = "priming-" + round;
      if (round == ROUNDS - 1) {
        // the first run analyses every answer, the second reuses that work: the last analyses
        // afresh again, so that both paths are compiled before the snapshot
        data.services()
            .answerWork()
            .delete(
                PrimingData.COUNCIL,
                PrimingData.CONSULTATION,
                question,
                data.services()
                    .answerWork()
                    .list(PrimingData.COUNCIL, PrimingData.CONSULTATION, question)
                    .keySet());
      }
      analyses.saveStatus(
          new QuestionAnalysis(
              PrimingData.COUNCIL,
              PrimingData.CONSULTATION,
              question,
              runId,
              AnalysisStatus.QUEUED,
              "priming",
              Instant.now(),
              null,
              0,
              last == null ? List.of() : last.themes(),
              null));
      Map<String, Object> job = new LinkedHashMap<>();
      job.put("council", PrimingData.COUNCIL);
      job.put("consultationId", PrimingData.CONSULTATION);
      job.put("questionId", question);
      job.put("runId", runId);
      var response = handler.handleRequest(PrimingData.sqs(Json.write(job)), null);
      if (!response.getBatchItemFailures().isEmpty()) {
        throw new IllegalStateException("the sample analysis failed");
      }
      last = analyses.find(PrimingData.COUNCIL, PrimingData.CONSULTATION, question).orElseThrow();
    }
    return last.status() + ", " + last.answers() + " answers, " + last.themes().size() + " themes";
  }
}
