package org.yousaid.functions.officer;

import org.yousaid.functions.common.Services;

/**
 * The officer API's classes, over the same logic as the officer pages ({@link OfficerAreas}): each
 * turns JSON into the calls a page makes and the result back into JSON.
 */
record OfficerApis(
    ConsultationsApi consultations,
    ThemesApi themes,
    PublishApi publish,
    PageFeedbackApi pageFeedback,
    JourneyApi journey,
    ApiIdempotency idempotency) {

  static OfficerApis create(Services services, OfficerAreas areas) {
    ConsultationLookup lookup = new ConsultationLookup(services.consultations());
    return new OfficerApis(
        new ConsultationsApi(
            new ConsultationAdmin(services.consultations(), services.audit()),
            lookup,
            services.responses(),
            services.audit()),
        new ThemesApi(areas.themes(), areas.theme(), lookup, services.responses()),
        new PublishApi(areas.publish(), areas.review().reviews(), lookup),
        new PageFeedbackApi(areas.dashboards()),
        new JourneyApi(areas.dashboards(), areas.importer(), areas.services()),
        new ApiIdempotency(services.table(), services.clock()));
  }
}
