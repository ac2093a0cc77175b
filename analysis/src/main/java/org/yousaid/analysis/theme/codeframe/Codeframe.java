package org.yousaid.analysis.theme.codeframe;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.yousaid.analysis.AnalysedAnswer;
import org.yousaid.analysis.CodeframeTheme;
import org.yousaid.analysis.Theme;
import org.yousaid.analysis.ThemeResult;

/**
 * A named, versioned list of codes an officer starts from: the shipped SEND codeframe, another
 * consultation's finalised themes, or the officer's own {@code codes.csv} (columns {@code label}
 * required, {@code description} and {@code examples} optional, examples joined with {@code |}).
 */
public record Codeframe(String name, List<CodeframeTheme> codes) {
  /** The shipped SEND codeframe, version 1 (24 codes with descriptions and example answers). */
  public static final String SEND_V1 = "send-v1";

  private static final String EXAMPLE_SEPARATOR = "\\|";

  public Codeframe {
    codes = List.copyOf(codes);
    if (codes.isEmpty()) throw new IllegalArgumentException("A codeframe needs at least one code");
    var seen = new java.util.HashSet<String>();
    for (CodeframeTheme c : codes) {
      if (c.name() == null || c.name().isBlank())
        throw new IllegalArgumentException("Every code needs a label");
      if (!seen.add(key(c.name())))
        throw new IllegalArgumentException("Duplicate code label: " + c.name());
    }
  }

  /** A codeframe shipped in this jar, e.g. {@link #SEND_V1}. */
  public static Codeframe shipped(String name) {
    if (!name.matches("[a-z0-9-]+"))
      throw new IllegalArgumentException("Unknown codeframe " + name);
    InputStream in =
        Codeframe.class.getResourceAsStream("/org/yousaid/analysis/codeframes/" + name + ".csv");
    if (in == null) throw new IllegalArgumentException("Unknown codeframe " + name);
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return read(name, r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads {@code codes.csv}: a header row with {@code label} and optionally {@code description},
   * {@code examples}.
   */
  public static Codeframe read(String name, Reader csv) throws IOException {
    var format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .build();
    List<CodeframeTheme> codes = new ArrayList<>();
    try (var parser = format.parse(csv)) {
      Map<String, Integer> header = new LinkedHashMap<>();
      parser
          .getHeaderMap()
          .forEach(
              (k, v) -> header.put(k.strip().toLowerCase(Locale.ROOT).replace("\uFEFF", ""), v));
      Integer label = header.get("label"),
          description = header.get("description"),
          examples = header.get("examples");
      if (label == null) throw new IllegalArgumentException("codes.csv needs a 'label' column");
      for (CSVRecord r : parser) {
        String l = cell(r, label);
        if (l.isEmpty()) continue;
        List<String> ex =
            Arrays.stream(cell(r, examples).split(EXAMPLE_SEPARATOR))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        codes.add(new CodeframeTheme(l, cell(r, description), ex));
      }
    }
    return new Codeframe(name, codes);
  }

  private static String cell(CSVRecord r, Integer column) {
    return column == null || column >= r.size() ? "" : r.get(column).strip();
  }

  /**
   * Another consultation's finalised themes as a codeframe: each theme (not "other") becomes a code
   * with its label and description, and up to {@code examplesPerCode} of its members' redacted
   * answers (exemplar first) as examples.
   */
  public static Codeframe fromThemes(String name, ThemeResult finalised, int examplesPerCode) {
    Map<String, String> text = new LinkedHashMap<>();
    for (AnalysedAnswer a : finalised.answers())
      if (a.redactedText() != null) text.put(a.id(), a.redactedText());
    List<CodeframeTheme> codes = new ArrayList<>();
    for (Theme t : finalised.themes()) {
      if (t.other()) continue;
      List<String> ids = new ArrayList<>();
      if (t.exemplarId() != null) ids.add(t.exemplarId());
      for (String id : t.memberIds()) if (!ids.contains(id)) ids.add(id);
      List<String> examples =
          ids.stream()
              .map(text::get)
              .filter(s -> s != null && !s.isBlank())
              .distinct()
              .limit(examplesPerCode)
              .toList();
      codes.add(new CodeframeTheme(t.label(), t.description(), examples));
    }
    return new Codeframe(name, codes);
  }

  /**
   * This codeframe with officers' corrections added as examples: each entry maps a code label to
   * answers the officer placed in that code. Unknown labels become new codes (an officer's new
   * theme).
   */
  public Codeframe withExamples(Map<String, List<String>> correctedAnswersByLabel) {
    Map<String, CodeframeTheme> byKey = new LinkedHashMap<>();
    for (CodeframeTheme c : codes) byKey.put(key(c.name()), c);
    correctedAnswersByLabel.forEach(
        (label, answers) -> {
          CodeframeTheme c =
              byKey.getOrDefault(key(label), new CodeframeTheme(label.strip(), "", List.of()));
          List<String> examples = new ArrayList<>(c.examples());
          for (String a : answers)
            if (a != null && !a.isBlank() && !examples.contains(a)) examples.add(a);
          byKey.put(key(label), new CodeframeTheme(c.name(), c.description(), examples));
        });
    return new Codeframe(name, new ArrayList<>(byKey.values()));
  }

  static String key(String label) {
    return label.strip().toLowerCase(Locale.ROOT);
  }
}
