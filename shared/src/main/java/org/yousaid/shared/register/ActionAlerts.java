package org.yousaid.shared.register;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.storage.Table;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.storage.TableQuery;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * "Tell me when the council acts on what I said": respondents' alerts, each in its own item of the
 * register's partition ({@link TableLayout#registerAlertSk}), never in the response or in a record
 * officers read; and the outbox of status changes whose emails are to be sent, with a claim per
 * email so that a retried delivery never sends one twice.
 */
public final class ActionAlerts {

  /** How long an outbox item and its claims are kept: long after any retry of their delivery. */
  static final long KEEP_SECONDS = 30L * 24 * 3600;

  private static final String TYPE_ALERT = "REGISTER_ALERT";
  private static final String TYPE_OUTBOX = "REGISTER_OUTBOX";
  private static final String TYPE_SENT = "REGISTER_ALERT_SENT";
  private static final Pattern LINK =
      Pattern.compile(
          "([A-Za-z0-9][A-Za-z0-9_.\\-]{0,99})~([A-Za-z0-9][A-Za-z0-9_.\\-]{0,99})~([0-9a-f]{40})");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Table table;

  public ActionAlerts(Table table) {
    this.table = table;
  }

  /**
   * Stores (or replaces) the address the respondent of this response gave, only while the response
   * exists: an alert never outlives an erasure. Empty if the response is gone.
   */
  public Optional<ActionAlert> subscribe(Response response, String email) {
    byte[] secret = new byte[20];
    RANDOM.nextBytes(secret);
    ActionAlert alert =
        new ActionAlert(
            response.council(),
            response.consultationId(),
            response.id(),
            email,
            HexFormat.of().formatHex(secret),
            response.expiresAt());
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(TableLayout.PK, s(TableLayout.registerPk(alert.council())));
    item.put(
        TableLayout.SK, s(TableLayout.registerAlertSk(alert.consultationId(), alert.responseId())));
    item.put(TableLayout.TYPE, s(TYPE_ALERT));
    item.put("email", s(email));
    item.put("token", s(alert.token()));
    if (alert.expiresAt() > 0) {
      item.put(TableLayout.TTL, AttributeValue.fromN(Long.toString(alert.expiresAt())));
    }
    try {
      table.transactWrite(
          List.of(
              RegisterRepository.whileResponseExists(table, response),
              TransactWriteItem.builder()
                  .put(Put.builder().tableName(table.name()).item(item).build())
                  .build()));
      return Optional.of(alert);
    } catch (TransactionCanceledException erased) {
      return Optional.empty();
    }
  }

  /** The alert of this response, if its respondent asked for one. */
  public Optional<ActionAlert> find(String council, String consultationId, String responseId) {
    return table
        .get(
            TableLayout.registerPk(council),
            TableLayout.registerAlertSk(consultationId, responseId))
        .map(item -> alert(council, item));
  }

  /** The alert an unsubscribe link names, if it exists and the link's secret is its own. */
  public Optional<ActionAlert> findByLink(String council, String linkId) {
    var m = linkId == null ? null : LINK.matcher(linkId);
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    return find(council, m.group(1), m.group(2))
        .filter(
            a ->
                MessageDigest.isEqual(
                    a.token().getBytes(StandardCharsets.US_ASCII),
                    m.group(3).getBytes(StandardCharsets.US_ASCII)));
  }

  /**
   * Stops this alert (its address is deleted) if it is still this one: an alert given again since,
   * with a new secret, stays. Stopping twice is harmless.
   */
  public void cancel(ActionAlert alert) {
    try {
      table.transactWrite(
          List.of(
              TransactWriteItem.builder()
                  .delete(
                      Delete.builder()
                          .tableName(table.name())
                          .key(alertKey(alert))
                          .conditionExpression("#t = :t")
                          .expressionAttributeNames(Map.of("#t", "token"))
                          .expressionAttributeValues(Map.of(":t", s(alert.token())))
                          .build())
                  .build()));
    } catch (TransactionCanceledException e) {
      if (!conditionFailed(e)) {
        throw e;
      }
      // Already gone (erased, stopped, or this call's own delete landed) or given again since.
    }
  }

  /** Every alert of the council's respondents (for the notifier only). */
  public List<ActionAlert> all(String council) {
    List<ActionAlert> out = new ArrayList<>();
    for (Map<String, AttributeValue> item :
        table.query(
            TableQuery.partition(TableLayout.registerPk(council))
                .startingWith(TableLayout.REGISTER_ALERT_PREFIX))) {
      out.add(alert(council, item));
    }
    return out;
  }

  private static ActionAlert alert(String council, Map<String, AttributeValue> item) {
    String rest =
        item.get(TableLayout.SK).s().substring(TableLayout.REGISTER_ALERT_PREFIX.length());
    int hash = rest.indexOf('#');
    return new ActionAlert(
        council,
        rest.substring(0, hash),
        rest.substring(hash + 1),
        item.get("email").s(),
        item.get("token").s(),
        item.containsKey(TableLayout.TTL) ? Long.parseLong(item.get(TableLayout.TTL).n()) : 0);
  }

