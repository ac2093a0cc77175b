package org.yousaid.shared.model;

public enum ConsultationStatus {
  DRAFT,
  OPEN,
  CLOSED,
  PUBLISHED
}
