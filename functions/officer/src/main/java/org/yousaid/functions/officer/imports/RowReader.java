package org.yousaid.functions.officer.imports;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yousaid.shared.model.AgeBand;
import org.yousaid.shared.model.AreaOfNeed;
import org.yousaid.shared.model.ChoiceOption;
import org.yousaid.shared.model.Coded;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.EhcStage;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.Role;
import org.yousaid.shared.validation.FieldError;
import org.yousaid.shared.validation.RawSubmission;
import org.yousaid.shared.validation.SubmissionValidator;

/**
 * One row of a file as one person's answers, through the officer's column mapping: values read as
 * people write them (see {@link UkValues}), then checked by the same validator as a web answer. A
 * row's problems never repeat its answers' text: only which column, and what was expected.
 */
public final class RowReader {

  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma", Locale.UK).withZone(UkValues.LONDON);

  /**
   * A row read: what will be stored (or why not) and, for the preview, each mapped column's value
   * as it will be stored.
   */
  public record ReadRow(
      int number,
      RawSubmission submission,
      Instant givenAt,
      List<String> problems,
      Map<Integer, String> shown) {
    public boolean importable() {
      return problems.isEmpty();
    }
  }

  private final Consultation consultation;
  private final List<String> headers;
  private final Map<Integer, String> mapping;
  private final SubmissionValidator validator = new SubmissionValidator();

  /**
   * @param mapping column position to target code (see {@link ImportTarget}); ignored columns left
   *     out
   */
  public RowReader(Consultation consultation, List<String> headers, Map<Integer, String> mapping) {
    this.consultation = consultation;
    this.headers = headers;
    this.mapping = mapping;
  }

  public ReadRow read(UploadedTable.Row row) {
    List<String> problems = new ArrayList<>();
    Map<String, List<String>> answers = new LinkedHashMap<>();
    Map<String, List<String>> profile = new LinkedHashMap<>();
    Map<Integer, String> shown = new LinkedHashMap<>();
    String consent = null;
    Instant givenAt = null;
    for (Map.Entry<Integer, String> m : mapping.entrySet()) {
      String value = row.cell(m.getKey());
      String column = column(m.getKey());
      String target = m.getValue();
      if (value.isBlank() || UkValues.declined(value) && !target.startsWith("q.")) {
        shown.put(m.getKey(), "");
        continue;
      }
      if (target.startsWith(ImportTarget.QUESTION_PREFIX)) {
        Question q = consultation.question(target.substring(2)).orElseThrow();
        if (q.type().isChoice()) {
          List<String> chosen =
              OptionMatcher.match(q.effectiveOptions(), value, q.type().allowsSeveral());
          if (chosen.isEmpty()) {
            problems.add(
                column
                    + ": not one of the answers to \""
                    + shorten(q.text(), 60)
                    + "\" ("
                    + String.join(
                        ", ", q.effectiveOptions().stream().map(ChoiceOption::label).toList())
                    + ").");
            continue;
          }
          answers.put(q.id(), chosen);
          shown.put(
              m.getKey(),
              String.join(
                  "; ",
                  chosen.stream()
                      .map(c -> q.option(c).map(ChoiceOption::label).orElse(c))
                      .toList()));
        } else {
          answers.put(q.id(), List.of(value));
          shown.put(m.getKey(), value);
        }
      } else if (target.startsWith(ImportTarget.PROFILE_PREFIX)) {
        String field = target.substring(ImportTarget.PROFILE_PREFIX.length());
        Optional<List<String>> values = profileValues(field, value);
        if (values.isEmpty()) {
          problems.add(column + ": " + expected(field));
          continue;
        }
        profile.put(field, values.get());
        shown.put(m.getKey(), profileLabels(field, values.get()));
      } else if (target.equals(ImportTarget.CONSENT)) {
        consent = UkValues.yes(value) ? "yes" : "no";
        shown.put(m.getKey(), UkValues.yes(value) ? "Yes" : "No");
      } else if (target.equals(ImportTarget.SUBMITTED_AT)) {
        Optional<Instant> date = UkValues.date(value);
        if (date.isEmpty()) {
          problems.add(
              column
                  + ": \""
                  + shorten(value, 30)
                  + "\" is not a date like 31/03/2026, 31 March 2026 or 2026-03-31.");
          continue;
        }
        givenAt = date.get();
        shown.put(m.getKey(), SHOWN.format(givenAt).replace("AM", "am").replace("PM", "pm"));
      }
    }
    for (int extra = headers.size(); extra < row.cells().size(); extra++) {
      if (!row.cell(extra).isBlank()) {
        // Usually a comma inside an answer that was not put in quotes: the answer is split.
        problems.add(
            "This row has more cells than the file has columns, so part of it would be lost."
                + " Put answers that contain commas in quotes.");
        break;
      }
    }
    boolean anyAnswer =
        consultation.questions().stream().anyMatch(q -> answers.containsKey(q.id()));
    if (!anyAnswer && problems.isEmpty()) {
      problems.add("This row has no answers to any question, so it was not imported.");
    }
    RawSubmission raw = new RawSubmission(answers, profile, consent, List.of());
    if (problems.isEmpty()) {
      SubmissionValidator.Result result = validator.validate(consultation, raw);
      for (FieldError e : result.errors()) {
        problems.add(
            answers.containsKey(e.field())
                ? e.message()
                : consultation
                    .question(e.field())
                    .filter(Question::required)
                    .map(RowReader::missingRequired)
                    .orElse(e.message()));
      }
    }
    return new ReadRow(row.number(), raw, givenAt, List.copyOf(problems), shown);
  }

