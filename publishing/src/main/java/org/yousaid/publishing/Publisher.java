package org.yousaid.publishing;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yousaid.publishing.PublishedConsultation.PublishedTheme;
import org.yousaid.reports.DisclosureControl;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.publishing.Publication;
import org.yousaid.shared.publishing.PublicationRepository;
import org.yousaid.shared.publishing.Review;
import org.yousaid.shared.publishing.ReviewRepository;
import org.yousaid.shared.storage.ConsultationRepository;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.storage.Storage;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.themes.ConsultationThemes;

/**
 * Publishes one consultation's "You said, we did" as a new version, in an order that keeps the site
 * whole if anything fails part way:
 *
 * <ol>
 *   <li>the new version's own folder is written (a folder no page links to yet);
 *   <li>the version is recorded in the publication log, with the SHA-256 of each file (reg. 56
 *       trail);
 *   <li>only then the consultation's current files, the council's index and feed are replaced.
 * </ol>
 *
 * A failure before step 2 leaves the previous version published and untouched; a retry of the same
 * request (SQS redelivery) after step 2 finishes steps 3 without making another version. Last, the
 * CDN is told to drop its copies of every path the publication changed or withdrew ({@link
 * CacheInvalidation}), in one request named by the publication's request id.
 */
public final class Publisher {

  private final ConsultationRepository consultations;
  private final ResponseRepository responses;
  private final ConsultationThemes themes;
  private final PublicationRepository log;
  private final ReviewRepository reviews;
  private final org.yousaid.shared.storage.CouncilDatasets datasets;
  private final SiteStore site;
  private final CacheInvalidation cache;
  private final Clock clock;
  private final PublishedReportBuilder builder;
  private final SiteRenderer renderer = new SiteRenderer();
  private final RegisterPublisher register;

  /**
   * A publisher that can only preview and list versions (the officers' function has no write access
   * to the site).
   */
  public Publisher(Storage storage) {
    this(storage, null);
  }

  /** A publisher for a site with no CDN in front of it (local mode, tests). */
  public Publisher(Storage storage, SiteStore site) {
    this(storage, site, CacheInvalidation.NONE);
  }

  public Publisher(Storage storage, SiteStore site, CacheInvalidation cache) {
    this.cache = cache;
    this.consultations = storage.consultations();
    this.responses = storage.responses();
    this.themes = storage.themes();
    this.log = storage.publications();
    this.reviews = storage.reviews();
    this.datasets = storage.councilDatasets();
    this.site = site;
    this.clock = storage.clock();
    this.builder = new PublishedReportBuilder(clock);
    this.register = new RegisterPublisher(storage, site, cache);
  }

  /** What would be published now, for an officer's preview; nothing is written. */
  public String preview(Consultation consultation) {
    List<Publication> history = log.versions(consultation.council(), consultation.id());
    return renderer.page(draft(consultation, history), history, "/", "#", "#", true);
  }

  /**
   * SHA-256 (hex) of what a draft says, without its version number and time, so the same themes,
   * counts, quotes and "we did" responses always give the same fingerprint: what an approver and
   * reviewers sign off, and what the publisher checks before it publishes.
   */
  public String fingerprint(PublishedConsultation c) {
    PublishedConsultation content =
        new PublishedConsultation(
            c.council(),
            c.councilName(),
            c.consultation(),
            c.title(),
            c.kind(),
            0,
            null,
            c.responses(),
            c.responsesNote(),
            c.questions(),
            c.services());
    return SiteFile.sha256(renderer.json(content));
  }

  /**
   * The draft as it would be published now: checked against every version still online, so what the
   * approver signs off is what is published.
   */
  public PublishedConsultation draft(Consultation consultation) {
    return draft(consultation, log.versions(consultation.council(), consultation.id()));
  }

