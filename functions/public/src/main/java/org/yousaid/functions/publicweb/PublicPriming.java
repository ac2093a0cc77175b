package org.yousaid.functions.publicweb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yousaid.functions.common.http.AllowedOrigins;
import org.yousaid.functions.common.http.RateLimiter;
import org.yousaid.functions.common.priming.PrimingData;

/**
 * SnapStart priming for PublicFormFunction and SubmissionApiFunction (one artefact, so one priming
 * for both): the form page rendered, a form sent, a form sent back with an error, a JSON submission
 * stored and its receipt read, all through the real handlers on an in-memory table.
 */
public final class PublicPriming {

  /** Enough rounds for C1 (the functions run with TieredStopAtLevel=1) to compile the hot paths. */
  static final int ROUNDS = 40;

  private PublicPriming() {}

  /**
   * Runs the sample requests; returns the status codes of the last round (for tests and the log).
   */
  public static List<Integer> prime() {
    PrimingData data = PrimingData.create();
    // No rate limit: the sample traffic all comes from one made-up client, and must not use up a
    // real one's budget.
    PublicFormHandler form = new PublicFormHandler(data.services(), RateLimiter.off());
    SubmissionApiHandler api =
        new SubmissionApiHandler(data.services(), AllowedOrigins.none(), RateLimiter.off());
    Map<String, String> path =
        Map.of("council", PrimingData.COUNCIL, "consultation", PrimingData.CONSULTATION);
    String formPath = "/c/" + PrimingData.COUNCIL + "/" + PrimingData.CONSULTATION;
    String apiPath =
        "/api/v1/councils/"
            + PrimingData.COUNCIL
            + "/consultations/"
            + PrimingData.CONSULTATION
            + "/responses";
    Map<String, String> formHeaders = Map.of("content-type", "application/x-www-form-urlencoded");
    List<Integer> statuses = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      statuses.clear();
      statuses.add(
          form.handleRequest(
                  PrimingData.http(
                      "GET /c/{council}/{consultation}", formPath, path, Map.of(), null),
                  null)
              .getStatusCode());
      statuses.add(
          form.handleRequest(
                  PrimingData.http(
                      "POST /c/{council}/{consultation}",
                      formPath,
                      path,
                      formHeaders,
                      data.formBody(round, UUID.randomUUID().toString())),
                  null)
              .getStatusCode());
      // A required answer missing: the form comes back with its error summary.
      statuses.add(
          form.handleRequest(
                  PrimingData.http(
                      "POST /c/{council}/{consultation}",
                      formPath,
                      path,
                      formHeaders,
                      "formToken=" + UUID.randomUUID() + "&consent=yes"),
                  null)
              .getStatusCode());
      var created =
          api.handleRequest(
              PrimingData.http(
                  "POST /api/v1/councils/{council}/consultations/{consultation}/responses",
                  apiPath,
                  path,
                  Map.of(
                      "content-type",
                      "application/json",
                      "idempotency-key",
                      UUID.randomUUID().toString()),
                  data.jsonBody(round)),
              null);
      statuses.add(created.getStatusCode());
      String receipt =
          String.valueOf(
              org.yousaid.shared.json.Json.read(created.getBody(), Map.class).get("receipt"));
      statuses.add(
          api.handleRequest(
                  PrimingData.http(
                      "GET /api/v1/receipts/{receipt}",
                      "/api/v1/receipts/" + receipt,
                      Map.of("receipt", receipt),
                      Map.of(),
                      null),
                  null)
              .getStatusCode());
      statuses.add(
          form.handleRequest(
                  PrimingData.http(
                      "POST /receipt", "/receipt", Map.of(), formHeaders, "receipt=" + receipt),
                  null)
              .getStatusCode());
    }
    return List.copyOf(statuses);
  }
}