  /**
   * Told to the officer, not the person who answered: a file from another tool or from paper often
   * has no answer to a question our form requires, and the officer can decide it is not required.
   */
  private static String missingRequired(Question question) {
    return "No answer to \""
        + shorten(question.text(), 60)
        + "\", which the form requires. To import rows without it, make the question optional on"
        + " the Questions page (untick \"People must answer this question\").";
  }

  private String column(int position) {
    String header = position < headers.size() ? headers.get(position) : "";
    return header.isBlank() ? "Column " + (position + 1) : "\"" + shorten(header, 40) + "\"";
  }

  private static Optional<List<String>> profileValues(String field, String value) {
    return switch (field) {
      case SubmissionValidator.PROFILE_ROLE -> UkValues.role(value).map(r -> List.of(r.code()));
      case SubmissionValidator.PROFILE_AGE_BAND ->
          coded(AgeBand.values(), ageBand(value)).map(List::of);
      case SubmissionValidator.PROFILE_EHC_STAGE -> coded(EhcStage.values(), value).map(List::of);
      case SubmissionValidator.PROFILE_AREAS_OF_NEED -> {
        List<ChoiceOption> options =
            java.util.Arrays.stream(AreaOfNeed.values())
                .map(a -> new ChoiceOption(a.code(), a.label()))
                .toList();
        List<String> chosen = OptionMatcher.match(options, value, true);
        yield chosen.isEmpty() ? Optional.empty() : Optional.of(chosen);
      }
      default -> Optional.of(List.of(value));
    };
  }

  /** "0-5", "0 to 5 years", "0 - 5yrs" all name the first band. */
  private static String ageBand(String value) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d+)\\s*(?:-|–|to)\\s*(\\d+)").matcher(value);
    return m.find() ? m.group(1) + "-" + m.group(2) : value;
  }

  private static <E extends Enum<E> & Coded> Optional<String> coded(E[] values, String value) {
    String v = UkValues.words(value);
    for (E e : values) {
      if (UkValues.words(e.code()).equals(v) || UkValues.words(e.label()).equals(v)) {
        return Optional.of(e.code());
      }
    }
    return Optional.empty();
  }

  private static String profileLabels(String field, List<String> codes) {
    Class<? extends Enum<?>> type =
        switch (field) {
          case SubmissionValidator.PROFILE_ROLE -> Role.class;
          case SubmissionValidator.PROFILE_AGE_BAND -> AgeBand.class;
          case SubmissionValidator.PROFILE_EHC_STAGE -> EhcStage.class;
          case SubmissionValidator.PROFILE_AREAS_OF_NEED -> AreaOfNeed.class;
          default -> null;
        };
    if (type == null) {
      return String.join("; ", codes);
    }
    List<String> labels = new ArrayList<>();
    for (String code : codes) {
      for (Enum<?> e : type.getEnumConstants()) {
        if (((Coded) e).code().equals(code)) {
          labels.add(((Coded) e).label());
        }
      }
    }
    return String.join("; ", labels);
  }

  private static String expected(String field) {
    return switch (field) {
      case SubmissionValidator.PROFILE_ROLE ->
          "not a role we recognise (parent or carer, young person, professional, other).";
      case SubmissionValidator.PROFILE_AGE_BAND -> "not an age band (0 to 5, 5 to 16, 16 to 25).";
      case SubmissionValidator.PROFILE_EHC_STAGE -> "not one of the EHC stages.";
      case SubmissionValidator.PROFILE_AREAS_OF_NEED -> "not one of the four areas of need.";
      default -> "not a value we recognise.";
    };
  }

  static String shorten(String s, int max) {
    return s.length() > max ? s.substring(0, max) + "…" : s;
  }
}
