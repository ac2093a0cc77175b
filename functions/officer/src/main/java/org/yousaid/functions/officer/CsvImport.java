package org.yousaid.functions.officer;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.yousaid.shared.model.AgeBand;
import org.yousaid.shared.model.AreaOfNeed;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.ChoiceOption;
import org.yousaid.shared.model.Coded;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.EhcStage;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.Role;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.submission.SubmissionService;
import org.yousaid.shared.validation.FieldError;
import org.yousaid.shared.validation.RawSubmission;
import org.yousaid.shared.validation.SubmissionValidator;

/**
 * Imports answers exported from another survey tool (or typed up from paper) as CSV. Columns are
 * matched to questions by id or wording unless the officer maps them; option labels are accepted as
 * well as codes. Every row is validated like a web answer, marked with its channel, and keyed by
 * its content and position, so importing the same file twice stores each answer once.
 */
final class CsvImport {

  static final int MAX_ROWS = 20_000;
  static final String IGNORE = "ignore";

  /** What happened to one file. */
  record Outcome(
      int imported, int alreadyImported, List<RowProblem> problems, Map<String, String> mapping) {}

  /** Why one row was not imported (row 1 is the first row after the header). */
  record RowProblem(int row, List<String> messages) {}

  private final SubmissionService submissions;

  CsvImport(SubmissionService submissions) {
    this.submissions = submissions;
  }

