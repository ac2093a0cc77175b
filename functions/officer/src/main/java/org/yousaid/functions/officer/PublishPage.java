package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.github.f4b6a3.ulid.UlidCreator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.http.FormBody;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.functions.common.queue.PublishQueue;
import org.yousaid.functions.officer.auth.OfficerIdentity;
import org.yousaid.publishing.PublishJob;
import org.yousaid.publishing.Publisher;
import org.yousaid.publishing.SitePaths;
import org.yousaid.shared.audit.AuditLog;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.publishing.Publication;
import org.yousaid.shared.publishing.ReviewRepository;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.validation.FieldError;

/**
 * "Publish You said, we did" is a decision: the sign-off page lists everything that would go out
 * (themes, quotes, "we did" responses, counts) and its warnings, with the reviewers' comments and
 * co-signatures; the signed-in officer confirms they checked it and is recorded as the approver.
 * The request names the draft signed off, so a correction made meanwhile stops it (409 here, 412 in
 * the publisher) rather than publishing something nobody saw.
 */
final class PublishPage {

  /** One published version as officers see it, with who signed it off. */
  record VersionRow(
      int version,
      java.time.Instant publishedAt,
      String contentHash,
      String link,
      Publication.SignOff approvedBy,
      List<Publication.SignOff> coSignedBy,
      String requestId) {}

  private final Publisher publisher;
  private final ReviewRepository reviews;
  private final PublishQueue queue;
  private final AuditLog audit;
  private final ConsultationLookup lookup;
  private final String siteUrl;

  /**
   * @param siteUrl the published site's address, for the links to each version
   */
  PublishPage(
      Services services,
      PublishQueue queue,
      AuditLog audit,
      ConsultationLookup lookup,
      String siteUrl) {
    this.lookup = lookup;
    this.publisher = new Publisher(services);
    this.reviews = services.reviews();
    this.queue = queue;
    this.audit = audit;
    this.siteUrl = siteUrl.endsWith("/") ? siteUrl : siteUrl + "/";
  }

  APIGatewayV2HTTPResponse show(Request request, SignedInOfficer officer) {
    return officer.page("officer/publish", model(lookup.of(request), Map.of(), List.of()));
  }

  /** The public page as it would be published now, with no officer header around it. */
  APIGatewayV2HTTPResponse preview(Request request, SignedInOfficer officer) {
    return Responses.html(200, publisher.preview(lookup.of(request)));
  }

  /**
   * Signs off and queues the publisher, then comes back to this page, which says so; without the
   * confirmation, or for a draft that changed since the page was shown, the page comes back with
   * the reason.
   */
  APIGatewayV2HTTPResponse request(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    FormBody form = FormBody.parse(request.bodyText(16 * 1024));
    DraftSummary draft = DraftSummary.of(publisher, c);
    try {
      PublishSignOff.check(draft, "yes".equals(form.first("confirm")), form.first("draft"));
    } catch (ProblemException refused) {
      return officer.page(
          "officer/publish", model(c, form.fields(), refused.errors(), draft), refused.status());
    }
    request(c, officer.identity(), draft.fingerprint());
    return Flash.PUBLISH_REQUESTED.redirect(OfficerPaths.consultation(c) + "/publish");
  }

  Map<String, Object> model(
      Consultation consultation, Map<String, List<String>> given, List<FieldError> errors) {
    return model(consultation, given, errors, DraftSummary.of(publisher, consultation));
  }

  private Map<String, Object> model(
      Consultation consultation,
      Map<String, List<String>> given,
      List<FieldError> errors,
      DraftSummary draft) {
    List<VersionRow> rows = versions(consultation);
    String current = siteUrl + SitePaths.consultation(consultation.council(), consultation.id());
    Map<String, Object> model = FormModel.of("Publish: " + consultation.title(), given, errors);
    model.put("consultation", consultation);
    model.put("summary", draft);
    model.put("responses", draft.draft().responses());
    model.put("reviews", draft.reviews(reviews.list(consultation.council(), consultation.id())));
    model.put("versions", rows);
    model.put("currentLink", rows.isEmpty() ? null : current + "index.html");
    model.put("councilLink", siteUrl + SitePaths.council(consultation.council()) + "index.html");
    return model;
  }

  /** The draft that would be published now, as the approver signs it off. */
  DraftSummary draft(Consultation consultation) {
    return DraftSummary.of(publisher, consultation);
  }

  /** Every published version, newest first, with who signed it off. */
  List<VersionRow> versions(Consultation consultation) {
    List<Publication> versions = publisher.versions(consultation.council(), consultation.id());
    String current = siteUrl + SitePaths.consultation(consultation.council(), consultation.id());
    List<VersionRow> rows = new ArrayList<>();
    for (int i = versions.size() - 1; i >= 0; i--) {
      Publication p = versions.get(i);
      rows.add(
          new VersionRow(
              p.version(),
              p.publishedAt(),
              p.contentHash(),
              current + "versions/" + p.version() + "/index.html",
              p.approvedBy(),
              p.coSignedBy(),
              p.requestId()));
    }
    return rows;
  }

  /** Queues the publisher for the draft signed off; answers with the request's id. */
  String request(Consultation consultation, OfficerIdentity officer, String fingerprint) {
    String requestId = UlidCreator.getMonotonicUlid().toString();
    queue.send(
        Json.write(
            new PublishJob(
                consultation.council(),
                consultation.id(),
                officer.subject(),
                requestId,
                officer.email(),
                fingerprint)));
    audit.record(
        consultation.council(),
        consultation.id(),
        officer.email(),
        "publish",
        "Signed off and asked to publish You said, we did");
    return requestId;
  }
}
