package org.yousaid.functions.officer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.yousaid.shared.audit.AuditLog;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.model.ChoiceOption;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ConsultationKind;
import org.yousaid.shared.model.ConsultationStatus;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.QuestionType;
import org.yousaid.shared.storage.ConsultationRepository;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.validation.FieldError;

/**
 * Adds, changes, removes and reorders a consultation's questions and their options, and never
 * breaks an answer already stored: a question with answers cannot be removed or change type, an
 * option someone chose keeps its value and wording, and a free-text limit never drops below what
 * was accepted. Wording and hints can still be corrected. Every change is checked against the
 * questions the officer's page showed ({@link #version}), so a second tab or a second officer
 * cannot overwrite a change unseen, and goes into the audit log.
 */
final class SurveyBuilder {

  static final int MAX_QUESTIONS = 100;
  static final int MAX_OPTIONS = 30;
  static final int MIN_MAX_LENGTH = 10;

  private final ConsultationRepository consultations;
  private final AuditLog audit;

  /** Whether a new question id would meet earlier analysis stored under it. */
  private final Predicate<QuestionKey> idInUse;

  record QuestionKey(String council, String consultation, String question) {}

  SurveyBuilder(
      ConsultationRepository consultations, AuditLog audit, Predicate<QuestionKey> idInUse) {
    this.consultations = consultations;
    this.audit = audit;
    this.idInUse = idInUse;
  }

  /** Why this consultation's questions cannot be changed at all, or null if they can. */
  static String locked(Consultation c) {
    if (c.kind() == ConsultationKind.PAGE_FEEDBACK) {
      return "The questions of page feedback are fixed, because councils’ own pages send answers"
          + " to them.";
    }
    if (c.status() == ConsultationStatus.PUBLISHED) {
      return "This consultation has been published, so its questions can no longer change.";
    }
    return null;
  }

