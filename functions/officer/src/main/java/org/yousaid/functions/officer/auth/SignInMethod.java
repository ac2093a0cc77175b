package org.yousaid.functions.officer.auth;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.yousaid.functions.common.http.Request;

/**
 * How an officer gets an ID token: Cognito's hosted sign-in in AWS, a local password form in local
 * mode. Either way the result is a signed ID token that {@link TokenVerifier} checks on every
 * request.
 */
public interface SignInMethod {

  /** Shows the sign-in page or sends the browser to the identity provider. */
  APIGatewayV2HTTPResponse start(Request request);

  /** Completes sign-in (the form post or the provider's callback) and sets the session cookie. */
  APIGatewayV2HTTPResponse complete(Request request);

  /** Where the browser goes once its session has ended here. */
  default String signOutLocation(Request request) {
    return "/officer/sign-in";
  }
}
