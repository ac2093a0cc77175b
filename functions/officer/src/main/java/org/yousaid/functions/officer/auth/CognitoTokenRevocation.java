package org.yousaid.functions.officer.auth;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Cognito's RevokeToken: revokes the refresh token and every access token issued from it (the app
 * client has token revocation enabled in template.yaml). The app client has no secret, so none is
 * sent. The ID token in the officer's cookie is not something Cognito can revoke; the deleted
 * session record ({@link OfficerSessions}) is what refuses it from then on.
 */
public final class CognitoTokenRevocation implements TokenRevocation {

  private final CognitoIdentityProviderClient cognito;
  private final String clientId;

  public CognitoTokenRevocation(CognitoIdentityProviderClient cognito, String clientId) {
    this.cognito = cognito;
    this.clientId = clientId;
  }

  /** A client for the function's own region (AWS_REGION), with the JDK's HTTP client. */
  public static CognitoTokenRevocation forClient(String clientId) {
    return new CognitoTokenRevocation(
        CognitoIdentityProviderClient.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build(),
        clientId);
  }

  @Override
  public void revoke(String refreshToken) {
    cognito.revokeToken(b -> b.clientId(clientId).token(refreshToken));
  }
}
