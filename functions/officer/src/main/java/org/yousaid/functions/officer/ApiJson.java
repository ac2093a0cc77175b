package org.yousaid.functions.officer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.yousaid.functions.common.http.Request;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.validation.FieldError;

/**
 * The officer API's request bodies and refusals: a body is a JSON object (415 for another type, 400
 * for one that cannot be read), its fields are read with their types checked, and a refusal with
 * field errors is a 422 naming the JSON fields, as the public API names its own.
 */
final class ApiJson {

  /** The status of a well-formed request whose fields cannot be accepted (RFC 9110). */
  static final int UNPROCESSABLE = 422;

  private final Map<?, ?> body;
  private final List<FieldError> errors = new ArrayList<>();

  private ApiJson(Map<?, ?> body) {
    this.body = body;
  }

  /** The request's JSON object, of at most {@code maxBytes}; an empty body is an empty object. */
  static ApiJson of(Request request, int maxBytes) {
    String text = request.bodyText(maxBytes);
    if (text.isBlank()) {
      return new ApiJson(Map.of());
    }
    if (!request.mediaType().equals("application/json")) {
      throw ProblemException.unsupportedMediaType("Send the request as application/json.");
    }
    Object parsed;
    try {
      parsed = Json.read(text, Object.class);
    } catch (RuntimeException e) {
      throw ProblemException.badRequest("The request body is not valid JSON.");
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw ProblemException.badRequest("The request body must be a JSON object.");
    }
    return new ApiJson(map);
  }

  boolean has(String name) {
    return body.containsKey(name) && body.get(name) != null;
  }

  /** A text field, or null when absent; a field of another type is an error. */
  String text(String name) {
    Object value = body.get(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    errors.add(new FieldError(name, "Must be text"));
    return null;
  }

  /** A yes/no field, false when absent. */
  boolean flag(String name) {
    Object value = body.get(name);
    if (value == null || value instanceof Boolean) {
      return Boolean.TRUE.equals(value);
    }
    errors.add(new FieldError(name, "Must be true or false"));
    return false;
  }

  /** A list of text (a single text value counts as a list of one); empty when absent. */
  List<String> texts(String name) {
    Object value = body.get(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof String s) {
      return List.of(s);
    }
    if (value instanceof List<?> list && list.stream().allMatch(v -> v instanceof String)) {
      return list.stream().map(String.class::cast).toList();
    }
    errors.add(new FieldError(name, "Must be a list of text"));
    return List.of();
  }

  /** A list of JSON objects; empty when absent. */
  List<Map<?, ?>> objects(String name) {
    Object value = body.get(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list && list.stream().allMatch(v -> v instanceof Map<?, ?>)) {
      return list.stream().<Map<?, ?>>map(v -> (Map<?, ?>) v).toList();
    }
    errors.add(new FieldError(name, "Must be a list of objects"));
    return List.of();
  }

  /** Refuses (422) the request if any field had the wrong type. */
  void check() {
    if (!errors.isEmpty()) {
      throw unprocessable(errors);
    }
  }

  static ProblemException unprocessable(List<FieldError> errors) {
    ProblemException invalid = ProblemException.invalid(errors);
    return new ProblemException(UNPROCESSABLE, invalid.title(), invalid.detail(), errors);
  }

  /**
   * Runs logic shared with the officer pages and turns its refusals with field errors (400, named
   * after the page's fields) into the API's 422 with the JSON fields' names.
   */
  static <T> T fields(java.util.function.Supplier<T> action, UnaryOperator<String> rename) {
    try {
      return action.get();
    } catch (ProblemException problem) {
      if (problem.status() == 400 && !problem.errors().isEmpty()) {
        List<FieldError> renamed = new ArrayList<>();
        for (FieldError e : problem.errors()) {
          renamed.add(new FieldError(rename.apply(e.field()), e.message()));
        }
        throw unprocessable(renamed);
      }
      throw problem;
    }
  }

  /** A rename by table; names not in it stay. */
  static UnaryOperator<String> renames(Map<String, String> table) {
    Map<String, String> copy = new LinkedHashMap<>(table);
    return name -> copy.getOrDefault(name, name);
  }
}
