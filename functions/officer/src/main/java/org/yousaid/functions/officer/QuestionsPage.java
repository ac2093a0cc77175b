package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yousaid.functions.common.form.RespondentForm;
import org.yousaid.functions.common.http.FormBody;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.shared.model.ChoiceOption;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ConsultationStatus;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.QuestionType;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.validation.FieldError;

/**
 * The survey builder's pages: the list of questions (change, remove with a confirmation, move up
 * and down with plain buttons), one question's form (type, wording, options with "add another"),
 * and the preview of the respondent's form. Refusals come back on the same page with a GOV.UK error
 * summary and everything typed; each change ends on the list with a success banner. The rules that
 * keep stored answers safe are {@link SurveyBuilder}'s.
 */
final class QuestionsPage {

  /** The address of the "add a question" form, never a question's id. */
  static final String NEW = "new";

  /** How the type radios describe each question type. */
  record TypeChoice(String value, String label, String hint) {}

  static final List<TypeChoice> TYPES =
      List.of(
          new TypeChoice(
              QuestionType.FREE_TEXT.name(),
              "Text",
              "People write their answer in their own words"),
          new TypeChoice(
              QuestionType.SINGLE_CHOICE.name(),
              "Choose one option",
              "People choose one option from a list you write"),
          new TypeChoice(
              QuestionType.MULTI_CHOICE.name(),
              "Choose one or more options",
              "People choose every option that applies from a list you write"),
          new TypeChoice(
              QuestionType.LIKERT_5.name(),
              "Agree or disagree",
              "Strongly agree, agree, neither agree nor disagree, disagree, strongly disagree"),
          new TypeChoice(QuestionType.YES_NO.name(), "Yes or no", "Yes, no"),
          new TypeChoice(
              QuestionType.RATING_1_5.name(),
              "Rating from 1 to 5",
              "1 very poor, 2 poor, 3 okay, 4 good, 5 very good"));

  /** One question in the list. */
  record Row(
      int number,
      String id,
      String text,
      String hint,
      String type,
      List<String> options,
      boolean required,
      int answers,
      boolean first,
      boolean last) {}

  /** One option row of the question form, with how many chose it (its lock). */
  record OptionRow(int index, String value, String label, int chosen) {}

  private final ConsultationLookup lookup;
  private final ResponseRepository responses;
  private final SurveyBuilder builder;
  private final Clock clock;

  QuestionsPage(
      ConsultationLookup lookup, ResponseRepository responses, SurveyBuilder builder, Clock clock) {
    this.lookup = lookup;
    this.responses = responses;
    this.builder = builder;
    this.clock = clock;
  }

  APIGatewayV2HTTPResponse list(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    return officer.page("officer/questions", listModel(c, List.of()), 200);
  }

  /** Move up or down, from the buttons on the list. */
  APIGatewayV2HTTPResponse listAction(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    FormBody form = FormBody.parse(request.bodyText(16 * 1024));
    String move = String.valueOf(form.first("move"));
    try {
      if (!move.equals("up") && !move.equals("down")) {
        throw ProblemException.badRequest("Choose a question to move up or down.");
      }
      builder.move(
          c,
          String.valueOf(form.first("question")),
          move.equals("up") ? -1 : 1,
          form.first("version"),
          officer.identity().email());
    } catch (ProblemException problem) {
      return refusedOnList(request, problem, officer);
    }
    return Flash.QUESTION_MOVED.redirect(listPath(c));
  }

  /** A question's form, the "add a question" form ({@link #NEW}), or the removal confirmation. */
  APIGatewayV2HTTPResponse form(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    String id = request.pathParameter("question");
    if (NEW.equals(id)) {
      return questionPage(
          c, null, QuestionDraft.blank(), AnswerUse.none(), List.of(), 200, officer);
    }
    Question q = question(c, id);
    AnswerUse use = use(c);
    if (request.query("remove").isPresent()) {
      return removePage(c, q, use, List.of(), 200, officer);
    }
    return questionPage(c, q, QuestionDraft.of(q), use, List.of(), 200, officer);
  }

