package org.yousaid.functions.officer;

import org.yousaid.functions.common.http.FormBody;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.officer.auth.Session;
import org.yousaid.shared.submission.ProblemException;

/**
 * Cross-site request forgery defence for posts. Cookie-authenticated posts must be forms carrying
 * the session's CSRF token; API clients send their token in the Authorization header, which a
 * cross-site page cannot set.
 */
final class FormPosts {

  private FormPosts() {}

  /** Refuses (403) a post that is neither a form with the session's token nor an API call. */
  static void check(Request request, String token) {
    if (request.method().equals("POST") && !allowed(request, token)) {
      throw new ProblemException(
          403, "This form has expired", "Go back, reload the page and try again.", null);
    }
  }

  private static boolean allowed(Request request, String token) {
    if (request.mediaType().equals("application/x-www-form-urlencoded")) {
      FormBody form = FormBody.parse(request.bodyText(1024 * 1024));
      return Session.csrfMatches(token, form.first("csrf"));
    }
    if (org.yousaid.functions.officer.imports.MultipartForm.isMultipart(request)) {
      // The import page's file upload: the same token, in the form's own field.
      return Session.csrfMatches(
          token,
          org.yousaid.functions.officer.imports.MultipartForm.parse(
                  request, ImportPage.MAX_IMPORT_BYTES)
              .field("csrf"));
    }
    return request.header("authorization").isPresent();
  }
}
