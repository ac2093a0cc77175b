package org.yousaid.shared.model;

/** Stages of an education, health and care (EHC) needs assessment and plan. */
public enum EhcStage implements Coded {
  REQUEST("request", "Asking for an assessment"),
  DECISION_TO_ASSESS("decision-to-assess", "Decision to assess"),
  ASSESSMENT("assessment", "Assessment"),
  DRAFT_PLAN("draft-plan", "Draft plan"),
  FINAL_PLAN("final-plan", "Final plan"),
  ANNUAL_REVIEW("annual-review", "Annual review");

  private final String code;
  private final String label;

  EhcStage(String code, String label) {
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
