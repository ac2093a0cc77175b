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
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.yousaid.shared.report.Breakdown;
import org.yousaid.shared.report.ConsultationReport;
import org.yousaid.shared.report.OptionCount;
import org.yousaid.shared.report.QuestionReport;
import org.yousaid.shared.report.ThemeSummary;

/**
 * A PDF committee report, the same content as {@link DocxExport}.
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
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(report.title());
      info.setAuthor(report.councilName());
      Writer w = new Writer(doc);
      try {
        w.text(report.title(), w.bold, 20, Color.BLACK, 0);
        w.gap(4);
        w.text(report.councilName(), w.regular, 14, Color.DARK_GRAY, 0);
        w.text(
            "Report date: " + ReportFormat.date(report.generatedAt()),
            w.regular,
            BODY,
            Color.BLACK,
            0);
        w.text(
            "Number of responses: " + ReportFormat.count(report.responses(), suppression),
            w.regular,
            BODY,
            Color.BLACK,
            0);
        w.rule(BLUE, 2);
        int n = 0;
        for (QuestionReport q : report.questions()) {
          n++;
          w.gap(10);
          w.keep(60);
          w.text("Question " + n + ": " + q.text(), w.bold, 13, Color.BLACK, 0);
          w.text(
              ReportFormat.answers(q.answered(), suppression), w.italic, BODY, Color.DARK_GRAY, 0);
          w.gap(4);
          if (q.type().isChoice()) {
            table(w, q);
          } else if (!q.themes().isEmpty()) {
            w.text("Exemplar answers:", w.bold, BODY, Color.BLACK, 0);
            for (ThemeSummary t : q.themes()) {
              w.gap(4);
              w.keep(40);
              w.text(
                  t.label()
                      + " ("
                      + ReportFormat.count(t.count(), suppression)
                      + ", "
                      + ReportFormat.percent(t.share())
                      + ")",
                  w.bold,
                  BODY,
                  BLUE,
                  12);
              if (t.exemplarText() != null && !t.exemplarText().isBlank()) {
                w.text("\u201C" + t.exemplarText() + "\u201D", w.italic, BODY, Color.BLACK, 24);
              }
              w.text(
                  ReportFormat.othersSupport(t.othersSupport()),
                  w.regular,
                  BODY,
                  Color.DARK_GRAY,
                  24);
              if (t.weDid() != null && !t.weDid().isBlank()) {
                w.text(CsvExport.weDid(t.weDid()), w.regular, BODY, Color.BLACK, 24);
              }
            }
          } else if (q.answered() > 0) {
            w.text("Not yet analysed.", w.italic, BODY, Color.DARK_GRAY, 0);
          }
          if (q.recommendation() != null && !q.recommendation().isBlank()) {
            w.gap(4);
            w.text("Recommendation:", w.bold, BODY, Color.BLACK, 0);
            w.text(q.recommendation(), w.regular, BODY, Color.BLACK, 0);
          }
        }
      } finally {
        w.close();
      }
      doc.save(out);
    }
  }

  private void table(Writer w, QuestionReport q) throws IOException {
    float width = w.width();
    float[] cols = {width * 0.62f, width * 0.19f, width * 0.19f};
    w.row(new String[] {"Option", "Count", "Percentage"}, cols, w.bold, true, BODY);
    for (OptionCount o : q.options()) {
      w.row(
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
      w.text("By " + BreakdownTable.lowerFirst(b.dimension()), w.bold, 10, Color.BLACK, 0);
      List<String[]> rows = BreakdownTable.rows(b, suppression);
      int n = rows.get(0).length;
      float[] bcols = new float[n];
      bcols[0] = width * 0.28f;
      bcols[1] = width * 0.12f;
      for (int i = 2; i < n; i++) {
        bcols[i] = width * 0.60f / (n - 2);
      }
      boolean first = true;
      for (String[] row : rows) {
        w.row(row, bcols, first ? w.bold : w.regular, first, 9);
        first = false;
      }
    }
  }

  /** Lays text out top to bottom, wrapping words and starting new pages as needed. */
  private static final class Writer {
    final PDDocument doc;
    final PDFont regular;
    final PDFont bold;
    final PDFont italic;
    private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
    private PDPageContentStream cs;
    private float y;
    private int pageNo;

    Writer(PDDocument doc) throws IOException {
      this.doc = doc;
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
        return PDType0Font.load(doc, in, true);
      }
    }

    float width() {
      return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    void newPage() throws IOException {
      if (cs != null) {
        cs.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      cs = new PDPageContentStream(doc, page);
      pageNo++;
      y = PDRectangle.A4.getHeight() - MARGIN;
      cs.beginText();
      cs.setFont(regular, 9);
      cs.setNonStrokingColor(Color.GRAY);
      cs.newLineAtOffset(MARGIN, MARGIN / 2);
      cs.showText("Page " + pageNo);
      cs.endText();
    }

    void close() throws IOException {
      if (cs != null) {
        cs.close();
        cs = null;
      }
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
      cs.setStrokingColor(color);
      cs.setLineWidth(thickness);
      cs.moveTo(MARGIN, y);
      cs.lineTo(MARGIN + width(), y);
      cs.stroke();
      y -= 6;
    }

    void text(String text, PDFont font, float size, Color color, float indent) throws IOException {
      float leading = size * 1.35f;
      for (String line : wrap(printable(font, text), font, size, width() - indent)) {
        if (y - leading < MARGIN) {
          newPage();
        }
        y -= leading;
        cs.beginText();
        cs.setFont(font, size);
        cs.setNonStrokingColor(color);
        cs.newLineAtOffset(MARGIN + indent, y + size * 0.3f);
        cs.showText(line);
        cs.endText();
      }
    }

    void row(String[] cells, float[] cols, PDFont font, boolean header, float size)
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
        cs.setNonStrokingColor(new Color(0xf3, 0xf2, 0xf1));
        cs.addRect(MARGIN, y - height, width(), height);
        cs.fill();
      }
      float x = MARGIN;
      for (int i = 0; i < cells.length; i++) {
        float ly = y - 3;
        for (String line : wrapped.get(i)) {
          ly -= leading;
          float tx = i == 0 ? x + 4 : x + cols[i] - 4 - font.getStringWidth(line) / 1000 * size;
          cs.beginText();
          cs.setFont(font, size);
          cs.setNonStrokingColor(Color.BLACK);
          cs.newLineAtOffset(tx, ly + size * 0.3f);
          cs.showText(line);
          cs.endText();
        }
        x += cols[i];
      }
      y -= height;
      cs.setStrokingColor(GREY);
      cs.setLineWidth(0.75f);
      cs.moveTo(MARGIN, y);
      cs.lineTo(MARGIN + width(), y);
      cs.stroke();
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
