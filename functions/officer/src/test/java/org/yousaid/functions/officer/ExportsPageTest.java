package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.officer.OfficerSession.Reply;
import org.yousaid.shared.audit.AuditEntry;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * The summary report in the councils' format: Leicestershire's "48% clear / 24% neither / 28% not
 * clear", with breakdowns, and its downloads.
 */
class ExportsPageTest {

  @WithDynamoDb static DynamoTable table;
  private static OfficerFixture fixture;
  private static OfficerSession officer;

  @BeforeAll
  static void seed() {
    fixture = new OfficerFixture(table);
    officer = fixture.officer("reader@demo.example", "demo");
    String[] answers = new String[25];
    for (int i = 0; i < 25; i++) {
      answers[i] = i < 12 ? "clear" : i < 18 ? "neither" : "not-clear";
    }
    for (int i = 0; i < answers.length; i++) {
      String body =
          "{\"answers\":{\"outcomes-clear\":\""
              + answers[i]
              + "\"},\"profile\":{\"ageBand\":\""
              + (i % 5 == 0 ? "0-5" : "5-16")
              + "\",\"ehcStage\":\"final-plan\"}}";
      assertEquals(201, fixture.answer(OfficerFixture.EHC_SURVEY, body));
    }
  }

  @Test
  void closedQuestionsShowCountsSharesChartsAndBreakdowns() {
    Reply page = officer.get("/officer/councils/demo/consultations/ehc-plan-survey/report");
    assertEquals(200, page.status(), page.body());
    String html = page.body();
    assertTrue(html.contains("25 responses"));
    assertTrue(html.contains("Question 1: How clear are the outcomes"));
    assertTrue(
        html.contains("48% (12)") && html.contains("24% (6)") && html.contains("28% (7)"),
        "the seed's own figures");
    assertTrue(html.contains("<svg role=\"img\""), "an inline chart");
    assertTrue(
        html.contains("Clear 48%, Neither clear nor not clear 24%, Not clear 28%"),
        "the chart's text alternative says the numbers");
    assertTrue(
        html.contains("By child&#39;s age") || html.contains("By child's age"),
        "a breakdown by age band");
    assertTrue(html.contains("0 to 5 years (5)"), "5 of 25 are 0-5");
    assertTrue(html.contains("0 answers."), "a question nobody answered shows 0, not an error");
  }

  @Test
  void officersDownloadTheReportAsCsvSpreadsheetWordAndPdf() {
    String base = "/officer/councils/demo/consultations/ehc-plan-survey/export/";
    var csv = officer.get(base + "csv");
    assertEquals(200, csv.status());
    assertTrue(csv.body().contains("Neither clear nor not clear"));
    assertEquals("text/csv; charset=utf-8", csv.header("Content-Type").orElse(null));
    assertEquals(
        "attachment; filename=\"ehc-plan-survey-responses.csv\"",
        csv.header("Content-Disposition").orElse(null));
    assertEquals("no-store", csv.header("Cache-Control").orElse(null), "answers are not cached");
    for (String[] f :
        new String[][] {
          {"xlsx", "spreadsheetml"}, {"docx", "wordprocessingml"}, {"pdf", "application/pdf"}
        }) {
      var file = officer.get(base + f[0]);
      assertEquals(200, file.status(), f[0]);
      assertTrue(file.header("Content-Type").orElse("").contains(f[1]), f[0]);
      assertTrue(
          file.header("Content-Disposition").orElse("").contains("ehc-plan-survey-report." + f[0]));
      byte[] body = file.bytes();
      String magic = new String(body, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      assertEquals(
          f[0].equals("pdf") ? "%PDF" : "PK\u0003\u0004",
          magic,
          f[0] + " is a real " + f[0] + " file");
    }
    assertEquals(404, officer.get(base + "exe").status());
    assertEquals(404, officer.get(base + "CSV").status(), "formats are named in lower case");
  }

  /**
   * Over HTTP, as an officer downloads them: the PDF is tagged (language, a chart as a figure whose
   * alternative text states the numbers) and the Word file has the chart with the same alternative
   * text; both say on every page that they are internal (officers see exact numbers).
   */
  @Test
  void theCommitteeReportsAreAccessibleAndSayTheyAreInternal() throws Exception {
    String base = "/officer/councils/demo/consultations/ehc-plan-survey/export/";
    String numbers = "Clear: 12 (48%); Neither clear nor not clear: 6 (24%); Not clear: 7 (28%)";
    try (PDDocument pdf = Loader.loadPDF(officer.get(base + "pdf").bytes())) {
      assertEquals("en-GB", pdf.getDocumentCatalog().getLanguage());
      List<String> alts = new ArrayList<>();
      figures(pdf.getDocumentCatalog().getStructureTreeRoot(), alts);
      assertEquals(1, alts.size(), "one answered closed question, one chart: " + alts);
      assertTrue(alts.get(0).contains(numbers), alts.get(0));
      for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
        PDFTextStripper page = new PDFTextStripper();
        page.setStartPage(p);
        page.setEndPage(p);
        assertTrue(page.getText(pdf).contains("Internal: not for publication"), "page " + p);
      }
    }
    try (XWPFDocument docx =
        new XWPFDocument(new ByteArrayInputStream(officer.get(base + "docx").bytes()))) {
      assertEquals(1, docx.getCharts().size());
      String document = docx.getDocument().xmlText();
      assertTrue(document.contains(numbers), "the chart's alternative text");
      assertTrue(
          docx.getHeaderFooterPolicy()
              .getDefaultHeader()
              .getText()
              .contains("Internal: not for publication"));
    }
  }

