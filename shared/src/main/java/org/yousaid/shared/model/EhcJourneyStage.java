package org.yousaid.shared.model;

/**
 * The national stages of an EHC plan, in the order a family meets them: asking for an assessment,
 * the assessment (with the decision to assess and the draft plan), the plan issued (the statutory
 * 20 weeks end here), annual reviews, and the phase transfer review when a child moves school or
 * college. The dashboards report satisfaction at each, beside the DfE's timeliness figures.
 */
public enum EhcJourneyStage implements Coded {
  REQUEST("request", "Request for an assessment"),
  ASSESSMENT("assessment", "Assessment"),
  PLAN_ISSUED("plan-issued", "Plan issued"),
  ANNUAL_REVIEW("annual-review", "Annual review"),
  PHASE_TRANSFER("phase-transfer", "Phase transfer");

  private final String code;
  private final String label;

  EhcJourneyStage(String code, String label) {
    this.code = code;
    this.label = label;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String label() {
    return label;
  }
}
