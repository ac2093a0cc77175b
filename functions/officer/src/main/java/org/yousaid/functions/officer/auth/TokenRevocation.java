package org.yousaid.functions.officer.auth;

/**
 * Revokes an identity provider's refresh token at sign-out, so neither it nor the access tokens it
 * issued can be used again. In AWS, Cognito's RevokeToken ({@link CognitoTokenRevocation}); local
 * mode issues no refresh tokens, so it has nothing to revoke ({@link #NONE}).
 */
public interface TokenRevocation {

  /** For local mode, whose sessions have no refresh token. */
  TokenRevocation NONE = refreshToken -> {};

  void revoke(String refreshToken);
}