  /**
   * Saves the question, removes it (after the confirmation), or changes the option rows of the form
   * (add another, remove, move), which saves nothing and sends the form back as typed.
   */
  APIGatewayV2HTTPResponse act(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    String id = request.pathParameter("question");
    Question q = NEW.equals(id) ? null : question(c, id);
    FormBody form = FormBody.parse(request.bodyText(256 * 1024));
    String action = String.valueOf(form.first("action"));
    String email = officer.identity().email();
    AnswerUse use = q == null ? AnswerUse.none() : use(c);
    if (action.equals("remove")) {
      if (q == null) {
        throw ProblemException.notFound("That question has not been added yet.");
      }
      String confirm = form.first("confirm");
      if (!"yes".equals(confirm) && !"no".equals(confirm)) {
        return removePage(
            c,
            q,
            use,
            List.of(new FieldError("confirm", "Select yes if you want to remove this question")),
            400,
            officer);
      }
      if (confirm.equals("no")) {
        return Responses.redirect(listPath(c));
      }
      try {
        builder.remove(c, q.id(), use, form.first("version"), email);
      } catch (ProblemException problem) {
        if (problem.status() == 409) {
          return removePage(
              lookup.of(request),
              q,
              use,
              List.of(new FieldError("confirm", problem.detail())),
              409,
              officer);
        }
        throw problem;
      }
      return Flash.QUESTION_REMOVED.redirect(listPath(c));
    }
    QuestionDraft draft = QuestionDraft.of(form);
    String version = form.first("version");
    if (action.equals("add-option")) {
      return questionPage(c, q, draft.addRow(), use, List.of(), 200, version, officer);
    }
    for (String kind : List.of("remove-option-", "up-option-", "down-option-")) {
      if (action.startsWith(kind)) {
        int row = row(action.substring(kind.length()));
        QuestionDraft changed =
            switch (kind) {
              case "remove-option-" -> draft.removeRow(row);
              case "up-option-" -> draft.moveRow(row, -1);
              default -> draft.moveRow(row, 1);
            };
        return questionPage(c, q, changed, use, List.of(), 200, version, officer);
      }
    }
    if (!action.equals("save")) {
      throw ProblemException.badRequest("Choose what to do with this question.");
    }
    try {
      builder.save(c, q == null ? null : q.id(), draft, use, version, email);
    } catch (ProblemException problem) {
      if (problem.status() == 400 && !problem.errors().isEmpty()) {
        return questionPage(c, q, draft, use, problem.errors(), 400, version, officer);
      }
      if (problem.status() == 409 || problem.status() == 400) {
        // Not one field's fault (the questions changed meanwhile, or they are locked): said at
        // the top, with the form as typed and the questions as they are now.
        return questionPage(
            lookup.of(request),
            q,
            draft,
            use,
            List.of(new FieldError("question-form", problem.detail())),
            problem.status(),
            version,
            officer);
      }
      throw problem;
    }
    return (q == null ? Flash.QUESTION_ADDED : Flash.QUESTION_SAVED).redirect(listPath(c));
  }

  /** The respondent's form exactly as the public will see it, in the public layout. */
  APIGatewayV2HTTPResponse preview(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    return Responses.html(
        200, RespondentForm.render(c, clock.instant(), RespondentForm.Render.preview(listPath(c))));
  }

  private APIGatewayV2HTTPResponse refusedOnList(
      Request request, ProblemException problem, SignedInOfficer officer) {
    if (problem.status() == 400 || problem.status() == 404 || problem.status() == 409) {
      return officer.page(
          "officer/questions",
          listModel(lookup.of(request), List.of(new FieldError("questions", problem.detail()))),
          problem.status());
    }
    throw problem;
  }

