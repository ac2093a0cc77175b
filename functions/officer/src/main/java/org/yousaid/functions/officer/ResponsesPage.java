package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.shared.model.ChoiceOption;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.themes.ConsultationThemes.AnalysedQuestion;

/**
 * A consultation's responses, filtered by profile, channel, dates, words, sentiment and theme: as a
 * page (newest first, 50 at a time) and through the officer API (oldest first, paged by {@link
 * ApiPaging}).
 */
final class ResponsesPage {

  static final int PAGE_SIZE = 50;

  private static final List<ChoiceOption> SENTIMENTS =
      List.of(
          new ChoiceOption("positive", "Positive"),
          new ChoiceOption("neutral", "Neutral"),
          new ChoiceOption("negative", "Negative"));

  private final ResponseRepository responses;
  private final ConsultationLookup lookup;
  private final ThemesPage themes;

  ResponsesPage(ResponseRepository responses, ConsultationLookup lookup, ThemesPage themes) {
    this.responses = responses;
    this.lookup = lookup;
    this.themes = themes;
  }

  APIGatewayV2HTTPResponse show(Request request, SignedInOfficer officer) {
    Consultation consultation = lookup.of(request);
    ResponseFilter filter = ResponseFilter.from(request);
    List<Response> all = responses.listForConsultation(consultation.council(), consultation.id());
    List<AnalysedQuestion> analysed = themes.analysed(consultation, all, null);
    List<Response> matching =
        new ArrayList<>(
            filter.apply(
                all,
                ThemesPage.facts(
                    filter.question() == null
                        ? analysed
                        : analysed.stream()
                            .filter(q -> q.question().id().equals(filter.question()))
                            .toList())));
    matching.sort(Comparator.comparing(Response::submittedAt).reversed());
    PageNumbers pages = PageNumbers.of(request.query("page"), matching.size(), PAGE_SIZE);
    Map<String, Object> model = new HashMap<>();
    model.put("pageTitle", "Responses: " + consultation.title());
    model.put("consultation", consultation);
    model.put("filter", filter);
    model.put("total", all.size());
    model.put("matching", matching.size());
    model.put(
        "rows", pages.of(matching).stream().map(r -> ResponseRow.of(r, consultation)).toList());
    model.put("page", pages.page());
    model.put("pages", pages.pages());
    model.put("filterOptions", FilterOptions.of(consultation));
    model.put("themeOptions", ThemesPage.themeOptions(analysed));
    model.put("sentimentOptions", SENTIMENTS);
    return officer.page("officer/responses", model);
  }

  /**
   * The matching responses as JSON, a page at a time: {@code total}, {@code responses}, {@code
   * next}.
   */
  APIGatewayV2HTTPResponse json(Request request, SignedInOfficer officer) {
    Consultation consultation = lookup.of(request);
    ResponseFilter filter = ResponseFilter.from(request);
    ApiPaging paging = ApiPaging.from(request.query("limit"), request.query("after"));
    List<Response> all = responses.listForConsultation(consultation.council(), consultation.id());
    List<Response> matching =
        filter.apply(
            all,
            filter.needsAnalysis()
                ? ThemesPage.facts(themes.analysed(consultation, all, filter.question()))
                : Map.of());
    ApiPaging.Page page = paging.page(matching);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", matching.size());
    body.put("responses", page.responses());
    if (page.next() != null) {
      body.put("next", page.next());
    }
    return Responses.json(200, body);
  }
}
