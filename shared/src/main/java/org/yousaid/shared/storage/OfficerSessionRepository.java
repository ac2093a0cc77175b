package org.yousaid.shared.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Officers' sessions on the server side: a token is honoured only while its session record exists
 * and has not expired, so signing out (which deletes the record) ends the session even though the
 * signed token itself stays valid until its expiry. Records are keyed by the token's SHA-256 and
 * carry the table's TTL, so DynamoDB removes expired ones; the expiry is also checked here, as TTL
 * deletion can lag by days.
 */
public final class OfficerSessionRepository {

  /**
   * One session.
   *
   * @param subject the officer's subject (never the email: the table keeps no personal data here)
   * @param expires when the session ends even without sign-out
   * @param refreshToken in AWS, the Cognito refresh token that sign-out revokes; null in local mode
   */
  public record OfficerSession(String subject, Instant expires, String refreshToken) {}

  private static final String TYPE = "OFFICER_SESSION";

  private final Table table;
  private final Clock clock;

  public OfficerSessionRepository(Table table, Clock clock) {
    this.table = table;
    this.clock = clock;
  }

  /** Records a session for this token, as sign-in does. */
  public void start(String token, OfficerSession session) {
    Map<String, AttributeValue> item =
        new HashMap<>(
            TableLayout.key(
                TableLayout.officerSessionPk(hash(token)), TableLayout.OFFICER_SESSION_SK));
    item.put(TableLayout.TYPE, AttributeValue.fromS(TYPE));
    item.put("subject", AttributeValue.fromS(session.subject()));
    item.put("expires", AttributeValue.fromN(Long.toString(session.expires().getEpochSecond())));
    item.put(
        TableLayout.TTL, AttributeValue.fromN(Long.toString(session.expires().getEpochSecond())));
    if (session.refreshToken() != null) {
      item.put("refreshToken", AttributeValue.fromS(session.refreshToken()));
    }
    table.put(item);
  }

  /** The token's session if it was started, not ended and has not expired. */
  public Optional<OfficerSession> active(String token) {
    return table
        .get(TableLayout.officerSessionPk(hash(token)), TableLayout.OFFICER_SESSION_SK)
        .map(OfficerSessionRepository::session)
        .filter(s -> s.expires().isAfter(clock.instant()));
  }

  /**
   * Ends the token's session; returns it if there was one (expired or not). Read, then deleted: a
   * delete whose answer was lost and is retried finds nothing, so the delete's own answer cannot be
   * trusted to say what was there (and sign-out needs the refresh token to revoke).
   */
  public Optional<OfficerSession> end(String token) {
    String pk = TableLayout.officerSessionPk(hash(token));
    Optional<OfficerSession> found =
        table.get(pk, TableLayout.OFFICER_SESSION_SK).map(OfficerSessionRepository::session);
    if (found.isPresent()) {
      table.delete(pk, TableLayout.OFFICER_SESSION_SK);
    }
    return found;
  }

  private static OfficerSession session(Map<String, AttributeValue> item) {
    AttributeValue refresh = item.get("refreshToken");
    return new OfficerSession(
        item.get("subject").s(),
        Instant.ofEpochSecond(Long.parseLong(item.get("expires").n())),
        refresh == null ? null : refresh.s());
  }

  private static String hash(String token) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
