package org.yousaid.shared.model;

/** The optional "about you" questions a consultation can ask. Every one of them can be skipped. */
public enum ProfileField {
  ROLE,
  AGE_BAND,
  AREA_OF_NEED,
  DISTRICT,
  EHC_STAGE
}
