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
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
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
   *
   * <p>Each analysis is written only if its response still exists, checked in the same transaction
   * as the write: an analysis run that finishes after a respondent erased their answers cannot
   * write the erased answer back (the erasure deletes the response and its analyses in one
   * transaction, so either the erasure comes later and deletes this write, or the check fails).
   *
   * @return the response ids whose analyses were written (the others were erased meanwhile)
   */
  public Set<String> replaceAnswers(
      String council,
      String consultationId,
      String questionId,
      List<AnswerAnalysis> answers,
      Map<String, Long> expiresAt) {
    String pk = TableLayout.consultationPk(council, consultationId);
    Set<String> keep = new HashSet<>();
    List<WriteRequest> writes = new ArrayList<>();
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (AnswerAnalysis a : answers) {
      String sk = TableLayout.answerAnalysisSk(questionId, a.responseId());
      keep.add(sk);
      Map<String, AttributeValue> item = Table.documentItem(pk, sk, "ANSWER_ANALYSIS", a);
      Long ttl = expiresAt.get(a.responseId());
      if (ttl != null && ttl > 0) {
        item.put(TableLayout.TTL, AttributeValue.fromN(Long.toString(ttl)));
      }
      items.add(item);
      ids.add(a.responseId());
    }
    Set<String> written = new HashSet<>();
    // A transaction holds 100 items: 50 answers, each a check of its response and its put.
    for (int from = 0; from < items.size(); from += 50) {
      written.addAll(
          putWhileResponsesExist(
              pk,
              items.subList(from, Math.min(items.size(), from + 50)),
              ids.subList(from, Math.min(ids.size(), from + 50))));
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
    return written;
  }

  private Set<String> putWhileResponsesExist(
      String pk, List<Map<String, AttributeValue>> items, List<String> ids) {
    List<Map<String, AttributeValue>> pending = new ArrayList<>(items);
    List<String> pendingIds = new ArrayList<>(ids);
    while (!pending.isEmpty()) {
      List<TransactWriteItem> tx = new ArrayList<>();
      for (int i = 0; i < pending.size(); i++) {
        String responseSk = TableLayout.responseSk(pendingIds.get(i));
        tx.add(
            TransactWriteItem.builder()
                .conditionCheck(
                    ConditionCheck.builder()
                        .tableName(table.name())
                        .key(TableLayout.key(pk, responseSk))
                        .conditionExpression("attribute_exists(" + TableLayout.PK + ")")
                        .build())
                .build());
        tx.add(
            TransactWriteItem.builder()
                .put(Put.builder().tableName(table.name()).item(pending.get(i)).build())
                .build());
      }
      try {
        table.transactWrite(tx);
        return new HashSet<>(pendingIds);
      } catch (TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        List<Map<String, AttributeValue>> still = new ArrayList<>();
        List<String> stillIds = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
          if (!"ConditionalCheckFailed".equals(reasons.get(2 * i).code())) {
            still.add(pending.get(i));
            stillIds.add(pendingIds.get(i));
          }
        }
        if (still.size() == pending.size()) {
          throw e;
        }
        pending = still;
        pendingIds = stillIds;
      }
    }
    return Set.of();
  }

  /**
   * What an erasure leaves of a question's analysis record: the erased answer is no longer the
   * exemplar of any theme, and no key term that occurs in its text stays (a re-run finds key terms
   * again from the answers that are left). Run after the response is deleted; an analysis run
   * finishing later checks its answers still exist and starts again without it.
   */
  public void forget(
      String council, String consultationId, String questionId, String responseId, String text) {
    forget(council, consultationId, questionId, Map.of(responseId, text == null ? "" : text));
  }

  /**
   * {@link #forget(String, String, String, String, String)} for many answers at once (an import
   * taken back): one pass over the record and its kept versions.
   *
   * @param textById each removed answer's text to this question, by response id
   */
  public void forget(
      String council, String consultationId, String questionId, Map<String, String> textById) {
    if (textById.isEmpty()) return;
    find(council, consultationId, questionId)
        .ifPresent(
            a -> {
              List<StoredTheme> themes = withoutAnswers(a.themes(), textById);
              if (!themes.equals(a.themes())) {
                saveStatus(a.with(a.status(), a.finishedAt(), a.answers(), themes, a.problem()));
              }
            });
    // Kept versions too: an officer going back to one must not bring the answer back.
    String pk = TableLayout.consultationPk(council, consultationId);
    for (Map<String, AttributeValue> item :
        table.query(
            TableQuery.partition(pk).startingWith(TableLayout.analysisVersionPrefix(questionId)))) {
      QuestionAnalysis v = Table.document(item, QuestionAnalysis.class);
      List<StoredTheme> themes = withoutAnswers(v.themes(), textById);
      if (!themes.equals(v.themes())) {
        Map<String, AttributeValue> scrubbed =
            Table.documentItem(
                pk,
                item.get(TableLayout.SK).s(),
                "ANALYSIS_VERSION",
                v.with(v.status(), v.finishedAt(), v.answers(), themes, v.problem()));
        copyTtl(item, scrubbed);
        table.put(scrubbed);
      }
      for (Map<String, AttributeValue> chunk :
          table.query(
              TableQuery.partition(pk)
                  .startingWith(TableLayout.analysisVersionAnswersPrefix(questionId, v.runId())))) {
        VersionChunk c = Table.document(chunk, VersionChunk.class);
        if (textById.keySet().stream().anyMatch(c.memberships()::containsKey)) {
          Map<String, List<String>> left = new LinkedHashMap<>(c.memberships());
          for (String responseId : textById.keySet()) {
            if (left.remove(responseId) != null) {
              // A stand-in that links to nobody, so "what changed" still counts an answer removed.
              left.put(ERASED_PREFIX + java.util.UUID.randomUUID(), List.of());
            }
          }
          Map<String, AttributeValue> rewritten =
              Table.documentItem(
                  pk,
                  chunk.get(TableLayout.SK).s(),
                  "ANALYSIS_VERSION_ANSWERS",
                  new VersionChunk(left));
          copyTtl(chunk, rewritten);
          table.put(rewritten);
        }
      }
    }
  }

  private static void copyTtl(Map<String, AttributeValue> from, Map<String, AttributeValue> to) {
    if (from.containsKey(TableLayout.TTL)) {
      to.put(TableLayout.TTL, from.get(TableLayout.TTL));
    }
  }

  /** The themes without these answers as exemplar and without key terms in any of their texts. */
  private static List<StoredTheme> withoutAnswers(
      List<StoredTheme> themes, Map<String, String> textById) {
    List<String> lowerTexts =
        textById.values().stream()
            .map(t -> t == null ? "" : t.toLowerCase(java.util.Locale.ROOT))
            .toList();
    List<StoredTheme> out = new ArrayList<>();
    for (StoredTheme t : themes) {
      List<String> terms =
          t.keyTerms().stream()
              .filter(
                  k -> {
                    String term = k.toLowerCase(java.util.Locale.ROOT);
                    return lowerTexts.stream().noneMatch(x -> x.contains(term));
                  })
              .toList();
      boolean exemplar = t.exemplarId() != null && textById.containsKey(t.exemplarId());
      if (!exemplar && terms.size() == t.keyTerms().size()) {
        out.add(t);
        continue;
      }
      out.add(
          new StoredTheme(
              t.id(),
              t.label(),
              t.description(),
              terms,
              t.count(),
              t.share(),
              t.positive(),
              t.neutral(),
              t.negative(),
              exemplar ? null : t.exemplarId(),
              t.othersSupport(),
              t.nearDuplicates(),
              t.other(),
              t.proposed(),
              t.parentId()));
    }
    return out;
  }

  /**
   * Keeps a completed run as a version: its status and themes, and each answer's theme ids (in
   * chunks, so a question with tens of thousands of answers stays under DynamoDB's item size).
   * Writing the same run again overwrites it. {@code expiresAt} (response id to epoch seconds)
   * gives the version the TTL of its latest answer, so no version outlives the answers it records.
   */
  public void saveVersion(
      QuestionAnalysis done, List<AnswerAnalysis> answers, Map<String, Long> expiresAt) {
    String pk = TableLayout.consultationPk(done.council(), done.consultationId());
    List<WriteRequest> writes = new ArrayList<>();
    Long latest = null;
    for (int from = 0, chunk = 0; from < answers.size(); from += VERSION_CHUNK, chunk++) {
      Map<String, List<String>> memberships = new LinkedHashMap<>();
      Long chunkLatest = null;
      for (AnswerAnalysis a :
          answers.subList(from, Math.min(answers.size(), from + VERSION_CHUNK))) {
        memberships.put(a.responseId(), a.themeIds());
        chunkLatest = later(chunkLatest, expiresAt.get(a.responseId()));
      }
      latest = later(latest, chunkLatest);
      Map<String, AttributeValue> item =
          Table.documentItem(
              pk,
              TableLayout.analysisVersionAnswersSk(done.questionId(), done.runId(), chunk),
              "ANALYSIS_VERSION_ANSWERS",
              new VersionChunk(memberships));
      withTtl(item, chunkLatest);
      writes.add(
          WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
    }
    table.batchWrite(writes);
    Map<String, AttributeValue> header =
        Table.documentItem(
            pk,
            TableLayout.analysisVersionSk(done.questionId(), done.runId()),
            "ANALYSIS_VERSION",
            done);
    withTtl(header, latest);
    table.put(header);
  }

  private static Long later(Long a, Long b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return Long.valueOf(Math.max(a, b));
  }

  private static void withTtl(Map<String, AttributeValue> item, Long ttl) {
    if (ttl != null) {
      item.put(TableLayout.TTL, AttributeValue.fromN(Long.toString(ttl)));
    }
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

  /** Member ids of kept versions that stand in for an erased answer. */
  public static final String ERASED_PREFIX = "erased-";

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
