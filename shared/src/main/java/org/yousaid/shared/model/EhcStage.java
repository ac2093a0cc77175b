package org.yousaid.shared.model;

/**
 * Stages of an education, health and care (EHC) needs assessment and plan, as a survey asks them.
 * {@link #journeyStage()} groups them into the national stages the dashboards report.
 */
public enum EhcStage implements Coded {
  REQUEST("request", "Asking for an assessment"),
  DECISION_TO_ASSESS("decision-to-assess", "Decision to assess"),
  ASSESSMENT("assessment", "Assessment"),
  DRAFT_PLAN("draft-plan", "Draft plan"),
  FINAL_PLAN("final-plan", "Final plan"),
  ANNUAL_REVIEW("annual-review", "Annual review"),
  PHASE_TRANSFER("phase-transfer", "Phase transfer (moving school or college)");

  private final String code;
  private final String label;

  EhcStage(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The national EHC plan stage this survey stage belongs to. */
  public EhcJourneyStage journeyStage() {
    return switch (this) {
      case REQUEST -> EhcJourneyStage.REQUEST;
      case DECISION_TO_ASSESS, ASSESSMENT, DRAFT_PLAN -> EhcJourneyStage.ASSESSMENT;
      case FINAL_PLAN -> EhcJourneyStage.PLAN_ISSUED;
      case ANNUAL_REVIEW -> EhcJourneyStage.ANNUAL_REVIEW;
      case PHASE_TRANSFER -> EhcJourneyStage.PHASE_TRANSFER;
    };
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
