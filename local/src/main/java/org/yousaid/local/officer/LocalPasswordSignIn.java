package org.yousaid.local.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yousaid.functions.common.http.FormBody;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.functions.officer.auth.OfficerIdentity;
import org.yousaid.functions.officer.auth.OfficerSessions;
import org.yousaid.functions.officer.auth.Session;
import org.yousaid.functions.officer.auth.SignInMethod;
import org.yousaid.web.Pages;

/**
 * Local mode's sign-in: an email and password form that issues a Cognito-shaped ID token and starts
 * its server-side session. Repeated failures lock the email or the client address out for a while
 * (429 with Retry-After, see {@link SignInThrottle}).
 */
public final class LocalPasswordSignIn implements SignInMethod {

  public static final Duration SESSION = Duration.ofHours(8);

  private final LocalOfficers officers;
  private final LocalSigningKey key;
  private final Session session;
  private final OfficerSessions sessions;
  private final SignInThrottle throttle;
  private final Clock clock;

  public LocalPasswordSignIn(
      LocalOfficers officers,
      LocalSigningKey key,
      Session session,
      OfficerSessions sessions,
      SignInThrottle throttle,
      Clock clock) {
    this.officers = officers;
    this.key = key;
    this.session = session;
    this.sessions = sessions;
    this.throttle = throttle;
    this.clock = clock;
  }

  /**
   * Issues a token and starts its session, as a successful sign-in does (also for tests and
   * benchmarks that need a signed-in officer without the form).
   */
  public String signIn(String subject, String email, List<String> groups, Duration validity) {
    String token = key.issue(subject, email, groups, validity);
    sessions.start(token, subject, clock.instant().plus(validity), null);
    return token;
  }

  @Override
  public APIGatewayV2HTTPResponse start(Request request) {
    return Responses.html(
        200,
        Pages.render(
            "officer/sign-in", Map.of("pageTitle", "Sign in", "serviceName", "Consultations")));
  }

  @Override
  public APIGatewayV2HTTPResponse complete(Request request) {
    FormBody form = FormBody.parse(request.bodyText(8 * 1024));
    String email = form.first("email");
    String address = request.sourceIp();
    Optional<Duration> locked = throttle.begin(email, address);
    if (locked.isPresent()) {
      return tooManyAttempts(email, locked.get());
    }
    Optional<LocalOfficers.Account> account = officers.authenticate(email, form.first("password"));
    account.ifPresent(found -> throttle.succeeded(email, address));
    return account
        .map(
            officer -> {
              String token =
                  signIn(
                      officer.subject(),
                      officer.email(),
                      java.util.stream.Stream.concat(
                              officer.councils().stream()
                                  .sorted()
                                  .map(c -> OfficerIdentity.COUNCIL_GROUP_PREFIX + c),
                              officer.reviews().stream()
                                  .sorted()
                                  .map(c -> OfficerIdentity.REVIEWER_GROUP_PREFIX + c))
                          .toList(),
                      SESSION);
              APIGatewayV2HTTPResponse response = Responses.redirect("/officer");
              response.setCookies(List.of(session.setCookie(token, SESSION.toSeconds())));
              return response;
            })
        .orElseGet(
            () -> {
              Map<String, Object> model = new HashMap<>();
              model.put("pageTitle", "Sign in");
              model.put("serviceName", "Consultations");
              model.put("error", "Enter a correct email address and password");
              model.put("email", email == null ? "" : email);
              model.put("hasErrors", true);
              return Responses.html(401, Pages.render("officer/sign-in", model));
            });
  }

  private static APIGatewayV2HTTPResponse tooManyAttempts(String email, Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    long minutes = (seconds + 59) / 60;
    Map<String, Object> model = new HashMap<>();
    model.put("pageTitle", "Sign in");
    model.put("serviceName", "Consultations");
    model.put(
        "error",
        "Too many attempts to sign in. Wait "
            + minutes
            + (minutes == 1 ? " minute" : " minutes")
            + " and try again");
    model.put("email", email == null ? "" : email);
    model.put("hasErrors", true);
    APIGatewayV2HTTPResponse response = Responses.html(429, Pages.render("officer/sign-in", model));
    Map<String, String> headers = new HashMap<>(response.getHeaders());
    headers.put("Retry-After", Long.toString(seconds));
    response.setHeaders(headers);
    return response;
  }
}
