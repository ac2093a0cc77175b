package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.github.f4b6a3.ulid.UlidCreator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.functions.common.queue.PublishQueue;
import org.yousaid.functions.officer.auth.OfficerIdentity;
import org.yousaid.publishing.PublishJob;
import org.yousaid.publishing.PublishedConsultation;
import org.yousaid.publishing.Publisher;
import org.yousaid.publishing.SitePaths;
import org.yousaid.reports.ReportFormat;
import org.yousaid.shared.audit.AuditLog;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.publishing.Publication;

/**
 * "Publish You said, we did": what will be published (checked before anyone presses the button), a
 * preview of the public page, the publication record, and the request that queues the publisher.
 */
final class PublishPage {

  /** One published version as officers see it. */
  record VersionRow(int version, String publishedOn, String contentHash, String link) {}

  private final Publisher publisher;
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
    this.queue = queue;
    this.audit = audit;
    this.siteUrl = siteUrl.endsWith("/") ? siteUrl : siteUrl + "/";
  }

  APIGatewayV2HTTPResponse show(Request request, SignedInOfficer officer) {
    return officer.page(
        "officer/publish",
        model(lookup.of(request), request.queryParameters().containsKey("requested")));
  }

  /** The public page as it would be published now, with no officer header around it. */
  APIGatewayV2HTTPResponse preview(Request request, SignedInOfficer officer) {
    return Responses.html(200, publisher.preview(lookup.of(request)));
  }

  /** Queues the publisher and comes back to this page, which then says it was asked. */
  APIGatewayV2HTTPResponse request(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    request(c, officer.identity());
    return Responses.redirect(OfficerPaths.consultation(c) + "/publish?requested=1");
  }

  Map<String, Object> model(Consultation consultation, boolean requested) {
    List<Publication> versions = publisher.versions(consultation.council(), consultation.id());
    PublishedConsultation next = publisher.build(consultation, versions.size() + 1);
    int themes = 0;
    int quotes = 0;
    int weDid = 0;
    List<String> withoutQuote = new ArrayList<>();
    List<String> withoutResponse = new ArrayList<>();
    for (var q : next.questions()) {
      if (q.themes() == null) {
        continue;
      }
      for (var t : q.themes()) {
        themes++;
        quotes += (t.exemplar() == null ? 0 : 1) + t.quotes().size();
        if (t.exemplar() == null) {
          withoutQuote.add(t.label());
        }
        if (t.weDid() == null) {
          withoutResponse.add(t.label());
        } else {
          weDid++;
        }
      }
    }
    String current = siteUrl + SitePaths.consultation(consultation.council(), consultation.id());
    List<VersionRow> rows = new ArrayList<>();
    for (int i = versions.size() - 1; i >= 0; i--) {
      Publication p = versions.get(i);
      rows.add(
          new VersionRow(
              p.version(),
              ReportFormat.date(p.publishedAt()),
              p.contentHash(),
              current + "versions/" + p.version() + "/index.html"));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("pageTitle", "Publish: " + consultation.title());
    model.put("consultation", consultation);
    model.put("responses", next.responses());
    model.put("themes", themes);
    model.put("quotes", quotes);
    model.put("weDid", weDid);
    model.put("withoutQuote", withoutQuote);
    model.put("withoutResponse", withoutResponse);
    model.put("versions", rows);
    model.put("currentLink", versions.isEmpty() ? null : current + "index.html");
    model.put("councilLink", siteUrl + SitePaths.council(consultation.council()) + "index.html");
    model.put("requested", requested);
    return model;
  }

  void request(Consultation consultation, OfficerIdentity officer) {
    String requestId = UlidCreator.getMonotonicUlid().toString();
    queue.send(
        Json.write(
            new PublishJob(
                consultation.council(), consultation.id(), officer.subject(), requestId)));
    audit.record(
        consultation.council(),
        consultation.id(),
        officer.email(),
        "publish",
        "Asked to publish You said, we did");
  }
}
