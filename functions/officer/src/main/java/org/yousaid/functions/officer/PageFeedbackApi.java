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
import org.yousaid.functions.officer.dashboards.PageFeedbackStats;
import org.yousaid.shared.validation.FieldError;

/**
 * The officer API's page feedback: the dashboard's figures (every page and service, with its trend
 * by month) for a date range, as JSON for a council's own reporting tools.
 */
final class PageFeedbackApi {

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
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", range.from());
    body.put("to", range.to());
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
    return Responses.json(200, body);
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
