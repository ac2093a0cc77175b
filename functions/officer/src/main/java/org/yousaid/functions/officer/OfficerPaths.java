package org.yousaid.functions.officer;

import org.yousaid.shared.model.Consultation;

/** Addresses of the officer pages that other pages redirect to. */
final class OfficerPaths {

  private OfficerPaths() {}

  /** A consultation's manage page; its other pages are below it ({@code + "/themes"}). */
  static String consultation(Consultation consultation) {
    return consultation(consultation.council(), consultation.id());
  }

  static String consultation(String council, String consultationId) {
    return "/officer/councils/" + council + "/consultations/" + consultationId;
  }
}
