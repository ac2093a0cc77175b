package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.Map;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.functions.officer.auth.OfficerIdentity;
import org.yousaid.functions.officer.auth.Session;
import org.yousaid.web.Pages;

/**
 * The officer a request was verified for, with the session token it came with, so every officer
 * page is rendered the same way: who is signed in (for the header and sign-out), the CSRF token
 * every form carries, the service's name, and the success message of the action just done ({@link
 * Flash}), if any.
 */
record SignedInOfficer(OfficerIdentity identity, String sessionToken, Flash flash) {

  /** The service's name in the header of every officer page, error pages included. */
  static final String SERVICE_NAME = "Consultations";

  SignedInOfficer(OfficerIdentity identity, String sessionToken) {
    this(identity, sessionToken, null);
  }

  APIGatewayV2HTTPResponse page(String template, Map<String, ?> content) {
    return page(template, content, 200);
  }

  APIGatewayV2HTTPResponse page(String template, Map<String, ?> content, int status) {
    Map<String, Object> model = new HashMap<>(content);
    model.put("officer", identity);
    model.put("csrf", Session.csrfToken(sessionToken));
    model.put("serviceName", SERVICE_NAME);
    // A page sent back with errors is not the place to say the last action worked.
    if (flash != null && status < 400 && !model.containsKey("success")) {
      model.put("success", flash.message());
    }
    return Responses.html(status, Pages.render(template, model));
  }
}
