package org.yousaid.functions.officer.imports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yousaid.shared.audit.AuditLog;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.QuestionType;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.storage.Storage;
import org.yousaid.shared.storage.Table;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.storage.TableQuery;
import org.yousaid.shared.themes.AnalysisRepository;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Takes an import back: removes exactly the answers its rows stored (found by their idempotency
 * keys, written in the same transaction as each answer), with their receipt pointers, what analysis
 * kept of them (their records, and their place as exemplar or in key terms of the question's
 * analysis and its kept versions) and their comments in the reg. 56 register, and nothing else;
 * then, as an erasure does, has every published version that may hold them withdrawn and the
 * consultation and register report published again. Safe to run again after a failure: each round
 * deletes an answer's idempotency record last, so an answer half-removed is found again, and the
 * removal is recorded for the published site only once everything else is gone.
 */
public final class BatchUndo {

  private static final int ROUND = 1000;

  private final Table table;
  private final ResponseRepository responses;
  private final AnalysisRepository analyses;
  private final ImportStore store;
  private final AuditLog audit;
  private final Clock clock;

  public BatchUndo(Storage storage, AuditLog audit) {
    this.table = storage.table();
    this.responses = storage.responses();
    this.analyses = storage.analyses();
    this.store = new ImportStore(storage);
    this.audit = audit;
    this.clock = storage.clock();
  }

  /** Marks the batch as being undone; refuses one still running. */
  public ImportBatch begin(ImportBatch batch, String officer) {
    if (batch.status() == ImportBatch.Status.RUNNING) {
      throw org.yousaid.shared.submission.ProblemException.conflict(
          "This import is still running",
          "This import is still running. Wait for it to finish, then undo it.");
    }
    ImportBatch undoing = batch.undoing(officer);
    store.save(undoing);
    return undoing;
  }

  /** Removes the batch's answers; returns how many. */
  public int run(Consultation c, ImportBatch batch, String officer) {
    String pk = TableLayout.consultationPk(c.council(), c.id());
    List<Map<String, AttributeValue>> keys =
        table.query(
            TableQuery.partition(pk)
                .startingWith(TableLayout.idempotencySk(BatchImporter.keyPrefix(batch.id()))));
    Set<String> ids = new HashSet<>();
    keys.forEach(k -> ids.add(k.get("responseId").s()));
    // Their texts, by question: the question's analysis forgets them as it does an erased answer.
    Map<String, Map<String, String>> textsByQuestion = new HashMap<>();
    if (!ids.isEmpty()) {
      for (Response r : responses.listForConsultation(c.council(), c.id())) {
        if (!ids.contains(r.id())) continue;
        for (Answer a : r.answers())
          if (a.text() != null)
            textsByQuestion
                .computeIfAbsent(a.questionId(), q -> new HashMap<>())
                .put(r.id(), a.text());
      }
    }
    // Before the answers go: a retry after a failure still finds the texts of those left.
    textsByQuestion.forEach((q, texts) -> analyses.forget(c.council(), c.id(), q, texts));
    // What analysis kept of each answer, and the engine's stored work on it (tokens, vector),
    // sit beside it under the question's prefixes.
    List<WriteRequest> analysisItems = new ArrayList<>();
    for (Question q : c.questions()) {
      for (String prefix :
          List.of(TableLayout.answerAnalysisPrefix(q.id()), TableLayout.answerWorkPrefix(q.id()))) {
        for (Map<String, AttributeValue> item :
            table.query(
                TableQuery.partition(pk)
                    .startingWith(prefix)
                    .reading(TableLayout.PK, TableLayout.SK))) {
          String sk = item.get(TableLayout.SK).s();
          if (ids.contains(sk.substring(sk.lastIndexOf('#') + 1))) {
            analysisItems.add(delete(pk, sk));
          }
        }
      }
    }
    table.batchWrite(analysisItems);
    for (int from = 0; from < keys.size(); from += ROUND) {
      List<Map<String, AttributeValue>> round =
          keys.subList(from, Math.min(keys.size(), from + ROUND));
      List<WriteRequest> answers = new ArrayList<>();
      List<WriteRequest> pointers = new ArrayList<>();
      for (Map<String, AttributeValue> k : round) {
        String responseId = k.get("responseId").s();
        answers.add(delete(TableLayout.receiptPk(k.get("receipt").s()), TableLayout.RECEIPT));
        answers.add(delete(pk, TableLayout.responseSk(responseId)));
        // Its comments in the register go once it is gone, so no look at the register (which adds
        // only comments whose response exists) can bring them back.
        for (Question q : c.questions()) {
          if (q.type() == QuestionType.FREE_TEXT) {
            pointers.add(
                delete(
                    TableLayout.registerPk(c.council()),
                    TableLayout.registerEntrySk(c.id(), q.id(), responseId)));
          }
        }
        pointers.add(delete(pk, k.get(TableLayout.SK).s()));
      }
      table.batchWrite(answers);
      table.batchWrite(pointers);
    }
    if (!keys.isEmpty()) {
      // Imported answers were stored from the moment the import began.
      responses.recordRemoval(c.council(), c.id(), "import-" + batch.id(), batch.createdAt());
    }
    ImportBatch undone = batch.undone(clock.instant(), officer);
    store.save(undone);
    store.unstage(c.council(), c.id(), batch.id());
    audit.record(
        c.council(),
        c.id(),
        officer,
        "import undone",
        "undid an import: " + keys.size() + " answers removed");
    return keys.size();
  }

  private static WriteRequest delete(String pk, String sk) {
    return WriteRequest.builder().deleteRequest(d -> d.key(TableLayout.key(pk, sk))).build();
  }
}