  private Map<String, Object> listModel(Consultation c, List<FieldError> errors) {
    AnswerUse use = use(c);
    Map<String, Object> model = FormModel.of("Questions: " + c.title(), Map.of(), errors);
    List<Row> rows = new ArrayList<>();
    List<Question> questions = c.questions();
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      rows.add(
          new Row(
              i + 1,
              q.id(),
              q.text(),
              q.hint(),
              typeLabel(q.type()),
              q.type() == QuestionType.FREE_TEXT
                  ? List.of()
                  : q.effectiveOptions().stream().map(ChoiceOption::label).toList(),
              q.required(),
              use.answers(q.id()),
              i == 0,
              i == questions.size() - 1));
    }
    model.put("consultation", c);
    model.put("rows", rows);
    model.put("version", SurveyBuilder.version(c));
    model.put("locked", SurveyBuilder.locked(c));
    model.put("taking", c.status() != ConsultationStatus.DRAFT);
    model.put("base", listPath(c));
    return model;
  }

  private APIGatewayV2HTTPResponse questionPage(
      Consultation c,
      Question q,
      QuestionDraft draft,
      AnswerUse use,
      List<FieldError> errors,
      int status,
      SignedInOfficer officer) {
    return questionPage(c, q, draft, use, errors, status, SurveyBuilder.version(c), officer);
  }

  private APIGatewayV2HTTPResponse questionPage(
      Consultation c,
      Question q,
      QuestionDraft draft,
      AnswerUse use,
      List<FieldError> errors,
      int status,
      String version,
      SignedInOfficer officer) {
    Map<String, Object> model =
        FormModel.of(q == null ? "Add a question" : "Change a question", Map.of(), errors);
    List<OptionRow> rows = new ArrayList<>();
    for (int i = 0; i < draft.options().size(); i++) {
      ChoiceOption o = draft.options().get(i);
      rows.add(
          new OptionRow(i, o.value(), o.label(), q == null ? 0 : use.chosen(q.id(), o.value())));
    }
    int answers = q == null ? 0 : use.answers(q.id());
    model.put("consultation", c);
    model.put("question", q);
    model.put("action", listPath(c) + "/" + (q == null ? NEW : q.id()));
    model.put("draft", draft);
    model.put("optionRows", rows);
    model.put("types", TYPES);
    model.put("answers", answers);
    model.put("typeLocked", answers > 0);
    model.put("typeLabel", q == null ? "" : typeLabel(q.type()));
    model.put("version", version == null ? SurveyBuilder.version(c) : version);
    model.put("locked", SurveyBuilder.locked(c));
    model.put("base", listPath(c));
    model.put("maxRows", draft.options().size() >= QuestionDraft.MAX_ROWS);
    return officer.page("officer/question", model, status);
  }

  private APIGatewayV2HTTPResponse removePage(
      Consultation c,
      Question q,
      AnswerUse use,
      List<FieldError> errors,
      int status,
      SignedInOfficer officer) {
    Map<String, Object> model = FormModel.of("Remove a question", Map.of(), errors);
    model.put("consultation", c);
    model.put("question", q);
    model.put("answers", use.answers(q.id()));
    model.put("version", SurveyBuilder.version(c));
    model.put("locked", SurveyBuilder.locked(c));
    model.put("action", listPath(c) + "/" + q.id());
    model.put("base", listPath(c));
    return officer.page("officer/remove-question", model, status);
  }

  private AnswerUse use(Consultation c) {
    return AnswerUse.of(responses.listForConsultation(c.council(), c.id()));
  }

  private static Question question(Consultation c, String id) {
    return c.question(id)
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "There is no such question in this consultation. It may have been removed."));
  }

  private static int row(String index) {
    try {
      return Integer.parseInt(index);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static String typeLabel(QuestionType type) {
    return TYPES.stream()
        .filter(t -> t.value().equals(type.name()))
        .map(TypeChoice::label)
        .findFirst()
        .orElse(type.name());
  }

  static String listPath(Consultation c) {
    return OfficerPaths.consultation(c) + "/questions";
  }
}
