package org.yousaid.shared.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yousaid.dynamodblocal.EmbeddedDynamoDb;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb.Call;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb.Fault;
import org.yousaid.shared.audit.AuditEntry;
import org.yousaid.shared.audit.AuditLog;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.publishing.Publication;
import org.yousaid.shared.publishing.PublicationRepository;
import org.yousaid.shared.publishing.Review;
import org.yousaid.shared.publishing.ReviewRepository;
import org.yousaid.shared.storage.ResponseRepository.IdempotencyRecord;
import org.yousaid.shared.storage.StorageRetry.StorageUnavailable;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.shared.themes.AnalysisRepository;
import org.yousaid.shared.themes.AnalysisStatus;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.AnswerWorkRepository;
import org.yousaid.shared.themes.CorrectionRepository;
import org.yousaid.shared.themes.QuestionAnalysis;
import org.yousaid.shared.themes.ThemeCorrection;

/**
 * Every public method of every repository that {@link Storage} makes, against DynamoDB Local with
 * faults injected into each DynamoDB call it makes in turn: throttled twice, timed out twice
 * (before the call, or after it landed), or answered twice with a 500. Each must end exactly as it
 * does without faults: nothing lost, nothing stored twice, a create that found its own write still
 * "created", a create refused by someone else's item still refused. An outage ends in {@link
 * StorageUnavailable}, which the functions turn into "nothing was saved, try again".
 */
class StorageRetriesTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String TABLE = "retries";
  private static final String QUESTION = "find-information";
  private static final List<Fault> FAULTS =
      List.of(
          Fault.THROTTLE,
          Fault.TIMEOUT_BEFORE,
          Fault.TIMEOUT_AFTER,
          Fault.INTERNAL_ERROR_QUOTING_REQUEST);
  private static final List<Call> CALLS =
      List.of(
          Call.GET_ITEM,
          Call.PUT_ITEM,
          Call.DELETE_ITEM,
          Call.QUERY,
          Call.BATCH_WRITE,
          Call.TRANSACT_WRITE);

  private static EmbeddedDynamoDb dynamo;
  private static Storage plain;
  private static int cases;

  @BeforeAll
  static void startDynamo() {
    dynamo = EmbeddedDynamoDb.inMemory();
    TableSetup.createIfMissing(dynamo.client(), TABLE);
    plain = Storage.of(dynamo.client(), TABLE, CLOCK, StorageRetry.immediate(1));
  }

  @AfterAll
  static void stopDynamo() {
    dynamo.close();
  }

  /** Each run gets its own council and consultation, so runs share the table but no item. */
  record Case(String council, String consultation) {

    static synchronized Case next() {
      cases++;
      return new Case("council-" + cases, "consultation-" + cases);
    }

    Consultation consultation(String title) {
      Consultation c =
          ConsultationTemplates.localOffer(
              council, title, consultation, List.of("North"), null, null);
      return c;
    }

    Response response(int i) {
      return new Response(
          String.format(Locale.ROOT, "01RESPONSE%06d", i),
          council,
          consultation,
          NOW.plusSeconds(i),
          Channel.WEB,
          List.of(Answer.text(QUESTION, "Answer " + i)),
          RespondentProfile.EMPTY,
          true,
          receipt(i),
          NOW.plusSeconds(86_400).getEpochSecond(),
          null);
    }

    String receipt(int i) {
      return (council + "R" + i).toUpperCase(Locale.ROOT);
    }

    Optional<IdempotencyRecord> key(int i) {
      return Optional.of(
          new IdempotencyRecord(council + "-key-" + i, "hash-" + i, response(i).id(), receipt(i)));
    }

    OfficerSessionRepository.OfficerSession session(String refreshToken) {
      return new OfficerSessionRepository.OfficerSession(
          "officer-of-" + council, NOW.plusSeconds(3600), refreshToken);
    }

    AnswerWorkRepository.Entry work(int i) {
      return new AnswerWorkRepository.Entry(
          response(i).id(), "key-" + i, new byte[] {(byte) i, 7, (byte) (i * 3)});
    }

    AnswerAnalysis analysis(int i) {
      return new AnswerAnalysis(response(i).id(), "Answer " + i, "neutral", List.of("t1"), null);
    }

    QuestionAnalysis run(AnalysisStatus status) {
      return new QuestionAnalysis(
          council,
          consultation,
          QUESTION,
          "run-1",
          status,
          "officer",
          NOW,
          null,
          2,
          List.of(),
          null);
    }

    ThemeCorrection correction(int i) {
      return new ThemeCorrection(
          String.format(Locale.ROOT, "01CORRECTION%06d", i),
          QUESTION,
          "officer",
          NOW,
          ThemeCorrection.Kind.RENAME,
          "t1",
          null,
          List.of(),
          "Label " + i,
          null,
          null);
    }

    Review review(int i) {
      return new Review(
          String.format(Locale.ROOT, "01REVIEW%06d", i),
          council,
          consultation,
          "chair@forum.example",
          Publication.SignOff.REVIEWER,
          NOW,
          "Comment " + i,
          i % 2 == 0,
          "fingerprint");
    }

    Publication publication(int version, String requestId) {
      return new Publication(
          council,
          consultation,
          version,
          NOW,
          "officer",
          requestId,
          "Title",
          "hash-" + version,
          Map.of(),
          List.of());
    }
  }

  /** What is stored before the call; never faulted. */
  @FunctionalInterface
  interface Setup {
    void on(Storage storage, Case c);
  }

  /** The call under test on {@code storage}; returns what it returned and what is then stored. */
  @FunctionalInterface
  interface Act {
    Object run(Storage storage, Case c);
  }

  /** One public method of a repository ({@code Class.method/arity}), in one situation. */
  record Operation(String method, String situation, Setup setup, Act act) {
    @Override
    public String toString() {
      return method + (situation.isEmpty() ? "" : " (" + situation + ")");
    }
  }

  private static Operation op(String method, Setup setup, Act act) {
    return new Operation(method, "", setup, act);
  }

  private static Operation op(String method, String situation, Setup setup, Act act) {
    return new Operation(method, situation, setup, act);
  }

  private static final Setup NOTHING = (s, c) -> {};

  private static List<String> ids(List<Response> responses) {
    return responses.stream().map(Response::id).toList();
  }

  private static List<String> answerIds(Storage s, Case c) {
    return s.analyses().answers(c.council(), c.consultation(), QUESTION).stream()
        .map(AnswerAnalysis::responseId)
        .toList();
  }

  private static List<String> stored(Case c) {
    ResponseRepository r = plain.responses();
    return List.of(
        "responses=" + ids(r.listForConsultation(c.council(), c.consultation())),
        "count=" + r.countForConsultation(c.council(), c.consultation()));
  }

  private static List<String> audit(AuditLog log, Case c) {
    return log.entries(c.council(), c.consultation()).stream()
        .map(e -> e.officer() + ":" + e.action() + ":" + e.summary() + ":" + e.at())
        .toList();
  }

  private static DatasetImport datasetImport(String id, DatasetImport.Replaced replaced) {
    return new DatasetImport(
        id, "KIND", NOW, "officer@council.example", "figures.csv", false, true, 3, 0, 1, replaced);
  }

  private static void insert(Storage s, Case c, int... which) {
    for (int i : which) {
      s.responses().insert(c.response(i), c.key(i));
    }
  }

  static List<Operation> operations() {
    List<Operation> ops = new ArrayList<>();
    // ConsultationRepository
    ops.add(
        op(
            "ConsultationRepository.find/2",
            (s, c) -> s.consultations().save(c.consultation("Council")),
            (s, c) -> s.consultations().find(c.council(), c.consultation())));
    ops.add(
        op(
            "ConsultationRepository.save/1",
            (s, c) -> s.consultations().save(c.consultation("Before")),
            (s, c) -> {
              s.consultations().save(c.consultation("After"));
              return plain.consultations().find(c.council(), c.consultation());
            }));
    ops.add(
        op(
            "ConsultationRepository.create/1",
            NOTHING,
            (s, c) ->
                List.of(
                    s.consultations().create(c.consultation("Council")),
                    plain.consultations().find(c.council(), c.consultation()))));
    ops.add(
        op(
            "ConsultationRepository.create/1",
            "another one is there",
            (s, c) -> s.consultations().save(c.consultation("Theirs")),
            (s, c) ->
                List.of(
                    s.consultations().create(c.consultation("Ours")),
                    plain.consultations().find(c.council(), c.consultation()))));
    ops.add(
        op(
            "ConsultationRepository.listForCouncil/1",
            (s, c) -> {
              s.consultations().save(c.consultation("One"));
              s.consultations()
                  .save(new Case(c.council(), c.consultation() + "-b").consultation("Two"));
            },
            (s, c) ->
                s.consultations().listForCouncil(c.council()).stream()
                    .map(Consultation::id)
                    .sorted()
                    .toList()));
    // ResponseRepository
    ops.add(
        op(
            "ResponseRepository.insert/2",
            NOTHING,
            (s, c) -> {
              s.responses().insert(c.response(1), c.key(1));
              return List.of(
                  stored(c),
                  plain.responses().findByReceipt(c.receipt(1)),
                  plain
                      .responses()
                      .findIdempotency(c.council(), c.consultation(), c.key(1).get().key()));
            }));
    ops.add(
        op(
            "ResponseRepository.findIdempotency/3",
            (s, c) -> insert(s, c, 1),
            (s, c) ->
                s.responses()
                    .findIdempotency(c.council(), c.consultation(), c.key(1).get().key())));
    ops.add(
        op(
            "ResponseRepository.find/3",
            (s, c) -> insert(s, c, 1),
            (s, c) -> s.responses().find(c.council(), c.consultation(), c.response(1).id())));
    ops.add(
        op(
            "ResponseRepository.findByReceipt/1",
            (s, c) -> insert(s, c, 1),
            (s, c) -> s.responses().findByReceipt(c.receipt(1))));
    ops.add(
        op(
            "ResponseRepository.eraseByReceipt/1",
            (s, c) -> {
              insert(s, c, 1, 2);
              s.analyses()
                  .replaceAnswers(
                      c.council(),
                      c.consultation(),
                      QUESTION,
                      List.of(c.analysis(1), c.analysis(2)));
            },
            (s, c) ->
                List.of(
                    s.responses().eraseByReceipt(c.receipt(1)),
                    stored(c),
                    answerIds(plain, c),
                    plain.responses().findByReceipt(c.receipt(1)),
                    plain
                        .responses()
                        .findIdempotency(c.council(), c.consultation(), c.key(1).get().key()))));
    ops.add(
        op(
            "ResponseRepository.eraseByReceipt/1",
            "no such receipt",
            NOTHING,
            (s, c) -> s.responses().eraseByReceipt(c.receipt(9))));
    ops.add(
        op(
            "ResponseRepository.listForConsultation/2",
            (s, c) -> insert(s, c, 1, 2, 3),
            (s, c) -> ids(s.responses().listForConsultation(c.council(), c.consultation()))));
    ops.add(
        op(
            "ResponseRepository.listForConsultationFrom/3",
            (s, c) -> insert(s, c, 1, 2, 3),
            (s, c) ->
                ids(
                    s.responses()
                        .listForConsultationFrom(
                            c.council(), c.consultation(), c.response(2).id()))));
    ops.add(
        op(
            "ResponseRepository.countForConsultation/2",
            (s, c) -> insert(s, c, 1, 2, 3),
            (s, c) -> s.responses().countForConsultation(c.council(), c.consultation())));
    ops.add(
        op(
            "ResponseRepository.insertBulk/1",
            "two batches",
            NOTHING,
            (s, c) -> {
              List<Response> many = new ArrayList<>();
              for (int i = 0; i < Table.BATCH_SIZE + 5; i++) {
                many.add(c.response(i));
              }
              s.responses().insertBulk(many);
              return stored(c);
            }));
    // AnalysisRepository
    ops.add(
        op(
            "AnalysisRepository.saveStatus/1",
            (s, c) -> s.analyses().saveStatus(c.run(AnalysisStatus.QUEUED)),
            (s, c) -> {
              s.analyses().saveStatus(c.run(AnalysisStatus.DONE));
              return plain.analyses().find(c.council(), c.consultation(), QUESTION);
            }));
    ops.add(
        op(
            "AnalysisRepository.find/3",
            (s, c) -> s.analyses().saveStatus(c.run(AnalysisStatus.DONE)),
            (s, c) -> s.analyses().find(c.council(), c.consultation(), QUESTION)));
    ops.add(
        op(
            "AnalysisRepository.replaceAnswers/4",
            "answers gone since the last run are removed",
            (s, c) -> {
              insert(s, c, 1, 2, 3, 4);
              s.analyses()
                  .replaceAnswers(
                      c.council(),
                      c.consultation(),
                      QUESTION,
                      List.of(c.analysis(1), c.analysis(2), c.analysis(3)));
            },
            (s, c) -> {
              s.analyses()
                  .replaceAnswers(
                      c.council(),
                      c.consultation(),
                      QUESTION,
                      List.of(c.analysis(2), c.analysis(4)));
              return answerIds(plain, c);
            }));
    ops.add(
        op(
            "AnalysisRepository.replaceAnswers/5",
            "many answers, with their responses' expiry",
            (s, c) -> {
              for (int i = 0; i < Table.BATCH_SIZE + 5; i++) {
                insert(s, c, i);
              }
            },
            (s, c) -> {
              List<AnswerAnalysis> answers = new ArrayList<>();
              for (int i = 0; i < Table.BATCH_SIZE + 5; i++) {
                answers.add(c.analysis(i));
              }
              s.analyses()
                  .replaceAnswers(
                      c.council(),
                      c.consultation(),
                      QUESTION,
                      answers,
                      Map.of(c.response(3).id(), 1_900_000_000L));
              return List.of(
                  answerIds(plain, c),
                  plain
                      .table()
                      .get(
                          TableLayout.consultationPk(c.council(), c.consultation()),
                          TableLayout.answerAnalysisSk(QUESTION, c.response(3).id()))
                      .orElseThrow()
                      .get(TableLayout.TTL));
            }));
    ops.add(
        op(
            "ResponseRepository.pendingErasures/2",
            (s, c) -> {
              insert(s, c, 1, 2);
              s.responses().eraseByReceipt(c.receipt(1));
            },
            (s, c) -> s.responses().pendingErasures(c.council(), c.consultation())));
    ops.add(
        op(
            "ResponseRepository.erasuresPublished/3",
            (s, c) -> {
              insert(s, c, 1, 2);
              s.responses().eraseByReceipt(c.receipt(1));
              s.responses().eraseByReceipt(c.receipt(2));
            },
            (s, c) -> {
              s.responses()
                  .erasuresPublished(
                      c.council(),
                      c.consultation(),
                      plain.responses().pendingErasures(c.council(), c.consultation()));
              return plain.responses().pendingErasures(c.council(), c.consultation());
            }));
    ops.add(
        op(
            "AnalysisRepository.forget/5",
            "an erased answer leaves the exemplar and the key terms it holds",
            (s, c) -> s.analyses().saveStatus(c.run(AnalysisStatus.DONE)),
            (s, c) -> {
              s.analyses()
                  .forget(c.council(), c.consultation(), QUESTION, c.response(1).id(), "Answer 1");
              return plain.analyses().find(c.council(), c.consultation(), QUESTION);
            }));
    ops.add(
        op(
            "AnalysisRepository.forget/4",
            "answers taken back by an import's undo leave the exemplar and key terms they hold",
            (s, c) -> s.analyses().saveStatus(c.run(AnalysisStatus.DONE)),
            (s, c) -> {
              s.analyses()
                  .forget(
                      c.council(),
                      c.consultation(),
                      QUESTION,
                      java.util.Map.of(
                          c.response(1).id(), "Answer 1", c.response(2).id(), "Answer 2"));
              return plain.analyses().find(c.council(), c.consultation(), QUESTION);
            }));
    ops.add(
        op(
            "ResponseRepository.recordRemoval/4",
            "an import's undo is pending for the consultation and the register",
            (s, c) -> insert(s, c, 1, 2),
            (s, c) -> {
              s.responses()
                  .recordRemoval(
                      c.council(),
                      c.consultation(),
                      "import-batch-1",
                      java.time.Instant.parse("2026-11-30T10:00:00Z"));
              return List.of(
                  plain.responses().pendingErasures(c.council(), c.consultation()),
                  plain.register().pendingErasures(c.council()));
            }));
    ops.add(
        op(
            "AnalysisRepository.answers/3",
            (s, c) -> {
              insert(s, c, 1, 2);
              s.analyses()
                  .replaceAnswers(
                      c.council(),
                      c.consultation(),
                      QUESTION,
                      List.of(c.analysis(1), c.analysis(2)));
            },
            (s, c) -> s.analyses().answers(c.council(), c.consultation(), QUESTION)));
    ops.add(
        op(
            "AnalysisRepository.saveVersion/3",
            "a run kept as a version",
            NOTHING,
            (s, c) -> {
              List<AnswerAnalysis> answers = new ArrayList<>();
              for (int i = 0; i < Table.BATCH_SIZE + 5; i++) {
                answers.add(c.analysis(i));
              }
              s.analyses().saveVersion(c.run(AnalysisStatus.DONE), answers, java.util.Map.of());
              return plain.analyses().version(c.council(), c.consultation(), QUESTION, "run-1");
            }));
    ops.add(
        op(
            "AnalysisRepository.versions/3",
            (s, c) ->
                s.analyses()
                    .saveVersion(
                        c.run(AnalysisStatus.DONE),
                        List.of(c.analysis(1), c.analysis(2)),
                        java.util.Map.of()),
            (s, c) -> s.analyses().versions(c.council(), c.consultation(), QUESTION)));
    ops.add(
        op(
            "AnalysisRepository.version/4",
            (s, c) ->
                s.analyses()
                    .saveVersion(
                        c.run(AnalysisStatus.DONE),
                        List.of(c.analysis(1), c.analysis(2)),
                        java.util.Map.of()),
            (s, c) -> s.analyses().version(c.council(), c.consultation(), QUESTION, "run-1")));
    // AnswerWorkRepository
    ops.add(
        op(
            "AnswerWorkRepository.save/5",
            "many answers' work, with their responses' expiry",
            NOTHING,
            (s, c) -> {
              List<AnswerWorkRepository.Entry> entries = new ArrayList<>();
              for (int i = 0; i < Table.BATCH_SIZE + 5; i++) {
                entries.add(c.work(i));
              }
              s.answerWork()
                  .save(
                      c.council(),
                      c.consultation(),
                      QUESTION,
                      entries,
                      Map.of(c.response(3).id(), 1_900_000_000L));
              return List.of(
                  work(plain, c),
                  plain
                      .table()
                      .get(
                          TableLayout.consultationPk(c.council(), c.consultation()),
                          TableLayout.answerWorkSk(QUESTION, c.response(3).id()))
                      .orElseThrow()
                      .get(TableLayout.TTL));
            }));
    ops.add(
        op(
            "AnswerWorkRepository.list/3",
            (s, c) ->
                s.answerWork()
                    .save(
                        c.council(),
                        c.consultation(),
                        QUESTION,
                        List.of(c.work(1), c.work(2)),
                        Map.of()),
            (s, c) -> work(s, c)));
    ops.add(
        op(
            "AnswerWorkRepository.delete/4",
            (s, c) ->
                s.answerWork()
                    .save(
                        c.council(),
                        c.consultation(),
                        QUESTION,
                        List.of(c.work(1), c.work(2), c.work(3)),
                        Map.of()),
            (s, c) -> {
              s.answerWork()
                  .delete(
                      c.council(),
                      c.consultation(),
                      QUESTION,
                      List.of(c.response(1).id(), c.response(3).id()));
              return work(plain, c);
            }));
    // CorrectionRepository
    ops.add(
        op(
            "CorrectionRepository.add/3",
            (s, c) -> s.corrections().add(c.council(), c.consultation(), c.correction(1)),
            (s, c) -> {
              s.corrections().add(c.council(), c.consultation(), c.correction(2));
              return plain.corrections().list(c.council(), c.consultation(), QUESTION);
            }));
    ops.add(
        op(
            "CorrectionRepository.list/3",
            (s, c) -> {
              s.corrections().add(c.council(), c.consultation(), c.correction(1));
              s.corrections().add(c.council(), c.consultation(), c.correction(2));
            },
            (s, c) -> s.corrections().list(c.council(), c.consultation(), QUESTION)));
    // PublicationRepository
    ops.add(
        op(
            "PublicationRepository.record/1",
            NOTHING,
            (s, c) ->
                List.of(
                    s.publications().record(c.publication(1, "ours")),
                    plain.publications().versions(c.council(), c.consultation()))));
    ops.add(
        op(
            "PublicationRepository.record/1",
            "another publish took the version",
            (s, c) -> s.publications().record(c.publication(1, "theirs")),
            (s, c) ->
                List.of(
                    s.publications().record(c.publication(1, "ours")),
                    plain.publications().versions(c.council(), c.consultation()))));
    Setup aSnapshot =
        (s, c) ->
            s.publications().saveSnapshot(c.council(), c.consultation(), 1, new byte[] {1, 2});
    ops.add(
        op(
            "PublicationRepository.saveSnapshot/4",
            NOTHING,
            (s, c) -> {
              s.publications().saveSnapshot(c.council(), c.consultation(), 1, new byte[] {1, 2});
              return plain
                  .publications()
                  .snapshot(c.council(), c.consultation(), 1)
                  .map(java.util.Arrays::toString);
            }));
    ops.add(
        op(
            "PublicationRepository.snapshot/3",
            aSnapshot,
            (s, c) ->
                s.publications()
                    .snapshot(c.council(), c.consultation(), 1)
                    .map(java.util.Arrays::toString)));
    ops.add(
        op(
            "PublicationRepository.deleteSnapshot/3",
            aSnapshot,
            (s, c) -> {
              s.publications().deleteSnapshot(c.council(), c.consultation(), 1);
              return plain.publications().snapshot(c.council(), c.consultation(), 1).isPresent();
            }));
    Setup twoVersions =
        (s, c) -> {
          s.publications().record(c.publication(1, "first"));
          s.publications().record(c.publication(2, "second"));
        };
    ops.add(
        op(
            "PublicationRepository.versions/2",
            twoVersions,
            (s, c) -> s.publications().versions(c.council(), c.consultation())));
    ops.add(
        op(
            "PublicationRepository.latest/2",
            twoVersions,
            (s, c) -> s.publications().latest(c.council(), c.consultation())));
    ops.add(
        op(
            "PublicationRepository.latestPerConsultation/1",
            twoVersions,
            (s, c) -> s.publications().latestPerConsultation(c.council())));
    // OfficerSessionRepository: each case has its own token, so runs share no session.
    ops.add(
        op(
            "OfficerSessionRepository.start/2",
            NOTHING,
            (s, c) -> {
              s.officerSessions().start(c.council() + "-token", c.session("refresh"));
              return plain.officerSessions().active(c.council() + "-token");
            }));
    ops.add(
        op(
            "OfficerSessionRepository.active/1",
            (s, c) -> s.officerSessions().start(c.council() + "-token", c.session(null)),
            (s, c) ->
                List.of(
                    s.officerSessions().active(c.council() + "-token"),
                    s.officerSessions().active(c.council() + "-other-token"))));
    ops.add(
        op(
            "OfficerSessionRepository.end/1",
            (s, c) -> s.officerSessions().start(c.council() + "-token", c.session("refresh")),
            (s, c) ->
                List.of(
                    s.officerSessions().end(c.council() + "-token"),
                    plain.officerSessions().active(c.council() + "-token"),
                    s.officerSessions().end(c.council() + "-token"))));
    // CouncilDatasets: a document over three chunks, replaced by a smaller one (stale chunks go).
    ops.add(
        op(
            "CouncilDatasets.save/3",
            NOTHING,
            (s, c) -> {
              s.councilDatasets()
                  .save(c.council(), "KIND", java.util.Map.of("text", "x".repeat(700_000)));
              s.councilDatasets().save(c.council(), "KIND", java.util.Map.of("text", "small"));
              return List.of(
                  plain.councilDatasets().load(c.council(), "KIND", java.util.Map.class),
                  plain
                      .table()
                      .get(
                          TableLayout.councilDatasetPk(c.council()),
                          TableLayout.councilDatasetSk("KIND", 1))
                      .isPresent());
            }));
    ops.add(
        op(
            "CouncilDatasets.load/3",
            (s, c) ->
                s.councilDatasets()
                    .save(c.council(), "KIND", java.util.Map.of("text", "y".repeat(400_000))),
            (s, c) ->
                List.of(
                    s.councilDatasets()
                        .load(c.council(), "KIND", java.util.Map.class)
                        .map(m -> m.get("text").toString().length()),
                    s.councilDatasets().load(c.council(), "OTHER", java.util.Map.class))));
    ops.add(
        op(
            "CouncilDatasets.recordImport/2",
            NOTHING,
            (s, c) -> {
              s.councilDatasets().recordImport(c.council(), datasetImport("01IMPORT1", null));
              return plain.councilDatasets().imports(c.council(), "KIND");
            }));
    ops.add(
        op(
            "CouncilDatasets.imports/2",
            (s, c) -> {
              s.councilDatasets().recordImport(c.council(), datasetImport("01IMPORT1", null));
              s.councilDatasets()
                  .recordImport(
                      c.council(),
                      datasetImport("01IMPORT2", new DatasetImport.Replaced("first.csv", NOW)));
            },
            (s, c) ->
                List.of(
                    s.councilDatasets().imports(c.council(), "KIND"),
                    s.councilDatasets().imports(c.council(), "OTHER"))));
    // AuditLog
    ops.add(
        op(
            "AuditLog.record/5",
            NOTHING,
            (s, c) -> {
              AuditEntry entry =
                  s.audit().record(c.council(), c.consultation(), "officer", "opened", "Opened");
              return List.of(entry.action(), audit(plain.audit(), c));
            }));
    // RegisterRepository
    Setup registered =
        (s, c) -> {
          s.consultations().save(c.consultation("Council"));
          insert(s, c, 1, 2);
          s.register().addNewComments(c.council());
        };
    ops.add(
        op(
            "RegisterRepository.addNewComments/1",
            (s, c) -> {
              s.consultations().save(c.consultation("Council"));
              insert(s, c, 1, 2);
            },
            (s, c) -> {
              s.register().addNewComments(c.council());
              return List.of(entries(plain, c), s.register().addNewComments(c.council()));
            }));
    ops.add(
        op(
            "RegisterRepository.addAllComments/1",
            (s, c) -> {
              s.consultations().save(c.consultation("Council"));
              insert(s, c, 1, 2);
            },
            (s, c) -> {
              s.register().addAllComments(c.council());
              return List.of(entries(plain, c), s.register().addAllComments(c.council()));
            }));
    ops.add(op("RegisterRepository.entries/1", registered, (s, c) -> entries(s, c)));
    ops.add(
        op(
            "RegisterRepository.entry/2",
            registered,
            (s, c) ->
                s.register()
                    .entry(
                        c.council(),
                        org.yousaid.shared.register.RegisterEntry.id(
                            c.consultation(), QUESTION, c.response(1).id()))
                    .map(org.yousaid.shared.register.RegisterEntry::text)));
    ops.add(
        op(
            "RegisterRepository.save/1",
            registered,
            (s, c) -> {
              var e = plain.register().entries(c.council()).get(0);
              return List.of(
                  s.register()
                      .save(
                          e.withTriage(
                              org.yousaid.shared.register.RegisterArea.CONTENT, "t1", true)),
                  plain.register().entries(c.council()).get(0).area());
            }));
    ops.add(
        op(
            "RegisterRepository.saveTheme/2",
            NOTHING,
            (s, c) -> {
              s.register().saveTheme(c.council(), theme("t1"));
              return themes(plain, c);
            }));
    ops.add(
        op(
            "RegisterRepository.theme/2",
            (s, c) -> s.register().saveTheme(c.council(), theme("t1")),
            (s, c) ->
                s.register()
                    .theme(c.council(), "t1")
                    .map(org.yousaid.shared.register.RegisterTheme::label)));
    ops.add(
        op(
            "RegisterRepository.themes/1",
            (s, c) -> {
              s.register().saveTheme(c.council(), theme("t1"));
              s.register().saveTheme(c.council(), theme("t2"));
            },
            (s, c) -> themes(s, c)));
    Setup erased =
        (s, c) -> {
          insert(s, c, 1, 2);
          s.responses().eraseByReceipt(c.receipt(1));
        };
    ops.add(
        op(
            "RegisterRepository.pendingErasures/1",
            erased,
            (s, c) -> s.register().pendingErasures(c.council())));
    ops.add(
        op(
            "RegisterRepository.erasuresPublished/2",
            erased,
            (s, c) -> {
              s.register()
                  .erasuresPublished(c.council(), plain.register().pendingErasures(c.council()));
              return plain.register().pendingErasures(c.council());
            }));
    ops.add(
        op(
            "RegisterRepository.saveTheme/4",
            (s, c) -> s.register().saveTheme(c.council(), theme("t1")),
            (s, c) -> {
              var before = plain.register().theme(c.council(), "t1").orElseThrow();
              var after =
                  before.respond(
                      "Response",
                      "Action",
                      org.yousaid.shared.register.ActionStatus.PLANNED,
                      java.time.LocalDate.of(2026, 12, 2));
              return List.of(
                  s.register().saveTheme(c.council(), before, after, NOW),
                  plain.register().theme(c.council(), "t1").orElseThrow().status(),
                  outbox(plain, c));
            }));
    // ActionAlerts
    Setup subscribed =
        (s, c) -> {
          insert(s, c, 1, 2);
          s.alerts().subscribe(c.response(1), "one@example.com");
        };
    ops.add(
        op(
            "ActionAlerts.subscribe/2",
            (s, c) -> insert(s, c, 1, 2),
            (s, c) ->
                List.of(
                    s.alerts()
                        .subscribe(c.response(1), "one@example.com")
                        .map(org.yousaid.shared.register.ActionAlert::email),
                    alerts(plain, c))));
    ops.add(
        op(
            "ActionAlerts.find/3",
            subscribed,
            (s, c) ->
                s.alerts()
                    .find(c.council(), c.consultation(), c.response(1).id())
                    .map(org.yousaid.shared.register.ActionAlert::email)));
    ops.add(op("ActionAlerts.all/1", subscribed, (s, c) -> alerts(s, c)));
    ops.add(
        op(
            "ActionAlerts.findByLink/2",
            subscribed,
            (s, c) ->
                s.alerts()
                    .findByLink(c.council(), alert(plain, c).linkId())
                    .map(org.yousaid.shared.register.ActionAlert::email)));
    ops.add(
        op(
            "ActionAlerts.cancel/1",
            subscribed,
            (s, c) -> {
              s.alerts().cancel(alert(plain, c));
              return alerts(plain, c);
            }));
    Setup changed =
        (s, c) -> {
          subscribed.on(s, c);
          s.register().saveTheme(c.council(), theme("t1"));
          var before = s.register().theme(c.council(), "t1").orElseThrow();
          s.register()
              .saveTheme(
                  c.council(),
                  before,
                  before.respond(
                      null,
                      "Action",
                      org.yousaid.shared.register.ActionStatus.DONE,
                      java.time.LocalDate.of(2026, 12, 2)),
                  NOW);
        };
    ops.add(
        op(
            "ActionAlerts.statusChange/2",
            changed,
            (s, c) ->
                s.alerts()
                    .statusChange(c.council(), TableLayout.registerOutboxSk("t1", 1))
                    .map(ch -> ch.themeId() + ":" + ch.status() + ":" + ch.sent())));
    ops.add(
        op(
            "ActionAlerts.claim/3",
            changed,
            (s, c) -> {
              var change = plain.alerts().statusChange(c.council(), outboxKey()).orElseThrow();
              return List.of(
                  s.alerts().claim(change, alert(plain, c), NOW),
                  plain.alerts().claim(change, alert(plain, c), NOW));
            }));
    ops.add(
        op(
            "ActionAlerts.release/2",
            (s, c) -> {
              changed.on(s, c);
              var change = s.alerts().statusChange(c.council(), outboxKey()).orElseThrow();
              s.alerts().claim(change, alert(s, c), NOW);
            },
            (s, c) -> {
              var change = plain.alerts().statusChange(c.council(), outboxKey()).orElseThrow();
              s.alerts().release(change, alert(plain, c));
              return plain.alerts().claim(change, alert(plain, c), NOW);
            }));
    ops.add(
        op(
            "ActionAlerts.sent/2",
            changed,
            (s, c) -> {
              var change = plain.alerts().statusChange(c.council(), outboxKey()).orElseThrow();
              s.alerts().sent(change, NOW);
              return plain.alerts().statusChange(c.council(), outboxKey()).orElseThrow().sent();
            }));
    // ReviewRepository
    ops.add(
        op(
            "ReviewRepository.add/1",
            NOTHING,
            (s, c) -> {
              s.reviews().add(c.review(1));
              return reviews(plain.reviews(), c);
            }));
    ops.add(
        op(
            "ReviewRepository.list/2",
            (s, c) -> {
              s.reviews().add(c.review(1));
              s.reviews().add(c.review(2));
            },
            (s, c) -> reviews(s.reviews(), c)));
    ops.add(
        op(
            "AuditLog.entries/2",
            (s, c) -> {
              s.audit().record(c.council(), c.consultation(), "officer", "created", "Created");
              s.audit().record(c.council(), c.consultation(), "officer", "opened", "Opened");
            },
            (s, c) -> audit(s.audit(), c)));
    return ops;
  }

  private static List<String> work(Storage s, Case c) {
    return s.answerWork().list(c.council(), c.consultation(), QUESTION).values().stream()
        .map(e -> e.responseId() + ":" + e.key() + ":" + Arrays.toString(e.work()))
        .toList();
  }

  private static List<String> entries(Storage s, Case c) {
    return s.register().entries(c.council()).stream()
        .map(e -> e.responseId() + ":" + e.text() + ":" + e.area())
        .toList();
  }

  private static String outboxKey() {
    return TableLayout.registerOutboxSk("t1", 1);
  }

  private static List<String> outbox(Storage s, Case c) {
    return s.alerts().statusChange(c.council(), outboxKey()).stream()
        .map(ch -> ch.themeId() + ":" + ch.status())
        .toList();
  }

  private static org.yousaid.shared.register.ActionAlert alert(Storage s, Case c) {
    return s.alerts().find(c.council(), c.consultation(), c.response(1).id()).orElseThrow();
  }

  private static List<String> alerts(Storage s, Case c) {
    return s.alerts().all(c.council()).stream().map(a -> a.responseId() + ":" + a.email()).toList();
  }

  private static List<String> themes(Storage s, Case c) {
    return s.register().themes(c.council()).stream()
        .map(org.yousaid.shared.register.RegisterTheme::label)
        .toList();
  }

  private static org.yousaid.shared.register.RegisterTheme theme(String id) {
    return new org.yousaid.shared.register.RegisterTheme(
        id,
        org.yousaid.shared.register.RegisterArea.CONTENT,
        "Theme " + id,
        null,
        null,
        null,
        List.of());
  }

  private static List<String> reviews(ReviewRepository reviews, Case c) {
    return reviews.list(c.council(), c.consultation()).stream()
        .map(r -> r.id() + ":" + r.comment() + ":" + r.coSigned())
        .toList();
  }

  /**
   * Runs the operation on a fresh case (the faults are set before, but the setup does not go
   * through them); returns the outcome with the case's own names taken out, so runs compare.
   */
  private static String run(Operation op, FaultInjectingDynamoDb faulty) {
    Case c = Case.next();
    op.setup().on(plain, c);
    Storage storage = Storage.of(faulty, TABLE, CLOCK, StorageRetry.immediate(3));
    return String.valueOf(op.act().run(storage, c))
        .replace(c.council(), "{council}")
        .replace(c.council().toUpperCase(Locale.ROOT), "{COUNCIL}")
        .replace(c.consultation(), "{consultation}");
  }

  @TestFactory
  List<DynamicTest> everyCallOfEveryOperationSurvivesTransientFaults() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Operation op : operations()) {
      tests.add(
          dynamicTest(
              op.toString(),
              () -> {
                // The same run without faults: what every faulted run must match.
                FaultInjectingDynamoDb counting = new FaultInjectingDynamoDb(dynamo.client());
                String expected = run(op, counting);
                assertTrue(counting.calls(Call.ANY) > 0, "the operation uses DynamoDB");
                for (Call call : CALLS) {
                  for (int passing = 0; passing < counting.calls(call); passing++) {
                    for (Fault fault : FAULTS) {
                      FaultInjectingDynamoDb faulty = new FaultInjectingDynamoDb(dynamo.client());
                      faulty.failAfter(passing, call, fault, 2);
                      String what = call + " #" + (passing + 1) + " failing twice with " + fault;
                      String outcome = run(op, faulty);
                      // One only when the faulted call was refused by a condition (no retry).
                      assertTrue(faulty.injected() >= 1, what + ": the fault was injected");
                      assertEquals(expected, outcome, what);
                    }
                  }
                }
              }));
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> anOutageEndsInStorageUnavailable() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Operation op : operations()) {
      for (Fault fault : List.of(Fault.THROTTLE, Fault.TIMEOUT_BEFORE)) {
        tests.add(
            dynamicTest(
                op + " under " + fault,
                () -> {
                  FaultInjectingDynamoDb down = new FaultInjectingDynamoDb(dynamo.client());
                  down.failNext(Call.ANY, fault, Integer.MAX_VALUE);
                  assertThrows(StorageUnavailable.class, () -> run(op, down));
                }));
      }
    }
    return tests;
  }

  /** A new repository method without a retry case here fails this test. */
  @Test
  void everyPublicMethodOfEveryRepositoryHasACase() {
    Set<String> methods = new TreeSet<>();
    for (Method made : Storage.class.getDeclaredMethods()) {
      Class<?> type = made.getReturnType();
      if (!made.isDefault() || type == Table.class || type == StorageRetry.class) {
        continue;
      }
      if (type == org.yousaid.shared.themes.ConsultationThemes.class) {
        // Reads only through the analysis and correction repositories, covered below.
        continue;
      }
      for (Method m : type.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers())
            && !Modifier.isStatic(m.getModifiers())
            && !m.isSynthetic()) {
          methods.add(type.getSimpleName() + "." + m.getName() + "/" + m.getParameterCount());
        }
      }
    }
    Set<String> covered =
        operations().stream().map(Operation::method).collect(Collectors.toCollection(TreeSet::new));
    assertTrue(
        methods.containsAll(
            Arrays.asList(
                "ConsultationRepository.find/2",
                "ResponseRepository.insert/2",
                "AnalysisRepository.replaceAnswers/5",
                "CorrectionRepository.add/3",
                "PublicationRepository.record/1",
                "AuditLog.record/5")),
        "the repositories are found: " + methods);
    assertEquals(methods, covered, "every repository method has a retry case, and no other");
    assertTrue(
        Set.of(
                ConsultationRepository.class,
                ResponseRepository.class,
                AnalysisRepository.class,
                CorrectionRepository.class,
                PublicationRepository.class,
                ReviewRepository.class,
                AuditLog.class)
            .stream()
            .allMatch(t -> methods.stream().anyMatch(m -> m.startsWith(t.getSimpleName() + "."))));
  }
}
