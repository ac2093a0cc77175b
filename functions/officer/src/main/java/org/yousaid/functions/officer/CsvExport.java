package org.yousaid.functions.officer;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.Coded;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.Response;

/**
 * Every response as CSV for officers, one row each. Every cell is neutralised against spreadsheet
 * formula injection (OWASP): a value that a spreadsheet would read as a formula gets a leading
 * apostrophe, so "=HYPERLINK(…)" in an answer stays text when the file is opened in Excel.
 */
final class CsvExport {

  private CsvExport() {}

  static String responses(Consultation consultation, List<Response> responses) {
    List<String> header = new ArrayList<>(List.of("response id", "sent at", "channel"));
    consultation.questions().forEach(q -> header.add(q.text()));
    header.addAll(List.of("answering as", "child's age", "areas of need", "area", "stage", "may be quoted"));
    StringWriter out = new StringWriter();
    out.write('\uFEFF'); // so Excel reads UTF-8
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      csv.printRecord(header.stream().map(CsvExport::safe).toList());
      for (Response r : responses) {
        List<String> row = new ArrayList<>(List.of(r.id(), r.submittedAt().toString(), r.channel().label()));
        for (Question q : consultation.questions()) {
          row.add(r.answer(q.id()).map(a -> text(q, a)).orElse(""));
        }
        row.add(label(r.profile().role()));
        row.add(label(r.profile().ageBand()));
        row.add(String.join("; ", r.profile().areasOfNeed().stream().map(Coded::label).toList()));
        row.add(r.profile().district() == null ? "" : r.profile().district());
        row.add(label(r.profile().ehcStage()));
        row.add(r.consentToQuote() ? "yes" : "no");
        csv.printRecord(row.stream().map(CsvExport::safe).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A cell a spreadsheet will show as text, never run as a formula. */
  static String safe(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String trimmed = value.stripLeading();
    char first = trimmed.isEmpty() ? value.charAt(0) : trimmed.charAt(0);
    boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || value.charAt(0) == '\t' || value.charAt(0) == '\r';
    return formula ? "'" + value : value;
  }

  private static String text(Question q, Answer a) {
    return a.text() != null ? a.text()
        : String.join("; ", a.choices().stream().map(v -> q.option(v).map(o -> o.label()).orElse(v)).toList());
  }

  private static String label(Coded value) {
    return value == null ? "" : value.label();
  }
}
