package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.http.FormBody;
import org.yousaid.functions.common.http.Request;
import org.yousaid.publishing.Publisher;
import org.yousaid.shared.audit.AuditLog;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.validation.FieldError;

/**
 * The second reviewer's page (e.g. the parent carer forum, or another officer): the draft "You
 * said, we did" with its themes, quotes and "we did" responses, everyone's comments, and a form to
 * comment and co-sign. A co-signature holds for the draft as shown; the approver's sign-off records
 * it if nothing changed in between.
 */
final class ReviewPage {

  static final int MAX_COMMENT = DraftReviews.MAX_COMMENT;

  private final Publisher publisher;
  private final DraftReviews reviews;
  private final ConsultationLookup lookup;

  ReviewPage(Services services, ConsultationLookup lookup, AuditLog audit) {
    this.publisher = new Publisher(services);
    this.reviews = new DraftReviews(services.reviews(), audit, services.clock());
    this.lookup = lookup;
  }

  DraftReviews reviews() {
    return reviews;
  }

  APIGatewayV2HTTPResponse show(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    return officer.page(
        "officer/review", model(c, DraftSummary.of(publisher, c), Map.of(), List.of(), officer));
  }

  /** Stores a comment, a co-signature or both; a form with neither comes back with the reason. */
  APIGatewayV2HTTPResponse act(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    FormBody form = FormBody.parse(request.bodyText(32 * 1024));
    DraftSummary draft = DraftSummary.of(publisher, c);
    boolean coSign = "yes".equals(form.first("cosign"));
    try {
      reviews.add(c, draft, officer.identity(), form.first("comment"), coSign, form.first("draft"));
    } catch (ProblemException refused) {
      if (refused.errors().isEmpty()) {
        throw refused;
      }
      return officer.page(
          "officer/review",
          model(c, draft, form.fields(), refused.errors(), officer),
          refused.status());
    }
    return (coSign ? Flash.CO_SIGNED : Flash.COMMENTED)
        .redirect(OfficerPaths.consultation(c) + "/review");
  }

  private Map<String, Object> model(
      Consultation c,
      DraftSummary draft,
      Map<String, List<String>> given,
      List<FieldError> errors,
      SignedInOfficer officer) {
    Map<String, Object> model = FormModel.of("Review: " + c.title(), given, errors);
    model.put("consultation", c);
    model.put("summary", draft);
    model.put("reviews", draft.reviews(reviews.list(c)));
    model.put("isOfficer", officer.identity().actsFor(c.council()));
    return model;
  }
}
