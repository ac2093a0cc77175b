package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yousaid.local.officer.SignInThrottle;
import org.yousaid.testing.WithLocalMode;

/**
 * Local-mode sign-in and sign-out over real HTTP, as an officer's browser and an attacker would use
 * them: the password form, the session cookie, sign-out, and guessing.
 */
class OfficerSignInTest {

  private static final String PASSWORD = "plum orchard lantern 47";

  @WithLocalMode static LocalMode local;

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> signIn(String email, String password) throws Exception {
    return HTTP.send(
        request("/officer/sign-in")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "email="
                        + OfficerBrowser.enc(email)
                        + "&password="
                        + OfficerBrowser.enc(password)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String sessionCookie(HttpResponse<String> signedIn) {
    assertEquals(303, signedIn.statusCode(), signedIn.body());
    return signedIn.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("yousaid-officer="))
        .map(c -> c.substring(0, c.indexOf(';')))
        .findFirst()
        .orElseThrow();
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + local.port() + path));
  }

  private static HttpResponse<String> get(String path, String cookie) throws Exception {
    return HTTP.send(
        request(path).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void afterSignOutTheOldCookieAndTheTokenInItAreRefused() throws Exception {
    local.officers().save("leaving@demo.example", PASSWORD, Set.of("demo"));
    String cookie = sessionCookie(signIn("leaving@demo.example", PASSWORD));
    HttpResponse<String> dashboard = get("/officer", cookie);
    assertEquals(200, dashboard.statusCode());

    HttpResponse<String> out =
        HTTP.send(
            request("/officer/sign-out")
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "csrf=" + OfficerBrowser.csrf(dashboard.body())))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(303, out.statusCode());
    assertEquals("/officer/sign-in", out.headers().firstValue("Location").orElseThrow());

    assertEquals(401, get("/officer", cookie).statusCode(), "the same cookie, kept by an attacker");
    String token = cookie.substring(cookie.indexOf('=') + 1);
    HttpResponse<String> api =
        HTTP.send(
            request("/api/v1/officer/councils/demo/consultations")
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, api.statusCode(), "the token as a Bearer header");
    // Signing in again gives a new session that works.
    assertEquals(
        200, get("/officer", sessionCookie(signIn("leaving@demo.example", PASSWORD))).statusCode());
  }

  @Test
  void repeatedWrongPasswordsLockTheAccountEvenAgainstTheRightOne() throws Exception {
    local.officers().save("guessed@demo.example", PASSWORD, Set.of("demo"));
    for (int i = 0; i < SignInThrottle.FAILURES_PER_EMAIL; i++) {
      assertEquals(401, signIn("guessed@demo.example", "wrong guess number " + i).statusCode());
    }
    HttpResponse<String> locked = signIn("Guessed@Demo.example ", PASSWORD);
    assertEquals(429, locked.statusCode(), "the right password during the lockout");
    long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(
        retryAfter > 0 && retryAfter <= SignInThrottle.LOCKOUT.toSeconds(),
        "Retry-After " + retryAfter);
    assertTrue(locked.body().contains("Too many attempts to sign in"), locked.body());
    assertTrue(locked.body().contains("15 minutes"), locked.body());
    // Another officer on the same computer can still sign in.
    local.officers().save("colleague@demo.example", PASSWORD, Set.of("demo"));
    sessionCookie(signIn("colleague@demo.example", PASSWORD));
  }

  @Test
  void anUnknownEmailIsLockedOutExactlyLikeAKnownOne() throws Exception {
    for (int i = 0; i < SignInThrottle.FAILURES_PER_EMAIL; i++) {
      HttpResponse<String> refused = signIn("nobody@demo.example", "wrong guess number " + i);
      assertEquals(401, refused.statusCode());
      assertTrue(refused.body().contains("Enter a correct email address and password"));
    }
    HttpResponse<String> locked = signIn("nobody@demo.example", PASSWORD);
    assertEquals(429, locked.statusCode(), "a lockout does not tell that the account is missing");
    assertTrue(locked.headers().firstValue("Retry-After").isPresent());
  }
}
