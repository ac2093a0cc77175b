package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.function.Function;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.officer.auth.OfficerAuth;

/** A route that runs only for a verified officer: see {@link OfficerHandler}'s sign-in check. */
@FunctionalInterface
interface OfficerRoute {
  APIGatewayV2HTTPResponse handle(Request request, SignedInOfficer officer);

  /** A page whose model depends only on the request. */
  static OfficerRoute page(String template, Function<Request, Map<String, Object>> model) {
    return (request, officer) -> officer.page(template, model.apply(request));
  }

  /** Ends the officer's session (the route is signed-in so its form carries the CSRF token). */
  static OfficerRoute signOut(OfficerAuth auth) {
    return (request, officer) -> auth.signOut(request);
  }
}
