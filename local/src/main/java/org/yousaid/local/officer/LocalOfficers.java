package org.yousaid.local.officer;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.yousaid.shared.storage.Table;
import org.yousaid.shared.storage.TableLayout;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Local-mode officer accounts (in AWS, Cognito holds them): email, Argon2id hash, councils. */
public final class LocalOfficers {

  /**
   * A stored account: an officer of {@code councils}, and a second reviewer (only) of {@code
   * reviews}.
   */
  public record Account(
      String subject,
      String email,
      String passwordHash,
      Set<String> councils,
      Set<String> reviews) {}

  /**
   * Hash checked when the email is unknown, so a wrong email takes as long as a wrong password: the
   * same Argon2id cost as every stored hash.
   */
  static final String DUMMY_HASH = PasswordHasher.hash(UUID.randomUUID().toString());

  private final Table table;

  public LocalOfficers(Table table) {
    this.table = table;
  }

  /** Creates or updates an account; refuses a password {@link PasswordPolicy} does not allow. */
  public void save(String email, String password, Set<String> councils) {
    save(email, password, councils, Set.of());
  }

  /** Saves an account that reviews the drafts of {@code reviews} too (or only). */
  public void save(String email, String password, Set<String> councils, Set<String> reviews) {
    PasswordPolicy.problem(email, password)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(problem);
            });
    String subject = find(email).map(Account::subject).orElse(UUID.randomUUID().toString());
    Map<String, AttributeValue> item =
        new HashMap<>(TableLayout.key(pk(email), TableLayout.LOCAL_OFFICER_SK));
    item.put(TableLayout.TYPE, AttributeValue.fromS("LOCAL_OFFICER"));
    item.put("subject", AttributeValue.fromS(subject));
    item.put("email", AttributeValue.fromS(normalise(email)));
    item.put("passwordHash", AttributeValue.fromS(PasswordHasher.hash(password)));
    item.put(
        "councils",
        AttributeValue.fromL(councils.stream().sorted().map(AttributeValue::fromS).toList()));
    item.put(
        "reviews",
        AttributeValue.fromL(reviews.stream().sorted().map(AttributeValue::fromS).toList()));
    table.put(item);
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
    Optional<Map<String, AttributeValue>> found =
        table.get(pk(email), TableLayout.LOCAL_OFFICER_SK);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Map<String, AttributeValue> item = found.get();
    List<String> councils = item.get("councils").l().stream().map(AttributeValue::s).toList();
    // Accounts saved before reviewers existed have no "reviews".
    List<String> reviews =
        item.containsKey("reviews")
            ? item.get("reviews").l().stream().map(AttributeValue::s).toList()
            : List.of();
    return Optional.of(
        new Account(
            item.get("subject").s(),
            item.get("email").s(),
            item.get("passwordHash").s(),
            Set.copyOf(councils),
            Set.copyOf(reviews)));
  }

  private static String pk(String email) {
    return TableLayout.localOfficerPk(normalise(email));
  }

  private static String normalise(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }
}
