package org.yousaid.shared.storage;

import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The single-table layout: every key shape of the table is built here and nowhere else. Every
 * partition key of a council's data starts with the council's slug, so one council's data never
 * shares a partition with another's.
 *
 * <pre>
 * pk                              sk                       what
 * C#{council}#{consultation}      META                     the consultation
 *                                                          (gsi1: COUNCIL#{council} / CONSULTATION#{id})
 * C#{council}#{consultation}      R#{ulid}                 a response
 * C#{council}#{consultation}      IDEM#{key}               an idempotency record pointing at a response
 * C#{council}#{consultation}      AQ#{question}            a question's analysis run: status and themes
 * C#{council}#{consultation}      AA#{question}#{ulid}     what analysis found in one answer (expires with the answer)
 * C#{council}#{consultation}      AW#{question}#{ulid}     the engine's stored work on one answer, reused by re-runs
 *                                                          (no text; erased and expired with the answer)
 * C#{council}#{consultation}      AV#{question}#{run}      a completed run kept as a version (its themes)
 * C#{council}#{consultation}      AVM#{question}#{run}#{n} that version's theme ids per answer, in chunks
 * C#{council}#{consultation}      TC#{question}#{ulid}     an officer's theme correction, in order
 * C#{council}#{consultation}      ERASED#{ulid}            an erasure the published site has yet to catch up
 *                                                          with: only when the erased answers were sent
 * C#{council}#{consultation}      PUB#{version:6 digits}   a published version, the reg. 56 trail
 *                                                          (gsi1: PUBLISHED#{council} / {consultation}#PUB#{version})
 * C#{council}#{consultation}      DISCLOSURE#{version:6}   that version's numbers and their relations, exact
 *                                                          (private: checks later versions give nothing away)
 * C#{council}#{consultation}      IMP#{batch}              an officer's import batch (and IMP#{batch}#C#… its chunks)
 * C#{council}#{consultation}      IMPF#{batch}#{part}      an uploaded file staged for the import worker (TTL 2 days)
 * C#{council}#{consultation}      LOG#{ulid}               an audit entry of an officer's action
 * C#{council}#{consultation}      REVIEW#{ulid}            a reviewer's comment or co-signature of a draft
 * REGISTER#{council}              E#{consultation}#{question}#{ulid}
 *                                                          a comment in the reg. 56 register (a copy of one
 *                                                          answer: erased and expired with its response)
 * REGISTER#{council}              SWEPT                    how far the register has read the council's
 *                                                          responses for new comments (a time, no text)
 * REGISTER#{council}              THEME#{id}               a register theme: the council's response, action
 *                                                          and its status history
 * REGISTER#{council}              ALERT#{consultation}#{ulid}
 *                                                          a respondent's email for news of actions on their
 *                                                          comments (erased with the receipt)
 * REGISTER#{council}              OUTBOX#{theme}#{change:4 digits}
 *                                                          a change of an action's status whose alert emails
 *                                                          are to be sent (starts the notifier through the
 *                                                          stream; no address in it; expires after 30 days)
 * REGISTER#{council}              SENT#{theme}#{change}#{consultation}#{ulid}
 *                                                          one alert email claimed for sending, so a retried
 *                                                          delivery never sends it twice (no address; expires)
 * REGISTER#{council}              GONE#{consultation}#{ulid}
 *                                                          an erased comment the register's published report
 *                                                          has yet to catch up with (when it was sent only;
 *                                                          not ERASED#, so it does not start the erasure stream)
 * RECEIPT#{code}                  RECEIPT                  where the response with this receipt code lives
 * DEMO#{council}                  ANSWERS                  local mode only: the made-up answers are in
 * LOCAL_OFFICER#{email}           ACCOUNT                  local mode only: an officer account
 * OFFICER_SESSION#{token hash}    SESSION                  a signed-in officer's session (expires with it)
 * OFFICER_API#{council}           IDEM#{subject}#{key}     an officer API request's Idempotency-Key (expires)
 * CD#{council}                    {kind}#{chunk:3 digits}  a council-wide import (DfE timeliness, SEND population,
 *                                                          Open Referral UK services): one JSON document in chunks
 * CD#{council}                    IMPORT#{kind}#{ulid}     the audit record of one import of it (who, when, which
 *                                                          file or address, rows kept and refused; no contents)
 * </pre>
 *
 * The {@code …_PREFIX} constants and {@code …Prefix} methods are the {@code begins_with} prefixes
 * that list one kind of item in a partition ({@link TableQuery#startingWith}).
 */
public final class TableLayout {

  public static final String PK = "pk";
  public static final String SK = "sk";
  public static final String GSI1 = "gsi1";
  public static final String GSI1_PK = "gsi1pk";
  public static final String GSI1_SK = "gsi1sk";
  public static final String TTL = "ttl";
  public static final String TYPE = "type";
  public static final String DOC = "doc";

  public static final String META = "META";
  public static final String RECEIPT = "RECEIPT";

  /** Lists a consultation's responses. */
  public static final String RESPONSE_PREFIX = "R#";

  /** Lists a consultation's publication log. */
  public static final String PUBLICATION_PREFIX = "PUB#";

  /** Lists a consultation's audit entries. */
  public static final String AUDIT_PREFIX = "LOG#";

  /** Lists the comments and co-signatures on a consultation's drafts. */
  public static final String REVIEW_PREFIX = "REVIEW#";

  public static final String DEMO_ANSWERS_SK = "ANSWERS";
  public static final String LOCAL_OFFICER_SK = "ACCOUNT";
  public static final String OFFICER_SESSION_SK = "SESSION";

  private static final String IDEMPOTENCY_PREFIX = "IDEM#";

  private TableLayout() {}

  /** The key of one item. */
  public static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
  }

  public static String consultationPk(String council, String consultationId) {
    return CONSULTATION_PK_PREFIX + council + "#" + consultationId;
  }

  private static final String CONSULTATION_PK_PREFIX = "C#";

  /** A consultation's council and id, read back from its partition key. */
  public record ConsultationKey(String council, String consultationId) {}

  /**
   * The council and consultation of a {@link #consultationPk}: council slugs never hold a {@code
   * #}, so the first one after the prefix ends the council.
   */
  public static ConsultationKey consultationOfPk(String pk) {
    int end = pk.indexOf('#', CONSULTATION_PK_PREFIX.length());
    if (!pk.startsWith(CONSULTATION_PK_PREFIX) || end < 0 || end == pk.length() - 1) {
      throw new IllegalArgumentException("Not a consultation's partition key");
    }
    return new ConsultationKey(
        pk.substring(CONSULTATION_PK_PREFIX.length(), end), pk.substring(end + 1));
  }

  /** GSI1 partition of a council's consultations. */
  public static String councilIndexPk(String council) {
    return "COUNCIL#" + council;
  }

  public static String consultationIndexSk(String consultationId) {
    return "CONSULTATION#" + consultationId;
  }

  public static String responseSk(String responseId) {
    return RESPONSE_PREFIX + responseId;
  }

  public static String idempotencySk(String key) {
    return IDEMPOTENCY_PREFIX + key;
  }

  /** Whether this sort key is an idempotency record's. */
  public static boolean isIdempotencySk(String sk) {
    return sk.startsWith(IDEMPOTENCY_PREFIX);
  }

  /** The idempotency key of an idempotency record's sort key. */
  public static String idempotencyKeyOf(String sk) {
    return sk.substring(IDEMPOTENCY_PREFIX.length());
  }

  /** One question's analysis run (status and themes). */
  public static String analysisSk(String questionId) {
    return "AQ#" + questionId;
  }

  /** One answer's analysis: kept beside the response, erased and expired with it. */
  public static String answerAnalysisSk(String questionId, String responseId) {
    return answerAnalysisPrefix(questionId) + responseId;
  }

  public static String answerAnalysisPrefix(String questionId) {
    return "AA#" + questionId + "#";
  }

  /**
   * The analysis engine's stored work on one answer (tokens' tags and offsets, embedding), reused
   * when the question is analysed again: kept beside the response, erased and expired with it.
   */
  public static String answerWorkSk(String questionId, String responseId) {
    return answerWorkPrefix(questionId) + responseId;
  }

  public static String answerWorkPrefix(String questionId) {
    return "AW#" + questionId + "#";
  }

  /** A completed analysis run kept as a version: its status and themes. */
  public static String analysisVersionSk(String questionId, String runId) {
    return analysisVersionPrefix(questionId) + runId;
  }

  public static String analysisVersionPrefix(String questionId) {
    return "AV#" + questionId + "#";
  }

  /** One chunk of a version's theme ids per answer (response ids only, never answer text). */
  public static String analysisVersionAnswersSk(String questionId, String runId, int chunk) {
    return String.format(
        Locale.ROOT, "%s%03d", analysisVersionAnswersPrefix(questionId, runId), chunk);
  }

  public static String analysisVersionAnswersPrefix(String questionId, String runId) {
    return "AVM#" + questionId + "#" + runId + "#";
  }

  public static String correctionSk(String questionId, String correctionId) {
    return correctionPrefix(questionId) + correctionId;
  }

  public static String correctionPrefix(String questionId) {
    return "TC#" + questionId + "#";
  }

  /** Lists a consultation's erasures not yet reflected on the published site. */
  public static final String ERASURE_PREFIX = "ERASED#";

  public static String erasureSk(String responseId) {
    return ERASURE_PREFIX + responseId;
  }

  /** The id of the erased response, from an erasure's sort key. */
  public static String erasedResponseId(String erasureSk) {
    if (!erasureSk.startsWith(ERASURE_PREFIX)) {
      throw new IllegalArgumentException("Not an erasure's sort key");
    }
    return erasureSk.substring(ERASURE_PREFIX.length());
  }

  /** Zero-padded, so versions sort in order. */
  public static String publicationSk(int version) {
    return String.format(Locale.ROOT, PUBLICATION_PREFIX + "%06d", version);
  }

  /** An import batch's record ({@code IMP#{batch}}) and its chunks ({@code IMP#{batch}#C#...}). */
  public static final String IMPORT_BATCH_PREFIX = "IMP#";

  /** An uploaded file staged for the import worker, in parts ({@code IMPF#{batch}#{part}}). */
  public static final String IMPORT_FILE_PREFIX = "IMPF#";

  /** A published version's private disclosure snapshot (never published itself). */
  public static String disclosureSnapshotSk(int version) {
    return String.format(Locale.ROOT, "DISCLOSURE#%06d", version);
  }

  /** GSI1 partition of a council's publication log, kept apart from its consultation list. */
  public static String publishedIndexPk(String council) {
    return "PUBLISHED#" + council;
  }

  public static String publishedIndexSk(String consultationId, int version) {
    return consultationId + "#" + publicationSk(version);
  }

  public static String reviewSk(String reviewId) {
    return REVIEW_PREFIX + reviewId;
  }

  public static String auditSk(String entryId) {
    return AUDIT_PREFIX + entryId;
  }

  /** The partition of a council's reg. 56 comments register. */
  public static String registerPk(String council) {
    return "REGISTER#" + council;
  }

  /** Lists a register's entries. */
  public static final String REGISTER_ENTRY_PREFIX = "E#";

  /** The register's watermark: responses from before it have had their comments added. */
  public static final String REGISTER_SWEPT = "SWEPT";

  /** Lists a register's themes. */
  public static final String REGISTER_THEME_PREFIX = "THEME#";

  /** Lists the respondents who asked to hear about actions on their comments. */
  public static final String REGISTER_ALERT_PREFIX = "ALERT#";

  /**
   * One answer's register entry: built from the answer's own ids, so erasing the response can
   * delete it in the same transaction without reading the register.
   */
  public static String registerEntrySk(
      String consultationId, String questionId, String responseId) {
    return REGISTER_ENTRY_PREFIX + consultationId + "#" + questionId + "#" + responseId;
  }

  public static String registerThemeSk(String themeId) {
    return REGISTER_THEME_PREFIX + themeId;
  }

  /** A respondent's request to hear about actions on their comments, by their response. */
  public static String registerAlertSk(String consultationId, String responseId) {
    return REGISTER_ALERT_PREFIX + consultationId + "#" + responseId;
  }

  /** Starts the notifier: a change of an action's status whose alert emails are to be sent. */
  public static final String REGISTER_OUTBOX_PREFIX = "OUTBOX#";

  /**
   * The outbox item of one change of a theme's action status: the change's place in the theme's
   * status history, so saving the same change twice finds its item already there.
   */
  public static String registerOutboxSk(String themeId, int change) {
    return String.format(Locale.ROOT, "%s%s#%04d", REGISTER_OUTBOX_PREFIX, themeId, change);
  }

  /** The claim on one alert email of one status change (no address in it). */
  public static String registerAlertSentSk(
      String outboxSk, String consultationId, String responseId) {
    if (!outboxSk.startsWith(REGISTER_OUTBOX_PREFIX)) {
      throw new IllegalArgumentException("Not an outbox item's sort key");
    }
    return "SENT#"
        + outboxSk.substring(REGISTER_OUTBOX_PREFIX.length())
        + "#"
        + consultationId
        + "#"
        + responseId;
  }

  /** Lists the erased comments the register's published report has yet to catch up with. */
  public static final String REGISTER_ERASURE_PREFIX = "GONE#";

  public static String registerErasureSk(String consultationId, String responseId) {
    return REGISTER_ERASURE_PREFIX + consultationId + "#" + responseId;
  }

  public static String receiptPk(String receipt) {
    return "RECEIPT#" + receipt;
  }

  /** Local mode's marker that a council's made-up answers were added. */
  public static String demoAnswersPk(String council) {
    return "DEMO#" + council;
  }

  /** Local mode's officer account, by the email as the account store normalises it. */
  public static String localOfficerPk(String normalisedEmail) {
    return "LOCAL_OFFICER#" + normalisedEmail;
  }

  /**
   * An officer's session, by the SHA-256 of its token: the table never holds a token that could be
   * replayed.
   */
  public static String officerSessionPk(String tokenHash) {
    return "OFFICER_SESSION#" + tokenHash;
  }

  /** The officer API's Idempotency-Key records of one council. */
  public static String officerIdempotencyPk(String council) {
    return "OFFICER_API#" + council;
  }

  /** One officer's Idempotency-Key: keys are the client's choice, so each officer has their own. */
  public static String officerIdempotencySk(String subject, String key) {
    return IDEMPOTENCY_PREFIX + subject + "#" + key;
  }

  /** A council's imported datasets (figures and lists for the council as a whole). */
  public static String councilDatasetPk(String council) {
    return "CD#" + council;
  }

  /** One chunk of a council dataset's document; chunk 0 also says how many there are. */
  public static String councilDatasetSk(String kind, int chunk) {
    return String.format(Locale.ROOT, "%s%03d", councilDatasetPrefix(kind), chunk);
  }

  public static String councilDatasetPrefix(String kind) {
    return kind + "#";
  }

  /** Lists the audit records of a council's imports of one kind of dataset, oldest first. */
  public static String councilDatasetImportPrefix(String kind) {
    return "IMPORT#" + kind + "#";
  }

  public static String councilDatasetImportSk(String kind, String importId) {
    return councilDatasetImportPrefix(kind) + importId;
  }
}
