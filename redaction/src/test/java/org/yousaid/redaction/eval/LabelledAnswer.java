package org.yousaid.redaction.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yousaid.redaction.PersonalDataKind;
import org.yousaid.redaction.PersonalDataSpan;

/**
 * One answer of a redaction evaluation set: its text and where its personal data is. The set's
 * files (redaction/eval/*.txt) have one answer a line with the personal data marked {@code
 * [[kind:text]]}; {@code #} starts a comment line.
 */
public record LabelledAnswer(String text, List<PersonalDataSpan> gold) {
  private static final Pattern MARK = Pattern.compile("\\[\\[([a-z]+):([^\\]]+)]]");

  public LabelledAnswer {
    gold = List.copyOf(gold);
  }

  public static List<LabelledAnswer> read(Path file) throws IOException {
    return read(file, UnaryOperator.identity());
  }

  /**
   * Reads the set with each line first passed through {@code normalise} (the engine's text
   * normaliser, which may collapse spaces), so the marks still point at the right words.
   */
  public static List<LabelledAnswer> read(Path file, UnaryOperator<String> normalise)
      throws IOException {
    List<LabelledAnswer> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) continue;
      out.add(parse(normalise.apply(line)));
    }
    return out;
  }

  public static LabelledAnswer parse(String line) {
    StringBuilder text = new StringBuilder();
    List<PersonalDataSpan> gold = new ArrayList<>();
    Matcher m = MARK.matcher(line);
    int at = 0;
    while (m.find()) {
      text.append(line, at, m.start());
      int begin = text.length();
      text.append(m.group(2));
      gold.add(new PersonalDataSpan(kind(m.group(1)), begin, text.length()));
      at = m.end();
    }
    text.append(line.substring(at));
    return new LabelledAnswer(text.toString(), gold);
  }

  static PersonalDataKind kind(String mark) {
    return switch (mark.toLowerCase(Locale.ROOT)) {
      case "name" -> PersonalDataKind.NAME;
      case "staff" -> PersonalDataKind.STAFF;
      case "school" -> PersonalDataKind.SCHOOL;
      case "organisation" -> PersonalDataKind.ORGANISATION;
      case "email" -> PersonalDataKind.EMAIL;
      case "phone" -> PersonalDataKind.PHONE;
      case "postcode" -> PersonalDataKind.POSTCODE;
      case "nhs" -> PersonalDataKind.NHS_NUMBER;
      case "dob" -> PersonalDataKind.DATE_OF_BIRTH;
      case "address" -> PersonalDataKind.ADDRESS;
      default -> throw new IllegalArgumentException("unknown mark " + mark);
    };
  }
}
