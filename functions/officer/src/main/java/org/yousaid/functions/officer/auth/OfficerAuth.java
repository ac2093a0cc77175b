package org.yousaid.functions.officer.auth;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Optional;
import org.yousaid.functions.common.http.Request;

/** Everything the officer routes need to know who is asking: token verification, the session cookie, sign-in. */
public record OfficerAuth(TokenVerifier verifier, Session session, SignInMethod signIn) {

  /**
   * In AWS: Cognito. OFFICER_ISSUER is the user pool's issuer URL
   * ({@code https://cognito-idp.<region>.amazonaws.com/<pool id>}); its JWKS is fetched once and cached.
   */
  public static OfficerAuth fromEnvironment() {
    String issuer = required("OFFICER_ISSUER");
    String clientId = required("OFFICER_CLIENT_ID");
    JWKSource<SecurityContext> keys;
    try {
      keys = JWKSourceBuilder.create(URI.create(issuer + "/.well-known/jwks.json").toURL()).retrying(true).build();
    } catch (MalformedURLException e) {
      throw new IllegalStateException("OFFICER_ISSUER is not a URL", e);
    }
    Session session = new Session(true);
    return new OfficerAuth(new TokenVerifier(keys, issuer, clientId), session,
        new CognitoSignIn(required("COGNITO_DOMAIN"), clientId, required("OFFICER_REDIRECT_URI"), session, new TokenVerifier(keys, issuer, clientId)));
  }

  public Optional<OfficerIdentity> identify(Request request) {
    return session.token(request).flatMap(verifier::verify);
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Set " + name);
    }
    return value;
  }
}
