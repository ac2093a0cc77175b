package org.yousaid.shared.validation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yousaid.shared.model.AgeBand;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.AreaOfNeed;
import org.yousaid.shared.model.Coded;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.EhcStage;
import org.yousaid.shared.model.ProfileField;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Role;

/**
 * Checks a submission against its consultation and says, in plain English, what to fix.
 *
 * <p>Text is normalised (NFC, line endings, control characters removed, trimmed) before its length
 * is checked, so what is stored is what was measured.
 */
public final class SubmissionValidator {

  public static final String PROFILE_ROLE = "role";
  public static final String PROFILE_AGE_BAND = "ageBand";
  public static final String PROFILE_AREAS_OF_NEED = "areasOfNeed";
  public static final String PROFILE_DISTRICT = "district";
  public static final String PROFILE_EHC_STAGE = "ehcStage";

  private static final Set<String> PROFILE_KEYS =
      Set.of(
          PROFILE_ROLE,
          PROFILE_AGE_BAND,
          PROFILE_AREAS_OF_NEED,
          PROFILE_DISTRICT,
          PROFILE_EHC_STAGE);

  /** The outcome: either a valid submission or the list of problems, never both. */
  public record Result(Optional<ValidSubmission> submission, List<FieldError> errors) {
    public boolean isValid() {
      return errors.isEmpty();
    }
  }

  public Result validate(Consultation consultation, RawSubmission raw) {
    List<FieldError> errors = new ArrayList<>(raw.problems());
    for (String questionId : raw.answers().keySet()) {
      if (consultation.question(questionId).isEmpty()) {
        errors.add(
            new FieldError(
                questionId,
                "There is no question '" + shorten(questionId) + "' in this consultation."));
      }
    }
    List<Answer> answers = new ArrayList<>();
    for (Question question : consultation.questions()) {
      List<String> given = nonBlank(raw.answers().get(question.id()));
      if (given.isEmpty()) {
        if (question.required()) {
          errors.add(new FieldError(question.id(), requiredMessage(question)));
        }
        continue;
      }
      validateAnswer(question, given, errors).ifPresent(answers::add);
    }
    RespondentProfile profile = validateProfile(consultation, raw.profile(), errors);
    if (!errors.isEmpty()) {
      return new Result(Optional.empty(), List.copyOf(errors));
    }
    return new Result(
        Optional.of(new ValidSubmission(answers, profile, isYes(raw.consentToQuote()))), List.of());
  }

  private static String requiredMessage(Question question) {
    return question.type().isChoice()
        ? "Select an answer for \"" + question.text() + "\""
        : "Enter an answer for \"" + question.text() + "\"";
  }

  private Optional<Answer> validateAnswer(
      Question question, List<String> given, List<FieldError> errors) {
    if (!question.type().isChoice()) {
      if (given.size() > 1) {
        errors.add(
            new FieldError(
                question.id(), "Give one answer to \"" + question.text() + "\", not a list."));
        return Optional.empty();
      }
      String text = normaliseText(given.get(0));
      int length = text.codePointCount(0, text.length());
      if (length > question.maxLength()) {
        errors.add(
            new FieldError(
                question.id(),
                "Your answer to \""
                    + question.text()
                    + "\" must be "
                    + question.maxLength()
                    + " characters or fewer. It has "
                    + length
                    + "."));
        return Optional.empty();
      }
      return Optional.of(Answer.text(question.id(), text));
    }
    if (given.size() > 1 && !question.type().allowsSeveral()) {
      errors.add(
          new FieldError(question.id(), "Select only one answer for \"" + question.text() + "\"."));
      return Optional.empty();
    }
    Set<String> chosen = new LinkedHashSet<>();
    for (String value : given) {
      String trimmed = value.trim();
      if (question.option(trimmed).isEmpty()) {
        errors.add(
            new FieldError(
                question.id(), "Select one of the options given for \"" + question.text() + "\"."));
        return Optional.empty();
      }
      chosen.add(trimmed);
    }
    return Optional.of(Answer.choices(question.id(), List.copyOf(chosen)));
  }

