package org.yousaid.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;

/**
 * The annual report's Word and PDF: real heading levels a screen reader can jump between, quotes as
 * quotes, and a PDF that veraPDF's PDF/UA-1 profile finds no failed rule in, even over several
 * pages and with text the font cannot draw.
 */
class PlainReportExportTest {

  @BeforeAll
  static void veraPdf() {
    VeraGreenfieldFoundryProvider.initialise();
  }

  static PlainReport report(int themes) {
    List<PlainReport.Block> blocks = new java.util.ArrayList<>();
    for (int i = 1; i <= themes; i++) {
      blocks.add(
          PlainReport.Block.heading("Theme " + i + ": short breaks (fewer than 5 comments)"));
      blocks.add(PlainReport.Block.quote("The short breaks page had no prices 😀 for Łódź"));
      blocks.add(PlainReport.Block.paragraph("We did: added prices. Status: done, 3 March 2026."));
    }
    return new PlainReport(
        "Local Offer feedback report",
        "Demo Council",
        List.of("Comments received from 1 December 2025 to 1 December 2026: 42"),
        List.of(
            new PlainReport.Section("What families told us", blocks),
            new PlainReport.Section(
                "What is still in progress",
                List.of(PlainReport.Block.paragraph("Nothing is in progress.")))));
  }

  @Test
  void thePdfIsPdfUaWithItsHeadingsAndQuotesTagged() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PlainReportExport.pdf(report(40), out);
    assertEquals(List.of(), PdfUaTest.failedPdfUaRules(out.toByteArray()));
    try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
      assertTrue(doc.getNumberOfPages() > 1, "long enough to flow over pages");
      List<PdfUaTest.Tagged> tagged =
          PdfUaTest.walk(doc).stream().filter(t -> !t.type().equals("Document")).toList();
      assertEquals("H1", tagged.get(0).type());
      assertEquals("Local Offer feedback report", tagged.get(0).text().strip());
      assertEquals(
          List.of("What families told us", "What is still in progress"),
          tagged.stream().filter(t -> t.type().equals("H2")).map(t -> t.text().strip()).toList());
      assertEquals(40, tagged.stream().filter(t -> t.type().equals("H3")).count());
      assertTrue(
          tagged.stream()
              .anyMatch(t -> t.type().equals("BlockQuote") && t.text().contains("no prices")));
    }
  }

  @Test
  void theWordDocumentUsesHeadingStyles() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PlainReportExport.docx(report(2), out);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
      List<String> styled =
          doc.getParagraphs().stream()
              .filter(p -> p.getStyle() != null)
              .map(p -> p.getStyle() + ":" + p.getText())
              .toList();
      assertEquals("Heading1:Local Offer feedback report", styled.get(0));
      assertTrue(styled.contains("Heading2:What families told us"));
      assertTrue(styled.contains("Heading3:Theme 2: short breaks (fewer than 5 comments)"));
      assertTrue(
          doc.getParagraphs().stream()
              .map(XWPFParagraph::getText)
              .anyMatch(t -> t.startsWith("\u201CThe short breaks page")));
      assertEquals("Demo Council", doc.getProperties().getCoreProperties().getCreator());
    }
  }
}
