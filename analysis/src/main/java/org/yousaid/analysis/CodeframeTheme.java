package org.yousaid.analysis;

import java.util.List;

/**
 * A theme an officer supplies in codeframe mode: a name, an optional description and optional
 * example answers.
 */
public record CodeframeTheme(String name, String description, List<String> examples) {
  public CodeframeTheme {
    description = description == null ? "" : description;
    examples = examples == null ? List.of() : List.copyOf(examples);
  }

  public static CodeframeTheme named(String name) {
    return new CodeframeTheme(name, "", List.of());
  }
}
