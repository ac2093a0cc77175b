package org.yousaid.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.yousaid.shared.json.Json;

/**
 * A Lambda event-source filter (FilterCriteria) as AWS applies it, for the patterns template.yaml
 * uses: nested fields, a list of allowed values, each a plain value or {@code {"prefix": ...}}. A
 * pattern using anything else is refused at start, so local mode never lets through what AWS would
 * hold back.
 */
final class StreamFilter {

  private final List<JsonNode> patterns;

  StreamFilter(List<String> patterns) {
    this.patterns = patterns.stream().map(StreamFilter::parse).toList();
    this.patterns.forEach(StreamFilter::checkSupported);
  }

  /** True if the event (as Lambda's JSON shape) matches any pattern, or there is none. */
  boolean matches(Map<String, Object> event) {
    return patterns.isEmpty()
        || patterns.stream().anyMatch(p -> matches(p, Json.mapper().valueToTree(event)));
  }

  private static boolean matches(JsonNode pattern, JsonNode event) {
    for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = event == null ? null : event.get(field.getKey());
      if (value == null || value.isNull()) {
        return false;
      }
      JsonNode expected = field.getValue();
      if (expected.isObject()) {
        if (!matches(expected, value)) {
          return false;
        }
      } else if (!anyOf(expected, value)) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyOf(JsonNode allowed, JsonNode value) {
    for (JsonNode option : allowed) {
      if (option.isObject()
          ? value.isTextual() && value.asText().startsWith(option.get("prefix").asText())
          : option.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static void checkSupported(JsonNode pattern) {
    pattern
        .fields()
        .forEachRemaining(
            field -> {
              JsonNode v = field.getValue();
              if (v.isObject()) {
                checkSupported(v);
              } else if (v.isArray()) {
                for (JsonNode option : v) {
                  if (option.isObject()
                      && (option.size() != 1
                          || !option.has("prefix")
                          || !option.get("prefix").isTextual())) {
                    throw new IllegalArgumentException(
                        "Local mode applies only plain values and prefix in event filters: "
                            + option);
                  }
                }
              } else {
                throw new IllegalArgumentException(
                    "An event filter's values are lists: " + field.getKey());
              }
            });
  }

  private static JsonNode parse(String pattern) {
    try {
      return Json.mapper().readTree(pattern);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("Not a JSON event filter: " + pattern, e);
    }
  }
}
