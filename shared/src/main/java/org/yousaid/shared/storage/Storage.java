package org.yousaid.shared.storage;

import java.time.Clock;
import org.yousaid.shared.audit.AuditLog;
import org.yousaid.shared.publishing.PublicationRepository;
import org.yousaid.shared.publishing.ReviewRepository;
import org.yousaid.shared.themes.AnalysisRepository;
import org.yousaid.shared.themes.AnswerWorkRepository;
import org.yousaid.shared.themes.ConsultationThemes;
import org.yousaid.shared.themes.CorrectionRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one place that makes repositories: each over the same table and the same retry policy. The
 * functions' {@code Services} is a Storage; libraries, local mode, tools and tests that run outside
 * a function use {@link #of}.
 */
public interface Storage {

  DynamoDbClient dynamo();

  String tableName();

  Clock clock();

  /** How every repository retries DynamoDB; tests pass one that does not wait. */
  default StorageRetry retry() {
    return StorageRetry.DEFAULT;
  }

  /** The table itself, for the few callers that keep their own items (local mode's accounts). */
  default Table table() {
    return new Table(dynamo(), tableName(), retry());
  }

  default ConsultationRepository consultations() {
    return new ConsultationRepository(table());
  }

  default ResponseRepository responses() {
    return new ResponseRepository(table());
  }

  default AnalysisRepository analyses() {
    return new AnalysisRepository(table());
  }

  /** The analysis engine's per-answer work, kept between runs of a question. */
  default AnswerWorkRepository answerWork() {
    return new AnswerWorkRepository(table());
  }

  default CorrectionRepository corrections() {
    return new CorrectionRepository(table());
  }

  default PublicationRepository publications() {
    return new PublicationRepository(table());
  }

  default OfficerSessionRepository officerSessions() {
    return new OfficerSessionRepository(table(), clock());
  }

  default ReviewRepository reviews() {
    return new ReviewRepository(table());
  }

  /** Council-wide imports: timeliness figures, population counts, the services feed. */
  default CouncilDatasets councilDatasets() {
    return new CouncilDatasets(table());
  }

  default AuditLog audit() {
    return new AuditLog(table(), clock());
  }

  /** Respondents' alerts about actions on their comments, and the outbox of their emails. */
  default org.yousaid.shared.register.ActionAlerts alerts() {
    return new org.yousaid.shared.register.ActionAlerts(table());
  }

  /** The council's reg. 56 comments register. */
  default org.yousaid.shared.register.RegisterRepository register() {
    return new org.yousaid.shared.register.RegisterRepository(table());
  }

  /** Analysed questions with every correction applied, as officers see and the public gets them. */
  default ConsultationThemes themes() {
    return new ConsultationThemes(analyses(), corrections());
  }

  static Storage of(DynamoDbClient dynamo, String tableName, Clock clock) {
    return of(dynamo, tableName, clock, StorageRetry.DEFAULT);
  }

  static Storage of(DynamoDbClient dynamo, String tableName, Clock clock, StorageRetry retry) {
    return new Parts(dynamo, tableName, clock, retry);
  }

  /** A Storage made of its parts. */
  record Parts(DynamoDbClient dynamo, String tableName, Clock clock, StorageRetry retry)
      implements Storage {}
}
