package org.yousaid.functions.common.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yousaid.functions.common.http.FormBody;
import org.yousaid.shared.model.AgeBand;
import org.yousaid.shared.model.AreaOfNeed;
import org.yousaid.shared.model.ChoiceOption;
import org.yousaid.shared.model.Coded;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.EhcStage;
import org.yousaid.shared.model.ProfileField;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.QuestionType;
import org.yousaid.shared.model.Role;
import org.yousaid.shared.validation.FieldError;
import org.yousaid.shared.validation.RawSubmission;
import org.yousaid.shared.validation.SubmissionValidator;

/**
 * The public form as fields ready for the template, with what was typed and what went wrong, so a
 * form sent back with errors shows every answer exactly as it was given.
 */
public final class FormView {

  public static final String ANSWER_PREFIX = "q.";
  public static final String PROFILE_PREFIX = "profile.";
  public static final String CONSENT = "consent";
  public static final String FORM_TOKEN = "formToken";

  /** One option of a radio or checkbox field. */
  public record OptionView(String id, String value, String label, boolean checked) {}

  /** One field: {@code kind} is textarea, radios or checkboxes. */
  public record FieldView(
      String id,
      String name,
      String label,
      String hint,
      String kind,
      boolean optional,
      List<OptionView> options,
      String value,
      String error,
      int maxLength,
      String describedBy) {}

  /** An entry in the error summary, linking to the field. */
  public record ErrorLink(String href, String message) {}

  private FormView() {}

  /** Turns the posted form into the raw submission the validator understands. */
  public static RawSubmission toSubmission(FormBody form) {
    Map<String, List<String>> answers = new java.util.LinkedHashMap<>();
    Map<String, List<String>> profile = new java.util.LinkedHashMap<>();
    form.fields()
        .forEach(
            (name, values) -> {
              if (name.startsWith(ANSWER_PREFIX)) {
                answers.put(name.substring(ANSWER_PREFIX.length()), values);
              } else if (name.startsWith(PROFILE_PREFIX)) {
                profile.put(name.substring(PROFILE_PREFIX.length()), values);
              }
            });
    return new RawSubmission(answers, profile, form.first(CONSENT), List.of());
  }

  public static List<FieldView> questionFields(
      Consultation consultation, FormBody given, List<FieldError> errors) {
    List<FieldView> fields = new ArrayList<>();
    for (Question q : consultation.questions()) {
      String kind =
          switch (q.type()) {
            case FREE_TEXT -> "textarea";
            case MULTI_CHOICE -> "checkboxes";
            default -> "radios";
          };
      fields.add(
          field(
              "q-" + q.id(),
              ANSWER_PREFIX + q.id(),
              q.text(),
              q.hint(),
              kind,
              !q.required(),
              q.type() == QuestionType.FREE_TEXT ? List.of() : q.effectiveOptions(),
              given,
              errorFor(q.id(), errors),
              q.maxLength()));
    }
    return fields;
  }

  public static List<FieldView> profileFields(
      Consultation consultation, FormBody given, List<FieldError> errors) {
    List<FieldView> fields = new ArrayList<>();
    if (consultation.asks(ProfileField.EHC_STAGE)) {
      fields.add(
          profile(
              SubmissionValidator.PROFILE_EHC_STAGE,
              "Which stage have you just finished?",
              "",
              "radios",
              options(EhcStage.values()),
              given,
              errors));
    }
    if (consultation.asks(ProfileField.ROLE)) {
      fields.add(
          profile(
              SubmissionValidator.PROFILE_ROLE,
              "Are you answering as",
              "",
              "radios",
              options(Role.values()),
              given,
              errors));
    }
    if (consultation.asks(ProfileField.AGE_BAND)) {
      fields.add(
          profile(
              SubmissionValidator.PROFILE_AGE_BAND,
              "How old is the child or young person?",
              "If you are answering about more than one child, choose the youngest.",
              "radios",
              options(AgeBand.values()),
              given,
              errors));
    }
    if (consultation.asks(ProfileField.AREA_OF_NEED)) {
      fields.add(
          profile(
              SubmissionValidator.PROFILE_AREAS_OF_NEED,
              "What are their main areas of need?",
              "Select all that apply.",
              "checkboxes",
              options(AreaOfNeed.values()),
              given,
              errors));
    }
    if (consultation.asks(ProfileField.DISTRICT) && !consultation.districts().isEmpty()) {
      fields.add(
          profile(
              SubmissionValidator.PROFILE_DISTRICT,
              "Which area do you live in?",
              "",
              "radios",
              consultation.districts().stream().map(d -> new ChoiceOption(d, d)).toList(),
              given,
              errors));
    }
    return fields;
  }

  private static FieldView profile(
      String key,
      String label,
      String hint,
      String kind,
      List<ChoiceOption> options,
      FormBody given,
      List<FieldError> errors) {
    List<ChoiceOption> withSkip = new ArrayList<>(options);
    if (kind.equals("radios")) {
      withSkip.add(new ChoiceOption("", "Prefer not to say"));
    }
    return field(
        "profile-" + key,
        PROFILE_PREFIX + key,
        label,
        hint,
        kind,
        true,
        withSkip,
        given,
        errorFor("profile." + key, errors),
        0);
  }

  private static <E extends Enum<E> & Coded> List<ChoiceOption> options(E[] values) {
    List<ChoiceOption> options = new ArrayList<>();
    for (E value : values) {
      options.add(new ChoiceOption(value.code(), value.label()));
    }
    return options;
  }

  private static FieldView field(
      String id,
      String name,
      String label,
      String hint,
      String kind,
      boolean optional,
      List<ChoiceOption> options,
      FormBody given,
      String error,
      int maxLength) {
    List<String> values = given.all(name);
    List<OptionView> optionViews = new ArrayList<>();
    for (int i = 0; i < options.size(); i++) {
      ChoiceOption o = options.get(i);
      // The first option carries the field's id, so the error summary link focuses it.
      String optionId = i == 0 ? id : id + "-" + (i + 1);
      optionViews.add(
          new OptionView(
              optionId,
              o.value(),
              o.label(),
              values.contains(o.value()) && !(o.value().isEmpty() && values.isEmpty())));
    }
    List<String> describedBy = new ArrayList<>();
    if (hint != null && !hint.isBlank()) {
      describedBy.add(id + "-hint");
    }
    if (error != null) {
      describedBy.add(id + "-error");
    }
    if (kind.equals("textarea")) {
      describedBy.add(id + "-info");
    }
    return new FieldView(
        id,
        name,
        label,
        hint,
        kind,
        optional,
        optionViews,
        values.isEmpty() ? "" : values.get(0),
        error,
        maxLength,
        String.join(" ", describedBy));
  }

  private static String errorFor(String field, List<FieldError> errors) {
    return errors.stream()
        .filter(e -> e.field().equals(field))
        .map(FieldError::message)
        .findFirst()
        .orElse(null);
  }

  public static List<ErrorLink> errorLinks(List<FieldError> errors) {
    return errors.stream().map(e -> new ErrorLink("#" + fieldId(e.field()), e.message())).toList();
  }

  private static String fieldId(String field) {
    return field.startsWith("profile.")
        ? "profile-" + field.substring("profile.".length())
        : "q-" + field;
  }
}
