package org.yousaid.publishing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.shared.publishing.Publication;
import org.yousaid.shared.publishing.PublicationRepository;

/**
 * The council's index page and Atom feed, written again by every publication (a consultation's or
 * the annual Local Offer report's) from the publication log of everything the council published.
 */
record CouncilPages(PublicationRepository log, SiteRenderer renderer) {

  static CouncilPages of(PublicationRepository log, SiteRenderer renderer) {
    return new CouncilPages(log, renderer);
  }

  /**
   * @param history every version of what was just published, the one just recorded included: the
   *     council's list comes from an index that may lag a moment behind, so it is added by hand
   */
  List<SiteFile> indexAndFeed(
      String council, String councilName, String publishedId, List<Publication> history) {
    Map<String, List<Publication>> versions = new LinkedHashMap<>();
    List<Publication> latest = new ArrayList<>();
    for (Publication p : log.latestPerConsultation(council)) {
      if (!p.consultationId().equals(publishedId)) {
        latest.add(p);
        versions.put(p.consultationId(), log.versions(council, p.consultationId()));
      }
    }
    latest.add(history.get(history.size() - 1));
    versions.put(publishedId, history);
    return List.of(
        renderer.councilIndex(council, councilName, latest),
        renderer.feed(council, councilName, versions));
  }
}
