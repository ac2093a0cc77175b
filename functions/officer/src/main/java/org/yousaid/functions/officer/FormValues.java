package org.yousaid.functions.officer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What an officer typed, by field name, so a form sent back with errors keeps every value. */
final class FormValues {

  private FormValues() {}

  static Map<String, String> of(Map<String, List<String>> fields) {
    Map<String, String> values = new HashMap<>();
    fields.forEach((name, list) -> values.put(name, list.isEmpty() ? "" : list.get(0)));
    return values;
  }
}