  private static void figures(PDStructureNode node, List<String> alts) {
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement e) {
        if (e.getStructureType().equals("Figure")) {
          alts.add(e.getAlternateDescription());
        }
        figures(e, alts);
      }
    }
  }

  @Test
  void everyDownloadIsLoggedWithWhoTookItButNeverWhatWasInIt() {
    OfficerSession auditor = fixture.officer("auditor@demo.example", "demo");
    String base = "/officer/councils/demo/consultations/ehc-plan-survey/export/";
    assertEquals(200, auditor.get(base + "csv").status());
    assertEquals(200, auditor.get(base + "pdf").status());
    assertEquals(404, auditor.get(base + "zip").status());
    List<AuditEntry> mine =
        fixture.services.audit().entries("demo", "ehc-plan-survey").stream()
            .filter(e -> e.officer().equals("auditor@demo.example"))
            .toList();
    assertEquals(
        List.of("downloaded the CSV", "downloaded the PDF"),
        mine.stream().map(AuditEntry::summary).toList(),
        "one entry per download, none for a refused format");
    assertTrue(mine.stream().allMatch(e -> e.action().equals("exported")));
  }

  @Test
  void aReportOfAConsultationNobodyAnsweredIsEmptyNotAnError() {
    Reply page = officer.get("/officer/councils/demo/consultations/local-offer-2026/report");
    assertEquals(200, page.status(), page.body());
    assertTrue(page.body().contains("0 responses"), page.body());
    assertFalse(page.body().contains("48% (12)"), "another consultation's answers are not shown");
    Reply csv = officer.get("/officer/councils/demo/consultations/local-offer-2026/export/csv");
    assertEquals(200, csv.status());
    assertEquals(1, csv.body().strip().lines().count(), "the header row only");
  }

  @Test
  void anUnknownConsultationIsNotFound() {
    assertEquals(404, officer.get("/officer/councils/demo/consultations/nope/report").status());
    assertEquals(404, officer.get("/officer/councils/demo/consultations/nope/export/csv").status());
  }

  @Test
  void anotherCouncilsOfficerCannotReadIt() {
    OfficerSession elsewhere = fixture.officer("x@elsewhere.example", "elsewhere");
    assertEquals(
        403, elsewhere.get("/officer/councils/demo/consultations/ehc-plan-survey/report").status());
    Reply download =
        elsewhere.get("/officer/councils/demo/consultations/ehc-plan-survey/export/csv");
    assertEquals(403, download.status());
    assertFalse(download.body().contains("Neither clear"), "nothing of the answers leaks");
  }
}
