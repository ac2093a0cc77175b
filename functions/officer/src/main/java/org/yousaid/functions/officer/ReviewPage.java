package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.github.f4b6a3.ulid.UlidCreator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.http.FormBody;
import org.yousaid.functions.common.http.Request;
import org.yousaid.publishing.Publisher;
import org.yousaid.shared.audit.AuditLog;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.publishing.Publication;
import org.yousaid.shared.publishing.Review;
import org.yousaid.shared.publishing.ReviewRepository;
import org.yousaid.shared.validation.FieldError;

/**
 * The second reviewer's page (e.g. the parent carer forum, or another officer): the draft "You
 * said, we did" with its themes, quotes and "we did" responses, everyone's comments, and a form to
 * comment and co-sign. A co-signature holds for the draft as shown; the approver's sign-off records
 * it if nothing changed in between.
 */
final class ReviewPage {

  static final int MAX_COMMENT = 2000;

  private final Publisher publisher;
  private final ReviewRepository reviews;
  private final ConsultationLookup lookup;
  private final AuditLog audit;
  private final Clock clock;

  ReviewPage(Services services, ConsultationLookup lookup, AuditLog audit) {
    this.publisher = new Publisher(services);
    this.reviews = services.reviews();
    this.lookup = lookup;
    this.audit = audit;
    this.clock = services.clock();
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
    String comment = form.first("comment") == null ? "" : form.first("comment").strip();
    boolean coSign = "yes".equals(form.first("cosign"));
    List<FieldError> errors = new ArrayList<>();
    int status = 400;
    if (comment.length() > MAX_COMMENT) {
      errors.add(
          new FieldError("comment", "The comment must be " + MAX_COMMENT + " characters or fewer"));
    } else if (comment.isEmpty() && !coSign) {
      errors.add(new FieldError("comment", "Write a comment, or co-sign the draft, or both"));
    } else if (coSign && !draft.fingerprint().equals(form.first("draft"))) {
      status = 409;
      errors.add(
          new FieldError(
              "cosign",
              "The draft has changed since you opened this page. Read it again, then co-sign"));
    }
    if (!errors.isEmpty()) {
      return officer.page(
          "officer/review", model(c, draft, form.fields(), errors, officer), status);
    }
    String email = officer.identity().email();
    reviews.add(
        new Review(
            UlidCreator.getMonotonicUlid().toString(),
            c.council(),
            c.id(),
            email,
            officer.identity().actsFor(c.council())
                ? Publication.SignOff.OFFICER
                : Publication.SignOff.REVIEWER,
            clock.instant(),
            comment.isEmpty() ? null : comment,
            coSign,
            draft.fingerprint()));
    // The comment stays on the review page: the audit log says only what was done.
    audit.record(
        c.council(),
        c.id(),
        email,
        coSign ? "co-signed" : "commented",
        coSign
            ? "co-signed the draft You said, we did" + (comment.isEmpty() ? "" : " with a comment")
            : "commented on the draft You said, we did");
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
    model.put("reviews", draft.reviews(reviews.list(c.council(), c.id())));
    model.put("isOfficer", officer.identity().actsFor(c.council()));
    return model;
  }
}
