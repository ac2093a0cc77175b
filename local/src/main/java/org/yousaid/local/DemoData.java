package org.yousaid.local;

import java.util.List;
import org.yousaid.shared.storage.ConsultationRepository;
import org.yousaid.shared.templates.ConsultationTemplates;

/** The demo council and its consultations, created on the first start only (never overwritten). */
public final class DemoData {

  public static final String COUNCIL = "demo";
  public static final String COUNCIL_NAME = "Demo Borough Council";
  public static final String LOCAL_OFFER = "local-offer-2026";
  public static final String EHC_SURVEY = "ehc-plan-survey";
  public static final List<String> DISTRICTS = List.of("North", "South", "East", "West", "Central");

  private DemoData() {}

  /** Returns how many consultations were newly created. */
  public static int seed(ConsultationRepository consultations) {
    int created = 0;
    if (consultations.create(ConsultationTemplates.localOffer(COUNCIL, COUNCIL_NAME, LOCAL_OFFER, DISTRICTS, null, null))) {
      created++;
    }
    if (consultations.create(ConsultationTemplates.ehcStageSurvey(COUNCIL, COUNCIL_NAME, EHC_SURVEY, DISTRICTS))) {
      created++;
    }
    if (consultations.create(ConsultationTemplates.pageFeedback(COUNCIL, COUNCIL_NAME, "page-feedback"))) {
      created++;
    }
    return created;
  }
}