  /** A short fingerprint of the questions as they are: the page sends it back with each change. */
  static String version(Consultation c) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(Json.write(c.questions()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Adds a question ({@code questionId} null) or saves the changes to one, at its place; returns
   * the new question's id.
   */
  String save(
      Consultation current,
      String questionId,
      QuestionDraft draft,
      AnswerUse use,
      String seenVersion,
      String officer) {
    checkChangeable(current, seenVersion);
    Question existing =
        questionId == null
            ? null
            : current
                .question(questionId)
                .orElseThrow(() -> ProblemException.notFound("That question has been removed."));
    if (existing == null && current.questions().size() >= MAX_QUESTIONS) {
      throw ProblemException.invalid(
          List.of(
              new FieldError(
                  "text", "A consultation can have up to " + MAX_QUESTIONS + " questions")));
    }
    int answers = existing == null ? 0 : use.answers(existing.id());
    List<FieldError> errors = new ArrayList<>();
    QuestionType type = type(draft.type(), errors);
    if (existing != null && answers > 0 && type != null && type != existing.type()) {
      errors.add(
          new FieldError(
              "type",
              "You cannot change the type of this question: "
                  + people(answers)
                  + " already answered it, and their answers would no longer fit"));
      type = existing.type();
    }
    String text = draft.text().strip();
    if (text.isEmpty() || text.length() > 500) {
      errors.add(new FieldError("text", "Enter the question, up to 500 characters"));
    }
    String hint = draft.hint().strip();
    if (hint.length() > 500) {
      errors.add(new FieldError("hint", "The hint must be 500 characters or fewer"));
    }
    int maxLength = 0;
    List<ChoiceOption> options = List.of();
    if (type == QuestionType.FREE_TEXT) {
      maxLength = maxLength(draft.maxLength(), existing, answers, errors);
    } else if (type != null && type.fixedOptions().isEmpty()) {
      options = options(current, existing, draft.options(), use, errors);
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    String id = existing == null ? newId(current, text) : existing.id();
    Question saved = new Question(id, text, hint, type, options, draft.required(), maxLength);
    List<Question> questions = new ArrayList<>(current.questions());
    if (existing == null) {
      questions.add(saved);
    } else {
      questions.set(questions.indexOf(existing), saved);
    }
    consultations.save(with(current, questions));
    audit.record(
        current.council(),
        current.id(),
        officer,
        existing == null ? "added-question" : "changed-question",
        (existing == null ? "added question " : "changed question ") + id);
    return id;
  }

  /** Removes a question nobody has answered. */
  void remove(
      Consultation current, String questionId, AnswerUse use, String seenVersion, String officer) {
    checkChangeable(current, seenVersion);
    Question q =
        current
            .question(questionId)
            .orElseThrow(
                () -> ProblemException.notFound("That question has already been removed."));
    int answers = use.answers(q.id());
    if (answers > 0) {
      throw ProblemException.conflict(
          "This question cannot be removed",
          "You cannot remove this question: "
              + people(answers)
              + " already answered it, and removing it would hide their answers. You can change"
              + " its wording, or make it optional.");
    }
    List<Question> questions = new ArrayList<>(current.questions());
    questions.remove(q);
    consultations.save(with(current, questions));
    audit.record(
        current.council(), current.id(), officer, "removed-question", "removed question " + id(q));
  }

  /** Moves a question one place up ({@code -1}) or down ({@code 1}); nothing at either end. */
  void move(
      Consultation current, String questionId, int delta, String seenVersion, String officer) {
    checkChangeable(current, seenVersion);
    Question q =
        current
            .question(questionId)
            .orElseThrow(() -> ProblemException.notFound("That question has been removed."));
    List<Question> questions = new ArrayList<>(current.questions());
    int from = questions.indexOf(q);
    int to = from + delta;
    if (to < 0 || to >= questions.size()) {
      return;
    }
    questions.set(from, questions.get(to));
    questions.set(to, q);
    consultations.save(with(current, questions));
    audit.record(
        current.council(),
        current.id(),
        officer,
        "moved-question",
        "moved question " + id(q) + (delta < 0 ? " up" : " down"));
  }

  private static void checkChangeable(Consultation current, String seenVersion) {
    String locked = locked(current);
    if (locked != null) {
      throw ProblemException.conflict("These questions cannot be changed", locked);
    }
    if (seenVersion == null || !seenVersion.equals(version(current))) {
      throw ProblemException.conflict(
          "The questions have changed",
          "Someone changed the questions since you opened this page, so nothing was saved. Check"
              + " the questions as they are now, then make your change again.");
    }
  }

  private static QuestionType type(String name, List<FieldError> errors) {
    try {
      return QuestionType.valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      errors.add(new FieldError("type", "Choose how people answer this question"));
      return null;
    }
  }

  private static int maxLength(
      String typed, Question existing, int answers, List<FieldError> errors) {
    int previous =
        existing != null && existing.type() == QuestionType.FREE_TEXT ? existing.maxLength() : 0;
    int value;
    if (typed.isEmpty()) {
      value = previous > 0 ? previous : Question.DEFAULT_MAX_LENGTH;
    } else {
      try {
        value = Integer.parseInt(typed.replace(",", ""));
      } catch (NumberFormatException e) {
        value = -1;
      }
      if (value < MIN_MAX_LENGTH || value > Question.DEFAULT_MAX_LENGTH) {
        errors.add(
            new FieldError(
                "maxLength",
                "Enter the most characters as a whole number from "
                    + MIN_MAX_LENGTH
                    + " to "
                    + Question.DEFAULT_MAX_LENGTH));
        return 0;
      }
    }
    if (answers > 0 && previous > 0 && value < previous) {
      errors.add(
          new FieldError(
              "maxLength",
              "The most characters cannot go below "
                  + previous
                  + ": "
                  + people(answers)
                  + " already answered, and some answers may be that long"));
    }
    return value;
  }

  /**
   * The options to save: new rows get a value made from their wording; an existing option someone
   * chose must stay, with its wording; empty new rows (the spare "add another" row) are skipped.
   */
  private List<ChoiceOption> options(
      Consultation current,
      Question existing,
      List<ChoiceOption> rows,
      AnswerUse use,
      List<FieldError> errors) {
    List<ChoiceOption> before = existing == null ? List.of() : existing.options();
    Set<String> existingValues = new HashSet<>();
    before.forEach(o -> existingValues.add(o.value()));
    List<ChoiceOption> kept = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    Set<String> values = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      ChoiceOption row = rows.get(i);
      String label = row.label().strip();
      String field = "option." + i + ".label";
      // A value seen twice (a crafted form) is an existing option once, then new options.
      boolean known = existingValues.contains(row.value()) && !values.contains(row.value());
      if (label.isEmpty()) {
        if (known) {
          errors.add(new FieldError(field, "Enter the option, or remove it"));
        }
        continue;
      }
      if (label.length() > 200) {
        errors.add(new FieldError(field, "Each option must be 200 characters or fewer"));
        continue;
      }
      if (!labels.add(label.toLowerCase(Locale.ROOT))) {
        errors.add(new FieldError(field, "“" + label + "” is already an option: remove one"));
        continue;
      }
      String value = known ? row.value() : null;
      if (known && existing != null) {
        int chosen = use.chosen(existing.id(), value);
        String was = existing.option(value).map(ChoiceOption::label).orElse(label);
        if (chosen > 0 && !was.equals(label)) {
          errors.add(
              new FieldError(
                  field,
                  "“"
                      + was
                      + "” cannot be reworded: "
                      + chose(chosen)
                      + ", and their answers would change meaning"));
        }
      }
      kept.add(new ChoiceOption(value, label));
      if (value != null) {
        values.add(value);
      }
    }
    if (existing != null) {
      for (ChoiceOption o : before) {
        int chosen = use.chosen(existing.id(), o.value());
        if (chosen > 0 && !values.contains(o.value())) {
          errors.add(
              new FieldError(
                  "options",
                  "You cannot remove “"
                      + o.label()
                      + "”: "
                      + chose(chosen)
                      + ". Put it back, or leave it and add new options"));
        }
      }
    }
    if (kept.size() < 2) {
      errors.add(new FieldError("options", "Enter at least 2 options for people to choose from"));
    } else if (kept.size() > MAX_OPTIONS) {
      errors.add(
          new FieldError("options", "A question can have up to " + MAX_OPTIONS + " options"));
    }
    // Values for the new options, unique within the question and never an earlier option's.
    List<ChoiceOption> out = new ArrayList<>();
    Set<String> taken = new HashSet<>(existingValues);
    for (ChoiceOption o : kept) {
      String value =
          o.value() == null ? unique(slug(o.label(), "option"), taken::contains) : o.value();
      taken.add(value);
      out.add(new ChoiceOption(value, o.label()));
    }
    return out;
  }

  private String newId(Consultation current, String text) {
    Set<String> taken = new HashSet<>();
    current.questions().forEach(q -> taken.add(q.id()));
    return unique(
        slug(text, "question"),
        id ->
            taken.contains(id)
                || QuestionsPage.NEW.equals(id)
                || idInUse.test(new QuestionKey(current.council(), current.id(), id)));
  }

  /** Lower-case letters, numbers and dashes from the start of {@code text}, up to 40 of them. */
  static String slug(String text, String fallback) {
    String slug =
        java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD)
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+", "");
    if (slug.length() > 40) {
      slug = slug.substring(0, 40);
    }
    slug = slug.replaceAll("-+$", "");
    return slug.isEmpty() ? fallback : slug;
  }

  private static String unique(String base, Predicate<String> taken) {
    String candidate = base;
    for (int n = 2; taken.test(candidate); n++) {
      candidate = base + "-" + n;
    }
    return candidate;
  }

  private static String id(Question q) {
    return q.id();
  }

  private static String chose(int n) {
    return n == 1 ? "1 person chose it" : n + " people chose it";
  }

  private static String people(int n) {
    return n == 1 ? "1 person has" : n + " people have";
  }

  private static Consultation with(Consultation c, List<Question> questions) {
    return new Consultation(
        c.council(),
        c.id(),
        c.councilName(),
        c.title(),
        c.kind(),
        c.status(),
        c.opensAt(),
        c.closesAt(),
        c.intro(),
        questions,
        c.profileFields(),
        c.districts(),
        c.retentionDays());
  }
}
