package org.yousaid.reports;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/**
 * Writes a {@link PlainReport} as Word (real heading styles) and as a tagged PDF/UA-1 document (the
 * committee report's own writer: {@code H1}, {@code H2}, {@code H3}, {@code P}, {@code
 * BlockQuote}). It prints what it is given: numbers in it must already have passed {@link
 * DisclosureControl}, and quotes the redaction module.
 */
public final class PlainReportExport {

  private static final float BODY = 11;
  private static final Color BLUE = new Color(0x1d, 0x70, 0xb8);

  private PlainReportExport() {}

  public static void docx(PlainReport report, OutputStream out) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      DocxExport.headingStyles(doc);
      doc.getStyles().setSpellingLanguage("en-GB");
      doc.getProperties().getCoreProperties().setTitle(report.title());
      doc.getProperties().getCoreProperties().setCreator(report.author());
      DocxExport.para(doc, report.title(), 20, true, false).setStyle(DocxExport.HEADING + 1);
      for (String line : report.intro()) {
        DocxExport.para(doc, line, 11, false, false);
      }
      for (PlainReport.Section s : report.sections()) {
        XWPFParagraph h = DocxExport.para(doc, s.heading(), 14, true, false);
        h.setSpacingBefore(240);
        h.setStyle(DocxExport.HEADING + 2);
        for (PlainReport.Block b : s.blocks()) {
          switch (b.kind()) {
            case HEADING ->
                DocxExport.para(doc, b.text(), 12, true, false).setStyle(DocxExport.HEADING + 3);
            case PARAGRAPH -> DocxExport.para(doc, b.text(), 11, false, false);
            case QUOTE ->
                DocxExport.para(doc, "\u201C" + b.text() + "\u201D", 11, false, true)
                    .setIndentationLeft(360);
          }
        }
      }
      doc.write(out);
    }
  }

  public static void pdf(PlainReport report, OutputStream out) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      doc.setVersion(1.7f);
      TaggedPdf pdf = new TaggedPdf(doc);
      PdfExport.Writer w = new PdfExport.Writer(pdf, null);
      PDStructureElement d = pdf.document;
      w.text(d, StandardStructureTypes.H1, report.title(), w.bold, 20, Color.BLACK, 0);
      w.gap(4);
      for (String line : report.intro()) {
        w.text(d, StandardStructureTypes.P, line, w.regular, BODY, 0);
      }
      w.rule(BLUE, 2);
      for (PlainReport.Section s : report.sections()) {
        w.gap(10);
        w.keep(60);
        w.text(d, StandardStructureTypes.H2, s.heading(), w.bold, 14, Color.BLACK, 0);
        for (PlainReport.Block b : s.blocks()) {
          switch (b.kind()) {
            case HEADING -> {
              w.gap(6);
              w.keep(40);
              w.text(d, StandardStructureTypes.H3, b.text(), w.bold, 12, BLUE, 0);
            }
            case PARAGRAPH -> w.text(d, StandardStructureTypes.P, b.text(), w.regular, BODY, 0);
            case QUOTE ->
                w.text(
                    d,
                    StandardStructureTypes.BLOCK_QUOTE,
                    "\u201C" + b.text() + "\u201D",
                    w.italic,
                    BODY,
                    Color.BLACK,
                    18);
          }
          w.gap(2);
        }
      }
      pdf.finish(report.title(), report.author(), "en-GB");
      doc.save(out);
    }
  }
}
