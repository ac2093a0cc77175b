package org.yousaid.functions.officer.journey;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yousaid.shared.model.EhcJourneyStage;

/**
 * The measures of the DfE "Education, health and care plans" statistics (explore-education-
 * statistics CSV) that the EHC journey dashboard shows beside each stage. Column names have changed
 * between releases, so each measure is recognised by any of its known names.
 */
public enum DfeMeasure {
  REQUESTS(
      EhcJourneyStage.REQUEST,
      false,
      "Initial requests for an EHC needs assessment",
      List.of("initial_requests", "requests_for_assessment", "ehc_requests", "requests_received")),
  REQUESTS_REFUSED(
      EhcJourneyStage.REQUEST,
      false,
      "Requests refused an assessment",
      List.of("initial_requests_refused", "requests_refused", "refused_assessment")),
  ASSESSMENTS_NOT_ISSUED(
      EhcJourneyStage.ASSESSMENT,
      false,
      "Assessments that ended in a decision not to issue a plan",
      List.of("assessments_no_plan", "decided_not_to_issue", "assessed_not_issued")),
  PLANS_ISSUED(
      EhcJourneyStage.PLAN_ISSUED,
      false,
      "New EHC plans issued",
      List.of("new_ehcps", "ehcp_new", "new_ehc_plans", "new_plans_issued")),
  WITHIN_20_WEEKS_EXCLUDING(
      EhcJourneyStage.PLAN_ISSUED,
      true,
      "New EHC plans issued within 20 weeks, excluding exceptions",
      List.of(
          "pct_within_20wks_exc",
          "new_ehcps_20wks_exc_pct",
          "ehcp_20wks_exc_pct",
          "within_20_weeks_exc_pct")),
  WITHIN_20_WEEKS_INCLUDING(
      EhcJourneyStage.PLAN_ISSUED,
      true,
      "New EHC plans issued within 20 weeks, including exceptions",
      List.of(
          "pct_within_20wks_inc",
          "new_ehcps_20wks_inc_pct",
          "ehcp_20wks_inc_pct",
          "within_20_weeks_inc_pct")),
  PLANS_MAINTAINED(
      EhcJourneyStage.ANNUAL_REVIEW,
      false,
      "EHC plans maintained by the council (January)",
      List.of("ehcp_total", "ehcps_total", "total_ehcps", "ehc_plans"));

  private final EhcJourneyStage stage;
  private final boolean percent;
  private final String label;
  private final List<String> columns;

  DfeMeasure(EhcJourneyStage stage, boolean percent, String label, List<String> columns) {
    this.stage = stage;
    this.percent = percent;
    this.label = label;
    this.columns = columns;
  }

  public EhcJourneyStage stage() {
    return stage;
  }

  public boolean percent() {
    return percent;
  }

  public String label() {
    return label;
  }

  public List<String> columns() {
    return columns;
  }

  /** The measure a column holds, by any of its names (case and spacing aside). */
  public static Optional<DfeMeasure> ofColumn(String header) {
    String h = header.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
    for (DfeMeasure m : values()) {
      if (m.columns.contains(h)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
