package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yousaid.functions.common.http.FormBody;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.shared.audit.AuditLog;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ConsultationStatus;
import org.yousaid.shared.storage.ConsultationRepository;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.validation.FieldError;

/**
 * The officer's consultations: the dashboard listing them by council, creating one from a template,
 * the manage page (edit a draft, open, close, with the audit log), and the same list as JSON. A
 * form sent back with errors keeps everything the officer typed.
 */
final class ConsultationsPage {

  private final ConsultationRepository consultations;
  private final ResponseRepository responses;
  private final ConsultationLookup lookup;
  private final ConsultationAdmin admin;
  private final AuditLog audit;
  private final java.util.function.Predicate<String> registerDue;

  /**
   * @param registerDue whether a council has not published its comments and responses (reg. 56) in
   *     the last 12 months: its officers are warned on the home page
   */
  ConsultationsPage(
      ConsultationRepository consultations,
      ResponseRepository responses,
      ConsultationLookup lookup,
      AuditLog audit,
      java.util.function.Predicate<String> registerDue) {
    this.registerDue = registerDue;
    this.consultations = consultations;
    this.responses = responses;
    this.lookup = lookup;
    this.admin = new ConsultationAdmin(consultations, audit);
    this.audit = audit;
  }

  /** Every consultation of every council the officer acts for, with its number of responses. */
  APIGatewayV2HTTPResponse dashboard(Request request, SignedInOfficer officer) {
    List<Map<String, Object>> councils = new ArrayList<>();
    for (String council : officer.identity().councils().stream().sorted().toList()) {
      List<Map<String, Object>> rows = new ArrayList<>();
      List<Consultation> theirs = consultations.listForCouncil(council);
      // Officers know their council by its name; the slug only until it has a consultation.
      String name = theirs.isEmpty() ? council : theirs.get(0).councilName();
      for (Consultation c : theirs) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("consultation", c);
        row.put("responses", responses.countForConsultation(council, c.id()));
        rows.add(row);
      }
      councils.add(
          Map.of(
              "slug",
              council,
              "name",
              name,
              "consultations",
              rows,
              "registerDue",
              registerDue.test(council)));
    }
    List<Map<String, Object>> reviewing = new ArrayList<>();
    for (String council : officer.identity().reviews().stream().sorted().toList()) {
      if (!officer.identity().actsFor(council)) {
        // Only what a reviewer may open: titles linking to the review pages, no counts.
        reviewing.add(
            Map.of(
                "slug",
                council,
                "consultations",
                consultations.listForCouncil(council).stream()
                    .filter(c -> c.kind() == org.yousaid.shared.model.ConsultationKind.CONSULTATION)
                    .toList()));
      }
    }
    return officer.page(
        "officer/dashboard",
        Map.of("pageTitle", "Your consultations", "councils", councils, "reviewing", reviewing));
  }

  APIGatewayV2HTTPResponse json(Request request, SignedInOfficer officer) {
    String council = request.pathParameter("council");
    List<Map<String, Object>> body = new ArrayList<>();
    for (Consultation c : consultations.listForCouncil(council)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", c.id());
      row.put("title", c.title());
      row.put("kind", c.kind());
      row.put("status", c.status());
      row.put("responses", responses.countForConsultation(council, c.id()));
      body.add(row);
    }
    return Responses.json(200, Map.of("consultations", body));
  }

  APIGatewayV2HTTPResponse newForm(Request request, SignedInOfficer officer) {
    return newForm(request, Map.of(), List.of(), 200, officer);
  }

  APIGatewayV2HTTPResponse create(Request request, SignedInOfficer officer) {
    FormBody form = FormBody.parse(request.bodyText(64 * 1024));
    try {
      Consultation created =
          admin.create(
              request.pathParameter("council"),
              form.first("template"),
              form.first("id"),
              form.first("title"),
              officer.identity().email());
      return Flash.CREATED.redirect(OfficerPaths.consultation(created));
    } catch (ProblemException problem) {
      if (problem.status() == 400 || problem.status() == 409) {
        // A taken address (409) has no field errors: show it beside the address field.
        List<FieldError> errors =
            problem.errors().isEmpty()
                ? List.of(new FieldError("id", problem.detail()))
                : problem.errors();
        return newForm(request, form.fields(), errors, problem.status(), officer);
      }
      throw problem;
    }
  }

  private APIGatewayV2HTTPResponse newForm(
      Request request,
      Map<String, List<String>> given,
      List<FieldError> errors,
      int status,
      SignedInOfficer officer) {
    Map<String, Object> model = FormModel.of("Create a consultation", given, errors);
    model.put("council", request.pathParameter("council"));
    model.put("templates", new TreeMap<>(ConsultationAdmin.TEMPLATES));
    return officer.page("officer/new-consultation", model, status);
  }

  APIGatewayV2HTTPResponse manage(Request request, SignedInOfficer officer) {
    return manage(lookup.of(request), Map.of(), List.of(), 200, officer);
  }

  /** Opens, closes or saves the edits to a consultation, as the form's "action" says. */
  APIGatewayV2HTTPResponse change(Request request, SignedInOfficer officer) {
    Consultation current = lookup.of(request);
    FormBody form = FormBody.parse(request.bodyText(256 * 1024));
    String action = String.valueOf(form.first("action"));
    String email = officer.identity().email();
    Flash done;
    try {
      done =
          switch (action) {
            case "open" -> {
              admin.open(current, email);
              yield Flash.OPENED;
            }
            case "close" -> {
              admin.close(current, email);
              yield Flash.CLOSED;
            }
            case "save" -> {
              admin.update(current, form.fields(), email);
              yield Flash.SAVED;
            }
            default -> throw ProblemException.badRequest("Choose an action.");
          };
    } catch (ProblemException problem) {
      if (problem.status() == 400 && !problem.errors().isEmpty()) {
        return manage(current, form.fields(), problem.errors(), 400, officer);
      }
      if (problem.status() == 400 || problem.status() == 409) {
        // Not a field's fault (a second click on "Close", an edit after opening): the page says
        // why beside the status buttons, with the consultation as it now is.
        return manage(
            lookup.of(request),
            action.equals("save") ? form.fields() : Map.of(),
            List.of(new FieldError("status-actions", problem.detail())),
            problem.status(),
            officer);
      }
      throw problem;
    }
    return done.redirect(OfficerPaths.consultation(current));
  }

  private APIGatewayV2HTTPResponse manage(
      Consultation consultation,
      Map<String, List<String>> given,
      List<FieldError> errors,
      int status,
      SignedInOfficer officer) {
    Map<String, Object> model = FormModel.of("Manage: " + consultation.title(), given, errors);
    model.put("consultation", consultation);
    model.put("isDraft", consultation.status() == ConsultationStatus.DRAFT);
    model.put("isOpen", consultation.status() == ConsultationStatus.OPEN);
    model.put("edited", !given.isEmpty());
    model.put("opens", ConsultationAdmin.formDate(consultation.opensAt(), false));
    model.put("closes", ConsultationAdmin.formDate(consultation.closesAt(), true));
    model.put(
        "responses", responses.countForConsultation(consultation.council(), consultation.id()));
    model.put("audit", audit.entries(consultation.council(), consultation.id()));
    return officer.page("officer/manage", model, status);
  }
}
