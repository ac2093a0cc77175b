package org.yousaid.shared.register;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address as a respondent types it, checked before it is stored: one {@code @}, a local
 * part of the characters RFC 5322 allows unquoted, and a domain of DNS labels with a top-level name
 * of letters. Nothing with a space, a line break or a comma gets through, so an address can never
 * add a header or a second recipient to an email.
 */
public final class EmailAddress {

  /** RFC 5321's limit on a whole address. */
  public static final int MAX_LENGTH = 254;

  private static final Pattern LOCAL =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern DOMAIN =
      Pattern.compile(
          "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])");

  private EmailAddress() {}

  /** The address, without the spaces around it, if it is one; empty otherwise. */
  public static Optional<String> parse(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String address = typed.strip();
    int at = address.indexOf('@');
    if (address.length() > MAX_LENGTH || at < 1 || at != address.lastIndexOf('@')) {
      return Optional.empty();
    }
    String local = address.substring(0, at);
    String domain = address.substring(at + 1);
    if (local.length() > 64 || !LOCAL.matcher(local).matches()) {
      return Optional.empty();
    }
    if (!DOMAIN.matcher(domain).matches()) {
      return Optional.empty();
    }
    return Optional.of(address);
  }
}
