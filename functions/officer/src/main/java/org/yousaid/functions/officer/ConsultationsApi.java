package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.shared.audit.AuditLog;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ConsultationStatus;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.validation.FieldError;

/**
 * The officer API's consultations: create a draft from a template, read one, edit a draft, open and
 * close. The rules are {@link ConsultationAdmin}'s, the same the manage pages follow.
 */
final class ConsultationsApi {

  private final ConsultationAdmin admin;
  private final ConsultationLookup lookup;
  private final ResponseRepository responses;
  private final AuditLog audit;

  ConsultationsApi(
      ConsultationAdmin admin,
      ConsultationLookup lookup,
      ResponseRepository responses,
      AuditLog audit) {
    this.admin = admin;
    this.lookup = lookup;
    this.responses = responses;
    this.audit = audit;
  }

  /** {@code {"template","id","title"}}: a new draft, 201 with its address. */
  APIGatewayV2HTTPResponse create(Request request, SignedInOfficer officer) {
    ApiJson body = ApiJson.of(request, 16 * 1024);
    String template = body.text("template");
    String id = body.text("id");
    String title = body.text("title");
    body.check();
    Consultation created =
        ApiJson.fields(
            () ->
                admin.create(
                    request.pathParameter("council"),
                    template,
                    id,
                    title,
                    officer.identity().email()),
            name -> name);
    return Responses.response(
        201,
        "application/json",
        Json.write(document(created)),
        Map.of("Cache-Control", "no-store", "Location", ApiPaths.consultation(created)));
  }

  APIGatewayV2HTTPResponse show(Request request, SignedInOfficer officer) {
    return Responses.json(200, document(lookup.of(request)));
  }

  /**
   * Edits a draft: any of {@code title}, {@code intro}, {@code opens}, {@code closes} (a date, or
   * "" to clear it) and {@code questions} ({@code [{"id","text","hint","required"}]}); what is left
   * out stays as it is.
   */
  APIGatewayV2HTTPResponse update(Request request, SignedInOfficer officer) {
    Consultation current = lookup.of(request);
    ApiJson body = ApiJson.of(request, 256 * 1024);
    Map<String, List<String>> form = new LinkedHashMap<>();
    form.put("title", List.of(given(body, "title", current.title())));
    form.put("intro", List.of(given(body, "intro", current.intro())));
    form.put(
        "opens",
        List.of(given(body, "opens", ConsultationAdmin.formDate(current.opensAt(), false))));
    form.put(
        "closes",
        List.of(given(body, "closes", ConsultationAdmin.formDate(current.closesAt(), true))));
    for (Question q : current.questions()) {
      form.put("q." + q.id() + ".text", List.of(q.text()));
      form.put("q." + q.id() + ".hint", List.of(q.hint()));
      form.put("q." + q.id() + ".required", q.required() ? List.of("yes") : List.of());
    }
    Set<String> known = new HashSet<>();
    current.questions().forEach(q -> known.add(q.id()));
    List<FieldError> unknown = new ArrayList<>();
    List<Map<?, ?>> questions = body.objects("questions");
    for (int i = 0; i < questions.size(); i++) {
      Map<?, ?> q = questions.get(i);
      Object id = q.get("id");
      if (!(id instanceof String qid) || !known.contains(qid)) {
        unknown.add(
            new FieldError("questions[" + i + "].id", "Name one of this consultation's questions"));
        continue;
      }
      if (q.get("text") instanceof String text) {
        form.put("q." + qid + ".text", List.of(text));
      }
      if (q.get("hint") instanceof String hint) {
        form.put("q." + qid + ".hint", List.of(hint));
      }
      if (q.get("required") instanceof Boolean required) {
        form.put("q." + qid + ".required", required ? List.of("yes") : List.of());
      }
    }
    body.check();
    if (!unknown.isEmpty()) {
      throw ApiJson.unprocessable(unknown);
    }
    Consultation updated =
        ApiJson.fields(
            () -> admin.update(current, form, officer.identity().email()),
            ConsultationsApi::fieldName);
    return Responses.json(200, document(updated));
  }

  /** {@code {"status": "OPEN" | "CLOSED"}}: opens or closes the consultation. */
  APIGatewayV2HTTPResponse status(Request request, SignedInOfficer officer) {
    Consultation current = lookup.of(request);
    ApiJson body = ApiJson.of(request, 4 * 1024);
    String status = body.text("status");
    body.check();
    String email = officer.identity().email();
    Consultation changed;
    if ("OPEN".equals(status)) {
      changed = admin.open(current, email);
    } else if ("CLOSED".equals(status)) {
      changed = admin.close(current, email);
    } else {
      throw ApiJson.unprocessable(List.of(new FieldError("status", "Choose OPEN or CLOSED")));
    }
    return Responses.json(200, document(changed));
  }

  /** The field's text if the body has it, else the value it has now (never null). */
  private static String given(ApiJson body, String name, String now) {
    String value = body.has(name) ? body.text(name) : now;
    return value == null ? "" : value;
  }

  /** The manage form names a question's fields {@code q.<id>.text}; the API's are questions'. */
  private static String fieldName(String formField) {
    return formField.startsWith("q.") ? "questions." + formField.substring(2) : formField;
  }

  private Map<String, Object> document(Consultation c) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", c.id());
    body.put("council", c.council());
    body.put("title", c.title());
    body.put("kind", c.kind());
    body.put("status", c.status());
    body.put("opensAt", c.opensAt());
    body.put("closesAt", c.closesAt());
    body.put("intro", c.intro());
    List<Map<String, Object>> questions = new ArrayList<>();
    for (Question q : c.questions()) {
      Map<String, Object> question = new LinkedHashMap<>();
      question.put("id", q.id());
      question.put("text", q.text());
      question.put("hint", q.hint());
      question.put("type", q.type());
      question.put("required", q.required());
      question.put("maxLength", q.maxLength());
      question.put(
          "options",
          q.options().stream().map(o -> Map.of("value", o.value(), "label", o.label())).toList());
      questions.add(question);
    }
    body.put("questions", questions);
    body.put("editable", c.status() == ConsultationStatus.DRAFT);
    body.put("responses", responses.countForConsultation(c.council(), c.id()));
    body.put(
        "audit",
        audit.entries(c.council(), c.id()).stream()
            .map(
                e -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("at", e.at());
                  entry.put("officer", e.officer());
                  entry.put("action", e.action());
                  entry.put("summary", e.summary());
                  return entry;
                })
            .toList());
    return body;
  }
}