  private static Map<String, AttributeValue> alertKey(ActionAlert alert) {
    return TableLayout.key(
        TableLayout.registerPk(alert.council()),
        TableLayout.registerAlertSk(alert.consultationId(), alert.responseId()));
  }

  // ---- The outbox: one item per change of an action's status

  /** A change of a theme's action status whose alert emails are to be sent. */
  public record StatusChange(
      String council,
      String key,
      String themeId,
      ActionStatus status,
      LocalDate on,
      boolean sent) {}

  /**
   * The write that puts a status change in the outbox, for the transaction that saves the theme:
   * only if this change (its place in the theme's history) is not there already.
   */
  TransactWriteItem outboxWrite(
      String council, String themeId, int change, ActionStatus status, LocalDate on, Instant now) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(TableLayout.PK, s(TableLayout.registerPk(council)));
    item.put(TableLayout.SK, s(TableLayout.registerOutboxSk(themeId, change)));
    item.put(TableLayout.TYPE, s(TYPE_OUTBOX));
    item.put("themeId", s(themeId));
    item.put("status", s(status.code()));
    item.put("on", s(on.toString()));
    item.put(
        TableLayout.TTL, AttributeValue.fromN(Long.toString(now.getEpochSecond() + KEEP_SECONDS)));
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(table.name())
                .item(item)
                .conditionExpression(Table.NOT_EXISTS)
                .build())
        .build();
  }

  /** The outbox item with this key, if it is still kept. */
  public Optional<StatusChange> statusChange(String council, String key) {
    return table
        .get(TableLayout.registerPk(council), key)
        .map(
            item ->
                new StatusChange(
                    council,
                    key,
                    item.get("themeId").s(),
                    ActionStatus.ofCode(item.get("status").s()),
                    LocalDate.parse(item.get("on").s()),
                    item.containsKey("sentAt")));
  }

  /** Every email of this change was sent (or had nobody to go to): a redelivery sends nothing. */
  public void sent(StatusChange change, Instant at) {
    table.putExisting(
        Map.of(
            TableLayout.PK,
            s(TableLayout.registerPk(change.council())),
            TableLayout.SK,
            s(change.key()),
            TableLayout.TYPE,
            s(TYPE_OUTBOX),
            "themeId",
            s(change.themeId()),
            "status",
            s(change.status().code()),
            "on",
            s(change.on().toString()),
            "sentAt",
            s(at.toString()),
            TableLayout.TTL,
            AttributeValue.fromN(Long.toString(at.getEpochSecond() + KEEP_SECONDS))));
  }

  /**
   * Claims the one email of this change to this alert, while the alert still exists with the same
   * address and secret; false if it was claimed before (a redelivery) or the alert is gone (erased
   * or stopped since it was read). The claim holds no address.
   */
  public boolean claim(StatusChange change, ActionAlert alert, Instant now) {
    // A nonce in the claim tells this call's own write (landed, its answer lost) from a claim
    // made before by another delivery.
    String nonce = java.util.UUID.randomUUID().toString();
    Map<String, AttributeValue> claim =
        Map.of(
            TableLayout.PK,
            s(TableLayout.registerPk(change.council())),
            TableLayout.SK,
            s(claimSk(change, alert)),
            TableLayout.TYPE,
            s(TYPE_SENT),
            "claim",
            s(nonce),
            TableLayout.TTL,
            AttributeValue.fromN(Long.toString(now.getEpochSecond() + KEEP_SECONDS)));
    List<TransactWriteItem> writes =
        List.of(
            TransactWriteItem.builder()
                .conditionCheck(
                    ConditionCheck.builder()
                        .tableName(table.name())
                        .key(alertKey(alert))
                        .conditionExpression("#e = :e AND #t = :t")
                        .expressionAttributeNames(Map.of("#e", "email", "#t", "token"))
                        .expressionAttributeValues(
                            Map.of(":e", s(alert.email()), ":t", s(alert.token())))
                        .build())
                .build(),
            TransactWriteItem.builder()
                .put(
                    Put.builder()
                        .tableName(table.name())
                        .item(claim)
                        .conditionExpression(Table.NOT_EXISTS)
                        .build())
                .build());
    try {
      table
          .retry()
          .writeOnce(
              () -> table.transactWriteOnce(writes, nonce),
              e -> e instanceof TransactionCanceledException t && conditionFailed(t),
              () ->
                  table
                      .get(TableLayout.registerPk(change.council()), claimSk(change, alert))
                      .map(item -> item.containsKey("claim") && nonce.equals(item.get("claim").s()))
                      .orElse(false));
      return true;
    } catch (TransactionCanceledException claimedOrGone) {
      return false; // claimed before by another delivery, or the alert is gone
    }
  }

  /** Gives a claim back after its email failed to send, so the retry sends it. */
  public void release(StatusChange change, ActionAlert alert) {
    table.delete(TableLayout.registerPk(change.council()), claimSk(change, alert));
  }

  private static String claimSk(StatusChange change, ActionAlert alert) {
    return TableLayout.registerAlertSentSk(
        change.key(), alert.consultationId(), alert.responseId());
  }

  /** Whether a cancelled transaction was refused by one of its conditions (not by a conflict). */
  static boolean conditionFailed(TransactionCanceledException e) {
    return e.cancellationReasons().stream()
        .anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
