package org.yousaid.local.officer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a local-mode officer password must be: at least 12 characters, not one of the passwords that
 * lead breach lists (compared ignoring case and spaces), not one character repeated, and not the
 * account's email or its name part. The checks NCSC and NIST SP 800-63B recommend instead of
 * composition rules.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;

  private static final Set<String> COMMON = load();

  private PasswordPolicy() {}

  /** Why this password may not be used for this email, or empty if it may. */
  public static Optional<String> problem(String email, String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of("Use a password of at least " + MIN_LENGTH + " characters.");
    }
    String plain = simplify(password);
    if (COMMON.contains(plain) || plain.chars().distinct().count() <= 2) {
      return Optional.of("That password is too easy to guess. Choose a less common one.");
    }
    String address = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    String name = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
    String lower = password.toLowerCase(Locale.ROOT);
    if (!address.isEmpty()
        && (lower.contains(address) || (name.length() >= 4 && lower.contains(name)))) {
      return Optional.of("Do not use your email address in your password.");
    }
    return Optional.empty();
  }

  private static String simplify(String password) {
    return password.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
  }

  private static Set<String> load() {
    Set<String> common = new HashSet<>();
    try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("common-passwords.txt is missing from the jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          common.add(simplify(line.trim()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(common);
  }
}
