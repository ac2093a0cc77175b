package org.yousaid.analysis.cli;

import java.util.HashMap;
import java.util.Map;

/** "--name value" command-line options. */
final class Args {
  private final Map<String, String> values = new HashMap<>();

  Args(String[] args, int from) {
    for (int i = from; i < args.length; i++) {
      if (!args[i].startsWith("--"))
        throw new IllegalArgumentException("Unexpected argument: " + args[i]);
      String name = args[i].substring(2);
      String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
      values.put(name, value);
    }
  }

  String required(String name) {
    String v = values.get(name);
    if (v == null) throw new IllegalArgumentException("Missing --" + name);
    return v;
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  Integer integer(String name) {
    String v = values.get(name);
    return v == null ? null : Integer.valueOf(v);
  }

  boolean flag(String name) {
    return Boolean.parseBoolean(values.getOrDefault(name, "false"));
  }
}
