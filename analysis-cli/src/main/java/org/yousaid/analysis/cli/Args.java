package org.yousaid.analysis.cli;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * "--name value" command-line options. A command reads every option it knows, then calls {@link
 * #rejectUnread()}: a mistyped setting must stop the run, not leave a benchmark at its default.
 */
final class Args {
  private final Map<String, String> values = new HashMap<>();
  private final Set<String> read = new TreeSet<>();

  Args(String[] args, int from) {
    for (int i = from; i < args.length; i++) {
      if (!args[i].startsWith("--"))
        throw new IllegalArgumentException("Unexpected argument: " + args[i]);
      String name = args[i].substring(2);
      String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
      values.put(name, value);
    }
  }

  boolean has(String name) {
    read.add(name);
    return values.containsKey(name);
  }

  String required(String name) {
    read.add(name);
    String v = values.get(name);
    if (v == null) throw new IllegalArgumentException("Missing --" + name);
    return v;
  }

  String get(String name, String fallback) {
    read.add(name);
    return values.getOrDefault(name, fallback);
  }

  Integer integer(String name) {
    read.add(name);
    String v = values.get(name);
    return v == null ? null : Integer.valueOf(v);
  }

  /** "--name" alone or "--name true" is true, "--name false" false; anything else is an error. */
  boolean flag(String name) {
    read.add(name);
    String v = values.getOrDefault(name, "false").toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false"))
      throw new IllegalArgumentException("--" + name + " takes true or false, not " + v);
    return v.equals("true");
  }

  /** Fails on any option the command did not read (a typo, or an option of another command). */
  void rejectUnread() {
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(read);
    if (!unknown.isEmpty())
      throw new IllegalArgumentException("Unknown option(s): --" + String.join(", --", unknown));
  }
}
