package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.yousaid.functions.common.http.Request;

/** A route that runs only for a verified officer: see {@link OfficerHandler}'s sign-in check. */
@FunctionalInterface
interface OfficerRoute {
  APIGatewayV2HTTPResponse handle(Request request, SignedInOfficer officer);
}
