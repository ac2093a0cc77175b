package org.yousaid.shared.report;

import java.time.Instant;
import java.util.List;

/**
 * A consultation summary in the councils' own format (see the Warwickshire report in the seeds):
 * per question, the number of answers; for free text, themes with an exemplar answer and "N other
 * answers support this answer"; for closed questions, counts, percentages and breakdowns by
 * respondent. Every exporter (page, CSV, XLSX, DOCX, PDF) renders this one model.
 */
public record ConsultationReport(
    String council,
    String councilName,
    String consultationId,
    String title,
    Instant generatedAt,
    int responses,
    List<QuestionReport> questions) {

  public ConsultationReport {
    questions = List.copyOf(questions);
  }
}
