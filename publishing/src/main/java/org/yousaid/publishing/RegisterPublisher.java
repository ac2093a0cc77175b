package org.yousaid.publishing;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yousaid.reports.DisclosureControl;
import org.yousaid.reports.disclosure.LinkedCells;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.publishing.Publication;
import org.yousaid.shared.publishing.PublicationRepository;
import org.yousaid.shared.register.RegisterRepository;
import org.yousaid.shared.storage.ConsultationRepository;
import org.yousaid.shared.storage.Storage;
import org.yousaid.shared.submission.ProblemException;

/**
 * Publishes the annual Local Offer feedback report from the register, in the same order as a
 * consultation's "You said, we did" ({@link Publisher}): the version's own folder, then its record
 * in the publication log (under {@link RegisterReportBuilder#ID}), then the current files, the
 * council's index and its Atom feed, where each "we did" action is an entry of its own. A comment
 * erased since a version was published withdraws every version that may hold it.
 */
public final class RegisterPublisher {

  /** The reason the publication log and a withdrawn version's notice give. */
  public static final String ERASURE_REASON =
      "Some comments were removed (deleted by the people who made them, or taken back by the"
          + " council), so versions that included them were withdrawn and this version was"
          + " published without them.";

  private final RegisterRepository register;
  private final ConsultationRepository consultations;
  private final PublicationRepository log;
  private final SiteStore site;
  private final CacheInvalidation cache;
  private final Clock clock;
  private final RegisterReportBuilder builder = new RegisterReportBuilder();
  private final RegisterRenderer renderer = new RegisterRenderer();
  private final SiteRenderer siteRenderer = new SiteRenderer();

  /** For previews only (the officers' function cannot write the site). */
  public RegisterPublisher(Storage storage) {
    this(storage, null, CacheInvalidation.NONE);
  }

  public RegisterPublisher(Storage storage, SiteStore site, CacheInvalidation cache) {
    this.register = storage.register();
    this.consultations = storage.consultations();
    this.log = storage.publications();
    this.site = site;
    this.cache = cache;
    this.clock = storage.clock();
  }

  /** The report as it would be published now, checked against every version still online. */
  public PublishedRegisterReport draft(String council) {
    List<Publication> history = log.versions(council, RegisterReportBuilder.ID);
    return build(council, history.size() + 1, history).report();
  }

  /** The draft's page for an officer's preview; nothing is written. */
  public String preview(String council) {
    List<Publication> history = log.versions(council, RegisterReportBuilder.ID);
    return renderer.page(
        build(council, history.size() + 1, history).report(), history, "/", "#", "#", true);
  }

  public List<Publication> versions(String council) {
    return log.versions(council, RegisterReportBuilder.ID);
  }

  /**
   * SHA-256 of what a draft says, without its version, dates and time, so the officer signs off
   * content and the publisher publishes only that.
   */
  public String fingerprint(PublishedRegisterReport r) {
    return SiteFile.sha256(
        renderer.json(
            new PublishedRegisterReport(
                r.council(),
                r.councilName(),
                r.title(),
                0,
                null,
                null,
                null,
                r.comments(),
                r.commentsNote(),
                r.areas(),
                r.weDid(),
                r.inProgress())));
  }

  private RegisterReportBuilder.Built build(
      String council, int version, List<Publication> history) {
    List<LinkedCells.Snapshot> earlier = new ArrayList<>();
    for (Publication p : history) {
      if (withdrawnBy(history).contains(p.version())) {
        continue;
      }
      log.snapshot(council, RegisterReportBuilder.ID, p.version())
          .map(DisclosureControl::decode)
          .ifPresent(earlier::add);
    }
    return builder.build(
        council,
        councilName(council),
        register.entries(council),
        register.themes(council),
        version,
        clock.instant(),
        earlier);
  }

  private String councilName(String council) {
    return consultations.listForCouncil(council).stream()
        .map(Consultation::councilName)
        .filter(n -> n != null && !n.isBlank())
        .findFirst()
        .orElse(council);
  }

  private static List<Integer> withdrawnBy(List<Publication> history) {
    return history.isEmpty() ? List.of() : history.get(history.size() - 1).withdrawn();
  }

  /** Versions still online published after the earliest erased comment was sent. */
  private static List<Integer> withdrawable(
      List<Publication> history, List<RegisterRepository.ErasedComment> erased) {
    if (erased.isEmpty() || history.isEmpty()) {
      return List.of();
    }
    Instant earliest = erased.get(0).submittedAt();
    List<Integer> withdrawn = withdrawnBy(history);
    return history.stream()
        .filter(p -> !withdrawn.contains(p.version()))
        .filter(p -> !p.publishedAt().isBefore(earliest))
        .map(Publication::version)
        .toList();
  }

  /**
   * After a comment was erased: if a version that may hold it is online, the report is withdrawn
   * and published again at once; otherwise nothing happens (the erasure is forgotten).
   */
  public Optional<Publication> republishAfterErasure(String council, String requestId)
      throws IOException {
    List<Publication> history = log.versions(council, RegisterReportBuilder.ID);
    Optional<Publication> done =
        history.stream().filter(p -> requestId.equals(p.requestId())).findFirst();
    if (done.isPresent()) {
      return Optional.of(
          publish(
              new PublishJob(council, RegisterReportBuilder.ID, done.get().officer(), requestId)));
    }
    List<RegisterRepository.ErasedComment> pending = register.pendingErasures(council);
    if (withdrawable(history, pending).isEmpty()) {
      register.erasuresPublished(council, pending);
      return Optional.empty();
    }
    return Optional.of(
        publish(new PublishJob(council, RegisterReportBuilder.ID, "erasure", requestId)));
  }

