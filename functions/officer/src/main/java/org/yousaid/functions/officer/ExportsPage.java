package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.reports.AnswerTable;
import org.yousaid.reports.CsvExport;
import org.yousaid.reports.DocxExport;
import org.yousaid.reports.PdfExport;
import org.yousaid.reports.XlsxExport;
import org.yousaid.shared.audit.AuditLog;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.report.ConsultationReport;
import org.yousaid.shared.storage.ResponseRepository;

/**
 * The consultation summary in the councils' format, as a page and as downloads: every response
 * (CSV), the summary with every response (XLSX), the committee report (DOCX, PDF). Every download
 * goes into the audit log.
 */
final class ExportsPage {

  private final ResponseRepository responses;
  private final ConsultationLookup lookup;
  private final ThemesPage themes;
  private final ReportAssembler reports;
  private final AuditLog audit;

  ExportsPage(
      ResponseRepository responses,
      ConsultationLookup lookup,
      ThemesPage themes,
      ReportAssembler reports,
      AuditLog audit) {
    this.responses = responses;
    this.lookup = lookup;
    this.themes = themes;
    this.reports = reports;
    this.audit = audit;
  }

  APIGatewayV2HTTPResponse report(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    List<Response> all = responses.listForConsultation(c.council(), c.id());
    return officer.page(
        "officer/report",
        Map.of(
            "pageTitle",
            "Summary: " + c.title(),
            "report",
            report(c, all),
            "base",
            OfficerPaths.consultation(c)));
  }

  APIGatewayV2HTTPResponse download(Request request, SignedInOfficer officer) {
    Consultation c = lookup.of(request);
    List<Response> all = responses.listForConsultation(c.council(), c.id());
    ExportFormat format = ExportFormat.of(request.pathParameter("format"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      switch (format) {
        case CSV -> new CsvExport().writeAnswers(AnswerTable.of(c, all), out);
        case XLSX -> new XlsxExport().write(report(c, all), AnswerTable.of(c, all), out);
        case DOCX -> new DocxExport().write(report(c, all), out);
        case PDF -> new PdfExport().write(report(c, all), out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    audit.record(
        c.council(),
        c.id(),
        officer.identity().email(),
        "exported",
        "downloaded the " + format.name());
    Map<String, String> headers =
        Map.of(
            "Cache-Control",
            "no-store",
            "Content-Disposition",
            "attachment; filename=\"" + format.fileName(c.id()) + "\"");
    if (format.text()) {
      return Responses.response(
          200, format.contentType(), out.toString(StandardCharsets.UTF_8), headers);
    }
    return Responses.binary(200, format.contentType(), out.toByteArray(), headers);
  }

  private ConsultationReport report(Consultation c, List<Response> all) {
    return reports.build(c, all, themes.analysed(c, all, null));
  }
}
