package org.yousaid.reports;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDLayoutAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.yousaid.shared.report.Breakdown;
import org.yousaid.shared.report.ConsultationReport;
import org.yousaid.shared.report.OptionCount;
import org.yousaid.shared.report.QuestionReport;
import org.yousaid.shared.report.ThemeSummary;

/**
 * A PDF committee report, the same content as {@link DocxExport}, as a tagged PDF/UA-1 document
 * ({@link TaggedPdf}): the title is {@code H1}, each question {@code H2}, each theme and breakdown
 * {@code H3}, each sub-theme {@code H4}; tables have header cells with their scope; each closed
 * question's bar chart is a {@code Figure} whose alternative text states every number, followed by
 * the same numbers in a table; page numbers, rules and shading are artifacts. A report made without
 * suppression says on every page that it is internal and not for publication.
 *
 * <p>Apache PDFBox 3 draws it directly: one well-kept Apache library (the same project as POI), no
 * HTML or CSS engine to keep patched, and the tests use it to read the PDF back and render a page.
 * Text is set in Liberation Sans, embedded as a subset, so accents and Polish names print;
 * characters the font has no glyph for (e.g. emoji) are replaced with "?" rather than failing the
 * export.
 */
public final class PdfExport {

  private static final float MARGIN = 56;
  private static final float BODY = 11;
  private static final Color BLUE = new Color(0x1d, 0x70, 0xb8);
  private static final Color GREY = new Color(0xb1, 0xb4, 0xb6);
  private static final Color HEADER_FILL = new Color(0xf3, 0xf2, 0xf1);
  private static final Color NOTICE_FILL = new Color(0xff, 0xdd, 0x00);
  private static final float BAR_HEIGHT = 11;
  private static final String LANGUAGE = "en-GB";
  private static final String H1 = StandardStructureTypes.H1;
  private static final String H2 = StandardStructureTypes.H2;
  private static final String H3 = StandardStructureTypes.H3;
  private static final String H4 = StandardStructureTypes.H4;
  private static final String P = StandardStructureTypes.P;

  private final Suppression suppression;
  private final boolean breakdowns;

  public PdfExport() {
    this(Suppression.NONE, false);
  }

  public PdfExport(Suppression suppression) {
    this(suppression, false);
  }

  /**
   * @param breakdowns also print, for each closed question, a table per respondent profile field
   */
  public PdfExport(Suppression suppression, boolean breakdowns) {
    this.suppression = suppression;
    this.breakdowns = breakdowns;
  }

