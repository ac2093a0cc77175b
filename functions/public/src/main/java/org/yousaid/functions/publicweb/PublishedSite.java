package org.yousaid.functions.publicweb;

import java.util.HashSet;
import java.util.Set;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.publishing.Publication;
import org.yousaid.shared.publishing.PublicationRepository;

/**
 * Links from the public pages to the published "You said, we did" site: {@code SITE_URL} in AWS
 * (the site's own CloudFront address), the same origin in local mode, which serves it at {@code
 * /published/}. A consultation has a page there once its first version is in the publication log.
 */
final class PublishedSite {

  static final String SITE_URL = "SITE_URL";

  private final String siteUrl;
  private final PublicationRepository publications;

  PublishedSite(String siteUrl, PublicationRepository publications) {
    String base = siteUrl == null || siteUrl.isBlank() ? "/" : siteUrl.strip();
    this.siteUrl = base.endsWith("/") ? base : base + "/";
    this.publications = publications;
  }

  static PublishedSite fromEnvironment(PublicationRepository publications) {
    return new PublishedSite(System.getenv(SITE_URL), publications);
  }

  /** The consultation's "You said, we did" page, or null if none has been published. */
  String consultationPage(Consultation consultation) {
    return publications.latest(consultation.council(), consultation.id()).isPresent()
        ? pageOf(consultation.council(), consultation.id())
        : null;
  }

  /** The ids of a council's consultations that have a published page (one index query). */
  Set<String> published(String council) {
    Set<String> ids = new HashSet<>();
    for (Publication p : publications.latestPerConsultation(council)) {
      ids.add(p.consultationId());
    }
    return ids;
  }

  /** Where the publisher writes a consultation's current page (publishing's SitePaths). */
  String pageOf(String council, String consultationId) {
    return siteUrl + "published/" + council + "/" + consultationId + "/";
  }
}
