package org.yousaid.functions.officer;

import org.yousaid.shared.model.Consultation;

/** Addresses of the officer API's resources, for {@code Location} headers. */
final class ApiPaths {

  private ApiPaths() {}

  static String consultation(Consultation c) {
    return "/api/v1/officer/councils/" + c.council() + "/consultations/" + c.id();
  }
}
