package org.yousaid.functions.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/** Handles one route of the HTTP API. */
@FunctionalInterface
public interface Route {
  APIGatewayV2HTTPResponse handle(Request request);
}
