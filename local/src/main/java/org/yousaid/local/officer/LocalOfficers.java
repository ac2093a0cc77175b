package org.yousaid.local.officer;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Local-mode officer accounts (in AWS, Cognito holds them): email, Argon2id hash, councils. */
public final class LocalOfficers {

  /** A stored account. */
  public record Account(String subject, String email, String passwordHash, Set<String> councils) {}

  private static final String SK = "ACCOUNT";

  /** Hash checked when the email is unknown, so a wrong email takes as long as a wrong password. */
  private static final String DUMMY_HASH = PasswordHasher.hash(UUID.randomUUID().toString());

  private final DynamoDbClient dynamo;
  private final String table;

  public LocalOfficers(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  public void save(String email, String password, Set<String> councils) {
    if (password.length() < 12) {
      throw new IllegalArgumentException("Use a password of at least 12 characters.");
    }
    String subject = find(email).map(Account::subject).orElse(UUID.randomUUID().toString());
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", AttributeValue.fromS(pk(email)));
    item.put("sk", AttributeValue.fromS(SK));
    item.put("type", AttributeValue.fromS("LOCAL_OFFICER"));
    item.put("subject", AttributeValue.fromS(subject));
    item.put("email", AttributeValue.fromS(normalise(email)));
    item.put("passwordHash", AttributeValue.fromS(PasswordHasher.hash(password)));
    item.put(
        "councils",
        AttributeValue.fromL(councils.stream().sorted().map(AttributeValue::fromS).toList()));
    dynamo.putItem(b -> b.tableName(table).item(item));
  }

  public boolean exists(String email) {
    return find(email).isPresent();
  }

  /**
   * The account if the email and password match; empty otherwise, in about the same time either
   * way.
   */
  public Optional<Account> authenticate(String email, String password) {
    Optional<Account> account = find(email == null ? "" : email);
    boolean ok =
        PasswordHasher.matches(
            password == null ? "" : password,
            account.map(Account::passwordHash).orElse(DUMMY_HASH));
    return ok ? account : Optional.empty();
  }

  private Optional<Account> find(String email) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                b ->
                    b.tableName(table)
                        .consistentRead(true)
                        .key(
                            Map.of(
                                "pk",
                                AttributeValue.fromS(pk(email)),
                                "sk",
                                AttributeValue.fromS(SK))))
            .item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    List<String> councils = item.get("councils").l().stream().map(AttributeValue::s).toList();
    return Optional.of(
        new Account(
            item.get("subject").s(),
            item.get("email").s(),
            item.get("passwordHash").s(),
            Set.copyOf(councils)));
  }

  private static String pk(String email) {
    return "LOCAL_OFFICER#" + normalise(email);
  }

  private static String normalise(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }
}
