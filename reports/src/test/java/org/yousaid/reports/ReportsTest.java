package org.yousaid.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.model.AgeBand;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.AreaOfNeed;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.EhcStage;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.model.Role;
import org.yousaid.shared.report.Breakdown;
import org.yousaid.shared.report.ConsultationReport;
import org.yousaid.shared.report.OptionCount;
import org.yousaid.shared.report.QuestionReport;
import org.yousaid.shared.report.SentimentCounts;
import org.yousaid.shared.report.ThemeSummary;
import org.yousaid.shared.templates.ConsultationTemplates;

class ReportsTest {

  static final List<String> DISTRICTS =
      List.of(
          "North Warwickshire", "Nuneaton and Bedworth", "Rugby", "Stratford-on-Avon", "Warwick");
  static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-14T09:00:00Z"), ZoneOffset.UTC);
  static final String SCRIPT_EMOJI =
      "<script>alert('x')</script> Łucja Żółć said it was great 😀👍🏽";
  static final List<String> INJECTIONS =
      List.of(
          "=HYPERLINK(\"http://evil.example\",\"Click\")",
          "+1",
          "-2",
          "@SUM(A1:A2)",
          "\t=1+1",
          "  =cmd|' /C calc'!A0",
          "\r=2");

  // --- test data ------------------------------------------------------------------------------

  static Consultation ehc() {
    return ConsultationTemplates.ehcStageSurvey(
        "warwickshire", "Warwickshire County Council", "ehc-2026", DISTRICTS);
  }

  static Consultation localOffer() {
    return ConsultationTemplates.localOffer(
        "warwickshire", "Warwickshire County Council", "lo-2026", DISTRICTS, T0, null);
  }

  static RespondentProfile profile(int i) {
    Role role = i % 3 == 0 ? Role.PROFESSIONAL : Role.PARENT_CARER;
    AgeBand age = AgeBand.values()[i % 3];
    List<AreaOfNeed> needs =
        i % 2 == 0
            ? List.of(
                AreaOfNeed.COMMUNICATION_AND_INTERACTION, AreaOfNeed.SOCIAL_EMOTIONAL_MENTAL_HEALTH)
            : List.of(AreaOfNeed.COGNITION_AND_LEARNING);
    // Rugby gets 3 respondents (0, 10, 20): a small group for suppression
    String district = i % 10 == 0 ? "Rugby" : i % 2 == 0 ? "Warwick" : "Nuneaton and Bedworth";
    return new RespondentProfile(
        role, age, needs, district, EhcStage.values()[i % EhcStage.values().length]);
  }

  static Response response(Consultation c, int i, List<Answer> answers) {
    return new Response(
        String.format("r%02d", i),
        c.council(),
        c.id(),
        T0.plusSeconds(3600L * i),
        Channel.WEB,
        answers,
        profile(i),
        i % 2 == 0,
        "RC" + i,
        0,
        null);
  }

