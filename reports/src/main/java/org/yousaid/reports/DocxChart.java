package org.yousaid.reports;

import java.io.IOException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.drawingml.x2006.wordprocessingDrawing.CTInline;

/**
 * A {@link ChoiceChart} as a native Word bar chart (drawn by Word, no image, so nothing on the
 * server renders fonts): one horizontal bar per option, first option at the top, each category
 * labelled with its number ("Clear: 12 (48%)", "Rugby: fewer than 5"). A hidden count has no value
 * in the chart's data, so Word draws no bar for it. The chart's alternative text ({@code wp:docPr
 * descr}) states every number.
 */
final class DocxChart {

  private static final int EMU_PER_POINT = 12_700;
  private static final byte[] BLUE = {0x1d, 0x70, (byte) 0xb8};

  private DocxChart() {}

  static void add(XWPFDocument doc, ChoiceChart chart) throws IOException {
    XWPFRun run = doc.createParagraph().createRun();
    int height = (40 + 24 * chart.bars().size()) * EMU_PER_POINT;
    XWPFChart c;
    try {
      c = doc.createChart(run, 430 * EMU_PER_POINT, height);
    } catch (InvalidFormatException e) {
      throw new IOException("could not add a chart", e);
    }
    int n = chart.bars().size();
    String[] categories = new String[n];
    Double[] counts = new Double[n];
    for (int i = 0; i < n; i++) {
      ChoiceChart.Bar bar = chart.bars().get(i);
      categories[i] = ReportFormat.xmlSafe(bar.label() + ": " + bar.value());
      counts[i] = bar.hidden() ? null : (double) bar.count();
    }
    c.setAutoTitleDeleted(true);
    c.deleteLegend();
    XDDFCategoryAxis options = c.createCategoryAxis(AxisPosition.LEFT);
    options.setOrientation(AxisOrientation.MAX_MIN);
    XDDFValueAxis people = c.createValueAxis(AxisPosition.BOTTOM);
    people.setCrosses(AxisCrosses.AUTO_ZERO);
    people.setMinimum(0);
    XDDFBarChartData data = (XDDFBarChartData) c.createData(ChartTypes.BAR, options, people);
    data.setBarDirection(BarDirection.BAR);
    data.setVaryColors(false);
    // the embedded worksheet first: Word's "Edit data" opens it, and the ranges below refer to it
    CellReference title = c.setSheetTitle("People", 1);
    XDDFChartData.Series series =
        data.addSeries(
            XDDFDataSourcesFactory.fromArray(
                categories, c.formatRange(new CellRangeAddress(1, n, 0, 0)), 0),
            XDDFDataSourcesFactory.fromArray(
                counts, c.formatRange(new CellRangeAddress(1, n, 1, 1)), 1));
    series.setTitle("People", title);
    series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(BLUE)));
    c.plot(data);
    CTInline inline = run.getCTR().getDrawingArray(0).getInlineArray(0);
    inline.getDocPr().setDescr(ReportFormat.xmlSafe(chart.alt()));
    inline.getDocPr().setTitle("Bar chart");
  }
}
