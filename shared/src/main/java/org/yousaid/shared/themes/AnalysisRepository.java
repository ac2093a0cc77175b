package org.yousaid.shared.themes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yousaid.shared.storage.Table;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.storage.TableQuery;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Analysis results in the consultation's partition: one {@code AQ#<question>} item with the status
 * and themes, one {@code AA#<question>#<response>} item per analysed answer. Keys are
 * deterministic, so re-running a question (or re-driving its message) overwrites rather than
 * duplicates. Each completed run is also kept as a version ({@code AV#}, {@code AVM#}).
 */
public final class AnalysisRepository {

  /** Answers per version chunk: about 45 bytes each, so a chunk stays near 100 KB. */
  static final int VERSION_CHUNK = 2000;

  private final Table table;

  public AnalysisRepository(Table table) {
    this.table = table;
  }

  public void saveStatus(QuestionAnalysis analysis) {
    Map<String, AttributeValue> item =
        Table.documentItem(
            TableLayout.consultationPk(analysis.council(), analysis.consultationId()),
            TableLayout.analysisSk(analysis.questionId()),
            "ANALYSIS",
            analysis);
    item.put("status", AttributeValue.fromS(analysis.status().name()));
    table.put(item);
  }

  public Optional<QuestionAnalysis> find(String council, String consultationId, String questionId) {
    return table.document(
        TableLayout.consultationPk(council, consultationId),
        TableLayout.analysisSk(questionId),
        QuestionAnalysis.class);
  }

  /**
   * Replaces every answer analysis of the question with these (answers no longer present are
   * removed).
   */
  public void replaceAnswers(
      String council, String consultationId, String questionId, List<AnswerAnalysis> answers) {
    replaceAnswers(council, consultationId, questionId, answers, Map.of());
  }

  /**
   * As above; {@code expiresAt} (response id to epoch seconds) gives each analysis the TTL of its
   * response, so the redacted text does not outlive the answer it came from.
   */
  public void replaceAnswers(
      String council,
      String consultationId,
      String questionId,
      List<AnswerAnalysis> answers,
      Map<String, Long> expiresAt) {
    String pk = TableLayout.consultationPk(council, consultationId);
    Set<String> keep = new HashSet<>();
    List<WriteRequest> writes = new ArrayList<>();
    for (AnswerAnalysis a : answers) {
      String sk = TableLayout.answerAnalysisSk(questionId, a.responseId());
      keep.add(sk);
      Map<String, AttributeValue> item = Table.documentItem(pk, sk, "ANSWER_ANALYSIS", a);
      Long ttl = expiresAt.get(a.responseId());
      if (ttl != null && ttl > 0) {
        item.put(TableLayout.TTL, AttributeValue.fromN(Long.toString(ttl)));
      }
      writes.add(
          WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
    }
    for (Map<String, AttributeValue> stored :
        table.query(answersQuery(pk, questionId).reading(TableLayout.SK))) {
      String sk = stored.get(TableLayout.SK).s();
      if (!keep.contains(sk)) {
        writes.add(
            WriteRequest.builder()
                .deleteRequest(DeleteRequest.builder().key(TableLayout.key(pk, sk)).build())
                .build());
      }
    }
    table.batchWrite(writes);
  }

  /**
   * Keeps a completed run as a version: its status and themes, and each answer's theme ids (in
   * chunks, so a question with tens of thousands of answers stays under DynamoDB's item size).
   * Writing the same run again overwrites it.
   */
  public void saveVersion(QuestionAnalysis done, List<AnswerAnalysis> answers) {
    String pk = TableLayout.consultationPk(done.council(), done.consultationId());
    List<WriteRequest> writes = new ArrayList<>();
    for (int from = 0, chunk = 0; from < answers.size(); from += VERSION_CHUNK, chunk++) {
      Map<String, List<String>> memberships = new LinkedHashMap<>();
      answers
          .subList(from, Math.min(answers.size(), from + VERSION_CHUNK))
          .forEach(a -> memberships.put(a.responseId(), a.themeIds()));
      writes.add(
          WriteRequest.builder()
              .putRequest(
                  PutRequest.builder()
                      .item(
                          Table.documentItem(
                              pk,
                              TableLayout.analysisVersionAnswersSk(
                                  done.questionId(), done.runId(), chunk),
                              "ANALYSIS_VERSION_ANSWERS",
                              new VersionChunk(memberships)))
                      .build())
              .build());
    }
    table.batchWrite(writes);
    table.put(
        Table.documentItem(
            pk,
            TableLayout.analysisVersionSk(done.questionId(), done.runId()),
            "ANALYSIS_VERSION",
            done));
  }

  /** Every kept version of the question, oldest first (run ids are ULIDs). */
  public List<QuestionAnalysis> versions(String council, String consultationId, String questionId) {
    return table.documents(
        TableQuery.partition(TableLayout.consultationPk(council, consultationId))
            .startingWith(TableLayout.analysisVersionPrefix(questionId)),
        QuestionAnalysis.class);
  }

  public Optional<AnalysisVersion> version(
      String council, String consultationId, String questionId, String runId) {
    String pk = TableLayout.consultationPk(council, consultationId);
    Optional<QuestionAnalysis> header =
        table.document(
            pk, TableLayout.analysisVersionSk(questionId, runId), QuestionAnalysis.class);
    if (header.isEmpty()) {
      return Optional.empty();
    }
    Map<String, List<String>> memberships = new LinkedHashMap<>();
    table
        .documents(
            TableQuery.partition(pk)
                .startingWith(TableLayout.analysisVersionAnswersPrefix(questionId, runId)),
            VersionChunk.class)
        .forEach(c -> memberships.putAll(c.memberships()));
    return Optional.of(new AnalysisVersion(header.get(), memberships));
  }

  /** One stored chunk of a version's memberships. */
  record VersionChunk(Map<String, List<String>> memberships) {}

  public List<AnswerAnalysis> answers(String council, String consultationId, String questionId) {
    return table.documents(
        answersQuery(TableLayout.consultationPk(council, consultationId), questionId),
        AnswerAnalysis.class);
  }

  private static TableQuery answersQuery(String pk, String questionId) {
    return TableQuery.partition(pk).startingWith(TableLayout.answerAnalysisPrefix(questionId));
  }
}