  /**
   * Publishes a new version for this request, or finishes the one an earlier attempt recorded.
   *
   * @throws ProblemException 412 if the draft is not what the approver signed off, 409 if another
   *     publication took the version number at the same moment
   */
  public Publication publish(PublishJob job) throws IOException {
    if (site == null) {
      throw new IllegalStateException("This publisher was made for previews only");
    }
    String council = job.council();
    List<Publication> history = new ArrayList<>(log.versions(council, RegisterReportBuilder.ID));
    Optional<Publication> done =
        history.stream().filter(p -> job.requestId().equals(p.requestId())).findFirst();
    if (done.isPresent()) {
      Publication p = done.get();
      if (p.version() == history.get(history.size() - 1).version()) {
        byte[] json =
            site.get(
                    SitePaths.version(council, RegisterReportBuilder.ID, p.version())
                        + RegisterRenderer.JSON_FILE)
                .orElseThrow(() -> new IllegalStateException("Published version is missing"));
        PublishedRegisterReport r = renderer.readJson(json);
        cache.invalidate(job.requestId(), finish(r, json, history));
      }
      return p;
    }
    List<RegisterRepository.ErasedComment> pending = register.pendingErasures(council);
    List<Integer> withdrawn = new ArrayList<>(withdrawnBy(history));
    List<Integer> withdraw = withdrawable(history, pending);
    List<String> invalidate = new ArrayList<>();
    Instant now = clock.instant();
    for (int v : withdraw) {
      String folder = SitePaths.version(council, RegisterReportBuilder.ID, v);
      for (String file : RegisterRenderer.FILES) {
        site.delete(folder + file);
        invalidate.add("/" + folder + file);
      }
      log.deleteSnapshot(council, RegisterReportBuilder.ID, v);
      site.replace(
          SiteFile.text(
                  folder + "index.html",
                  siteRenderer.withdrawn(history.get(0).title(), v, now),
                  SiteRenderer.HTML)
              .cachedBriefly());
      withdrawn.add(v);
    }
    int version = history.stream().mapToInt(Publication::version).max().orElse(0) + 1;
    List<Publication> stillOnline =
        history.stream().filter(p -> !withdrawn.contains(p.version())).toList();
    RegisterReportBuilder.Built built = build(council, version, stillOnline);
    PublishedRegisterReport r = built.report();
    if (job.draftFingerprint() != null && !job.draftFingerprint().equals(fingerprint(r))) {
      throw new ProblemException(
          412,
          "The draft changed after it was signed off",
          "What would be published is not what was signed off. Sign off the new draft.",
          null);
    }
    log.saveSnapshot(
        council, RegisterReportBuilder.ID, version, DisclosureControl.encode(built.snapshot()));
    byte[] json = renderer.json(r);
    byte[] csv = renderer.csv(r);
    Publication.SignOff approvedBy =
        job.approver() == null
            ? null
            : new Publication.SignOff(job.approver(), Publication.SignOff.APPROVER, now);
    String reason = withdraw.isEmpty() ? null : ERASURE_REASON;
    Publication draft =
        new Publication(
            council,
            RegisterReportBuilder.ID,
            version,
            r.publishedAt(),
            job.officer(),
            job.requestId(),
            r.title(),
            SiteFile.sha256(json),
            Map.of(),
            updates(r),
            approvedBy,
            List.of(),
            reason,
            withdrawn);
    List<Publication> withDraft = new ArrayList<>(history);
    withDraft.add(draft);
    Map<String, String> hashes = new LinkedHashMap<>();
    for (SiteFile f : renderer.files(r, json, csv, withDraft, true)) {
      site.put(f);
      hashes.put(f.path(), f.sha256());
    }
    Publication recorded =
        new Publication(
            council,
            RegisterReportBuilder.ID,
            version,
            r.publishedAt(),
            job.officer(),
            job.requestId(),
            r.title(),
            draft.contentHash(),
            hashes,
            draft.updates(),
            approvedBy,
            List.of(),
            reason,
            withdrawn);
    if (!log.record(recorded)) {
      throw ProblemException.conflict(
          "Published at the same moment",
          "Another publication of this report happened at the same moment. Please try again.");
    }
    history.add(recorded);
    invalidate.addAll(finish(r, json, history));
    cache.invalidate(job.requestId(), invalidate);
    register.erasuresPublished(council, pending);
    return recorded;
  }

  /** Writes the current files, the council's index and feed; returns their URL paths. */
  private List<String> finish(PublishedRegisterReport r, byte[] json, List<Publication> history)
      throws IOException {
    List<String> replaced = new ArrayList<>();
    List<SiteFile> files =
        new ArrayList<>(renderer.files(r, json, renderer.csv(r), history, false));
    files.addAll(
        CouncilPages.of(log, siteRenderer)
            .indexAndFeed(r.council(), r.councilName(), RegisterReportBuilder.ID, history));
    for (SiteFile f : files) {
      site.put(f);
      replaced.add("/" + f.path());
    }
    for (SiteFile asset : siteRenderer.assets()) {
      site.put(asset);
    }
    return replaced;
  }

  /**
   * Each "we did" action as the Atom feed's entry: its status and its dated status history, so a
   * reader sees each change of status as a new entry date.
   */
  private static List<Publication.Update> updates(PublishedRegisterReport r) {
    List<Publication.Update> updates = new ArrayList<>();
    List<PublishedRegisterReport.Action> all = new ArrayList<>(r.weDid());
    all.addAll(r.inProgress());
    for (PublishedRegisterReport.Action a : all) {
      updates.add(
          new Publication.Update(
              "action-" + a.themeId(),
              a.area(),
              a.theme(),
              a.action() + " Status history: " + RegisterRenderer.history(a) + ".",
              a.status().toLowerCase(java.util.Locale.ROOT),
              a.since()));
    }
    return updates;
  }
}
