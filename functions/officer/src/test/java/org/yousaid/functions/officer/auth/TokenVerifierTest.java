package org.yousaid.functions.officer.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The one check every officer request passes: a token is accepted only when the issuer's key signed
 * it, for this app client, as an ID token, unexpired; councils come only from its groups.
 */
class TokenVerifierTest {

  private static final String ISSUER = "https://cognito-idp.eu-west-2.amazonaws.com/pool";
  private static final String CLIENT = "client-1";

  private final ECKey key = key("k1");
  private final TokenVerifier verifier =
      new TokenVerifier(new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), ISSUER, CLIENT);

  private static ECKey key(String id) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(id).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JWTClaimsSet.Builder claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(CLIENT)
        .subject("sub-1")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
        .claim("email", "officer@demo.example")
        .claim("cognito:groups", List.of("council-demo", "council-other", "admins"))
        .claim("token_use", "id");
  }

  private static String signed(ECKey with, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(with.getKeyID()).build(), claims);
      jwt.sign(new ECDSASigner(with));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private Optional<OfficerIdentity> verify(UnaryOperator<JWTClaimsSet.Builder> change) {
    return verifier.verify(signed(key, change.apply(claims()).build()));
  }

  @Test
  void aValidIdTokenNamesTheOfficerAndOnlyTheirCouncilGroups() {
    OfficerIdentity officer = verify(c -> c).orElseThrow();
    assertEquals("sub-1", officer.subject());
    assertEquals("officer@demo.example", officer.email());
    assertEquals(Set.of("demo", "other"), officer.councils(), "admins is not a council group");
    assertTrue(officer.actsFor("demo") && !officer.actsFor("admins"));
  }

  @Test
  void withoutAnEmailTheSubjectNamesTheOfficerAndWithoutGroupsTheyActForNoCouncil() {
    OfficerIdentity officer =
        verify(c -> c.claim("email", null).claim("cognito:groups", null)).orElseThrow();
    assertEquals("sub-1", officer.email());
    assertEquals(Set.of(), officer.councils());
  }

  @Test
  void aTokenForAnotherClientIssuerOrUseIsRefused() {
    assertEquals(Optional.empty(), verify(c -> c.audience("another-client")));
    assertEquals(Optional.empty(), verify(c -> c.issuer("https://evil.example/pool")));
    assertEquals(Optional.empty(), verify(c -> c.claim("token_use", "access")));
    assertEquals(Optional.empty(), verify(c -> c.claim("token_use", null)));
  }

  @Test
  void anExpiredTokenOrOneWithoutItsTimesIsRefused() {
    Instant then = Instant.now().minus(Duration.ofHours(2));
    assertEquals(
        Optional.empty(),
        verify(c -> c.issueTime(Date.from(then)).expirationTime(Date.from(then.plusSeconds(600)))));
    assertEquals(Optional.empty(), verify(c -> c.expirationTime(null)));
    assertEquals(Optional.empty(), verify(c -> c.issueTime(null)));
    assertEquals(Optional.empty(), verify(c -> c.subject(null)));
  }

  @Test
  void aTokenSignedByAnyOtherKeyOrNotSignedAtAllIsRefused() {
    assertEquals(Optional.empty(), verifier.verify(signed(key("k1"), claims().build())), "same id");
    assertEquals(Optional.empty(), verifier.verify(signed(key("k2"), claims().build())));
    assertEquals(
        Optional.empty(),
        verifier.verify(new PlainJWT(new PlainHeader(), claims().build()).serialize()));
    try {
      SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
      hmac.sign(new MACSigner(new byte[32]));
      assertEquals(Optional.empty(), verifier.verify(hmac.serialize()), "no shared secrets");
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    String valid = signed(key, claims().build());
    String[] parts = valid.split("\\.");
    String tampered =
        parts[0]
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    claims()
                        .claim("cognito:groups", List.of("council-everyone"))
                        .build()
                        .toString()
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertEquals(Optional.empty(), verifier.verify(tampered), "claims changed after signing");
  }

  @Test
  void nothingThatIsNotATokenIsAccepted() {
    for (String junk : new String[] {null, "", "   ", "a.b.c", "not-a-jwt", "x".repeat(8193)}) {
      assertEquals(Optional.empty(), verifier.verify(junk), String.valueOf(junk).length() + "");
    }
    String huge = signed(key, claims().claim("padding", "x".repeat(9000)).build());
    assertEquals(Optional.empty(), verifier.verify(huge), "over 8 KB is refused unread");
  }
}