  private PublishedConsultation draft(Consultation consultation, List<Publication> history) {
    try {
      return build(consultation, history.size() + 1, online(history));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public PublishedConsultation build(Consultation consultation, int version) {
    return build(consultation, version, List.of());
  }

  /**
   * @param online the earlier versions still online, whose numbers the new one must not give away
   *     hidden numbers beside
   */
  private PublishedConsultation build(
      Consultation consultation, int version, List<PublishedReportBuilder.OnlineVersion> online) {
    return buildVersion(consultation, version, online).published();
  }

  private PublishedReportBuilder.Built buildVersion(
      Consultation consultation, int version, List<PublishedReportBuilder.OnlineVersion> online) {
    List<Response> all = responses.listForConsultation(consultation.council(), consultation.id());
    // Page feedback is also published per Open Referral UK service, if the council imported its
    // feed.
    org.yousaid.shared.services.ServiceDirectory services =
        consultation.kind() == org.yousaid.shared.model.ConsultationKind.PAGE_FEEDBACK
            ? datasets
                .load(
                    consultation.council(),
                    org.yousaid.shared.storage.CouncilDatasets.SERVICES,
                    org.yousaid.shared.services.ServiceDirectory.class)
                .orElse(null)
            : null;
    return builder.buildVersion(
        consultation,
        all,
        themes.load(consultation, all, null),
        version,
        clock.instant(),
        online,
        services);
  }

  /**
   * Every version not withdrawn, as the disclosure check needs it: the private snapshot kept when
   * it was published (its exact numbers, what it showed of them, and their relations), or, for a
   * version from before snapshots were kept, its content read back from the site.
   */
  private List<PublishedReportBuilder.OnlineVersion> online(List<Publication> history)
      throws IOException {
    List<Integer> withdrawn =
        history.isEmpty() ? List.of() : history.get(history.size() - 1).withdrawn();
    List<PublishedReportBuilder.OnlineVersion> out = new ArrayList<>();
    for (Publication p : history) {
      if (withdrawn.contains(p.version())) {
        continue;
      }
      Optional<byte[]> snapshot = log.snapshot(p.council(), p.consultationId(), p.version());
      if (snapshot.isPresent()) {
        out.add(
            new PublishedReportBuilder.OnlineVersion(
                null, DisclosureControl.decode(snapshot.get())));
        continue;
      }
      Optional<byte[]> json =
          site == null
              ? Optional.empty()
              : site.get(
                  SitePaths.version(p.council(), p.consultationId(), p.version()) + SitePaths.JSON);
      if (json.isPresent()) {
        out.add(new PublishedReportBuilder.OnlineVersion(renderer.readJson(json.get()), null));
      }
    }
    return out;
  }

  /**
   * After a respondent erased their answers: if a version published since they were sent is still
   * online, the consultation is published again at once (see {@link #publish}); otherwise nothing
   * happens.
   */
  public Optional<Publication> republishAfterErasure(
      String council, String consultationId, String requestId) throws IOException {
    // The annual Local Offer report may count or quote the erased comments too.
    register.republishAfterErasure(council, requestId + "-register");
    List<Publication> history = log.versions(council, consultationId);
    Optional<Publication> done =
        history.stream().filter(p -> requestId.equals(p.requestId())).findFirst();
    if (done.isPresent()) {
      return Optional.of(publish(council, consultationId, done.get().officer(), requestId));
    }
    if (withdrawable(history, responses.pendingErasures(council, consultationId)).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(publish(council, consultationId, "erasure", requestId));
  }

  /** Versions still online that were published after the earliest erased answer was sent. */
  private static List<Integer> withdrawable(
      List<Publication> history, List<ResponseRepository.PendingErasure> erasures) {
    if (erasures.isEmpty() || history.isEmpty()) {
      return List.of();
    }
    List<Integer> withdrawn = history.get(history.size() - 1).withdrawn();
    java.time.Instant earliest = erasures.get(0).submittedAt();
    return history.stream()
        .filter(p -> !withdrawn.contains(p.version()))
        .filter(p -> !p.publishedAt().isBefore(earliest))
        .map(Publication::version)
        .toList();
  }

  /** The reason the publication log and the withdrawn pages give. */
  public static final String ERASURE_REASON =
      "Some answers were removed (deleted by the people who gave them, or taken back by the"
          + " council), so versions that included them were withdrawn and this version was"
          + " published without them.";

  /**
   * Publishes a new version for this request, or finishes the one an earlier attempt of the same
   * request recorded.
   *
   * @throws ProblemException 404 if the consultation does not exist, 409 if another publication
   *     took the version number at the same moment (the caller retries)
   */
  public Publication publish(
      String council, String consultationId, String officer, String requestId) throws IOException {
    return publish(new PublishJob(council, consultationId, officer, requestId));
  }

  /**
   * As above, for a signed-off request: the version records its approver and the reviewers who
   * co-signed this very content.
   *
   * @throws ProblemException 412 if what would be published is not the draft the approver signed
   *     off (a correction landed in between); nothing is published and retrying will not help
   */
  public Publication publish(PublishJob job) throws IOException {
    if (RegisterReportBuilder.ID.equals(job.consultationId())) {
      return register.publish(job);
    }
    String council = job.council();
    String consultationId = job.consultationId();
    String officer = job.officer();
    String requestId = job.requestId();
    if (site == null) {
      throw new IllegalStateException("This publisher was made for previews only");
    }
    List<Publication> before = log.versions(council, consultationId);
    boolean redelivered = before.stream().anyMatch(p -> requestId.equals(p.requestId()));
    List<Integer> withdrawn =
        new ArrayList<>(before.isEmpty() ? List.of() : before.get(before.size() - 1).withdrawn());
    // Answers erased since the last publication: every version that held them is withdrawn
    // first (its files replaced by a notice, every stored copy removed), whoever asked to publish.
    List<ResponseRepository.PendingErasure> pending =
        responses.pendingErasures(council, consultationId);
    List<Integer> withdraw = redelivered ? List.of() : withdrawable(before, pending);
    if (!withdraw.isEmpty()) {
      java.time.Instant at = clock.instant();
      for (int v : withdraw) {
        String folder = SitePaths.version(council, consultationId, v);
        site.delete(folder + SitePaths.JSON);
        site.delete(folder + SitePaths.CSV);
        log.deleteSnapshot(council, consultationId, v);
        // Not immutable like the version it replaces: a notice is no promise never to change.
        site.replace(
            SiteFile.text(
                    folder + "index.html",
                    renderer.withdrawn(before.get(0).title(), v, at),
                    SiteRenderer.HTML)
                .cachedBriefly());
      }
      withdrawn.addAll(withdraw);
    }
    Publication p;
    try {
      p = publishVersion(job, withdraw.isEmpty() ? null : ERASURE_REASON, withdrawn);
    } catch (IOException | RuntimeException e) {
      // The withdrawn pages are notices now, but no version records it yet: the CDN must not go
      // on serving their old copies until a retry or the next publication records them.
      if (!withdraw.isEmpty()) {
        cache.invalidate(requestId + "-withdrawn", versionPaths(council, consultationId, withdraw));
      }
      throw e;
    }
    // A redelivery cannot tell which erasures the first attempt saw; leaving them pending can only
    // make the next publication withdraw more, never less.
    if (!redelivered) {
      responses.erasuresPublished(council, consultationId, pending);
    }
    return p;
  }

  /** URL paths of every file a version's folder held. */
  private static List<String> versionPaths(
      String council, String consultationId, List<Integer> versions) {
    List<String> paths = new ArrayList<>();
    for (int v : versions) {
      String folder = SitePaths.version(council, consultationId, v);
      for (String file : List.of("index.html", SitePaths.JSON, SitePaths.CSV)) {
        paths.add("/" + folder + file);
      }
    }
    return paths;
  }

  /**
   * What a recorded publication changed that a CDN may hold: the pages it replaced and every file
   * of the versions it withdrew (the versions an earlier record already withdrew were dropped
   * then). The same paths however often the same publication is finished.
   */
  private static List<String> changedPaths(
      List<String> replaced, Publication recorded, List<Publication> history) {
    List<Integer> alreadyWithdrawn =
        history.stream()
            .filter(p -> p.version() < recorded.version())
            .reduce((a, b) -> b)
            .map(Publication::withdrawn)
            .orElse(List.of());
    List<Integer> newlyWithdrawn =
        recorded.withdrawn().stream().filter(v -> !alreadyWithdrawn.contains(v)).toList();
    List<String> paths = new ArrayList<>();
    replaced.forEach(path -> paths.add("/" + path));
    paths.addAll(versionPaths(recorded.council(), recorded.consultationId(), newlyWithdrawn));
    return paths;
  }

  private Publication publishVersion(PublishJob job, String reason, List<Integer> withdrawn)
      throws IOException {
    String council = job.council();
    String consultationId = job.consultationId();
    String officer = job.officer();
    String requestId = job.requestId();
    Consultation consultation =
        consultations
            .find(council, consultationId)
            .orElseThrow(
                () ->
                    ProblemException.notFound("There is no consultation " + consultationId + "."));
    List<Publication> history = new ArrayList<>(log.versions(council, consultationId));
    Optional<Publication> done =
        history.stream().filter(p -> requestId.equals(p.requestId())).findFirst();
    if (done.isPresent()) {
      Publication p = done.get();
      if (p.version() != history.get(history.size() - 1).version()) {
        // A late redelivery: a newer version is current, and must stay so.
        return p;
      }
      String folder = SitePaths.version(council, consultationId, p.version());
      byte[] json =
          site.get(folder + SitePaths.JSON)
              .orElseThrow(() -> new IllegalStateException("Published version is missing"));
      PublishedConsultation c = renderer.readJson(json);
      List<String> replaced = finish(consultation, c, json, renderer.csv(c), history);
      cache.invalidate(requestId, changedPaths(replaced, p, history));
      return p;
    }
    int version = history.stream().mapToInt(Publication::version).max().orElse(0) + 1;
    PublishedReportBuilder.Built built = buildVersion(consultation, version, online(history));
    PublishedConsultation c = built.published();
    String fingerprint = fingerprint(c);
    if (job.draftFingerprint() != null && !job.draftFingerprint().equals(fingerprint)) {
      throw new ProblemException(
          412,
          "The draft changed after it was signed off",
          "What would be published is not what was signed off. Sign off the new draft.",
          null);
    }
    Publication.SignOff approvedBy =
        job.approver() == null
            ? null
            : new Publication.SignOff(
                job.approver(), Publication.SignOff.APPROVER, clock.instant());
    List<Publication.SignOff> coSigned = new ArrayList<>();
    for (Review r : reviews.list(council, consultationId)) {
      // Only co-signatures of exactly this content, and never the approver signing twice.
      if (r.coSigned()
          && fingerprint.equals(r.draftFingerprint())
          && !r.reviewer().equalsIgnoreCase(String.valueOf(job.approver()))
          && coSigned.stream().noneMatch(s -> s.name().equalsIgnoreCase(r.reviewer()))) {
        coSigned.add(new Publication.SignOff(r.reviewer(), r.role(), r.at()));
      }
    }
    // Kept before the version is recorded: a retry of this request publishes the same content.
    log.saveSnapshot(council, consultationId, version, DisclosureControl.encode(built.snapshot()));
    byte[] json = renderer.json(c);
    byte[] csv = renderer.csv(c);
    Publication draft =
        new Publication(
            council,
            consultationId,
            version,
            c.publishedAt(),
            officer,
            requestId,
            c.title(),
            SiteFile.sha256(json),
            Map.of(),
            updates(c),
            approvedBy,
            coSigned,
            reason,
            withdrawn,
            disclosureCheck(built));
    List<Publication> withDraft = new ArrayList<>(history);
    withDraft.add(draft);
    List<SiteFile> versionFiles = renderer.versionFiles(c, json, csv, withDraft);
    Map<String, String> hashes = new LinkedHashMap<>();
    for (SiteFile f : versionFiles) {
      site.put(f);
      hashes.put(f.path(), f.sha256());
    }
    Publication recorded =
        new Publication(
            council,
            consultationId,
            version,
            c.publishedAt(),
            officer,
            requestId,
            c.title(),
            draft.contentHash(),
            hashes,
            draft.updates(),
            approvedBy,
            coSigned,
            reason,
            withdrawn,
            disclosureCheck(built));
    if (!log.record(recorded)) {
      throw ProblemException.conflict(
          "Published at the same moment",
          "Another publication of this consultation happened at the same moment. Please try again.");
    }
    history.add(recorded);
    List<String> replaced = finish(consultation, c, json, csv, history);
    cache.invalidate(requestId, changedPaths(replaced, recorded, history));
    return recorded;
  }

  /** The check's numbers as the publication log keeps them (no cell names, no answer text). */
  private static Publication.DisclosureCheck disclosureCheck(PublishedReportBuilder.Built built) {
    var check = built.check();
    return new Publication.DisclosureCheck(check.withheld(), check.solves(), check.unproven());
  }

  /** Writes the current pages, index and feed; returns the paths of the pages it replaced. */
  private List<String> finish(
      Consultation consultation,
      PublishedConsultation c,
      byte[] json,
      byte[] csv,
      List<Publication> history)
      throws IOException {
    List<String> replaced = new ArrayList<>();
    for (SiteFile f : renderer.currentFiles(c, json, csv, history)) {
      site.put(f);
      replaced.add(f.path());
    }
    for (SiteFile f :
        CouncilPages.of(log, renderer)
            .indexAndFeed(
                consultation.council(), consultation.councilName(), consultation.id(), history)) {
      site.put(f);
      replaced.add(f.path());
    }
    // Assets change only with a new release, not with a publication: not the CDN's to drop here.
    for (SiteFile asset : renderer.assets()) {
      site.put(asset);
    }
    return replaced;
  }

  public List<Publication> versions(String council, String consultationId) {
    return log.versions(council, consultationId);
  }

  private static List<Publication.Update> updates(PublishedConsultation c) {
    List<Publication.Update> updates = new ArrayList<>();
    for (var q : c.questions()) {
      if (q.themes() == null) {
        continue;
      }
      for (PublishedTheme t : q.themes()) {
        if (t.weDid() != null) {
          updates.add(
              new Publication.Update(
                  q.id() + ":" + t.id(),
                  q.text(),
                  t.label(),
                  t.weDid().response(),
                  t.weDid().status(),
                  t.weDid().date()));
        }
      }
    }
    return updates;
  }
}
