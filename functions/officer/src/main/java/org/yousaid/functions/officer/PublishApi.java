package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.publishing.Publication;
import org.yousaid.shared.publishing.Review;

/**
 * The officer API's publishing: the draft "You said, we did" as it would go out (the sign-off
 * summary, its warnings, the reviewers' comments and co-signatures, and the public JSON itself),
 * the published versions with who signed each off, the approver's sign-off, and a reviewer's
 * comment or co-signature. The rules are the publish and review pages' ({@link PublishSignOff},
 * {@link DraftReviews}): a sign-off names the draft it checked, so the API is no way around them.
 */
final class PublishApi {

  private final PublishPage publish;
  private final DraftReviews reviews;
  private final ConsultationLookup lookup;

  PublishApi(PublishPage publish, DraftReviews reviews, ConsultationLookup lookup) {
    this.publish = publish;
    this.reviews = reviews;
    this.lookup = lookup;
  }

  /** The draft, its warnings and reviews, and every published version. */
  APIGatewayV2HTTPResponse show(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    Map<String, Object> body = draft(c, publish.draft(c));
    List<Map<String, Object>> versions = new ArrayList<>();
    for (PublishPage.VersionRow v : publish.versions(c)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("version", v.version());
      row.put("publishedAt", v.publishedAt());
      row.put("contentHash", v.contentHash());
      row.put("link", v.link());
      row.put("requestId", v.requestId());
      row.put("approvedBy", signOff(v.approvedBy()));
      row.put(
          "coSignedBy",
          v.coSignedBy() == null
              ? List.of()
              : v.coSignedBy().stream().map(PublishApi::signOff).toList());
      versions.add(row);
    }
    body.put("versions", versions);
    return Responses.json(200, body);
  }

  /** What a reviewer reads: the draft, its warnings and everyone's comments. */
  APIGatewayV2HTTPResponse review(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    return Responses.json(200, draft(c, publish.draft(c)));
  }

  /**
   * {@code {"confirm": true, "draft": "<fingerprint>"}}: signs off the draft named and queues the
   * publisher (202); the version appears in {@link #show}'s versions with this request's id.
   */
  APIGatewayV2HTTPResponse request(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    ApiJson body = ApiJson.of(request, 4 * 1024);
    boolean confirmed = body.flag("confirm");
    String signed = body.text("draft");
    body.check();
    DraftSummary draft = publish.draft(c);
    ApiJson.fields(
        () -> {
          PublishSignOff.check(draft, confirmed, signed);
          return null;
        },
        name -> name);
    String requestId = publish.request(c, officer.identity(), draft.fingerprint());
    Map<String, Object> accepted = new LinkedHashMap<>();
    accepted.put("requestId", requestId);
    accepted.put("draft", draft.fingerprint());
    accepted.put("approvedBy", officer.identity().email());
    return Responses.response(
        202,
        "application/json",
        Json.write(accepted),
        Map.of("Cache-Control", "no-store", "Location", ApiPaths.consultation(c) + "/publish"));
  }

  /** {@code {"comment"?, "coSign"?, "draft"}}: a comment, a co-signature or both (201). */
  APIGatewayV2HTTPResponse addReview(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    ApiJson body = ApiJson.of(request, 32 * 1024);
    String comment = body.text("comment");
    boolean coSign = body.flag("coSign");
    String signed = body.text("draft");
    body.check();
    DraftSummary draft = publish.draft(c);
    Review added =
        ApiJson.fields(
            () -> reviews.add(c, draft, officer.identity(), comment, coSign, signed),
            name -> name.equals("cosign") ? "coSign" : name);
    return Responses.json(201, review(added, draft));
  }

  private Map<String, Object> draft(Consultation c, DraftSummary draft) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("draft", draft.fingerprint());
    body.put("responses", draft.draft().responses());
    List<Map<String, Object>> themes = new ArrayList<>();
    for (DraftSummary.ThemeRow t : draft.themes()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("question", t.question());
      row.put("label", t.label());
      row.put("count", t.count());
      row.put("quotes", t.quotes());
      row.put("weDid", t.weDid());
      themes.add(row);
    }
    body.put("themes", themes);
    body.put("quotes", draft.quotes());
    body.put("weDid", draft.weDid());
    body.put("warnings", draft.warnings());
    body.put("reviews", reviews.list(c).stream().map(r -> review(r, draft)).toList());
    body.put("published", draft.draft());
    return body;
  }

  private static Map<String, Object> review(Review r, DraftSummary draft) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", r.id());
    row.put("reviewer", r.reviewer());
    row.put("role", r.role());
    row.put("at", r.at());
    row.put("comment", r.comment());
    row.put("coSigned", r.coSigned());
    row.put("onThisDraft", draft.fingerprint().equals(r.draftFingerprint()));
    return row;
  }

  private static Map<String, Object> signOff(Publication.SignOff s) {
    if (s == null) {
      return null;
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", s.name());
    row.put("role", s.role());
    row.put("at", s.at());
    return row;
  }
}
