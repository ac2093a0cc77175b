package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.shared.storage.Table;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.submission.ProblemException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code Idempotency-Key} on the officer API's posts that create something, so an integration that
 * retries after a lost answer creates it once. The key is reserved before the route runs (a second
 * request with it while the first runs is refused with 409); a success is kept for a day and
 * replayed, with {@code Idempotent-Replayed: true}, to the same request with the same key; a
 * different request with the key is refused with 409; a refusal frees the key to be tried again.
 * Keys are the officer's own: another officer's identical key is another key. Only bodies without
 * answer text are kept (the routes wrapped return ids and statuses), so an erasure has nothing here
 * to reach.
 */
final class ApiIdempotency {

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:\\-]{8,128}");
  private static final Duration KEPT = Duration.ofHours(24);

  /** What is kept of a request with a key; {@code status} 0 while it runs. */
  record Kept(String fingerprint, int status, String contentType, String body, String location) {}

  private final Table table;
  private final Clock clock;

  ApiIdempotency(Table table, Clock clock) {
    this.table = table;
    this.clock = clock;
  }

  /** The route, made safe to retry with an {@code Idempotency-Key}. */
  OfficerRoute around(OfficerRoute route) {
    return (request, officer) -> {
      Optional<String> key = request.header("idempotency-key");
      if (key.isEmpty()) {
        return route.handle(request, officer);
      }
      if (!KEY.matcher(key.get()).matches()) {
        throw ProblemException.badRequest(
            "The Idempotency-Key must be 8 to 128 letters, digits, dots, colons, dashes or"
                + " underscores.");
      }
      String pk = TableLayout.officerIdempotencyPk(request.pathParameter("council"));
      String sk = TableLayout.officerIdempotencySk(officer.identity().subject(), key.get());
      String fingerprint =
          sha256(request.method() + " " + request.path() + "\n" + request.bodyText(1024 * 1024));
      if (!table.putNew(item(pk, sk, new Kept(fingerprint, 0, null, null, null)))) {
        return replay(table.document(pk, sk, Kept.class).orElse(null), fingerprint);
      }
      APIGatewayV2HTTPResponse response;
      try {
        response = route.handle(request, officer);
      } catch (RuntimeException refused) {
        table.delete(pk, sk);
        throw refused;
      }
      if (response.getStatusCode() >= 300) {
        table.delete(pk, sk);
        return response;
      }
      Map<String, String> headers =
          response.getHeaders() == null ? Map.of() : response.getHeaders();
      table.put(
          item(
              pk,
              sk,
              new Kept(
                  fingerprint,
                  response.getStatusCode(),
                  headers.get("Content-Type"),
                  response.getBody(),
                  headers.get("Location"))));
      return response;
    };
  }

  private static APIGatewayV2HTTPResponse replay(Kept kept, String fingerprint) {
    if (kept == null) {
      // Expired between the two reads: rare enough that asking for a retry is the honest answer.
      throw ProblemException.conflict(
          "Try again", "The Idempotency-Key has just expired. Send the request again.");
    }
    if (!kept.fingerprint().equals(fingerprint)) {
      throw ProblemException.conflict(
          "This Idempotency-Key was used for another request",
          "Use a new Idempotency-Key for a different request.");
    }
    if (kept.status() == 0) {
      throw ProblemException.conflict(
          "This request is still being processed",
          "A request with this Idempotency-Key is still running. Try again in a moment.");
    }
    Map<String, String> headers = new HashMap<>();
    headers.put("Cache-Control", "no-store");
    headers.put("Idempotent-Replayed", "true");
    if (kept.location() != null) {
      headers.put("Location", kept.location());
    }
    return Responses.response(kept.status(), kept.contentType(), kept.body(), headers);
  }

  private Map<String, AttributeValue> item(String pk, String sk, Kept kept) {
    Map<String, AttributeValue> item = Table.documentItem(pk, sk, "OFFICER_API_KEY", kept);
    item.put(
        TableLayout.TTL,
        AttributeValue.fromN(Long.toString(clock.instant().plus(KEPT).getEpochSecond())));
    return item;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
