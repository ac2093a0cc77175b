package org.yousaid.shared.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A consultation, stage survey or page-feedback form of one council.
 *
 * @param council the council's slug, the first part of every key (tenancy)
 * @param retentionDays how long answers are kept before DynamoDB's TTL removes them
 */
public record Consultation(
    String council,
    String id,
    String councilName,
    String title,
    ConsultationKind kind,
    ConsultationStatus status,
    Instant opensAt,
    Instant closesAt,
    String intro,
    List<Question> questions,
    Set<ProfileField> profileFields,
    List<String> districts,
    int retentionDays) {

  /** Three years, when the deployment does not say otherwise. */
  public static final int FALLBACK_RETENTION_DAYS = 3 * 365;

  /**
   * How long answers to a new consultation are kept: the stack's RetentionDays parameter, which
   * template.yaml hands every function as DEFAULT_RETENTION_DAYS, or three years where it is unset
   * (local mode) or unusable.
   */
  public static final int DEFAULT_RETENTION_DAYS =
      retentionDays(System.getenv("DEFAULT_RETENTION_DAYS"));

  /** A positive number of days of at most 100 years, or {@link #FALLBACK_RETENTION_DAYS}. */
  public static int retentionDays(String configured) {
    if (configured != null) {
      try {
        int days = Integer.parseInt(configured.trim());
        if (days > 0 && days <= 36_500) {
          return days;
        }
      } catch (NumberFormatException notANumber) {
        // CloudFormation passes a Number parameter as text such as "1095"; anything else falls
        // back.
      }
    }
    return FALLBACK_RETENTION_DAYS;
  }

  public Consultation {
    Objects.requireNonNull(council, "council");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    questions = questions == null ? List.of() : List.copyOf(questions);
    profileFields = profileFields == null ? Set.of() : Set.copyOf(profileFields);
    districts = districts == null ? List.of() : List.copyOf(districts);
    intro = intro == null ? "" : intro;
    councilName = councilName == null ? council : councilName;
    if (retentionDays <= 0) {
      retentionDays = DEFAULT_RETENTION_DAYS;
    }
  }

  public Optional<Question> question(String questionId) {
    return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
  }

  public boolean asks(ProfileField field) {
    return profileFields.contains(field);
  }

  /** Whether the public may see this consultation at all: drafts are for officers only. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isVisibleToPublic() {
    return status != ConsultationStatus.DRAFT;
  }

  /** Whether an answer sent at {@code now} is accepted. */
  public boolean isAcceptingAnswersAt(Instant now) {
    return status == ConsultationStatus.OPEN
        && (opensAt == null || !now.isBefore(opensAt))
        && (closesAt == null || now.isBefore(closesAt));
  }

  public Consultation withStatus(ConsultationStatus newStatus) {
    return new Consultation(
        council,
        id,
        councilName,
        title,
        kind,
        newStatus,
        opensAt,
        closesAt,
        intro,
        questions,
        profileFields,
        districts,
        retentionDays);
  }
}
