package org.yousaid.functions.officer;

import java.util.Locale;
import org.yousaid.shared.submission.ProblemException;

/**
 * The downloads officers can ask for: every response (CSV), the summary with every response (XLSX),
 * and the committee report (DOCX, PDF).
 */
enum ExportFormat {
  CSV("text/csv; charset=utf-8", "-responses"),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "-report"),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "-report"),
  PDF("application/pdf", "-report");

  private final String contentType;
  private final String nameSuffix;

  ExportFormat(String contentType, String nameSuffix) {
    this.contentType = contentType;
    this.nameSuffix = nameSuffix;
  }

  /** The format a path's {@code {format}} names in lower case, or 404. */
  static ExportFormat of(String name) {
    for (ExportFormat format : values()) {
      if (format.extension().equals(name)) {
        return format;
      }
    }
    throw ProblemException.notFound("We can export CSV, XLSX, DOCX or PDF.");
  }

  String extension() {
    return name().toLowerCase(Locale.ROOT);
  }

  String contentType() {
    return contentType;
  }

  /** Whether the download is text (sent as is) rather than binary (sent base64-encoded). */
  boolean text() {
    return this == CSV;
  }

  /** The download's file name for a consultation, such as {@code local-offer-2026-report.pdf}. */
  String fileName(String consultationId) {
    return consultationId + nameSuffix + "." + extension();
  }
}
