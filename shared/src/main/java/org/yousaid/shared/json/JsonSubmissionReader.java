package org.yousaid.shared.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.validation.FieldError;
import org.yousaid.shared.validation.RawSubmission;

/**
 * Reads the JSON submission body {@code {"answers": {"q1": "text", "q2": ["a","b"]}, "profile":
 * {"role": "parent-carer"}, "consentToQuote": true}} into a {@link RawSubmission}, turning shape
 * mistakes into field errors rather than failures.
 */
public final class JsonSubmissionReader {

  public RawSubmission read(String body) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      throw ProblemException.badRequest(
          "The request body is not valid JSON. Check for a missing quote, comma or bracket"
              + (e.getLocation() != null
                  ? " near line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()
                  : "")
              + ".");
    }
    if (root == null || root.isMissingNode() || !root.isObject()) {
      throw ProblemException.badRequest(
          "The request body must be a JSON object with an \"answers\" member.");
    }
    List<FieldError> problems = new ArrayList<>();
    JsonNode answersNode = root.path("answers");
    if (!answersNode.isObject()) {
      throw ProblemException.badRequest(
          "The request body must have an \"answers\" object, for example {\"answers\": {\"q1\": \"…\"}}.");
    }
    Map<String, List<String>> answers = readValues(answersNode, "", problems);
    Map<String, List<String>> profile = Map.of();
    JsonNode profileNode = root.path("profile");
    if (profileNode.isObject()) {
      profile = readValues(profileNode, "profile.", problems);
    } else if (!profileNode.isMissingNode() && !profileNode.isNull()) {
      problems.add(
          new FieldError(
              "profile",
              "\"profile\" must be an object, for example {\"role\": \"parent-carer\"}."));
    }
    String consent = null;
    JsonNode consentNode = root.path("consentToQuote");
    if (consentNode.isBoolean()) {
      consent = consentNode.asBoolean() ? "yes" : "no";
    } else if (!consentNode.isMissingNode() && !consentNode.isNull()) {
      problems.add(new FieldError("consentToQuote", "\"consentToQuote\" must be true or false."));
    }
    return new RawSubmission(answers, profile, consent, problems);
  }

  private static Map<String, List<String>> readValues(
      JsonNode object, String prefix, List<FieldError> problems) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      List<String> list = new ArrayList<>();
      if (value.isNull()) {
        // An explicit null is the same as leaving the question out.
      } else if (value.isTextual() || value.isNumber() || value.isBoolean()) {
        list.add(value.asText());
      } else if (value.isArray() && allScalar(value)) {
        value.forEach(v -> list.add(v.asText()));
      } else {
        problems.add(
            new FieldError(
                prefix + field.getKey(),
                "The answer to '"
                    + field.getKey()
                    + "' must be text, a number, or a list of option values."));
        continue;
      }
      values.put(field.getKey(), list);
    }
    return values;
  }

  private static boolean allScalar(JsonNode array) {
    for (JsonNode v : array) {
      if (!(v.isTextual() || v.isNumber() || v.isBoolean())) {
        return false;
      }
    }
    return true;
  }
}
