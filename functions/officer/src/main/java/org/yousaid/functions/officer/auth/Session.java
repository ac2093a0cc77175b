package org.yousaid.functions.officer.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import org.yousaid.functions.common.http.Request;

/**
 * The officer's session: the ID token in an HttpOnly, SameSite=Strict cookie (or a Bearer header
 * for API clients), and a CSRF token derived from it for every form. A cross-site page can neither
 * read the cookie nor compute the CSRF token, and SameSite=Strict keeps the cookie off its requests
 * anyway.
 */
public final class Session {

  private final String cookieName;
  private final boolean secure;

  /**
   * {@code secure}: Secure cookie with the __Host- prefix (HTTPS in AWS); off only for local mode
   * on http://127.0.0.1.
   */
  public Session(boolean secure) {
    this.secure = secure;
    this.cookieName = secure ? "__Host-yousaid-officer" : "yousaid-officer";
  }

  public Optional<String> token(Request request) {
    Optional<String> bearer =
        request
            .header("authorization")
            .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
            .map(h -> h.substring(7).trim());
    if (bearer.isPresent()) {
      return bearer;
    }
    for (String cookie : request.cookies()) {
      int eq = cookie.indexOf('=');
      if (eq > 0 && cookie.substring(0, eq).trim().equals(cookieName)) {
        return Optional.of(cookie.substring(eq + 1).trim());
      }
    }
    return Optional.empty();
  }

  public String setCookie(String token, long maxAgeSeconds) {
    return cookieName
        + "="
        + token
        + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
        + maxAgeSeconds
        + (secure ? "; Secure" : "");
  }

  public String clearCookie() {
    return cookieName
        + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
        + (secure ? "; Secure" : "");
  }

  /** The CSRF token for forms in this session: a hash of the session token, useless without it. */
  public static String csrfToken(String sessionToken) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("csrf:" + sessionToken).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean csrfMatches(String sessionToken, String submitted) {
    return submitted != null
        && MessageDigest.isEqual(
            csrfToken(sessionToken).getBytes(StandardCharsets.US_ASCII),
            submitted.getBytes(StandardCharsets.US_ASCII));
  }
}
