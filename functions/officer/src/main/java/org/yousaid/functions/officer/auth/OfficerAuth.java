package org.yousaid.functions.officer.auth;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.shared.storage.Storage;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Everything the officer routes need to know who is asking: token verification, the session cookie,
 * sign-in.
 */
public record OfficerAuth(
    TokenVerifier verifier, Session session, SignInMethod signIn, OfficerSessions sessions) {

  /**
   * In AWS: Cognito. OFFICER_ISSUER is the user pool's issuer URL ({@code
   * https://cognito-idp.<region>.amazonaws.com/<pool id>}); its JWKS is fetched once and cached.
   * The app client's id is OFFICER_CLIENT_ID or, as the template does it, read once from the SSM
   * parameter named in OFFICER_CLIENT_ID_PARAMETER: the client names the API's callback URL and the
   * API routes to this function, so the function cannot reference the client directly without a
   * dependency cycle. Sessions are kept in the table; sign-out revokes Cognito's refresh token.
   */
  public static OfficerAuth fromEnvironment(Storage storage) {
    String issuer = required("OFFICER_ISSUER");
    String clientId = System.getenv("OFFICER_CLIENT_ID");
    if (clientId == null || clientId.isBlank()) {
      String parameter = required("OFFICER_CLIENT_ID_PARAMETER");
      try (SsmClient ssm =
          SsmClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
        clientId = ssm.getParameter(b -> b.name(parameter)).parameter().value();
      }
    }
    String redirect = System.getenv("OFFICER_REDIRECT_URI");
    JWKSource<SecurityContext> keys;
    try {
      keys =
          JWKSourceBuilder.create(URI.create(issuer + "/.well-known/jwks.json").toURL())
              .retrying(true)
              .build();
    } catch (MalformedURLException e) {
      throw new IllegalStateException("OFFICER_ISSUER is not a URL", e);
    }
    Session session = new Session(true);
    OfficerSessions sessions =
        new OfficerSessions(storage.officerSessions(), CognitoTokenRevocation.forClient(clientId));
    return new OfficerAuth(
        new TokenVerifier(keys, issuer, clientId),
        session,
        new CognitoSignIn(
            required("COGNITO_DOMAIN"),
            clientId,
            redirect == null || redirect.isBlank() ? null : redirect,
            session,
            new TokenVerifier(keys, issuer, clientId),
            sessions),
        sessions);
  }

  /**
   * Ends the session on the server (and, in AWS, revokes its refresh token and ends the hosted
   * sign-in's own session), clears the cookie and goes back to the sign-in page.
   */
  public APIGatewayV2HTTPResponse signOut(Request request) {
    session.token(request).ifPresent(sessions::end);
    APIGatewayV2HTTPResponse response = Responses.redirect(signIn.signOutLocation(request));
    response.setCookies(List.of(session.clearCookie()));
    return response;
  }

  /**
   * The officer a request's token names, if its signature, issuer, audience and expiry are right
   * and its session has not ended.
   */
  public Optional<OfficerIdentity> identify(String token) {
    return verifier.verify(token).filter(identity -> sessions.isActive(token));
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Set " + name);
    }
    return value;
  }
}
