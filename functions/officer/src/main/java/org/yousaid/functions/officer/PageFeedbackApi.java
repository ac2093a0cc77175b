package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.functions.officer.dashboards.DashboardPages;
import org.yousaid.functions.officer.dashboards.DateRange;
import org.yousaid.functions.officer.dashboards.PageFeedbackDisclosure;
import org.yousaid.functions.officer.dashboards.PageFeedbackStats;
import org.yousaid.shared.validation.FieldError;

/**
 * The officer API's page feedback: the dashboard's figures (every page and service, with its trend
 * by month) for a date range, as JSON for a council's own reporting tools. By default the numbers
 * are shareable (through the same disclosure step as published pages), because a reporting tool's
 * dashboard may be public; {@code numbers=exact} gives officers' own exact figures.
 */
final class PageFeedbackApi {

  static final String SHAREABLE = "shareable";
  static final String EXACT = "exact";

  /** Below 5, as everywhere numbers leave yousaid. */
  private static final PageFeedbackDisclosure DISCLOSURE = new PageFeedbackDisclosure(5);

  private final DashboardPages dashboards;

  PageFeedbackApi(DashboardPages dashboards) {
    this.dashboards = dashboards;
  }

  APIGatewayV2HTTPResponse summary(Request request, SignedInOfficer officer) {
    Map<String, Object> model = dashboards.pageFeedbackModel(request);
    DateRange range = (DateRange) model.get("range");
    if (range.hasErrors()) {
      List<FieldError> errors = new ArrayList<>();
      range.errors().forEach((field, message) -> errors.add(new FieldError(field, message)));
      throw ApiJson.unprocessable(errors);
    }
    PageFeedbackStats.Summary summary = (PageFeedbackStats.Summary) model.get("summary");
    String numbers = request.query("numbers").orElse(null);
    if (numbers != null && !numbers.equals(SHAREABLE) && !numbers.equals(EXACT)) {
      throw ApiJson.unprocessable(
          List.of(new FieldError("numbers", "Numbers must be shareable or exact")));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", range.from());
    body.put("to", range.to());
    if (EXACT.equals(numbers)) {
      body.put("numbers", EXACT);
      exact(summary, body);
    } else {
      body.put("numbers", SHAREABLE);
      shareable(summary, body);
    }
    return Responses.json(200, body);
  }

  /** Officers' own figures, as the dashboard shows them: not for sharing outside the council. */
  private static void exact(PageFeedbackStats.Summary summary, Map<String, Object> body) {
    body.put("answers", summary.answers());
    body.put("useful", summary.yes());
    body.put("notUseful", summary.no());
    body.put("comments", summary.comments());
    body.put("usefulPercent", summary.answers() == 0 ? null : summary.usefulPercent());
    body.put("months", months(summary.months()));
    List<Map<String, Object>> pages = new ArrayList<>();
    for (PageFeedbackStats.Row row : summary.rows()) {
      Map<String, Object> page = new LinkedHashMap<>();
      page.put("subject", row.subject());
      page.put("label", row.label());
      page.put("service", row.service());
      page.put("answers", row.answers());
      page.put("useful", row.yes());
      page.put("notUseful", row.no());
      page.put("comments", row.comments());
      page.put("usefulPercent", row.answers() == 0 ? null : row.usefulPercent());
      page.put("months", months(row.months()));
      pages.add(page);
    }
    body.put("pages", pages);
  }

  /**
   * The figures through the disclosure step: fit for a dashboard the public may see. A hidden count
   * is null, with its reason under "hidden".
   */
  private static void shareable(PageFeedbackStats.Summary summary, Map<String, Object> body) {
    PageFeedbackDisclosure.Figures figures = DISCLOSURE.protect(summary);
    counts(figures.whole(), PageFeedbackDisclosure.MEASURES, body);
    List<Map<String, Object>> months = new ArrayList<>();
    for (int m = 0; m < summary.months().size(); m++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("month", summary.months().get(m).month().toString());
      counts(figures.months().get(m), PageFeedbackDisclosure.MONTH_MEASURES, row);
      months.add(row);
    }
    body.put("months", months);
    List<Map<String, Object>> pages = new ArrayList<>();
    for (PageFeedbackDisclosure.Page shown : figures.pages()) {
      Map<String, Object> page = new LinkedHashMap<>();
      page.put("subject", shown.others() ? null : shown.row().subject());
      page.put(
          "label",
          shown.others()
              ? "Other pages and services, each with fewer than 5 answers"
              : shown.row().label());
      page.put("service", shown.others() ? null : shown.row().service());
      counts(shown.counts(), PageFeedbackDisclosure.MEASURES, page);
      pages.add(page);
    }
    body.put("pages", pages);
  }

  private static void counts(
      Map<String, PageFeedbackDisclosure.Shown> shown,
      List<String> measures,
      Map<String, Object> out) {
    Map<String, String> hidden = new LinkedHashMap<>();
    for (String measure : measures) {
      PageFeedbackDisclosure.Shown s = shown.get(measure);
      out.put(measure, s.value());
      if (s.hidden() != null) {
        hidden.put(measure, s.hidden());
      }
    }
    if (measures.contains("comments")) {
      out.put("usefulPercent", PageFeedbackDisclosure.Figures.usefulPercent(shown));
    }
    out.put("hidden", hidden);
  }

  private static List<Map<String, Object>> months(List<PageFeedbackStats.Month> months) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PageFeedbackStats.Month m : months) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("month", m.month().toString());
      row.put("answers", m.answers());
      row.put("useful", m.yes());
      row.put("notUseful", m.no());
      rows.add(row);
    }
    return rows;
  }
}
