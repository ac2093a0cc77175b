package org.yousaid.local.officer;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.yousaid.dynamodblocal.EmbeddedDynamoDb;
import org.yousaid.local.LocalMode;
import org.yousaid.shared.storage.Storage;
import org.yousaid.shared.storage.TableSetup;

/**
 * Creates or updates a local-mode officer account: {@code bin/officer add --email E --council C
 * [--council C2]}, or a second reviewer's (e.g. the parent carer forum), who may only read, comment
 * on and co-sign a council's drafts: {@code bin/officer add --email E --reviewer-for C}. The
 * password is read without echo (or from standard input when piped) and must pass {@link
 * PasswordPolicy}. Stop local mode first: the data folder is opened by one process at a time.
 */
public final class OfficerCli {

  private OfficerCli() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0 || !args[0].equals("add")) {
      System.err.println(
          "usage: bin/officer add --email EMAIL (--council SLUG | --reviewer-for SLUG) ... [--data DIR]");
      System.exit(2);
    }
    String email = null;
    Set<String> councils = new HashSet<>();
    Set<String> reviews = new HashSet<>();
    Path data = Path.of(System.getenv().getOrDefault("YOUSAID_DATA", ".local-data"));
    for (int i = 1; i < args.length - 1; i += 2) {
      switch (args[i]) {
        case "--email" -> email = args[i + 1];
        case "--council" -> councils.add(args[i + 1]);
        case "--reviewer-for" -> reviews.add(args[i + 1]);
        case "--data" -> data = Path.of(args[i + 1]);
        default -> {
          System.err.println("unknown option " + args[i]);
          System.exit(2);
        }
      }
    }
    if (email == null || (councils.isEmpty() && reviews.isEmpty())) {
      System.err.println("Give --email and at least one --council or --reviewer-for");
      System.exit(2);
    }
    String password = readPassword();
    // Checked before the data folder is opened, so a refused password leaves nothing behind.
    java.util.Optional<String> problem = PasswordPolicy.problem(email, password);
    if (problem.isPresent()) {
      System.err.println(problem.get());
      System.exit(1);
    }
    try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.persistentIn(data)) {
      TableSetup.createIfMissing(dynamo.client(), LocalMode.TABLE);
      new LocalOfficers(Storage.of(dynamo.client(), LocalMode.TABLE, Clock.systemUTC()).table())
          .save(email, password, councils, reviews);
      System.out.println(
          "Saved "
              + email
              + (councils.isEmpty()
                  ? ""
                  : " as officer of " + String.join(", ", councils.stream().sorted().toList()))
              + (reviews.isEmpty()
                  ? ""
                  : " as reviewer of " + String.join(", ", reviews.stream().sorted().toList())));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }

  private static String readPassword() throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] typed =
          console.readPassword(
              "Password (at least %d characters, not a common password, not your email): ",
              PasswordPolicy.MIN_LENGTH);
      return typed == null ? "" : new String(typed);
    }
    String line =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    return line == null ? "" : line;
  }
}