  private RespondentProfile validateProfile(
      Consultation consultation, Map<String, List<String>> profile, List<FieldError> errors) {
    for (String key : profile.keySet()) {
      if (!PROFILE_KEYS.contains(key)) {
        errors.add(
            new FieldError(
                "profile." + shorten(key),
                "There is no 'about you' question called '" + shorten(key) + "'."));
      }
    }
    Role role = single(profile, PROFILE_ROLE, Role.class, "your role", errors);
    AgeBand ageBand =
        single(
            profile,
            PROFILE_AGE_BAND,
            AgeBand.class,
            "the age of your child or young person",
            errors);
    EhcStage stage =
        single(profile, PROFILE_EHC_STAGE, EhcStage.class, "the stage you have reached", errors);
    List<AreaOfNeed> areas = new ArrayList<>();
    for (String code : nonBlank(profile.get(PROFILE_AREAS_OF_NEED))) {
      Optional<AreaOfNeed> area = Coded.fromCode(AreaOfNeed.class, code);
      if (area.isEmpty()) {
        errors.add(
            new FieldError(
                "profile." + PROFILE_AREAS_OF_NEED, "Select areas of need from the list given."));
        break;
      }
      if (!areas.contains(area.get())) {
        areas.add(area.get());
      }
    }
    String district = null;
    List<String> districts = nonBlank(profile.get(PROFILE_DISTRICT));
    if (districts.size() > 1) {
      errors.add(new FieldError("profile." + PROFILE_DISTRICT, "Select one area you live in."));
    } else if (districts.size() == 1) {
      district = districts.get(0).trim();
      if (!consultation.districts().isEmpty() && !consultation.districts().contains(district)) {
        errors.add(
            new FieldError(
                "profile." + PROFILE_DISTRICT, "Select the area you live in from the list given."));
      } else if (consultation.districts().isEmpty() && district.length() > 100) {
        errors.add(
            new FieldError(
                "profile." + PROFILE_DISTRICT,
                "The area you live in must be 100 characters or fewer."));
      }
    }
    // Profile answers for fields this consultation does not ask are dropped, not stored: ask only
    // what is needed.
    return new RespondentProfile(
        consultation.asks(ProfileField.ROLE) ? role : null,
        consultation.asks(ProfileField.AGE_BAND) ? ageBand : null,
        consultation.asks(ProfileField.AREA_OF_NEED) ? areas : List.of(),
        consultation.asks(ProfileField.DISTRICT) ? district : null,
        consultation.asks(ProfileField.EHC_STAGE) ? stage : null);
  }

  private static <E extends Enum<E> & Coded> E single(
      Map<String, List<String>> profile,
      String key,
      Class<E> type,
      String what,
      List<FieldError> errors) {
    List<String> values = nonBlank(profile.get(key));
    if (values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      errors.add(new FieldError("profile." + key, "Select only one option for " + what + "."));
      return null;
    }
    Optional<E> value = Coded.fromCode(type, values.get(0));
    if (value.isEmpty()) {
      errors.add(new FieldError("profile." + key, "Select " + what + " from the list given."));
      return null;
    }
    return value.get();
  }

  private static List<String> nonBlank(List<String> values) {
    if (values == null) {
      return List.of();
    }
    return values.stream().filter(v -> v != null && !v.isBlank()).toList();
  }

  private static boolean isYes(String consent) {
    return consent != null
        && (consent.equalsIgnoreCase("yes")
            || consent.equalsIgnoreCase("true")
            || consent.equals("on"));
  }

  /**
   * NFC, Windows/Mac line endings to \n, control characters (other than newline and tab) and
   * unpaired surrogates removed, trimmed.
   */
  public static String normaliseText(String text) {
    String nfc =
        Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(nfc.length());
    for (int i = 0; i < nfc.length(); i++) {
      char c = nfc.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < nfc.length()
          && Character.isLowSurrogate(nfc.charAt(i + 1))) {
        out.append(c).append(nfc.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        continue;
      } else if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
        out.append(c);
      }
    }
    return out.toString().strip();
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
