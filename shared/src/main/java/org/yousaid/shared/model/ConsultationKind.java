package org.yousaid.shared.model;

public enum ConsultationKind {
  /** A Local Offer or policy consultation with free-text and closed questions. */
  CONSULTATION,
  /** A short satisfaction survey at one EHC needs assessment stage. */
  STAGE_SURVEY,
  /** "Was this page useful?" feedback on a Local Offer page or service. */
  PAGE_FEEDBACK
}
