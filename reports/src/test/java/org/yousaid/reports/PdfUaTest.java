package org.yousaid.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Point2D;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDLayoutAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.yousaid.shared.model.QuestionType;
import org.yousaid.shared.report.ConsultationReport;
import org.yousaid.shared.report.OptionCount;
import org.yousaid.shared.report.QuestionReport;

/**
 * The committee PDF is a PDF/UA-1 document: veraPDF's PDF/UA-1 profile finds no failed rule in the
 * officers' (internal) report, the published report, a report of many pages with text the font
 * cannot draw, and the Local Offer report; and PDFBox reads back the structure a screen reader
 * walks (headings, tables with header scopes, charts as figures whose alternative text states the
 * numbers).
 */
class PdfUaTest {

  @BeforeAll
  static void veraPdf() {
    VeraGreenfieldFoundryProvider.initialise();
  }

  /** The PDF/UA-1 rules veraPDF finds failed, each with its clause, test number and message. */
  static List<String> failedPdfUaRules(byte[] pdf) throws Exception {
    try (PDFAParser parser =
            Foundries.defaultInstance()
                .createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1);
        PDFAValidator validator =
            Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
      ValidationResult result = validator.validate(parser);
      assertEquals(PDFAFlavour.PDFUA_1, result.getPDFAFlavour());
      assertTrue(result.getTotalAssertions() > 0, "veraPDF checked the document");
      return result.getTestAssertions().stream()
          .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
          .map(
              a ->
                  a.getRuleId().getClause()
                      + "-"
                      + a.getRuleId().getTestNumber()
                      + " "
                      + a.getMessage()
                      + " at "
                      + a.getLocationContext())
          .distinct()
          .toList();
    }
  }

  static byte[] pdf(ConsultationReport r, Suppression s, boolean breakdowns) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PdfExport(s, breakdowns).write(r, out);
    return out.toByteArray();
  }

  @Test
  void veraPdfFindsNoFailedPdfUaRule() throws Exception {
    Map<String, byte[]> reports = new java.util.LinkedHashMap<>();
    reports.put(
        "officers' report with breakdowns",
        pdf(ReportsTest.ehcReport(Suppression.NONE), Suppression.NONE, true));
    reports.put(
        "published report",
        pdf(ReportsTest.ehcReport(Suppression.below(5)), Suppression.below(5), true));
    reports.put("hidden counts", pdf(hiddenCounts(), Suppression.below(5), false));
    reports.put(
        "local offer",
        pdf(
            new ReportBuilder(ReportsTest.CLOCK)
                .build(ReportsTest.localOffer(), ReportsTest.localOfferResponses()),
            Suppression.NONE,
            false));
    reports.put("many pages", ReportsTest.pdf(ReportsTest.manyPages()));
    for (Map.Entry<String, byte[]> e : reports.entrySet()) {
      List<String> failed = failedPdfUaRules(e.getValue());
      assertEquals(List.of(), failed, e.getKey() + ": failed PDF/UA-1 rules");
    }
  }

  /** The validator is not a rubber stamp: an untagged PDF with text fails PDF/UA-1. */
  @Test
  void veraPdfRejectsAnUntaggedPdf() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      PDFont font =
          PDType0Font.load(
              doc, PdfUaTest.class.getResourceAsStream("/liberation/LiberationSans-Regular.ttf"));
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(font, 12);
        cs.newLineAtOffset(72, 700);
        cs.showText("Committee report");
        cs.endText();
      }
      doc.save(out);
    }
    List<String> failed = failedPdfUaRules(out.toByteArray());
    for (String rule : List.of("7.1-3 ", "7.1-8 ", "6.2-1 ", "7.1-11 ")) {
      assertTrue(failed.stream().anyMatch(f -> f.startsWith(rule)), rule + failed);
    }
  }

  /** Nor does it miss a chart without alternative text (the report's own PDF, its Alt removed). */
  @Test
  void veraPdfRejectsAChartWithoutAlternativeText() throws Exception {
    byte[] bytes = pdf(hiddenCounts(), Suppression.below(5), false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      Tagged figure =
          walk(doc).stream().filter(t -> t.type().equals("Figure")).findFirst().orElseThrow();
      figure.element().setAlternateDescription(null);
      doc.save(out);
    }
    List<String> failed = failedPdfUaRules(out.toByteArray());
    assertTrue(failed.stream().anyMatch(f -> f.startsWith("7.3-")), failed.toString());
  }

  /** One closed question whose options are 12, fewer than 5, not shown, 0 and 6 (published). */
  static ConsultationReport hiddenCounts() {
    QuestionReport q =
        new QuestionReport(
            "q1",
            "Which services have you used?",
            QuestionType.SINGLE_CHOICE,
            ReportFormat.WITHHELD,
            null,
            List.of(
                new OptionCount("a", "Short breaks", 12, -1),
                new OptionCount("b", "Speech and language therapy", ReportFormat.SUPPRESSED, -1),
                new OptionCount("c", "Portage", ReportFormat.WITHHELD, -1),
                new OptionCount("d", "Sensory support", 0, -1),
                new OptionCount("e", "Educational psychology", 6, -1)),
            null,
            null,
            null);
    return new ConsultationReport(
        "demo",
        "Demo Council",
        "services",
        "Services used",
        ReportsTest.T0,
        ReportFormat.WITHHELD,
        List.of(q));
  }

  // --- what a screen reader walks -----------------------------------------------------------

  /** A structure element with the text of its own marked content, in reading order. */
  record Tagged(String type, String text, PDStructureElement element) {}

  static List<Tagged> walk(PDDocument doc) throws IOException {
    Map<PDPage, Map<Integer, String>> content = new HashMap<>();
    for (PDPage page : doc.getPages()) {
      PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
      extractor.processPage(page);
      Map<Integer, String> byMcid = new HashMap<>();
      collect(extractor.getMarkedContents(), byMcid);
      content.put(page, byMcid);
    }
    List<Tagged> out = new ArrayList<>();
    walk(doc.getDocumentCatalog().getStructureTreeRoot(), null, content, out);
    return out;
  }

  private static void collect(List<PDMarkedContent> contents, Map<Integer, String> byMcid) {
    for (PDMarkedContent mc : contents) {
      if (mc.getMCID() >= 0) {
        StringBuilder sb = new StringBuilder();
        for (Object o : mc.getContents()) {
          if (o instanceof TextPosition t) {
            sb.append(t.getUnicode());
          }
        }
        byMcid.merge(mc.getMCID(), sb.toString(), (a, b) -> a + b);
      }
      List<PDMarkedContent> inner = new ArrayList<>();
      mc.getContents().stream()
          .filter(PDMarkedContent.class::isInstance)
          .forEach(o -> inner.add((PDMarkedContent) o));
      collect(inner, byMcid);
    }
  }

  private static void walk(
      PDStructureNode node,
      PDPage page,
      Map<PDPage, Map<Integer, String>> content,
      List<Tagged> out) {
    StringBuilder own = new StringBuilder();
    PDPage here = node instanceof PDStructureElement e && e.getPage() != null ? e.getPage() : page;
    List<PDStructureElement> children = new ArrayList<>();
    for (Object kid : node.getKids()) {
      if (kid instanceof Integer mcid) {
        own.append(content.get(here).getOrDefault(mcid, "")).append(' ');
      } else if (kid instanceof PDMarkedContentReference ref) {
        own.append(content.get(ref.getPage()).getOrDefault(ref.getMCID(), "")).append(' ');
      } else if (kid instanceof PDStructureElement child) {
        children.add(child);
      }
    }
    if (node instanceof PDStructureElement e) {
      out.add(new Tagged(e.getStructureType(), own.toString().strip(), e));
    }
    for (PDStructureElement child : children) {
      walk(child, here, content, out);
    }
  }

  @Test
  void aScreenReaderFindsHeadingsTablesAndChartsThatStateTheirNumbers() throws Exception {
    try (PDDocument doc =
        Loader.loadPDF(pdf(ReportsTest.ehcReport(Suppression.NONE), Suppression.NONE, true))) {
      var catalog = doc.getDocumentCatalog();
      assertEquals("en-GB", catalog.getLanguage());
      assertTrue(catalog.getMarkInfo().isMarked());
      assertTrue(catalog.getViewerPreferences().displayDocTitle());
      String xmp = new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8);
      assertTrue(xmp.contains(TaggedPdf.PDFUA_NAMESPACE), xmp);
      assertTrue(xmp.contains("How did we do? Your education, health and care plan"), xmp);
      for (PDPage page : doc.getPages()) {
        assertEquals("S", page.getCOSObject().getNameAsString(COSName.getPDFName("Tabs")));
        for (COSName font : page.getResources().getFontNames()) {
          assertTrue(page.getResources().getFont(font).isEmbedded(), font.getName());
        }
      }

      List<Tagged> tags = walk(doc);
      assertEquals("Document", tags.get(0).type());
      assertEquals(InternalNotice.TEXT, tags.get(1).text(), "the notice is read first, once");
      List<String> h1 = texts(tags, "H1");
      assertEquals(List.of("How did we do? Your education, health and care plan"), h1);
      List<String> h2 = texts(tags, "H2");
      assertEquals(ReportsTest.ehc().questions().size(), h2.size());
      assertTrue(h2.get(0).startsWith("Question 1: How clear are the outcomes"), h2.toString());
      assertTrue(texts(tags, "H3").contains("By district"));
      assertTrue(texts(tags, "H3").contains("Communication and timescales (27, 90%)"));
      assertEquals(
          List.of(
              "Sub-theme: Waiting to hear back (18, 60%)", "Sub-theme: Deadlines missed (4, 13%)"),
          texts(tags, "H4"),
          "each sub-theme is a heading one level below its theme");

      // one figure per answered closed question, before its table, its alternative text every
      // number ("satisfaction" was answered by nobody: its table says 0, no empty chart)
      List<Tagged> figures = tags.stream().filter(t -> t.type().equals("Figure")).toList();
      assertEquals(2, figures.size());
      assertEquals(
          ReportsTest.ehc().questions().stream().filter(q -> q.type().isChoice()).count() - 1,
          figures.size());
      String alt = figures.get(0).element().getAlternateDescription();
      assertTrue(alt.contains("How clear are the outcomes"), alt);
      assertTrue(alt.contains("25 answers"), alt);
      assertTrue(alt.contains("Clear: 12 (48%)"), alt);
      assertTrue(alt.contains("Neither clear nor not clear: 6 (24%)"), alt);
      assertTrue(alt.contains("Not clear: 7 (28%)"), alt);
      PDLayoutAttributeObject layout =
          (PDLayoutAttributeObject) figures.get(0).element().getAttributes().getObject(0);
      assertNotNull(layout.getBBox());

      // tables: header cells head their column, each row's first cell heads its row
      Tagged firstTable = tags.stream().filter(t -> t.type().equals("Table")).findFirst().get();
      assertTrue(
          tags.indexOf(firstTable) > tags.indexOf(figures.get(0)),
          "the chart, then its numbers in a table");
      List<List<Tagged>> rows = rows(tags, firstTable);
      assertEquals(4, rows.size());
      assertEquals(
          List.of("Option", "Count", "Percentage"),
          rows.get(0).stream().map(Tagged::text).toList());
      for (Tagged th : rows.get(0)) {
        assertEquals("TH", th.type());
        assertEquals(PDTableAttributeObject.SCOPE_COLUMN, scope(th));
      }
      assertEquals(List.of("TH", "TD", "TD"), rows.get(1).stream().map(Tagged::type).toList());
      assertEquals(PDTableAttributeObject.SCOPE_ROW, scope(rows.get(1).get(0)));
      assertEquals(List.of("Clear", "12", "48%"), rows.get(1).stream().map(Tagged::text).toList());
    }
  }

  private static List<String> texts(List<Tagged> tags, String type) {
    return tags.stream().filter(t -> t.type().equals(type)).map(Tagged::text).toList();
  }

  private static List<List<Tagged>> rows(List<Tagged> tags, Tagged table) {
    List<List<Tagged>> rows = new ArrayList<>();
    for (Object tr : table.element().getKids()) {
      List<Tagged> cells = new ArrayList<>();
      for (Object cell : ((PDStructureElement) tr).getKids()) {
        PDStructureElement c = (PDStructureElement) cell;
        cells.add(
            tags.stream()
                .filter(t -> t.element().getCOSObject() == c.getCOSObject())
                .findFirst()
                .orElseThrow(() -> new AssertionError("not walked: " + c.getStructureType())));
      }
      rows.add(cells);
    }
    return rows;
  }

  private static String scope(Tagged th) {
    return ((PDTableAttributeObject) th.element().getAttributes().getObject(0)).getScope();
  }

  /** Every page's parent-tree entry maps each MCID on the page back to an element that owns it. */
  @Test
  void theParentTreeMapsEveryMarkedContentToItsElement() throws Exception {
    try (PDDocument doc = Loader.loadPDF(ReportsTest.pdf(ReportsTest.manyPages()))) {
      var root = doc.getDocumentCatalog().getStructureTreeRoot();
      Map<Integer, ?> parentTree = root.getParentTree().getNumbers();
      assertEquals(doc.getNumberOfPages(), parentTree.size());
      for (PDPage page : doc.getPages()) {
        PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
        extractor.processPage(page);
        Map<Integer, String> byMcid = new HashMap<>();
        collect(extractor.getMarkedContents(), byMcid);
        COSBase entry =
            ((org.apache.pdfbox.pdmodel.common.COSObjectable)
                    parentTree.get(page.getStructParents()))
                .getCOSObject();
        COSArray owners = (COSArray) (entry instanceof COSArray a ? a : entry);
        assertEquals(byMcid.size(), owners.size(), "one owner per MCID");
        for (int mcid = 0; mcid < owners.size(); mcid++) {
          COSDictionary owner = (COSDictionary) owners.getObject(mcid);
          assertTrue(owner.containsKey(COSName.S), "a structure element owns MCID " + mcid);
        }
      }
    }
  }

  // --- charts --------------------------------------------------------------------------------

  /** Filled rectangles drawn in the chart's blue: the bars. */
  static List<PDRectangle> bars(PDDocument doc, int pageIndex) throws IOException {
    List<PDRectangle> bars = new ArrayList<>();
    PDPage page = doc.getPage(pageIndex);
    new PDFGraphicsStreamEngine(page) {
      private final List<Point2D> rect = new ArrayList<>();

      @Override
      public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        rect.clear();
        rect.addAll(List.of(p0, p1, p2, p3));
      }

      @Override
      public void fillPath(int windingRule) throws IOException {
        float[] rgb = getGraphicsState().getNonStrokingColor().getComponents();
        if (!rect.isEmpty() && Math.abs(rgb[0] - 0x1d / 255f) < 0.01f && rgb.length == 3) {
          double x0 = rect.stream().mapToDouble(Point2D::getX).min().orElse(0);
          double x1 = rect.stream().mapToDouble(Point2D::getX).max().orElse(0);
          double y0 = rect.stream().mapToDouble(Point2D::getY).min().orElse(0);
          double y1 = rect.stream().mapToDouble(Point2D::getY).max().orElse(0);
          bars.add(new PDRectangle((float) x0, (float) y0, (float) (x1 - x0), (float) (y1 - y0)));
        }
        rect.clear();
      }

      @Override
      public void drawImage(PDImage pdImage) {}

      @Override
      public void clip(int windingRule) {}

      @Override
      public void moveTo(float x, float y) {}

      @Override
      public void lineTo(float x, float y) {}

      @Override
      public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {}

      @Override
      public Point2D getCurrentPoint() {
        return new Point2D.Float();
      }

      @Override
      public void closePath() {}

      @Override
      public void endPath() {}

      @Override
      public void strokePath() {}

      @Override
      public void fillAndStrokePath(int windingRule) throws IOException {
        fillPath(windingRule);
      }

      @Override
      public void shadingFill(COSName shadingName) {}

      void run() throws IOException {
        processPage(page);
      }
    }.run();
    return bars;
  }

  /**
   * A hidden count is never a bar: "fewer than 5" and "not shown" are said in words where the bar
   * would be, and only the shown counts (12 and 6) get bars, in proportion.
   */
  @Test
  void hiddenCountsAreWordsNeverBars() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf(hiddenCounts(), Suppression.below(5), false))) {
      List<PDRectangle> bars = bars(doc, 0);
      assertEquals(2, bars.size(), "bars for 12 and 6 only: " + bars);
      assertEquals(0.5, bars.get(1).getWidth() / bars.get(0).getWidth(), 0.01);
      assertTrue(bars.get(0).getLowerLeftY() > bars.get(1).getLowerLeftY(), "in option order");

      List<Tagged> tags = walk(doc);
      Tagged figure = tags.stream().filter(t -> t.type().equals("Figure")).findFirst().get();
      assertTrue(figure.text().contains("Speech and language therapy"), figure.text());
      assertTrue(figure.text().contains("fewer than 5"), figure.text());
      assertTrue(figure.text().contains("not shown"), figure.text());
      String alt = figure.element().getAlternateDescription();
      assertEquals(
          "Bar chart of the answers to \u201CWhich services have you used?\u201D, number of"
              + " answers not shown. Short breaks: 12; Speech and language therapy: fewer than 5;"
              + " Portage: not shown; Sensory support: 0; Educational psychology: 6.",
          alt);
      // published: no internal notice
      assertFalse(new PDFTextStripper().getText(doc).contains(InternalNotice.TEXT));
    }
  }

  @Test
  void multipleChoiceChartsSayPercentagesAddUpToMore() throws Exception {
    ConsultationReport r =
        new ReportBuilder(ReportsTest.CLOCK)
            .build(ReportsTest.localOffer(), ReportsTest.localOfferResponses());
    ChoiceChart chart = ChoiceChart.of(ReportsTest.question(r, "search-by"), Suppression.NONE);
    assertTrue(chart.alt().contains("Search by where I live: 20 (67%)"), chart.alt());
    assertTrue(chart.alt().contains("more than one answer"), chart.alt());
    assertEquals(1.0, chart.bars().get(2).length());
    assertEquals(0.5, chart.bars().get(0).length());
  }

  /** Every page of an officers' (unsuppressed) report says it is internal; published ones don't. */
  @Test
  void everyPageOfAnInternalReportSaysSo() throws Exception {
    try (PDDocument doc = Loader.loadPDF(ReportsTest.pdf(ReportsTest.manyPages()))) {
      assertTrue(doc.getNumberOfPages() > 3);
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        String text = stripper.getText(doc).replaceAll("\\s+", " ");
        assertTrue(text.contains(InternalNotice.TEXT), "page " + p + ": " + text);
      }
    }
    try (PDDocument doc =
        Loader.loadPDF(
            pdf(ReportsTest.ehcReport(Suppression.below(5)), Suppression.below(5), true))) {
      assertFalse(new PDFTextStripper().getText(doc).contains("Internal"));
    }
  }
}
