package org.yousaid.functions.officer.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies an officer's ID token: signature against the issuer's keys (Cognito's JWKS in AWS, the
 * local signing key in local mode), issuer, audience (the app client), expiry and token use. One
 * code path for both, so what is tested locally is what runs in AWS.
 */
public final class TokenVerifier {

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  public TokenVerifier(JWKSource<SecurityContext> keys, String issuer, String audience) {
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            audience,
            new JWTClaimsSet.Builder().issuer(issuer).claim("token_use", "id").build(),
            Set.of("sub", "exp", "iat")));
  }

  /** The identity in a valid token, or empty for a missing, forged, expired or foreign one. */
  public Optional<OfficerIdentity> verify(String token) {
    if (token == null || token.isBlank() || token.length() > 8192) {
      return Optional.empty();
    }
    try {
      JWTClaimsSet claims = processor.process(token, null);
      Set<String> councils = new HashSet<>();
      Set<String> reviews = new HashSet<>();
      List<String> groups = claims.getStringListClaim("cognito:groups");
      if (groups != null) {
        for (String group : groups) {
          if (group.startsWith(OfficerIdentity.COUNCIL_GROUP_PREFIX)) {
            councils.add(group.substring(OfficerIdentity.COUNCIL_GROUP_PREFIX.length()));
          } else if (group.startsWith(OfficerIdentity.REVIEWER_GROUP_PREFIX)) {
            reviews.add(group.substring(OfficerIdentity.REVIEWER_GROUP_PREFIX.length()));
          }
        }
      }
      String email = claims.getStringClaim("email");
      return Optional.of(
          new OfficerIdentity(
              claims.getSubject(), email == null ? claims.getSubject() : email, councils, reviews));
    } catch (ParseException | BadJOSEException | JOSEException e) {
      return Optional.empty();
    }
  }
}
