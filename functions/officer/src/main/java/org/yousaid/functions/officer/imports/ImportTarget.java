package org.yousaid.functions.officer.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ProfileField;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.validation.SubmissionValidator;

/**
 * Where a file's column can go: a question ({@code q.<id>}), a profile field ({@code
 * profile.<field>}), the consent to quote, the date it was given, or nowhere ({@code ignore}).
 *
 * @param code as the mapping and the API's {@code map.<column>=} parameters name it
 * @param label as the officer reads it in the mapping's select
 */
public record ImportTarget(String code, String label) {

  public static final String IGNORE = "ignore";
  public static final String CONSENT = "consent";
  public static final String SUBMITTED_AT = "submittedAt";
  public static final String QUESTION_PREFIX = "q.";
  public static final String PROFILE_PREFIX = "profile.";

  /** Every target this consultation offers, in the order the select lists them. */
  public static List<ImportTarget> of(Consultation consultation) {
    List<ImportTarget> targets = new ArrayList<>();
    for (Question q : consultation.questions()) {
      targets.add(new ImportTarget(QUESTION_PREFIX + q.id(), "Question: " + q.text()));
    }
    for (ProfileField field : ProfileField.values()) {
      profileCode(field)
          .filter(code -> consultation.asks(field))
          .ifPresent(
              code -> targets.add(new ImportTarget(PROFILE_PREFIX + code, profileLabel(field))));
    }
    targets.add(new ImportTarget(CONSENT, "Agreed to be quoted (yes or no)"));
    targets.add(new ImportTarget(SUBMITTED_AT, "Date the answers were given"));
    return targets;
  }

  /** Whether this consultation has the target (ignore is always allowed). */
  public static boolean offered(Consultation consultation, String code) {
    return code.equals(IGNORE) || of(consultation).stream().anyMatch(t -> t.code().equals(code));
  }

  /** The label of a code, or the code itself. */
  public static String label(Consultation consultation, String code) {
    if (code.equals(IGNORE)) {
      return "Do not import";
    }
    return of(consultation).stream()
        .filter(t -> t.code().equals(code))
        .map(ImportTarget::label)
        .findFirst()
        .orElse(code);
  }

  static Optional<String> profileCode(ProfileField field) {
    return Optional.of(
        switch (field) {
          case ROLE -> SubmissionValidator.PROFILE_ROLE;
          case AGE_BAND -> SubmissionValidator.PROFILE_AGE_BAND;
          case AREA_OF_NEED -> SubmissionValidator.PROFILE_AREAS_OF_NEED;
          case DISTRICT -> SubmissionValidator.PROFILE_DISTRICT;
          case EHC_STAGE -> SubmissionValidator.PROFILE_EHC_STAGE;
        });
  }

  private static String profileLabel(ProfileField field) {
    return switch (field) {
      case ROLE -> "About them: role (parent or carer, young person…)";
      case AGE_BAND -> "About them: child's age band";
      case AREA_OF_NEED -> "About them: area of need";
      case DISTRICT -> "About them: area they live in";
      case EHC_STAGE -> "About them: EHC stage";
    };
  }
}
