package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.Map;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.web.Pages;

/** How a refusal reads: problem details for API routes, an error page (sign-in link on 401). */
final class ProblemPage {

  private ProblemPage() {}

  static APIGatewayV2HTTPResponse of(Request request, ProblemException problem) {
    if (request.path() != null && request.path().startsWith("/api/")) {
      return Responses.problem(problem);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("pageTitle", problem.title());
    model.put("detail", problem.detail());
    model.put("signInLink", problem.status() == 401);
    model.put("serviceName", SignedInOfficer.SERVICE_NAME);
    return Responses.html(problem.status(), Pages.render("officer/problem", model));
  }
}
