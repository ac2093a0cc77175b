package org.yousaid.shared.model;

import java.util.Arrays;
import java.util.Optional;

/** An enum with a stable code for JSON, forms and storage, and a plain-English label for people. */
public interface Coded {
  @com.fasterxml.jackson.annotation.JsonValue
  String code();

  String label();

  static <E extends Enum<E> & Coded> Optional<E> fromCode(Class<E> type, String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.trim();
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.code().equalsIgnoreCase(wanted))
        .findFirst();
  }
}
