package org.yousaid.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rate-based rules of waf.yaml's web ACL, and which of them count a given request: enough of
 * AWS WAF's statement language (And, Or, Not, byte matches on the method and the URI path) to
 * evaluate what waf.yaml uses. A statement of any other kind is refused, so a new kind of rule
 * cannot slip past the checks unread.
 */
final class WafRateRules {

  /** One rate-based rule: at most {@code limit} requests per client in {@code windowSeconds}. */
  record Rule(String name, double limit, int windowSeconds, Map<String, Object> scopeDown) {

    double requestsPerSecond() {
      return limit / windowSeconds;
    }

    boolean counts(String method, String path) {
      return scopeDown == null || matches(scopeDown, method, path);
    }
  }

  private final Map<String, Object> webAcl;
  private final List<Rule> rules;

  @SuppressWarnings("unchecked")
  WafRateRules(SamTemplate waf) {
    Map<String, Map<String, Object>> resources = waf.resources();
    Map<String, Object> acl =
        resources.values().stream()
            .filter(r -> "AWS::WAFv2::WebACL".equals(r.get("Type")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("waf.yaml has no AWS::WAFv2::WebACL"));
    this.webAcl = (Map<String, Object>) acl.get("Properties");
    Map<String, Map<String, Object>> parameters =
        (Map<String, Map<String, Object>>) waf.document().getOrDefault("Parameters", Map.of());
    List<Rule> found = new ArrayList<>();
    for (Map<String, Object> rule : (List<Map<String, Object>>) webAcl.get("Rules")) {
      Map<String, Object> statement = (Map<String, Object>) rule.get("Statement");
      Map<String, Object> rate = (Map<String, Object>) statement.get("RateBasedStatement");
      if (rate == null) {
        continue;
      }
      found.add(
          new Rule(
              String.valueOf(rule.get("Name")),
              number(rate.get("Limit"), parameters),
              ((Number) rate.getOrDefault("EvaluationWindowSec", 300)).intValue(),
              (Map<String, Object>) rate.get("ScopeDownStatement")));
    }
    this.rules = List.copyOf(found);
  }

  Map<String, Object> webAcl() {
    return webAcl;
  }

  List<Rule> rules() {
    return rules;
  }

  /** The tightest per-client rate any rule holds this request to, or empty if no rule counts it. */
  Optional<Rule> tightestFor(String method, String path) {
    return rules.stream()
        .filter(r -> r.counts(method, path))
        .min(java.util.Comparator.comparingDouble(Rule::requestsPerSecond));
  }

  @SuppressWarnings("unchecked")
  private static double number(Object value, Map<String, Map<String, Object>> parameters) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    Object ref = ((Map<String, Object>) value).get("Ref");
    Object fallback = parameters.get(String.valueOf(ref)).get("Default");
    return ((Number) fallback).doubleValue();
  }

  @SuppressWarnings("unchecked")
  static boolean matches(Map<String, Object> statement, String method, String path) {
    if (statement.size() != 1) {
      throw new AssertionError("one statement per level: " + statement.keySet());
    }
    Map.Entry<String, Object> only = statement.entrySet().iterator().next();
    Map<String, Object> body = (Map<String, Object>) only.getValue();
    return switch (only.getKey()) {
      case "AndStatement" ->
          ((List<Map<String, Object>>) body.get("Statements"))
              .stream().allMatch(s -> matches(s, method, path));
      case "OrStatement" ->
          ((List<Map<String, Object>>) body.get("Statements"))
              .stream().anyMatch(s -> matches(s, method, path));
      case "NotStatement" -> !matches((Map<String, Object>) body.get("Statement"), method, path);
      case "ByteMatchStatement" -> byteMatch(body, method, path);
      default -> throw new AssertionError("WafRateRules cannot evaluate " + only.getKey());
    };
  }

  @SuppressWarnings("unchecked")
  private static boolean byteMatch(Map<String, Object> match, String method, String path) {
    Map<String, Object> field = (Map<String, Object>) match.get("FieldToMatch");
    String value;
    if (field.containsKey("UriPath")) {
      value = path;
    } else if (field.containsKey("Method")) {
      value = method;
    } else {
      throw new AssertionError("WafRateRules cannot match on " + field.keySet());
    }
    List<Map<String, Object>> transformations =
        new ArrayList<>((List<Map<String, Object>>) match.get("TextTransformations"));
    transformations.sort(
        java.util.Comparator.comparingInt(t -> ((Number) t.get("Priority")).intValue()));
    for (Map<String, Object> t : transformations) {
      value =
          switch (String.valueOf(t.get("Type"))) {
            case "NONE" -> value;
            case "LOWERCASE" -> value.toLowerCase(Locale.ROOT);
            case "URL_DECODE" -> URLDecoder.decode(value, StandardCharsets.UTF_8);
            default -> throw new AssertionError("WafRateRules cannot apply " + t.get("Type"));
          };
    }
    String search = String.valueOf(match.get("SearchString"));
    return switch (String.valueOf(match.get("PositionalConstraint"))) {
      case "EXACTLY" -> value.equals(search);
      case "STARTS_WITH" -> value.startsWith(search);
      case "ENDS_WITH" -> value.endsWith(search);
      case "CONTAINS" -> value.contains(search);
      default ->
          throw new AssertionError("unknown constraint " + match.get("PositionalConstraint"));
    };
  }
}
