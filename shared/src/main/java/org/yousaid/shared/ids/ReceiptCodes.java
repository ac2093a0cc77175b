package org.yousaid.shared.ids;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Receipt codes a person can read out or type: 12 Crockford base-32 characters (60 random bits)
 * shown in three groups, e.g. {@code K7QM-2XD9-F3PA}. The code is the only key to a response's view
 * and erase routes, so it must be unguessable.
 */
public final class ReceiptCodes {

  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final int LENGTH = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private ReceiptCodes() {}

  public static String newCode() {
    char[] chars = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    String raw = new String(chars);
    return raw.substring(0, 4) + "-" + raw.substring(4, 8) + "-" + raw.substring(8);
  }

  /**
   * The canonical form of what someone typed: case, spaces and dashes ignored; O read as 0 and I/L
   * as 1. Empty when it cannot be a receipt code.
   */
  public static Optional<String> normalise(String typed) {
    if (typed == null || typed.length() > 40) {
      return Optional.empty();
    }
    StringBuilder raw = new StringBuilder();
    for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
      if (c == '-' || c == ' ') {
        continue;
      }
      char mapped =
          switch (c) {
            case 'O' -> '0';
            case 'I', 'L' -> '1';
            default -> c;
          };
      if (new String(ALPHABET).indexOf(mapped) < 0) {
        return Optional.empty();
      }
      raw.append(mapped);
    }
    if (raw.length() != LENGTH) {
      return Optional.empty();
    }
    return Optional.of(raw.substring(0, 4) + "-" + raw.substring(4, 8) + "-" + raw.substring(8));
  }
}
