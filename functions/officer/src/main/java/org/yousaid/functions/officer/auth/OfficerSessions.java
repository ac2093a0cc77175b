package org.yousaid.functions.officer.auth;

import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.shared.storage.OfficerSessionRepository;
import org.yousaid.shared.storage.OfficerSessionRepository.OfficerSession;

/**
 * Server-side sessions in both modes: sign-in starts one for the token it issues, every officer
 * request needs one that is still active, and sign-out ends it and revokes the provider's refresh
 * token. A copied cookie or Bearer token is therefore useless once its officer has signed out.
 */
public final class OfficerSessions {

  private static final Logger LOG = LoggerFactory.getLogger(OfficerSessions.class);

  private final OfficerSessionRepository sessions;
  private final TokenRevocation revocation;

  public OfficerSessions(OfficerSessionRepository sessions, TokenRevocation revocation) {
    this.sessions = sessions;
    this.revocation = revocation;
  }

  /**
   * Starts the session of a token just issued to this officer; {@code refreshToken} is null where
   * the provider gave none.
   */
  public void start(String token, String subject, Instant expires, String refreshToken) {
    sessions.start(token, new OfficerSession(subject, expires, refreshToken));
  }

  public boolean isActive(String token) {
    return sessions.active(token).isPresent();
  }

  /**
   * Ends the token's session, then revokes its refresh token. The record goes first: if Cognito
   * cannot be reached, the session is still over here, and the refresh token (which never leaves
   * the server) expires on its own.
   */
  public void end(String token) {
    Optional<OfficerSession> ended = sessions.end(token);
    ended
        .map(OfficerSession::refreshToken)
        .ifPresent(
            refresh -> {
              try {
                revocation.revoke(refresh);
              } catch (RuntimeException unreachable) {
                // Logged without the token: the exception's class is enough to see it failing.
                LOG.warn(
                    "Sign-out: token revocation failed ({})", unreachable.getClass().getName());
              }
            });
  }
}
