package org.yousaid.functions.common.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.shared.submission.ProblemException;

/**
 * Parses {@code application/x-www-form-urlencoded} bodies, keeping repeated fields (checkboxes) as
 * lists.
 */
public final class FormBody {

  private static final int MAX_FIELDS = 500;

  private final Map<String, List<String>> fields;

  private FormBody(Map<String, List<String>> fields) {
    this.fields = fields;
  }

  public static FormBody parse(String body) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    if (body == null || body.isEmpty()) {
      return new FormBody(fields);
    }
    String[] pairs = body.split("&");
    if (pairs.length > MAX_FIELDS) {
      throw ProblemException.badRequest("The form has too many fields.");
    }
    for (String pair : pairs) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return new FormBody(fields);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(
          "The form could not be read. Please go back and try again.");
    }
  }

  public Map<String, List<String>> fields() {
    return fields;
  }

  public List<String> all(String name) {
    return fields.getOrDefault(name, List.of());
  }

  public String first(String name) {
    List<String> values = all(name);
    return values.isEmpty() ? null : values.get(0);
  }
}
