package org.yousaid.functions.publicweb;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yousaid.functions.common.form.RespondentForm;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ConsultationKind;
import org.yousaid.shared.storage.ConsultationRepository;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.web.Pages;

/**
 * A council's public page ({@code /c/{council}}): its open consultations with their closing dates,
 * and the ones that have closed, each linking to its "You said, we did" page once published. Only
 * consultations are listed: stage surveys go to families at each stage and page feedback sits on
 * the council's own pages. Drafts are never shown; a council with nothing public is a 404.
 */
final class CouncilPage {

  /** Closed consultations listed, most recently closed first. */
  static final int CLOSED_SHOWN = 20;

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  /** One consultation as the page lists it. */
  record Row(String title, String href, String opensOn, String closesOn, String publishedUrl) {}

  private final ConsultationRepository consultations;
  private final PublishedSite site;
  private final Clock clock;

  CouncilPage(ConsultationRepository consultations, PublishedSite site, Clock clock) {
    this.consultations = consultations;
    this.site = site;
    this.clock = clock;
  }

  APIGatewayV2HTTPResponse show(String council) {
    List<Consultation> visible =
        council == null || !SLUG.matcher(council).matches()
            ? List.of()
            : consultations.listForCouncil(council).stream()
                .filter(Consultation::isVisibleToPublic)
                .toList();
    if (visible.isEmpty()) {
      throw ProblemException.notFound(
          "We cannot find a council at this address. Check the link you were given, or go to your"
              + " council’s website.");
    }
    Instant now = clock.instant();
    List<Consultation> open = new ArrayList<>();
    List<Consultation> closed = new ArrayList<>();
    for (Consultation c : visible) {
      if (c.kind() != ConsultationKind.CONSULTATION) {
        continue;
      }
      (RespondentForm.state(c, now) == RespondentForm.State.CLOSED ? closed : open).add(c);
    }
    // Soonest closing first (those without a date last); most recently closed first.
    open.sort(
        Comparator.comparing(
            Consultation::closesAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder())));
    closed.sort(
        Comparator.comparing(
            Consultation::closesAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder())));
    Set<String> published = closed.isEmpty() ? Set.of() : site.published(council);
    Map<String, Object> model = new HashMap<>();
    String councilName = visible.get(0).councilName();
    model.put("pageTitle", "Consultations");
    model.put("councilName", councilName);
    model.put(
        "open",
        open.stream()
            .map(
                c ->
                    new Row(
                        c.title(),
                        "/c/" + c.council() + "/" + c.id(),
                        RespondentForm.state(c, now) == RespondentForm.State.NOT_YET_OPEN
                            ? RespondentForm.openingTime(c.opensAt())
                            : null,
                        RespondentForm.closingTime(c.closesAt()),
                        null))
            .toList());
    model.put(
        "closed",
        closed.stream()
            .limit(CLOSED_SHOWN)
            .map(
                c ->
                    new Row(
                        c.title(),
                        "/c/" + c.council() + "/" + c.id(),
                        null,
                        c.closesAt() != null && !c.closesAt().isAfter(now)
                            ? RespondentForm.closingTime(c.closesAt())
                            : null,
                        published.contains(c.id()) ? site.pageOf(c.council(), c.id()) : null))
            .toList());
    return Responses.html(200, Pages.render("council", model));
  }
}
