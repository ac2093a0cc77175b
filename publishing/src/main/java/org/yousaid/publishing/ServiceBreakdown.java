package org.yousaid.publishing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.report.Breakdown;
import org.yousaid.shared.report.ConsultationReport;
import org.yousaid.shared.report.OptionCount;
import org.yousaid.shared.report.QuestionReport;
import org.yousaid.shared.services.OrukService;
import org.yousaid.shared.services.ServiceDirectory;

/**
 * Adds to page feedback's closed questions a breakdown by Open Referral UK service (each answer
 * matched by its service id or page address; answers about other pages are in no group), with exact
 * counts, for {@link org.yousaid.reports.DisclosureControl} to protect with the rest.
 */
final class ServiceBreakdown {

  private ServiceBreakdown() {}

  static ConsultationReport add(
      ConsultationReport report, List<Response> responses, ServiceDirectory directory) {
    ServiceDirectory.Matcher matcher = directory.matcher();
    Map<String, List<Response>> byService = new LinkedHashMap<>();
    for (OrukService s : directory.services()) {
      byService.put(s.id(), new ArrayList<>());
    }
    for (Response r : responses) {
      matcher.of(r.subject()).ifPresent(s -> byService.get(s.id()).add(r));
    }
    List<QuestionReport> questions = new ArrayList<>();
    for (QuestionReport q : report.questions()) {
      if (!q.type().isChoice() || q.options().isEmpty()) {
        questions.add(q);
        continue;
      }
      List<Breakdown.Group> groups = new ArrayList<>();
      byService.forEach(
          (id, rs) -> {
            int answered = 0;
            int[] counts = new int[q.options().size()];
            for (Response r : rs) {
              var answer = r.answer(q.questionId());
              if (answer.isEmpty() || answer.get().choices().isEmpty()) {
                continue;
              }
              answered++;
              for (int i = 0; i < counts.length; i++) {
                if (answer.get().choices().contains(q.options().get(i).value())) {
                  counts[i]++;
                }
              }
            }
            List<OptionCount> options = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
              OptionCount o = q.options().get(i);
              options.add(
                  new OptionCount(
                      o.value(),
                      o.label(),
                      counts[i],
                      answered == 0 ? 0 : (double) counts[i] / answered));
            }
            groups.add(new Breakdown.Group(id, answered, options));
          });
      List<Breakdown> breakdowns = new ArrayList<>(q.breakdowns());
      breakdowns.add(new Breakdown(PublishedReportBuilder.SERVICE_DIMENSION, groups));
      questions.add(
          new QuestionReport(
              q.questionId(),
              q.text(),
              q.type(),
              q.answered(),
              q.themes(),
              q.options(),
              breakdowns,
              q.sentiment(),
              q.recommendation()));
    }
    return new ConsultationReport(
        report.council(),
        report.councilName(),
        report.consultationId(),
        report.title(),
        report.generatedAt(),
        report.responses(),
        questions);
  }
}
