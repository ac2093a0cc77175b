package org.yousaid.shared.storage;

/**
 * The single-table layout. Every partition key starts with the council's slug, so one council's
 * data never shares a partition with another's.
 *
 * <pre>
 * pk                          sk                 what
 * C#{council}#{consultation}  META               the consultation (gsi1: COUNCIL#{council} / CONSULTATION#{id})
 * C#{council}#{consultation}  R#{ulid}           a response
 * C#{council}#{consultation}  IDEM#{key}         an idempotency record pointing at a response
 * C#{council}#{consultation}  AA#{q}#{ulid}      what analysis found in one answer (expires with the answer)
 * RECEIPT#{code}              RECEIPT            where the response with this receipt code lives
 * </pre>
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

  private TableLayout() {}

  public static String consultationPk(String council, String consultationId) {
    return "C#" + council + "#" + consultationId;
  }

  public static String councilIndexPk(String council) {
    return "COUNCIL#" + council;
  }

  public static String responseSk(String responseId) {
    return "R#" + responseId;
  }

  public static String idempotencySk(String key) {
    return "IDEM#" + key;
  }

  /** One answer's analysis: kept beside the response, erased and expired with it. */
  public static String answerAnalysisSk(String questionId, String responseId) {
    return "AA#" + questionId + "#" + responseId;
  }

  public static String receiptPk(String receipt) {
    return "RECEIPT#" + receipt;
  }
}
