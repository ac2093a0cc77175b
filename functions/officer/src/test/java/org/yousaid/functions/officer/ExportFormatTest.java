package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.submission.ProblemException;

/** The four downloads: their addresses, content types and file names. */
class ExportFormatTest {

  @Test
  void eachDownloadHasItsTypeAndFileName() {
    assertEquals("text/csv; charset=utf-8", ExportFormat.of("csv").contentType());
    assertEquals(
        "local-offer-2026-responses.csv", ExportFormat.of("csv").fileName("local-offer-2026"));
    assertEquals(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ExportFormat.of("xlsx").contentType());
    assertEquals(
        "local-offer-2026-report.xlsx", ExportFormat.of("xlsx").fileName("local-offer-2026"));
    assertEquals(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ExportFormat.of("docx").contentType());
    assertEquals(
        "local-offer-2026-report.docx", ExportFormat.of("docx").fileName("local-offer-2026"));
    assertEquals("application/pdf", ExportFormat.of("pdf").contentType());
    assertEquals(
        "local-offer-2026-report.pdf", ExportFormat.of("pdf").fileName("local-offer-2026"));
  }

  @Test
  void onlyTheCsvIsSentAsText() {
    assertTrue(ExportFormat.CSV.text());
    for (ExportFormat binary : List.of(ExportFormat.XLSX, ExportFormat.DOCX, ExportFormat.PDF)) {
      assertFalse(binary.text(), binary.name());
    }
  }

  @Test
  void anyOtherAddressIsNotFound() {
    for (String other : List.of("CSV", "Pdf", "xls", "doc", "json", "", "csv ", "../csv")) {
      ProblemException refused =
          assertThrows(ProblemException.class, () -> ExportFormat.of(other), other);
      assertEquals(404, refused.status(), other);
      assertEquals("We can export CSV, XLSX, DOCX or PDF.", refused.detail());
    }
  }
}
