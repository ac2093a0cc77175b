package org.yousaid.functions.officer;

import org.yousaid.functions.common.http.Request;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.storage.ConsultationRepository;
import org.yousaid.shared.submission.ProblemException;

/**
 * The consultation a request's path names ({@code {council}} and {@code {consultation}}), or 404.
 * The sign-in check has already made sure the officer acts for that council.
 */
final class ConsultationLookup {

  private final ConsultationRepository consultations;

  ConsultationLookup(ConsultationRepository consultations) {
    this.consultations = consultations;
  }

  Consultation of(Request request) {
    return consultations
        .find(request.pathParameter("council"), request.pathParameter("consultation"))
        .orElseThrow(() -> ProblemException.notFound("There is no consultation at this address."));
  }
}