  Outcome importCsv(
      Consultation consultation, String csv, Channel channel, Map<String, String> explicitMapping) {
    if (channel == Channel.WEB) {
      throw ProblemException.badRequest(
          "Imported answers cannot be marked as sent through the online form.");
    }
    List<CSVRecord> records;
    List<String> headers;
    try (CSVParser parser =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get()
            .parse(new StringReader(stripBom(csv)))) {
      headers = parser.getHeaderNames();
      records = parser.getRecords();
    } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
      throw ProblemException.badRequest(
          "The file could not be read as CSV. Check it has one header row and commas between columns.");
    }
    if (records.size() > MAX_ROWS) {
      throw ProblemException.tooLarge(
          "The file has more than " + MAX_ROWS + " rows. Split it into smaller files.");
    }
    Map<String, String> mapping = mapping(consultation, headers, explicitMapping);
    int imported = 0;
    int replayed = 0;
    List<RowProblem> problems = new ArrayList<>();
    for (CSVRecord record : records) {
      int row = (int) record.getRecordNumber();
      List<String> rowProblems = new ArrayList<>();
      Map<String, List<String>> answers = new LinkedHashMap<>();
      Map<String, List<String>> profile = new LinkedHashMap<>();
      String consent = null;
      Instant givenAt = null;
      for (Map.Entry<String, String> m : mapping.entrySet()) {
        String value =
            record.isMapped(m.getKey()) && record.isSet(m.getKey()) ? record.get(m.getKey()) : "";
        if (value.isBlank()) {
          continue;
        }
        String target = m.getValue();
        if (target.startsWith("q.")) {
          Question q = consultation.question(target.substring(2)).orElseThrow();
          answers.put(
              q.id(),
              q.type().isChoice()
                  ? choices(q.effectiveOptions(), value, q.type().allowsSeveral())
                  : List.of(value));
        } else if (target.startsWith("profile.")) {
          String field = target.substring("profile.".length());
          profile.put(field, profileValues(field, value));
        } else if (target.equals("consent")) {
          consent = yes(value) ? "yes" : "no";
        } else if (target.equals("submittedAt")) {
          givenAt = date(value);
          if (givenAt == null) {
            rowProblems.add("The date \"" + shorten(value) + "\" is not a date like 2026-03-31.");
          }
        }
      }
      if (!rowProblems.isEmpty()) {
        problems.add(new RowProblem(row, rowProblems));
        continue;
      }
      String key =
          "import-"
              + digest(
                  consultation.id() + "|" + row + "|" + String.join("\u0001", record.toList()));
      try {
        SubmissionService.Receipt receipt =
            submissions.record(
                consultation,
                new RawSubmission(answers, profile, consent, List.of()),
                key,
                channel,
                givenAt);
        if (receipt.replayed()) {
          replayed++;
        } else {
          imported++;
        }
      } catch (ProblemException problem) {
        List<String> messages =
            problem.errors().isEmpty()
                ? List.of(problem.detail())
                : problem.errors().stream().map(FieldError::message).toList();
        problems.add(new RowProblem(row, messages));
      }
    }
    if (imported > 0) {
      org.yousaid.functions.common.telemetry.Telemetry.count(
          "ResponsesSubmitted", imported, "Channel", channel.code());
    }
    return new Outcome(imported, replayed, problems, mapping);
  }

  /**
   * Column to target: the officer's choices first, then matches on question id or wording, profile
   * names.
   */
  static Map<String, String> mapping(
      Consultation consultation, List<String> headers, Map<String, String> explicit) {
    Map<String, String> mapping = new LinkedHashMap<>();
    for (String header : headers) {
      String chosen = explicit.get(header);
      if (chosen != null) {
        if (!chosen.equals(IGNORE)) {
          if (!validTarget(consultation, chosen)) {
            throw ProblemException.badRequest(
                "The column \""
                    + shorten(header)
                    + "\" is mapped to something this consultation does not have.");
          }
          mapping.put(header, chosen);
        }
        continue;
      }
      String h = normal(header);
      consultation.questions().stream()
          .filter(q -> normal(q.id()).equals(h) || normal(q.text()).equals(h))
          .findFirst()
          .ifPresent(q -> mapping.put(header, "q." + q.id()));
      if (mapping.containsKey(header)) {
        continue;
      }
      switch (h) {
        case "role", "answering as", "respondent type" ->
            mapping.put(header, "profile." + SubmissionValidator.PROFILE_ROLE);
        case "age band", "child's age", "age" ->
            mapping.put(header, "profile." + SubmissionValidator.PROFILE_AGE_BAND);
        case "area of need", "areas of need", "need" ->
            mapping.put(header, "profile." + SubmissionValidator.PROFILE_AREAS_OF_NEED);
        case "district", "area", "locality" ->
            mapping.put(header, "profile." + SubmissionValidator.PROFILE_DISTRICT);
        case "stage", "ehc stage" ->
            mapping.put(header, "profile." + SubmissionValidator.PROFILE_EHC_STAGE);
        case "consent", "consent to quote", "may we quote you" -> mapping.put(header, "consent");
        case "date", "submitted", "submitted at", "timestamp", "start date" ->
            mapping.put(header, "submittedAt");
        default -> {}
      }
    }
    return mapping;
  }

  private static boolean validTarget(Consultation consultation, String target) {
    if (target.startsWith("q.")) {
      return consultation.question(target.substring(2)).isPresent();
    }
    return List.of("consent", "submittedAt").contains(target)
        || List.of(
                SubmissionValidator.PROFILE_ROLE,
                SubmissionValidator.PROFILE_AGE_BAND,
                SubmissionValidator.PROFILE_AREAS_OF_NEED,
                SubmissionValidator.PROFILE_DISTRICT,
                SubmissionValidator.PROFILE_EHC_STAGE)
            .stream()
            .anyMatch(f -> target.equals("profile." + f));
  }

  /** Option values from codes or labels; several separated by ";" or "," for multi-choice. */
  private static List<String> choices(List<ChoiceOption> options, String value, boolean several) {
    List<String> parts = several ? List.of(value.split("[;,]")) : List.of(value);
    List<String> result = new ArrayList<>();
    for (String part : parts) {
      String p = part.trim();
      result.add(
          options.stream()
              .filter(o -> o.value().equalsIgnoreCase(p) || o.label().equalsIgnoreCase(p))
              .map(ChoiceOption::value)
              .findFirst()
              .orElse(p));
    }
    return result;
  }

  private static List<String> profileValues(String field, String value) {
    return switch (field) {
      case SubmissionValidator.PROFILE_ROLE -> List.of(coded(Role.values(), value));
      case SubmissionValidator.PROFILE_AGE_BAND -> List.of(coded(AgeBand.values(), value));
      case SubmissionValidator.PROFILE_EHC_STAGE -> List.of(coded(EhcStage.values(), value));
      case SubmissionValidator.PROFILE_AREAS_OF_NEED ->
          List.of(value.split("[;,]")).stream()
              .map(v -> coded(AreaOfNeed.values(), v.trim()))
              .toList();
      default -> List.of(value);
    };
  }

  private static <E extends Enum<E> & Coded> String coded(E[] values, String value) {
    for (E v : values) {
      if (v.code().equalsIgnoreCase(value) || v.label().equalsIgnoreCase(value)) {
        return v.code();
      }
    }
    return value;
  }

  private static boolean yes(String value) {
    return List.of("yes", "y", "true", "1", "agreed")
        .contains(value.trim().toLowerCase(Locale.ROOT));
  }

  private static Instant date(String value) {
    String v = value.trim();
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException notDateTime) {
      try {
        return LocalDate.parse(v.length() >= 10 ? v.substring(0, 10) : v)
            .atStartOfDay(ZoneId.of("Europe/London"))
            .toInstant();
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  private static String normal(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ").replaceAll("\\s+", " ").trim();
  }

  private static String stripBom(String csv) {
    return csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private static String digest(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 40);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
