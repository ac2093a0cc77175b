package org.yousaid.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTNumData;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTNumVal;
import org.openxmlformats.schemas.drawingml.x2006.wordprocessingDrawing.CTInline;
import org.yousaid.shared.report.ConsultationReport;

/**
 * The Word report as a screen-reader user and a committee clerk get it: one native bar chart per
 * answered closed question, its alternative text ({@code wp:docPr descr}) stating every number,
 * hidden counts as words and never as bars; heading styles defined in styles.xml; and an internal
 * report's notice in the header of every page.
 */
class DocxAccessibilityTest {

  static byte[] docx(ConsultationReport r, Suppression s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new DocxExport(s, true).write(r, out);
    return out.toByteArray();
  }

  /** The alternative texts of the document's drawings, in document order. */
  static List<String> altTexts(XWPFDocument doc) {
    List<String> alts = new ArrayList<>();
    for (XWPFParagraph p : doc.getParagraphs()) {
      for (XWPFRun run : p.getRuns()) {
        run.getCTR()
            .getDrawingList()
            .forEach(
                d -> {
                  for (CTInline inline : d.getInlineList()) {
                    alts.add(inline.getDocPr().getDescr());
                  }
                });
      }
    }
    return alts;
  }

  static List<String> categories(XWPFChart chart) {
    XDDFChartData.Series s = chart.getChartSeries().get(0).getSeries(0);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < s.getCategoryData().getPointCount(); i++) {
      out.add(String.valueOf(s.getCategoryData().getPointAt(i)));
    }
    return out;
  }

  /** The series' values as Word reads them: by point index, null where the chart has no point. */
  static List<Double> values(XWPFChart chart) {
    CTNumData cache =
        chart
            .getCTChart()
            .getPlotArea()
            .getBarChartArray(0)
            .getSerArray(0)
            .getVal()
            .getNumRef()
            .getNumCache();
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < cache.getPtCount().getVal(); i++) {
      out.add(null);
    }
    for (CTNumVal pt : cache.getPtList()) {
      out.set((int) pt.getIdx(), Double.valueOf(pt.getV()));
    }
    return out;
  }

  @Test
  void closedQuestionsHaveBarChartsWhoseAltTextStatesTheNumbers() throws IOException {
    ConsultationReport r = ReportsTest.ehcReport(Suppression.NONE);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx(r, Suppression.NONE)))) {
      // "outcomes-clear" and "listened" were answered; "satisfaction" by nobody: no empty chart
      assertEquals(2, doc.getCharts().size());
      XWPFChart first = doc.getCharts().get(0);
      XDDFBarChartData bars = (XDDFBarChartData) first.getChartSeries().get(0);
      assertEquals(BarDirection.BAR, bars.getBarDirection(), "horizontal bars");
      assertEquals(
          List.of("Clear: 12 (48%)", "Neither clear nor not clear: 6 (24%)", "Not clear: 7 (28%)"),
          categories(first));
      assertEquals(List.of(12.0, 6.0, 7.0), values(first));

      List<String> alts = altTexts(doc);
      assertEquals(2, alts.size());
      assertEquals(
          ChoiceChart.of(ReportsTest.question(r, "outcomes-clear"), Suppression.NONE).alt(),
          alts.get(0));
      assertTrue(alts.get(0).contains("Clear: 12 (48%)"), alts.get(0));
      assertTrue(alts.get(1).contains("Yes: 22 (73%)"), alts.get(1));
      assertTrue(alts.get(1).contains("No: 8 (27%)"), alts.get(1));
    }
  }

  @Test
  void hiddenCountsAreWordsAndHaveNoBar() throws IOException {
    try (XWPFDocument doc =
        new XWPFDocument(
            new ByteArrayInputStream(docx(PdfUaTest.hiddenCounts(), Suppression.below(5))))) {
      XWPFChart chart = doc.getCharts().get(0);
      assertEquals(
          List.of(
              "Short breaks: 12",
              "Speech and language therapy: fewer than 5",
              "Portage: not shown",
              "Sensory support: 0",
              "Educational psychology: 6"),
          categories(chart));
      List<Double> values = values(chart);
      assertEquals(5, values.size());
      assertEquals(12.0, values.get(0));
      assertNull(values.get(1), "no value, so no bar, for a count under 5");
      assertNull(values.get(2), "no value for a withheld count");
      assertEquals(0.0, values.get(3));
      assertTrue(altTexts(doc).get(0).contains("Speech and language therapy: fewer than 5"));
      // a published report has no internal notice
      assertTrue(doc.getHeaderList().isEmpty());
      try (XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
        assertFalse(ex.getText().contains("Internal"));
      }
    }
  }

  @Test
  void anInternalReportSaysSoInTheHeaderOfEveryPage() throws IOException {
    try (XWPFDocument doc =
        new XWPFDocument(
            new ByteArrayInputStream(docx(ReportsTest.manyPages(), Suppression.NONE)))) {
      var policy = doc.getHeaderFooterPolicy();
      // the default header is the one Word prints on every page when there is no first-page or
      // even-page header
      assertEquals(InternalNotice.TEXT, policy.getDefaultHeader().getText().strip());
      assertNull(policy.getFirstPageHeader());
      assertNull(policy.getEvenPageHeader());
      assertEquals(InternalNotice.TEXT, doc.getParagraphs().get(0).getText());
    }
  }

  /** Heading 1 to 4 are defined in styles.xml itself, as Word's built-in heading styles. */
  @Test
  void stylesXmlDefinesTheHeadingStyles() throws IOException {
    byte[] bytes = docx(ReportsTest.ehcReport(Suppression.NONE), Suppression.NONE);
    String styles = null;
    String document = null;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        if (e.getName().equals("word/styles.xml")) {
          styles = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        } else if (e.getName().equals("word/document.xml")) {
          document = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    for (int level = 1; level <= 4; level++) {
      assertTrue(styles.contains("w:styleId=\"Heading" + level + "\""), styles);
      assertTrue(styles.contains("w:val=\"heading " + level + "\""), styles);
      assertTrue(document.contains("<w:pStyle w:val=\"Heading" + level + "\"/>"));
    }
    assertTrue(document.contains("<w:tblHeader"), "tables mark their header rows");
    assertTrue(document.contains("descr=\"Bar chart of the answers to"), "charts have alt text");
  }
}
