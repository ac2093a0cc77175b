package org.yousaid.local.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.functions.common.http.FormBody;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.functions.officer.auth.OfficerIdentity;
import org.yousaid.functions.officer.auth.Session;
import org.yousaid.functions.officer.auth.SignInMethod;
import org.yousaid.web.Pages;

/** Local mode's sign-in: an email and password form that issues a Cognito-shaped ID token. */
public final class LocalPasswordSignIn implements SignInMethod {

  private static final Duration SESSION = Duration.ofHours(8);

  private final LocalOfficers officers;
  private final LocalSigningKey key;
  private final Session session;

  public LocalPasswordSignIn(LocalOfficers officers, LocalSigningKey key, Session session) {
    this.officers = officers;
    this.key = key;
    this.session = session;
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
    return officers
        .authenticate(email, form.first("password"))
        .map(
            account -> {
              String token =
                  key.issue(
                      account.subject(),
                      account.email(),
                      java.util.stream.Stream.concat(
                              account.councils().stream()
                                  .sorted()
                                  .map(c -> OfficerIdentity.COUNCIL_GROUP_PREFIX + c),
                              account.reviews().stream()
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
}
