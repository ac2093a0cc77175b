package org.yousaid.local.officer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Local mode's token issuer: an ES256 key kept in the data folder (so sessions survive a restart),
 * issuing ID tokens shaped like Cognito's, which the officer function verifies exactly as it does
 * in AWS.
 */
public final class LocalSigningKey {

  public static final String ISSUER = "http://127.0.0.1/yousaid-local";
  public static final String AUDIENCE = "yousaid-local-officers";

  private final ECKey key;

  private LocalSigningKey(ECKey key) {
    this.key = key;
  }

  public static LocalSigningKey inFolder(Path folder) {
    Path file = folder.resolve("officer-signing-key.jwk");
    try {
      if (Files.exists(file)) {
        return new LocalSigningKey(ECKey.parse(Files.readString(file)));
      }
      ECKey key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
      Files.writeString(file, key.toJSONString());
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the file stays with the user's default permissions.
      }
      return new LocalSigningKey(key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException(
          "The local signing key in " + file + " cannot be read; delete it to make a new one", e);
    }
  }

  public JWKSource<SecurityContext> publicKeys() {
    return new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()));
  }

  public String issue(String subject, String email, List<String> groups, Duration lifetime) {
    return issue(subject, email, groups, Instant.now(), lifetime, key);
  }

  /** Signs with any key: tests use it to forge tokens and prove they are refused. */
  public static String issue(
      String subject,
      String email,
      List<String> groups,
      Instant issuedAt,
      Duration lifetime,
      ECKey signingKey) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(subject)
            .issueTime(Date.from(issuedAt))
            .expirationTime(Date.from(issuedAt.plus(lifetime)))
            .jwtID(UUID.randomUUID().toString())
            .claim("email", email)
            .claim("cognito:groups", groups)
            .claim("token_use", "id")
            .build();
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signingKey.getKeyID()).build(),
              claims);
      jwt.sign(new ECDSASigner(signingKey));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public ECKey privateKey() {
    return key;
  }
}
