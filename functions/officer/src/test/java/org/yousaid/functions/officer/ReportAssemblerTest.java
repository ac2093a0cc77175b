package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.yousaid.reports.DocxExport;
import org.yousaid.reports.PdfExport;
import org.yousaid.reports.ReportBuilder;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.report.ConsultationReport;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.shared.themes.AnalysisStatus;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.ConsultationThemes.AnalysedQuestion;
import org.yousaid.shared.themes.EffectiveThemes;
import org.yousaid.shared.themes.QuestionAnalysis;
import org.yousaid.shared.themes.StoredTheme;

/**
 * The committee report (Word and PDF) never quotes a respondent who did not agree to be quoted,
 * even when their answer is a theme's or a sub-theme's most central one.
 */
class ReportAssemblerTest {

  static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");

  @Test
  void committeeReportsQuoteOnlyRespondentsWhoAgreed() throws IOException {
    Consultation c =
        ConsultationTemplates.localOffer("demo", "Demo Council", "lo", List.of("North"), T0, null);
    List<Response> responses = new ArrayList<>();
    List<AnswerAnalysis> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String id = "r" + i;
      // r0 is the theme's exemplar but said no; r1 said yes; in the other theme nobody said yes.
      boolean consent = i == 1;
      String text = (i < 4 ? "NOCONSENT-" : "ALSO-NOCONSENT-") + i;
      if (consent) {
        text = "CONSENTED-QUOTE " + i;
      }
      responses.add(
          new Response(
              id,
              "demo",
              "lo",
              T0.plusSeconds(i),
              Channel.WEB,
              List.of(Answer.text("find-information", text)),
              RespondentProfile.EMPTY,
              consent,
              "RC" + i,
              0,
              null));
      // r2 and r3 (neither agreed) are also in a sub-theme of t1
      List<String> themeIds = i < 2 ? List.of("t1") : i < 4 ? List.of("t1", "t1s") : List.of("t2");
      answers.add(new AnswerAnalysis(id, text, "neutral", themeIds, null));
    }
    List<StoredTheme> themes =
        List.of(
            new StoredTheme("t1", "Search", "", List.of(), 4, 0.5, 0, 4, 0, "r0", 3, 0, false),
            new StoredTheme("t2", "People", "", List.of(), 4, 0.5, 0, 4, 0, "r4", 3, 0, false),
            new StoredTheme(
                "t1s",
                "Phone calls",
                "",
                List.of(),
                2,
                0.25,
                0,
                2,
                0,
                "r2",
                1,
                0,
                false,
                false,
                "t1"));
    AnalysedQuestion analysed =
        new AnalysedQuestion(
            c.question("find-information").orElseThrow(),
            new QuestionAnalysis(
                "demo",
                "lo",
                "find-information",
                "run",
                AnalysisStatus.DONE,
                "o",
                T0,
                T0,
                8,
                themes,
                null),
            answers,
            EffectiveThemes.apply(themes, answers, List.of(), Set.of("r1")));
    ConsultationReport report =
        new ReportAssembler(new ReportBuilder(Clock.fixed(T0, ZoneOffset.UTC)))
            .build(c, responses, List.of(analysed));

    ByteArrayOutputStream docx = new ByteArrayOutputStream();
    new DocxExport().write(report, docx);
    String word;
    try (XWPFWordExtractor text =
        new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx.toByteArray())))) {
      word = text.getText();
    }
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    new PdfExport().write(report, pdf);
    String printed;
    try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
      printed = new PDFTextStripper().getText(doc);
    }
    for (String document : List.of(word, printed)) {
      assertTrue(document.contains("CONSENTED-QUOTE 1"), "a consenting member stands in");
      assertFalse(document.contains("NOCONSENT"), "no quote from anyone who said no");
      assertTrue(
          document.contains("Sub-theme: Phone calls (2, 25%)"), "sub-themes listed:\n" + document);
    }
  }
}
