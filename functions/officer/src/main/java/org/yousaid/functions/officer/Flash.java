package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Arrays;
import java.util.Optional;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;

/**
 * The success message a page shows after an officer's action (post, redirect, get). The redirect
 * carries only a code ({@code ?done=saved}), never text, so a link cannot make a page say something
 * we did not write; no session is needed.
 */
enum Flash {
  CREATED("created", "Draft created. Edit it below, then open it for answers."),
  SAVED("saved", "Draft saved."),
  OPENED("opened", "The consultation is open for answers."),
  CLOSED("closed", "The consultation is closed to new answers."),
  QUESTION_ADDED("question-added", "Question added."),
  QUESTION_SAVED("question-saved", "Question saved."),
  QUESTION_REMOVED("question-removed", "Question removed."),
  QUESTION_MOVED("question-moved", "Question moved."),
  ANALYSIS_QUEUED(
      "analysis-queued",
      "Finding themes has started. It usually takes a minute or two: reload this page to see the"
          + " themes."),
  RENAMED("renamed", "Theme renamed."),
  MERGED("merged", "Theme merged into this one."),
  MOVED("moved", "Answers moved to the other theme."),
  SPLIT("split", "New theme made from the selected answers."),
  PROMOTED("promoted", "This sub-theme is now a theme of its own."),
  DEMOTED("demoted", "This theme is now a sub-theme."),
  APPROVED("approved", "Quotes approved for publication."),
  REDACTED("redacted", "Quote approved with the words you chose replaced by [redacted]."),
  WITHDRAWN("withdrawn", "Quotes withdrawn: they will not be published."),
  WE_DID("we-did", "“We did” response saved."),
  PUBLISH_REQUESTED(
      "publishing",
      "Publishing has started. The new version appears in the publication record below within a"
          + " minute; refresh this page to see it."),
  COMMENTED("commented", "Comment saved."),
  REGISTER_SAVED("register-saved", "Comment saved in its theme."),
  REGISTER_EXCLUDED(
      "register-excluded", "The comment will not be published. The reason is recorded with it."),
  REGISTER_INCLUDED("register-included", "The comment may be published again."),
  REGISTER_THEME_SAVED("register-theme-saved", "Theme, response and action saved."),
  CO_SIGNED(
      "co-signed", "You co-signed this draft. Your name will be recorded when it is published."),
  // The EHC journey, coverage and Open Referral UK imports (h-journey).
  TIMELINESS_IMPORTED(
      "timeliness-imported", "Timeliness figures imported: they are shown beside each stage."),
  POPULATION_IMPORTED(
      "population-imported", "Population counts imported: coverage is measured against them."),
  SERVICES_IMPORTED(
      "services-imported", "Services imported: their names are shown beside page feedback.");

  static final String PARAMETER = "done";

  private final String code;
  private final String message;

  Flash(String code, String message) {
    this.code = code;
    this.message = message;
  }

  String message() {
    return message;
  }

  /** A redirect to {@code path} whose page will show this message. */
  APIGatewayV2HTTPResponse redirect(String path) {
    return Responses.redirect(path + (path.contains("?") ? "&" : "?") + PARAMETER + "=" + code);
  }

  /** The message a request's {@code ?done=} asks for; unknown codes show nothing. */
  static Optional<Flash> of(Request request) {
    return request
        .query(PARAMETER)
        .flatMap(code -> Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst());
  }
}