  public void write(ConsultationReport report, OutputStream out) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      doc.setVersion(1.7f);
      TaggedPdf pdf = new TaggedPdf(doc);
      Writer w = new Writer(pdf, InternalNotice.of(suppression));
      PDStructureElement d = pdf.document;
      w.text(d, H1, report.title(), w.bold, 20, Color.BLACK, 0);
      w.gap(4);
      w.text(d, P, report.councilName(), w.regular, 14, Color.DARK_GRAY, 0);
      w.text(d, P, "Report date: " + ReportFormat.date(report.generatedAt()), w.regular, BODY, 0);
      w.text(
          d,
          P,
          "Number of responses: " + ReportFormat.count(report.responses(), suppression),
          w.regular,
          BODY,
          0);
      w.rule(BLUE, 2);
      int n = 0;
      for (QuestionReport q : report.questions()) {
        n++;
        w.gap(10);
        w.keep(60);
        w.text(d, H2, "Question " + n + ": " + q.text(), w.bold, 13, Color.BLACK, 0);
        w.text(
            d,
            P,
            ReportFormat.answers(q.answered(), suppression),
            w.italic,
            BODY,
            Color.DARK_GRAY,
            0);
        w.gap(4);
        if (q.type().isChoice()) {
          if (q.answered() != 0) {
            w.chart(d, ChoiceChart.of(q, suppression));
            w.gap(6);
          }
          table(w, q);
        } else if (!q.themes().isEmpty()) {
          w.text(d, P, "Exemplar answers:", w.bold, BODY, 0);
          for (ThemeSummary t : q.themes()) {
            w.gap(4);
            w.keep(40);
            w.text(d, H3, ReportFormat.themeHeading(t, suppression), w.bold, BODY, BLUE, 12);
            if (t.exemplarText() != null && !t.exemplarText().isBlank()) {
              w.text(
                  d,
                  StandardStructureTypes.BLOCK_QUOTE,
                  "\u201C" + t.exemplarText() + "\u201D",
                  w.italic,
                  BODY,
                  Color.BLACK,
                  24);
            }
            w.text(
                d,
                P,
                ReportFormat.othersSupport(t.othersSupport()),
                w.regular,
                BODY,
                Color.DARK_GRAY,
                24);
            if (t.weDid() != null && !t.weDid().isBlank()) {
              w.text(d, P, CsvExport.weDid(t.weDid()), w.regular, BODY, Color.BLACK, 24);
            }
            for (ThemeSummary s : t.subThemes()) {
              w.gap(2);
              w.keep(30);
              w.text(
                  d,
                  H4,
                  "Sub-theme: " + ReportFormat.themeHeading(s, suppression),
                  w.bold,
                  BODY,
                  BLUE,
                  24);
              if (s.exemplarText() != null && !s.exemplarText().isBlank()) {
                w.text(
                    d,
                    StandardStructureTypes.BLOCK_QUOTE,
                    "\u201C" + s.exemplarText() + "\u201D",
                    w.italic,
                    BODY,
                    Color.BLACK,
                    36);
              }
              w.text(
                  d,
                  P,
                  ReportFormat.othersSupport(s.othersSupport()),
                  w.regular,
                  BODY,
                  Color.DARK_GRAY,
                  36);
            }
          }
        } else if (q.answered() > 0) {
          w.text(d, P, "Not yet analysed.", w.italic, BODY, Color.DARK_GRAY, 0);
        }
        if (q.recommendation() != null && !q.recommendation().isBlank()) {
          w.gap(4);
          w.text(d, P, "Recommendation:", w.bold, BODY, 0);
          w.text(d, P, q.recommendation(), w.regular, BODY, 0);
        }
      }
      pdf.finish(report.title(), report.councilName(), LANGUAGE);
      doc.save(out);
    }
  }

  private void table(Writer w, QuestionReport q) throws IOException {
    PDStructureElement d = w.pdf.document;
    float width = w.width();
    float[] cols = {width * 0.62f, width * 0.19f, width * 0.19f};
    PDStructureElement options = w.pdf.element(d, StandardStructureTypes.TABLE);
    w.keep(3 * BODY * 1.35f + 18); // the header row with at least two rows under it
    w.row(options, new String[] {"Option", "Count", "Percentage"}, cols, w.bold, true, BODY);
    for (OptionCount o : q.options()) {
      w.row(
          options,
          new String[] {
            o.label(), ReportFormat.count(o.count(), suppression), ReportFormat.percent(o)
          },
          cols,
          w.regular,
          false,
          BODY);
    }
    if (!breakdowns) {
      return;
    }
    for (Breakdown b : q.breakdowns()) {
      w.gap(6);
      w.keep(50);
      w.text(d, H3, "By " + BreakdownTable.lowerFirst(b.dimension()), w.bold, 10, Color.BLACK, 0);
      List<String[]> rows = BreakdownTable.rows(b, suppression);
      int n = rows.get(0).length;
      float[] bcols = new float[n];
      bcols[0] = width * 0.28f;
      bcols[1] = width * 0.12f;
      for (int i = 2; i < n; i++) {
        bcols[i] = width * 0.60f / (n - 2);
      }
      PDStructureElement table = w.pdf.element(d, StandardStructureTypes.TABLE);
      w.keep(3 * 9 * 1.35f + 18);
      boolean first = true;
      for (String[] row : rows) {
        w.row(table, row, bcols, first ? w.bold : w.regular, first, 9);
        first = false;
      }
    }
  }

  /**
   * Lays text out top to bottom, wrapping words and starting new pages as needed; every line is
   * tagged with the structure element it belongs to, everything else is an artifact.
   */
  /** Lays text out page by page into a tagged PDF; shared with {@link PlainReportExport}. */
  static final class Writer {
    final TaggedPdf pdf;
    final PDFont regular;
    final PDFont bold;
    final PDFont italic;
    private final String notice;
    private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
    private PDPageContentStream cs;
    private float y;
    private int pageNo;

    Writer(TaggedPdf pdf, String notice) throws IOException {
      this.pdf = pdf;
      this.notice = notice;
      regular = load("LiberationSans-Regular.ttf");
      bold = load("LiberationSans-Bold.ttf");
      italic = load("LiberationSans-Italic.ttf");
      newPage();
    }

    private PDFont load(String name) throws IOException {
      try (InputStream in = PdfExport.class.getResourceAsStream("/liberation/" + name)) {
        if (in == null) {
          throw new IOException("font not on the classpath: " + name);
        }
        return PDType0Font.load(pdf.doc, in, true);
      }
    }

    float width() {
      return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    void newPage() throws IOException {
      cs = pdf.newPage(PDRectangle.A4);
      pageNo++;
      y = PDRectangle.A4.getHeight() - MARGIN;
      pdf.beginPagination("Footer");
      show("Page " + pageNo, regular, 9, Color.GRAY, MARGIN, MARGIN / 2);
      pdf.end();
      if (notice != null) {
        header();
      }
    }

    /**
     * The internal-only notice at the top of every page: read once, as the document's first
     * paragraph, on page 1, and a running header (an artifact) on the pages after it.
     */
    private void header() throws IOException {
      float top = PDRectangle.A4.getHeight() - MARGIN / 2;
      pdf.beginArtifact();
      cs.setNonStrokingColor(NOTICE_FILL);
      cs.addRect(MARGIN - 4, top - 6, width() + 8, 17);
      cs.fill();
      pdf.end();
      if (pageNo == 1) {
        pdf.begin(pdf.element(pdf.document, P));
      } else {
        pdf.beginPagination("Header");
      }
      show(printable(bold, notice), bold, 9, Color.BLACK, MARGIN, top);
      pdf.end();
    }

    private void show(String line, PDFont font, float size, Color color, float x, float baseline)
        throws IOException {
      cs.beginText();
      cs.setFont(font, size);
      cs.setNonStrokingColor(color);
      cs.newLineAtOffset(x, baseline);
      cs.showText(line);
      cs.endText();
    }

    void gap(float points) {
      y -= points;
    }

    /**
     * Starts a new page unless {@code points} of space are left (keeps a heading with what
     * follows).
     */
    void keep(float points) throws IOException {
      if (y - points < MARGIN) {
        newPage();
      }
    }

    void rule(Color color, float thickness) throws IOException {
      y -= 6;
      pdf.beginArtifact();
      cs.setStrokingColor(color);
      cs.setLineWidth(thickness);
      cs.moveTo(MARGIN, y);
      cs.lineTo(MARGIN + width(), y);
      cs.stroke();
      pdf.end();
      y -= 6;
    }

    void text(
        PDStructureElement parent, String type, String text, PDFont font, float size, float indent)
        throws IOException {
      text(parent, type, text, font, size, Color.BLACK, indent);
    }

    /** A new structure element of {@code type} holding {@code text}; nothing if it is blank. */
    void text(
        PDStructureElement parent,
        String type,
        String text,
        PDFont font,
        float size,
        Color color,
        float indent)
        throws IOException {
      if (text == null || text.isBlank()) {
        return;
      }
      PDStructureElement element = null;
      float leading = size * 1.35f;
      for (String line : wrap(printable(font, text), font, size, width() - indent)) {
        if (y - leading < MARGIN) {
          newPage();
        }
        if (element == null) {
          element = pdf.element(parent, type);
        }
        y -= leading;
        pdf.begin(element);
        show(line, font, size, color, MARGIN + indent, y + size * 0.3f);
        pdf.end();
      }
    }

    /**
     * One table row: header cells ({@code TH}, scope column) in a header row, else the first cell
     * heads its row ({@code TH}, scope row) and the rest are data ({@code TD}).
     */
    void row(
        PDStructureElement table,
        String[] cells,
        float[] cols,
        PDFont font,
        boolean header,
        float size)
        throws IOException {
      float leading = size * 1.35f;
      List<List<String>> wrapped = new ArrayList<>();
      int lines = 1;
      for (int i = 0; i < cells.length; i++) {
        List<String> w = wrap(printable(font, cells[i]), font, size, cols[i] - 8);
        wrapped.add(w);
        lines = Math.max(lines, w.size());
      }
      float height = lines * leading + 6;
      if (y - height < MARGIN) {
        newPage();
      }
      if (header) {
        pdf.beginArtifact();
        cs.setNonStrokingColor(HEADER_FILL);
        cs.addRect(MARGIN, y - height, width(), height);
        cs.fill();
        pdf.end();
      }
      PDStructureElement tr = pdf.element(table, StandardStructureTypes.TR);
      float x = MARGIN;
      for (int i = 0; i < cells.length; i++) {
        PDStructureElement cell;
        if (header || i == 0) {
          cell = pdf.element(tr, StandardStructureTypes.TH);
          PDTableAttributeObject scope = new PDTableAttributeObject();
          scope.setScope(
              header ? PDTableAttributeObject.SCOPE_COLUMN : PDTableAttributeObject.SCOPE_ROW);
          cell.addAttribute(scope);
        } else {
          cell = pdf.element(tr, StandardStructureTypes.TD);
        }
        float ly = y - 3;
        for (String line : wrapped.get(i)) {
          ly -= leading;
          float tx = i == 0 ? x + 4 : x + cols[i] - 4 - font.getStringWidth(line) / 1000 * size;
          pdf.begin(cell);
          show(line, font, size, Color.BLACK, tx, ly + size * 0.3f);
          pdf.end();
        }
        x += cols[i];
      }
      y -= height;
      pdf.beginArtifact();
      cs.setStrokingColor(GREY);
      cs.setLineWidth(0.75f);
      cs.moveTo(MARGIN, y);
      cs.lineTo(MARGIN + width(), y);
      cs.stroke();
      pdf.end();
    }

    /**
     * A horizontal bar chart as one {@code Figure} whose alternative text states every number; a
     * hidden count gets its words ("fewer than 5") where a bar would be, and no bar.
     */
    void chart(PDStructureElement parent, ChoiceChart chart) throws IOException {
      float size = 9;
      float leading = size * 1.3f;
      float labelWidth = width() * 0.36f;
      float barX = MARGIN + labelWidth + 6;
      float barRoom = width() * 0.44f;
      List<List<String>> labels = new ArrayList<>();
      List<Float> heights = new ArrayList<>();
      float total = 8;
      for (ChoiceChart.Bar bar : chart.bars()) {
        List<String> lines = wrap(printable(regular, bar.label()), regular, size, labelWidth - 4);
        labels.add(lines);
        float h = Math.max(lines.size() * leading, BAR_HEIGHT) + 6;
        heights.add(h);
        total += h;
      }
      keep(total);
      float top = y;
      float bottom = y - total;
      PDStructureElement figure = pdf.element(parent, StandardStructureTypes.Figure);
      figure.setAlternateDescription(chart.alt());
      PDLayoutAttributeObject layout = new PDLayoutAttributeObject();
      layout.setPlacement(PDLayoutAttributeObject.PLACEMENT_BLOCK);
      layout.setBBox(new PDRectangle(MARGIN, bottom, width(), total));
      figure.addAttribute(layout);
      pdf.begin(figure);
      float rowTop = top - 4;
      for (int i = 0; i < chart.bars().size(); i++) {
        ChoiceChart.Bar bar = chart.bars().get(i);
        float barTop = rowTop - 3;
        // the label's first line on the bar's baseline
        float ly = barTop - BAR_HEIGHT + 2.5f;
        for (String line : labels.get(i)) {
          show(line, regular, size, Color.BLACK, MARGIN, ly);
          ly -= leading;
        }
        String value = printable(regular, bar.value());
        if (bar.hidden()) {
          show(value, italic, size, Color.DARK_GRAY, barX + 4, barTop - BAR_HEIGHT + 2.5f);
        } else {
          float length = (float) (bar.length() * barRoom);
          if (length > 0) {
            cs.setNonStrokingColor(BLUE);
            cs.addRect(barX, barTop - BAR_HEIGHT, length, BAR_HEIGHT);
            cs.fill();
          }
          show(value, regular, size, Color.BLACK, barX + length + 4, barTop - BAR_HEIGHT + 2.5f);
        }
        rowTop -= heights.get(i);
      }
      // the axis the bars start from
      cs.setStrokingColor(Color.DARK_GRAY);
      cs.setLineWidth(0.75f);
      cs.moveTo(barX, top - 2);
      cs.lineTo(barX, bottom + 4);
      cs.stroke();
      pdf.end();
      y = bottom;
    }

    /**
     * Replaces what the font cannot draw: control characters with spaces, missing glyphs with "?".
     */
    String printable(PDFont font, String text) {
      if (text == null) {
        return "";
      }
      Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
      StringBuilder sb = new StringBuilder(text.length());
      text.codePoints()
          .forEach(
              cp -> {
                if (cp == '\n' || cp == '\r' || cp == '\t') {
                  sb.append(cp == '\n' ? '\n' : ' ');
                } else if (Character.isISOControl(cp)
                    || cp == 0x200D
                    || (cp >= 0xFE00 && cp <= 0xFE0F)
                    || (cp >= 0x1F3FB && cp <= 0x1F3FF)) {
                  // drop: zero-width joiners, variation selectors and skin tones belong to a
                  // replaced emoji
                } else if (known.computeIfAbsent(cp, c -> canEncode(font, c))) {
                  sb.appendCodePoint(cp);
                } else {
                  sb.append('?');
                }
              });
      return sb.toString();
    }

    private static boolean canEncode(PDFont font, int cp) {
      try {
        font.encode(new String(Character.toChars(cp)));
        return true;
      } catch (IllegalArgumentException | IOException e) {
        return false;
      }
    }

    static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
      List<String> out = new ArrayList<>();
      for (String para : text.split("\n", -1)) {
        StringBuilder line = new StringBuilder();
        for (String word : para.split(" +")) {
          String candidate = line.length() == 0 ? word : line + " " + word;
          if (widthOf(candidate, font, size) <= width) {
            line.setLength(0);
            line.append(candidate);
            continue;
          }
          if (line.length() > 0) {
            out.add(line.toString());
            line.setLength(0);
          }
          // a word longer than the line (e.g. a URL) is broken by characters
          while (widthOf(word, font, size) > width && word.length() > 1) {
            int cut = word.length() - 1;
            while (cut > 1 && widthOf(word.substring(0, cut), font, size) > width) {
              cut--;
            }
            if (Character.isHighSurrogate(word.charAt(cut - 1))) {
              cut--;
            }
            out.add(word.substring(0, cut));
            word = word.substring(cut);
          }
          line.append(word);
        }
        out.add(line.toString());
      }
      return out;
    }

    private static float widthOf(String s, PDFont font, float size) throws IOException {
      return font.getStringWidth(s) / 1000 * size;
    }
  }
}