  /**
   * 30 responses; 25 answer "outcomes-clear": 12 clear, 6 neither, 7 not clear (48% / 24% / 28%).
   */
  static List<Response> ehcResponses() {
    Consultation c = ehc();
    List<Response> out = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      List<Answer> a = new ArrayList<>();
      if (i < 25) {
        a.add(
            Answer.choices(
                "outcomes-clear", List.of(i < 12 ? "clear" : i < 18 ? "neither" : "not-clear")));
      }
      a.add(Answer.choices("listened", List.of(i % 4 == 0 ? "no" : "yes")));
      String text =
          i < INJECTIONS.size()
              ? INJECTIONS.get(i)
              : i == 10 ? SCRIPT_EMOJI : "Keep us informed about timescales " + i;
      a.add(Answer.text("do-better", text));
      out.add(response(c, i, a));
    }
    return out;
  }

  static List<Response> localOfferResponses() {
    Consultation c = localOffer();
    List<Response> out = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      List<Answer> a = new ArrayList<>();
      a.add(
          Answer.text(
              "find-information",
              i == 3 ? SCRIPT_EMOJI : "A search box that works on my phone " + i));
      a.add(
          Answer.choices("search-by", i % 3 == 0 ? List.of("disability", "age") : List.of("area")));
      a.add(Answer.choices("plain-english", List.of(i % 5 == 0 ? "disagree" : "agree")));
      out.add(response(c, i, a));
    }
    return out;
  }

  static QuestionThemes doBetterThemes() {
    return new QuestionThemes(
        "do-better",
        List.of(
            new ThemeSummary(
                "t1",
                "Communication and timescales",
                "",
                List.of("timescales"),
                27,
                0.9,
                "Keep us informed about timescales 12",
                26,
                SentimentCounts.NONE,
                List.of(),
                "Every family gets a timeline in the first week",
                false,
                List.of(
                    new ThemeSummary(
                        "t1a",
                        "Waiting to hear back",
                        "",
                        List.of(),
                        18,
                        0.6,
                        "Nobody rang us back for weeks 7",
                        17,
                        SentimentCounts.NONE,
                        List.of(),
                        null,
                        false),
                    new ThemeSummary(
                        "t1b",
                        "Deadlines missed",
                        "",
                        List.of(),
                        4,
                        4.0 / 30,
                        "The 20-week deadline went by 9",
                        3,
                        SentimentCounts.NONE,
                        List.of(),
                        null,
                        false))),
            new ThemeSummary(
                "t2",
                "=Formula-looking theme",
                "",
                List.of(),
                2,
                2.0 / 30,
                SCRIPT_EMOJI,
                1,
                SentimentCounts.NONE,
                List.of(),
                null,
                false),
            new ThemeSummary(
                "other",
                "Other",
                "",
                List.of(),
                1,
                1.0 / 30,
                "+1",
                0,
                SentimentCounts.NONE,
                List.of(),
                null,
                true)),
        new SentimentCounts(3, 10, 17),
        "Send families a timeline at the start of the assessment.");
  }

  static ConsultationReport ehcReport(Suppression s) {
    return new ReportBuilder(CLOCK).build(ehc(), ehcResponses(), List.of(doBetterThemes()), s);
  }

  static QuestionReport question(ConsultationReport r, String id) {
    return r.questions().stream().filter(q -> q.questionId().equals(id)).findFirst().orElseThrow();
  }

  // --- ReportBuilder -----------------------------------------------------------------------------

  @Test
  void countsAndSharesOfThoseWhoAnswered() {
    ConsultationReport r = ehcReport(Suppression.NONE);
    assertEquals(30, r.responses());
    assertEquals("Warwickshire County Council", r.councilName());
    QuestionReport q = question(r, "outcomes-clear");
    assertEquals(25, q.answered());
    assertEquals(List.of(12, 6, 7), q.options().stream().map(OptionCount::count).toList());
    assertEquals(
        List.of("48%", "24%", "28%"), q.options().stream().map(ReportFormat::percent).toList());
    assertEquals(0.48, q.options().get(0).share(), 1e-9);
    // only the profile fields the consultation asks, in a fixed order
    assertEquals(
        List.of("Role", "Child's age", "Area of need", "EHC stage", "District"),
        q.breakdowns().stream().map(Breakdown::dimension).toList());
    Breakdown needs = q.breakdowns().get(2);
    int sumOfGroups = needs.groups().stream().mapToInt(Breakdown.Group::answered).sum();
    assertTrue(sumOfGroups > 25, "a respondent with several areas of need counts in each");
    Breakdown district = q.breakdowns().get(4);
    Breakdown.Group rugby =
        district.groups().stream().filter(g -> g.label().equals("Rugby")).findFirst().orElseThrow();
    assertEquals(3, rugby.answered());
    assertEquals(List.of(2, 0, 1), rugby.options().stream().map(OptionCount::count).toList());
    // free text: answered counted, themes passed through
    QuestionReport free = question(r, "do-better");
    assertEquals(30, free.answered());
    assertEquals(3, free.themes().size());
    assertEquals("Send families a timeline at the start of the assessment.", free.recommendation());
    // local offer: multi choice shares can add up to more than 100%, and no EHC stage breakdown
    QuestionReport search =
        question(new ReportBuilder(CLOCK).build(localOffer(), localOfferResponses()), "search-by");
    assertEquals(30, search.answered());
    assertEquals(
        List.of(10, 10, 20, 0), search.options().stream().map(OptionCount::count).toList());
    assertFalse(search.breakdowns().stream().anyMatch(b -> b.dimension().equals("EHC stage")));
  }

  @Test
  void questionNobodyAnsweredHasZeroSharesNotNaN() {
    ConsultationReport r = ehcReport(Suppression.below(5));
    QuestionReport q = question(r, "satisfaction");
    assertEquals(0, q.answered());
    q.options()
        .forEach(
            o -> {
              assertEquals(0, o.count());
              assertEquals(0.0, o.share());
            });
    assertEquals("0%", ReportFormat.percent(q.options().get(0)));
    ConsultationReport empty = new ReportBuilder(CLOCK).build(ehc(), List.of());
    assertEquals(0, empty.responses());
    assertEquals(0, question(empty, "outcomes-clear").answered());
  }

  @Test
  void publishedReportSuppressesSmallGroupsOfficersSeeExactNumbers() throws IOException {
    ConsultationReport published = ehcReport(Suppression.below(5));
    QuestionReport q = question(published, "outcomes-clear");
    // 25 answers spread over five districts, four roles, ages and needs: most breakdown cells are
    // small, so some option totals have to be withheld too; each is its exact count or "not shown".
    assertEquals(25, q.answered());
    List<Integer> totals = List.of(12, 6, 7);
    for (int i = 0; i < 3; i++) {
      int shown = q.options().get(i).count();
      assertTrue(shown == totals.get(i) || shown == ReportFormat.WITHHELD, "option " + i);
    }
    Breakdown.Group rugby =
        q.breakdowns().get(4).groups().stream()
            .filter(g -> g.label().equals("Rugby"))
            .findFirst()
            .orElseThrow();
    assertEquals(ReportFormat.SUPPRESSED, rugby.answered());
    assertEquals(ReportFormat.SUPPRESSED, rugby.options().get(0).count());
    assertEquals(0, rugby.options().get(1).count(), "zero is shown");
    for (Breakdown b : q.breakdowns()) {
      for (Breakdown.Group g : b.groups()) {
        assertFalse(g.answered() > 0 && g.answered() < 5, b.dimension() + " " + g.label());
        g.options()
            .forEach(o -> assertFalse(o.count() > 0 && o.count() < 5, g.label() + " " + o.label()));
      }
    }
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    new CsvExport(Suppression.below(5)).writeSummary(published, csv);
    List<CSVRecord> rows = parse(csv.toByteArray());
    CSVRecord rugbyClear =
        rows.stream()
            .filter(x -> x.get(2).equals("District: Rugby") && x.get(3).equals("Clear"))
            .findFirst()
            .orElseThrow();
    assertEquals("fewer than 5", rugbyClear.get(1));
    assertEquals("fewer than 5", rugbyClear.get(4));
    assertEquals("", rugbyClear.get(5));

    ByteArrayOutputStream officer = new ByteArrayOutputStream();
    new CsvExport().writeSummary(ehcReport(Suppression.NONE), officer);
    CSVRecord exact =
        parse(officer.toByteArray()).stream()
            .filter(x -> x.get(2).equals("District: Rugby") && x.get(3).equals("Clear"))
            .findFirst()
            .orElseThrow();
    assertEquals("3", exact.get(1));
    assertEquals("2", exact.get(4));
    assertEquals("67%", exact.get(5));
  }

  // --- CSV ---------------------------------------------------------------------------------------

  static List<CSVRecord> parse(byte[] bytes) throws IOException {
    assertEquals((byte) 0xEF, bytes[0]);
    assertEquals((byte) 0xBB, bytes[1]);
    assertEquals((byte) 0xBF, bytes[2]);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    return CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
  }

  static void assertSafe(String cell) {
    String t = cell.stripLeading();
    if (!cell.isEmpty()) {
      assertFalse(
          cell.charAt(0) == '\t' || cell.charAt(0) == '\r',
          "starts with a control character: " + cell);
    }
    if (!t.isEmpty()) {
      assertFalse("=+-@".indexOf(t.charAt(0)) >= 0, "unsafe cell: " + cell);
    }
  }

  @Test
  void csvCellsAreNeutralisedAndUnicodeSurvives() throws IOException {
    ConsultationReport r = ehcReport(Suppression.NONE);
    ByteArrayOutputStream summary = new ByteArrayOutputStream();
    new CsvExport().writeSummary(r, summary);
    List<CSVRecord> rows = parse(summary.toByteArray());
    assertEquals(CsvExport.SUMMARY_HEADER, rows.get(0).toList());
    rows.forEach(row -> row.forEach(ReportsTest::assertSafe));
    CSVRecord clear =
        rows.stream()
            .filter(x -> x.get(2).equals("All who answered") && x.get(3).equals("Clear"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("25", "12", "48%"), List.of(clear.get(1), clear.get(4), clear.get(5)));
    CSVRecord formulaTheme =
        rows.stream()
            .filter(x -> x.get(3).endsWith("Formula-looking theme"))
            .findFirst()
            .orElseThrow();
    assertEquals("'=Formula-looking theme", formulaTheme.get(3));
    assertEquals(SCRIPT_EMOJI, formulaTheme.get(6));
    assertEquals("1", formulaTheme.get(7));

    ByteArrayOutputStream answers = new ByteArrayOutputStream();
    new CsvExport().writeAnswers(AnswerTable.of(ehc(), ehcResponses()), answers);
    List<CSVRecord> raw = parse(answers.toByteArray());
    assertEquals(31, raw.size());
    List<String> header = raw.get(0).toList();
    assertEquals(List.of("Response id", "Submitted at", "Channel"), header.subList(0, 3));
    assertEquals("Consent to quote", header.get(header.size() - 1));
    assertTrue(
        header.contains("District")
            && header.contains("EHC stage")
            && header.contains("Area of need"));
    raw.forEach(row -> row.forEach(ReportsTest::assertSafe));
    int textCol = header.indexOf("What could we do better?");
    List<String> texts = raw.stream().skip(1).map(x -> x.get(textCol)).toList();
    for (String injection : INJECTIONS) {
      assertTrue(texts.contains("'" + injection), "neutralised: " + injection);
    }
    assertTrue(texts.contains(SCRIPT_EMOJI));
    assertEquals(
        "Communication and interaction; Social, emotional and mental health",
        raw.get(1).get(header.indexOf("Area of need")));
  }

  @Test
  void safeCellRules() {
    assertEquals("'=1", ReportFormat.safeCell("=1"));
    assertEquals("'  @x", ReportFormat.safeCell("  @x"));
    assertEquals("'\t", ReportFormat.safeCell("\t"));
    assertEquals("'\n-3", ReportFormat.safeCell("\n-3"));
    assertEquals("plain -1", ReportFormat.safeCell("plain -1"));
    assertEquals("", ReportFormat.safeCell(null));
    assertEquals("'＝1", ReportFormat.safeCell("＝1"));
  }

  // --- XLSX --------------------------------------------------------------------------------------

  @Test
  void xlsxHasStringCellsOnlyNeutralisedWithBoldFrozenHeader() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new XlsxExport().write(ehcReport(Suppression.NONE), AnswerTable.of(ehc(), ehcResponses()), out);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      assertEquals("Summary", wb.getSheetName(0));
      assertEquals("Answers", wb.getSheetName(1));
      List<String> all = new ArrayList<>();
      for (Sheet sheet : wb) {
        assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition());
        Row header = sheet.getRow(0);
        assertTrue(wb.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold());
        assertTrue(sheet.getColumnWidth(0) >= 10 * 256);
        for (Row row : sheet) {
          for (Cell cell : row) {
            assertEquals(
                CellType.STRING,
                cell.getCellType(),
                "no formulas or numbers: " + cell.getAddress());
            assertSafe(cell.getStringCellValue());
            all.add(cell.getStringCellValue());
          }
        }
      }
      for (String injection : INJECTIONS) {
        assertTrue(all.contains("'" + injection), "neutralised in XLSX: " + injection);
      }
      assertTrue(all.contains(SCRIPT_EMOJI));
      assertTrue(all.contains("48%"));
      // The Recommendation column carries each theme's "we did", else the question's note.
      Row header = wb.getSheet("Summary").getRow(0);
      int rec = header.getLastCellNum() - 1;
      assertEquals("Recommendation", header.getCell(rec).getStringCellValue());
      List<String> byTheme = new ArrayList<>();
      for (Row row : wb.getSheet("Summary")) {
        if (row.getCell(3) != null && row.getCell(rec) != null) {
          byTheme.add(
              row.getCell(3).getStringCellValue() + " | " + row.getCell(rec).getStringCellValue());
        }
      }
      assertTrue(
          byTheme.contains(
              "Communication and timescales | We did: Every family gets a timeline in the first week"),
          byTheme.toString());
      assertTrue(
          byTheme.contains(
              "'=Formula-looking theme | Send families a timeline at the start of the assessment."),
          byTheme.toString());
    }
  }

  // --- DOCX and PDF ------------------------------------------------------------------------------

  @Test
  void docxReadsLikeACommitteeReport() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new DocxExport().write(ehcReport(Suppression.NONE), out);
    String text;
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()));
        XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
      text = ex.getText();
      assertEquals(
          1,
          doc.getTables().stream()
              .filter(t -> t.getText().contains("Neither clear nor not clear"))
              .count());
    }
    for (String expected :
        List.of(
            "How did we do? Your education, health and care plan",
            "Warwickshire County Council",
            "14 April 2026",
            "Number of responses: 30",
            "Question 1: How clear are the outcomes",
            "25 answers",
            "48%",
            "24%",
            "28%",
            "Question 4: What could we do better?",
            "Exemplar answers:",
            "Communication and timescales",
            "26 other answers support this answer",
            "1 other answer supports this answer",
            "Recommendation:",
            "Send families a timeline",
            "We did: Every family gets a timeline in the first week",
            SCRIPT_EMOJI,
            "0 answers")) {
      assertTrue(text.contains(expected), "DOCX contains " + expected + "\n" + text);
    }
  }

  /**
   * Issue 12: a theme's sub-themes reach the committee report under their theme in every format,
   * each with its size, share, exemplar and "N other answers support this answer"; in a report for
   * publication a small sub-theme passes the same suppression as any count.
   */
  @Test
  void subThemesAppearUnderTheirThemeInEveryExport() throws IOException {
    ByteArrayOutputStream officerCsv = new ByteArrayOutputStream();
    new CsvExport().writeSummary(ehcReport(Suppression.NONE), officerCsv);
    List<CSVRecord> rows = parse(officerCsv.toByteArray());
    int theme = -1, sub = -1;
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).get(3).equals("Communication and timescales")) theme = i;
      if (rows.get(i).get(3).equals("Communication and timescales \u2014 Waiting to hear back")) {
        sub = i;
      }
    }
    assertTrue(theme >= 0 && sub == theme + 1, "the sub-theme's row follows its theme's");
    CSVRecord waiting = rows.get(sub);
    assertEquals(List.of("18", "60%", "Nobody rang us back for weeks 7", "17"), cells(waiting));
    assertEquals(
        List.of("4", "13%", "The 20-week deadline went by 9", "3"), cells(rows.get(sub + 1)));

    ByteArrayOutputStream publishedCsv = new ByteArrayOutputStream();
    new CsvExport(Suppression.below(5)).writeSummary(ehcReport(Suppression.below(5)), publishedCsv);
    CSVRecord deadlines =
        parse(publishedCsv.toByteArray()).stream()
            .filter(r -> r.get(3).endsWith("\u2014 Deadlines missed"))
            .findFirst()
            .orElseThrow();
    assertEquals("fewer than 5", deadlines.get(4), "a sub-theme of 4 is not published as 4");
    assertEquals("", deadlines.get(7), "nor its \"others support\" figure");

    ByteArrayOutputStream docx = new ByteArrayOutputStream();
    new DocxExport().write(ehcReport(Suppression.NONE), docx);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.toByteArray()))) {
      var heading =
          doc.getParagraphs().stream()
              .filter(p -> p.getText().equals("Sub-theme: Waiting to hear back (18, 60%)"))
              .findFirst()
              .orElseThrow();
      assertEquals("Heading4", heading.getStyle(), "a sub-theme is a heading under its theme");
      String text = new XWPFWordExtractor(doc).getText();
      assertTrue(
          text.indexOf("Communication and timescales (27")
              < text.indexOf("Sub-theme: Waiting to hear back"),
          text);
      assertTrue(text.contains("\u201CNobody rang us back for weeks 7\u201D"), text);
      assertTrue(text.contains("17 other answers support this answer"), text);
    }

    ByteArrayOutputStream publishedDocx = new ByteArrayOutputStream();
    new DocxExport(Suppression.below(5)).write(ehcReport(Suppression.below(5)), publishedDocx);
    try (XWPFDocument doc =
            new XWPFDocument(new ByteArrayInputStream(publishedDocx.toByteArray()));
        XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
      // a published sub-theme's share is not shown: no dangling comma after its count
      assertTrue(
          text.getText().contains("Sub-theme: Deadlines missed (fewer than 5)\n"), text.getText());
    }

    try (PDDocument doc = Loader.loadPDF(pdf(ehcReport(Suppression.NONE)))) {
      String flat = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertTrue(flat.contains("Sub-theme: Deadlines missed (4, 13%)"), flat);
      assertTrue(flat.contains("The 20-week deadline went by 9"), flat);
    }
  }

  private static List<String> cells(CSVRecord r) {
    return List.of(r.get(4), r.get(5), r.get(6), r.get(7));
  }

  static byte[] pdf(ConsultationReport r) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PdfExport().write(r, out);
    return out.toByteArray();
  }

  @Test
  void pdfReadsLikeACommitteeReportAndKeepsPolishNames() throws IOException {
    byte[] bytes = pdf(ehcReport(Suppression.NONE));
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      String text = new PDFTextStripper().getText(doc).replace("\r", "");
      String flat = text.replaceAll("\\s+", " ");
      for (String expected :
          List.of(
              "How did we do? Your education, health and care plan",
              "Warwickshire County Council",
              "Report date: 14 April 2026",
              "Number of responses: 30",
              "Question 1: How clear are the outcomes",
              "25 answers",
              "Clear 12 48%",
              "Neither clear nor not clear 6 24%",
              "Not clear 7 28%",
              "Exemplar answers:",
              "Communication and timescales",
              "26 other answers support this answer",
              "We did: Every family gets a timeline in the first week",
              "Recommendation:",
              "<script>alert('x')</script> Łucja Żółć said it was great")) {
        assertTrue(flat.contains(expected), "PDF contains " + expected + "\n" + text);
      }
      assertFalse(flat.contains("😀"), "emoji the font cannot draw are replaced");

      // the page an officer will see first, for docs/
      BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 72);
      Path root = Path.of(System.getProperty("yousaid.repo.root", ".."));
      Path png = root.resolve("docs/screenshots/committee-report-page1.png");
      Files.createDirectories(png.getParent());
      ImageIO.write(page, "png", png.toFile());
      assertTrue(Files.size(png) > 10_000);
    }
  }

  /** 60 themes whose exemplar has control characters, a 400-character word, CJK, Arabic, emoji. */
  static ConsultationReport manyPages() {
    String longWord = "https://example.org/" + "x".repeat(400);
    String nasty = "line one\nline two\u0000\u0007 tab\there " + longWord + " 中文 العربية 🏳️‍🌈";
    List<ThemeSummary> themes = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      themes.add(
          new ThemeSummary(
              "t" + i,
              "Theme " + i,
              "",
              List.of(),
              1,
              0.01,
              nasty,
              0,
              SentimentCounts.NONE,
              List.of(),
              null,
              false));
    }
    return new ReportBuilder(CLOCK)
        .build(
            ehc(),
            ehcResponses(),
            List.of(new QuestionThemes("do-better", themes, SentimentCounts.NONE)),
            Suppression.NONE);
  }

  @Test
  void pdfCopesWithLongAnswersControlCharactersAndManyPages() throws IOException {
    ConsultationReport r = manyPages();
    try (PDDocument doc = Loader.loadPDF(pdf(r))) {
      assertTrue(doc.getNumberOfPages() > 3);
      String text = new PDFTextStripper().getText(doc);
      assertTrue(text.contains("Theme 59"));
      assertTrue(text.contains("line two"));
    }
    ByteArrayOutputStream docx = new ByteArrayOutputStream();
    new DocxExport().write(r, docx);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.toByteArray()))) {
      assertNotEquals(0, doc.getParagraphs().size());
    }
  }

  @Test
  void publishedDocxAndPdfBreakdownsSayFewerThanFive() throws IOException {
    ConsultationReport published = ehcReport(Suppression.below(5));
    ByteArrayOutputStream docx = new ByteArrayOutputStream();
    new DocxExport(Suppression.below(5), true).write(published, docx);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.toByteArray()))) {
      String rugby =
          doc.getTables().stream()
              .flatMap(t -> t.getRows().stream())
              .filter(r -> r.getCell(0).getText().equals("Rugby"))
              .findFirst()
              .orElseThrow()
              .getTableCells()
              .stream()
              .map(c -> c.getText())
              .collect(Collectors.joining("|"));
      assertEquals("Rugby|fewer than 5|fewer than 5|0|fewer than 5", rugby);
    }
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    new PdfExport(Suppression.below(5), true).write(published, pdf);
    try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertTrue(text.contains("Rugby fewer than 5 fewer than 5 0 fewer than 5"), text);
      assertTrue(text.contains("By district"));
      assertTrue(text.contains("By EHC stage"));
      assertTrue(text.contains("Clear 12 48%") || text.contains("Clear not shown"), text);
    }
  }

  @Test
  void everyFormatFromTheLocalOfferReport() throws IOException {
    ConsultationReport r = new ReportBuilder(CLOCK).build(localOffer(), localOfferResponses());
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    new CsvExport().writeAnswers(AnswerTable.of(localOffer(), localOfferResponses()), csv);
    assertTrue(parse(csv.toByteArray()).stream().anyMatch(x -> x.toList().contains(SCRIPT_EMOJI)));
    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    new XlsxExport().write(r, null, xlsx);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
      assertEquals(1, wb.getNumberOfSheets());
    }
    try (PDDocument doc = Loader.loadPDF(pdf(r))) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertTrue(text.contains("Search by where I live 20 67%"), text);
      assertTrue(text.contains("Question 6: Is there anything else you would like to tell us?"));
    }
  }

  /**
   * The Word report is navigable: title, questions and themes carry Word's heading styles (defined
   * in the document, with outline levels), and every table's first row is a header row.
   */
  @Test
  void docxHeadingsUseRealHeadingStylesAndTablesHaveHeaderRows() throws IOException {
    ByteArrayOutputStream docx = new ByteArrayOutputStream();
    new DocxExport(Suppression.below(5), true).write(ehcReport(Suppression.below(5)), docx);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.toByteArray()))) {
      java.util.Map<String, List<String>> byStyle = new java.util.HashMap<>();
      doc.getParagraphs()
          .forEach(
              p ->
                  byStyle
                      .computeIfAbsent(String.valueOf(p.getStyle()), k -> new ArrayList<>())
                      .add(p.getText()));
      assertEquals(List.of(ehc().title()), byStyle.get("Heading1"));
      assertTrue(byStyle.get("Heading2").stream().allMatch(t -> t.startsWith("Question ")));
      assertEquals(ehc().questions().size(), byStyle.get("Heading2").size());
      assertTrue(byStyle.containsKey("Heading3"), "themes are third-level headings");
      for (int level = 1; level <= 3; level++) {
        var style = doc.getStyles().getStyle("Heading" + level);
        assertEquals("heading " + level, style.getName());
        assertEquals(level - 1, style.getCTStyle().getPPr().getOutlineLvl().getVal().intValue());
      }
      assertFalse(doc.getTables().isEmpty());
      doc.getTables().forEach(t -> assertTrue(t.getRow(0).isRepeatHeader(), "a header row"));
    }
  }
}
