package org.yousaid.functions.officer;

import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.queue.JobQueue;
import org.yousaid.functions.common.queue.PublishQueue;
import org.yousaid.functions.officer.dashboards.DashboardPages;
import org.yousaid.functions.officer.journey.DatasetImporter;
import org.yousaid.reports.ReportBuilder;
import org.yousaid.shared.audit.AuditLog;

/**
 * The page class of each officer area, created once per function and sharing one audit log, one
 * consultation lookup and the themes loader (responses, reports and exports filter and count by the
 * corrected themes).
 */
record OfficerAreas(
    ConsultationsPage consultations,
    QuestionsPage questions,
    ResponsesPage responses,
    ThemesPage themes,
    ThemeDetail theme,
    AnalysisVersionsPage versions,
    ExportsPage exports,
    ImportPage imports,
    PublishPage publish,
    ReviewPage review,
    DashboardPages dashboards,
    JourneyPages journey,
    ServicesPage services,
    RegisterPages register,
    DatasetImporter importer) {

  static OfficerAreas create(
      Services services, JobQueue analysisQueue, PublishQueue publishQueue, OfficerConfig config) {
    return create(services, analysisQueue, publishQueue, null, config);
  }

  /**
   * @param importQueue where large imports go; null stores every import within the request
   */
  static OfficerAreas create(
      Services services,
      JobQueue analysisQueue,
      PublishQueue publishQueue,
      org.yousaid.functions.common.queue.ImportQueue importQueue,
      OfficerConfig config) {
    AuditLog audit = services.audit();
    ConsultationLookup lookup = new ConsultationLookup(services.consultations());
    ReportBuilder reportBuilder = new ReportBuilder(services.clock());
    ThemesPage themes = new ThemesPage(services, analysisQueue, lookup);
    RegisterPages register = new RegisterPages(services, publishQueue, config.siteUrl());
    DatasetImporter importer = ServicesPage.importer(services, config);
    return new OfficerAreas(
        new ConsultationsPage(
            services.consultations(), services.responses(), lookup, audit, register::due),
        new QuestionsPage(
            lookup,
            services.responses(),
            new SurveyBuilder(
                services.consultations(),
                audit,
                key ->
                    services
                        .analyses()
                        .find(key.council(), key.consultation(), key.question())
                        .isPresent()),
            services.clock()),
        new ResponsesPage(services.responses(), lookup, themes),
        themes,
        new ThemeDetail(services, themes, lookup, audit),
        new AnalysisVersionsPage(services, lookup, audit),
        new ExportsPage(
            services.responses(), lookup, themes, new ReportAssembler(reportBuilder), audit),
        new ImportPage(services, services.submissions(), lookup, importQueue),
        new PublishPage(services, publishQueue, audit, lookup, config.siteUrl()),
        new ReviewPage(services, lookup, audit),
        new DashboardPages(
            services.consultations(),
            services.responses(),
            services.councilDatasets(),
            reportBuilder,
            config.publicApiUrl()),
        new JourneyPages(services.councilDatasets(), importer),
        ServicesPage.create(services, importer),
        register,
        importer);
  }
}
