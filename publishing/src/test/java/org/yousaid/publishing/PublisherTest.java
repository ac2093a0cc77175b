package org.yousaid.publishing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.model.AgeBand;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.AreaOfNeed;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.model.Role;
import org.yousaid.shared.publishing.Publication;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.storage.Storage;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.shared.themes.AnalysisRepository;
import org.yousaid.shared.themes.AnalysisStatus;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.CorrectionRepository;
import org.yousaid.shared.themes.QuestionAnalysis;
import org.yousaid.shared.themes.StoredTheme;
import org.yousaid.shared.themes.ThemeCorrection;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * Publishing against DynamoDB Local and a real folder: what reaches the site, the publication log,
 * and what a failure part way leaves behind.
 */
class PublisherTest {

  static final String COUNCIL = "testshire";
  static final String ID = "lo-2026";
  static final String QUESTION = "find-information";
  static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");

  /** Text that must never reach a published byte, whatever an officer does. */
  static final List<String> CANARIES =
      List.of(
          "Featherstonehaugh",
          "Oliver",
          "mum.of.oliver@example.com",
          "07700 900456",
          "900456",
          "Cranberry Lane",
          "CV21 3XY",
          "943 476 5919",
          "NONCONSENTED-CANARY",
          "UNAPPROVED-CANARY",
          "RAW-EXEMPLAR-CANARY",
          "leaked.person@example.org",
          "karen",
          "St Mary",
          "07 700 900 789",
          "mill lane",
          "Riverside High",
          "May 2014",
          "0121 496 0000",
          "officer-subject-canary");

  // Every test seeds the same response ids, so the same transaction tokens: each needs a server of
  // its own.
  @WithDynamoDb(ownServer = true)
  DynamoTable table;

  Path siteRoot;
  FolderSiteStore site;
  Publisher publisher;
  Storage storage;
  Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

  @BeforeEach
  void setUp(@TempDir Path folder) {
    siteRoot = folder;
    site = new FolderSiteStore(folder);
    storage = Storage.of(table.client(), table.name(), clock);
    publisher = new Publisher(storage, site);
    seed();
  }

  private void seed() {
    Consultation c =
        ConsultationTemplates.localOffer(
            COUNCIL, "Testshire Council", ID, List.of("North", "South"), T0, null);
    storage.consultations().save(c);
    ResponseRepository responses = storage.responses();
    List<AnswerAnalysis> analysed = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String id = String.format("r%02d", i);
      boolean search = i % 2 == 0;
      String text;
      String redacted;
      boolean consent = i != 5;
      if (i == 2) {
        text =
            "My son Oliver Featherstonehaugh needs a search box. Call 07700 900456 or email mum.of.oliver@example.com, "
                + "we live at 14 Cranberry Lane, CV21 3XY. His NHS number is 943 476 5919.";
        redacted =
            "My son [name] needs a search box. Call [phone] or email [email], we live at [address], [postcode]. "
                + "His NHS number is [nhs number].";
      } else if (i == 4) {
        text = "A search page that works. RAW-EXEMPLAR-CANARY";
        // as if the engine had missed everything: the publisher's last check runs the same module
        redacted =
            "A search page that works. Contact leaked.person@example.org, our caseworker karen at"
                + " St Mary's Primary School, 07 700 900 789, we live on mill lane and he was born"
                + " in May 2014";
      } else if (i == 5) {
        text = "Search by age please NONCONSENTED-CANARY";
        redacted = text;
      } else if (i == 7) {
        text = "A named person to talk to UNAPPROVED-CANARY";
        redacted = text;
      } else {
        text = search ? "A website I can search by age " + i : "A key worker I can phone " + i;
        redacted = text;
      }
      // South has 3 respondents: a small group that must be suppressed in published breakdowns.
      String district = i < 3 ? "South" : "North";
      responses.insert(
          new Response(
              id,
              COUNCIL,
              ID,
              T0.plusSeconds(86_400L * i),
              Channel.WEB,
              List.of(
                  Answer.text(QUESTION, text),
                  Answer.choices("format", List.of(i % 3 == 0 ? "website" : "keyworker"))),
              new RespondentProfile(
                  Role.PARENT_CARER,
                  AgeBand.values()[i % 3],
                  List.of(AreaOfNeed.COGNITION_AND_LEARNING),
                  district,
                  null),
              consent,
              "RC" + i,
              0,
              null),
          Optional.empty());
      analysed.add(
          new AnswerAnalysis(
              id,
              redacted,
              i % 4 == 0 ? "negative" : "neutral",
              List.of(search ? "t-search" : "t-person"),
              null));
    }
    AnalysisRepository analyses = storage.analyses();
    analyses.saveStatus(
        new QuestionAnalysis(
            COUNCIL,
            ID,
            QUESTION,
            "run1",
            AnalysisStatus.DONE,
            "officer-subject-canary",
            T0,
            T0,
            40,
            List.of(
                // r04 is the most central answer but nobody approved it: its raw or redacted text
                // must not be the exemplar.
                new StoredTheme(
                    "t-search",
                    "Search by age at Riverside High",
                    "",
                    List.of("search", "age"),
                    20,
                    0.5,
                    0,
                    15,
                    5,
                    "r04",
                    19,
                    0,
                    false),
                new StoredTheme(
                    "t-person",
                    "Key worker",
                    "",
                    List.of("key", "worker"),
                    20,
                    0.5,
                    0,
                    15,
                    5,
                    "r05",
                    19,
                    0,
                    false)),
            null));
    analyses.replaceAnswers(COUNCIL, ID, QUESTION, analysed);
    CorrectionRepository corrections = storage.corrections();
    corrections.add(
        COUNCIL,
        ID,
        correction(
            "c1",
            ThemeCorrection.Kind.APPROVE_QUOTE,
            "t-search",
            List.of("r02", "r04", "r06"),
            null));
    // An approval of a respondent who did not consent must be ignored.
    corrections.add(
        COUNCIL,
        ID,
        correction(
            "c2", ThemeCorrection.Kind.APPROVE_QUOTE, "t-person", List.of("r05", "r09"), null));
    corrections.add(
        COUNCIL,
        ID,
        correction(
            "c3", ThemeCorrection.Kind.RENAME, "t-person", List.of(), "=HYPERLINK(\"http://x\")"));
    corrections.add(
        COUNCIL,
        ID,
        new ThemeCorrection(
            "c4",
            QUESTION,
            "officer-subject-canary",
            T0,
            ThemeCorrection.Kind.WE_DID,
            "t-search",
            null,
            List.of(),
            "We added search by age to the Local Offer. Questions: call 0121 496 0000.",
            "done",
            LocalDate.of(2026, 11, 1)));
  }

  private static ThemeCorrection correction(
      String id, ThemeCorrection.Kind kind, String theme, List<String> responses, String text) {
    return new ThemeCorrection(
        id, QUESTION, "officer-subject-canary", T0, kind, theme, null, responses, text, null, null);
  }

  private Map<String, byte[]> siteFiles() throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(siteRoot)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(siteRoot.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return files;
  }

  @Test
  void noNameContactDetailUnconsentedOrUnapprovedTextReachesAnyPublishedByte() throws IOException {
    publisher.publish(COUNCIL, ID, "officer-subject-canary", "req-1");
    Map<String, byte[]> files = siteFiles();
    assertTrue(files.containsKey("published/testshire/lo-2026/index.html"));
    assertTrue(files.containsKey("published/testshire/lo-2026/you-said-we-did.json"));
    assertTrue(files.containsKey("published/testshire/lo-2026/you-said-we-did.csv"));
    assertTrue(files.containsKey("published/testshire/index.html"));
    assertTrue(files.containsKey("published/testshire/feed.atom"));
    assertTrue(files.containsKey("published/testshire/lo-2026/versions/1/index.html"));
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      String text = new String(f.getValue(), StandardCharsets.UTF_8);
      for (String canary : CANARIES) {
        assertFalse(text.contains(canary), f.getKey() + " contains \"" + canary + "\"");
      }
    }
    String page =
        new String(files.get("published/testshire/lo-2026/index.html"), StandardCharsets.UTF_8);
    assertTrue(
        page.contains("My son [name] needs a search box."),
        "the approved, redacted quote is published");
    assertTrue(
        page.contains(
            "A search page that works. Contact [email], our caseworker [staff] at [school],"
                + " [phone], we live on [address] and he was born in [date of birth]"),
        "what the engine missed is caught by the last check: " + page);
    assertTrue(page.contains("Search by age at [school]"), "a school in a theme label is redacted");
    assertTrue(page.contains("We added search by age"), "the council's response is published");
    assertTrue(page.contains("&lt;") || !page.contains("<script"), "no script");
  }

  @Test
  void smallNumbersAreSuppressedInPublishedBreakdownsAndThemes() throws IOException {
    publisher.publish(COUNCIL, ID, "officer-subject-canary", "req-1");
    JsonNode json =
        Json.mapper()
            .readTree(site.get("published/testshire/lo-2026/you-said-we-did.json").orElseThrow());
    int checked = 0;
    for (JsonNode q : json.get("questions")) {
      for (JsonNode b : q.path("breakdowns")) {
        for (JsonNode g : b.get("groups")) {
          checked += assertNotSmall(g.get("answered"), g.get("note"));
          for (JsonNode o : g.get("options")) {
            checked += assertNotSmall(o.get("count"), o.get("note"));
          }
        }
      }
    }
    assertTrue(checked > 20, "breakdowns were published and checked");
    JsonNode south = null;
    for (JsonNode b : json.get("questions").get(3).get("breakdowns")) {
      for (JsonNode g : b.get("groups")) {
        if (g.get("label").asText().equals("South")) {
          south = g;
        }
      }
    }
    assertEquals("fewer than 5", south.get("note").asText(), "3 respondents in South");
    assertTrue(south.get("answered") == null);
  }

  private static int assertNotSmall(JsonNode count, JsonNode note) {
    if (count == null) {
      assertTrue(
          note != null
              && (note.asText().equals("fewer than 5") || note.asText().equals("not shown")));
    } else {
      assertFalse(
          count.asInt() > 0 && count.asInt() < 5, "a count of " + count.asInt() + " was published");
    }
    return 1;
  }

  @Test
  void everyVersionIsLoggedWithItsHashAndStaysReadable() throws IOException {
    Publication v1 = publisher.publish(COUNCIL, ID, "officer-subject-canary", "req-1");
    Map<String, byte[]> afterV1 = siteFiles();
    assertEquals(1, v1.version());
    assertEquals(
        SiteFile.sha256(afterV1.get("published/testshire/lo-2026/you-said-we-did.json")),
        v1.contentHash());
    v1.files()
        .forEach((path, hash) -> assertEquals(SiteFile.sha256(afterV1.get(path)), hash, path));

    // The same request delivered again (SQS at-least-once) does not make another version.
    assertEquals(1, publisher.publish(COUNCIL, ID, "officer-subject-canary", "req-1").version());

    Publication v2 = publisher.publish(COUNCIL, ID, "officer-subject-canary", "req-2");
    assertEquals(2, v2.version());
    Map<String, byte[]> afterV2 = siteFiles();
    for (String path : v1.files().keySet()) {
      assertArrayEquals(
          afterV1.get(path), afterV2.get(path), "version 1 is never rewritten: " + path);
    }
    String current =
        new String(afterV2.get("published/testshire/lo-2026/index.html"), StandardCharsets.UTF_8);
    assertTrue(current.contains("version 2"));
    assertTrue(
        current.contains("versions/1/index.html") && current.contains("versions/2/index.html"));
    assertTrue(current.contains(v1.contentHash()) && current.contains(v2.contentHash()));
    List<Publication> log = storage.publications().versions(COUNCIL, ID);
    assertEquals(List.of(1, 2), log.stream().map(Publication::version).toList());
    // The log keeps what the small-number check did for each version (numbers only): none of its
    // solves stopped at a bound on this small consultation.
    for (Publication p : log) {
      assertNotNull(p.disclosureCheck(), "version " + p.version());
      assertEquals(0, p.disclosureCheck().unproven(), "version " + p.version());
    }
    assertEquals(v2.disclosureCheck(), log.get(1).disclosureCheck());
  }

  @Test
  void theFeedAndOpenDataAreWellFormedAndSafeInSpreadsheets() throws Exception {
    publisher.publish(COUNCIL, ID, "officer-subject-canary", "req-1");
    byte[] atom = site.get("published/testshire/feed.atom").orElseThrow();
    var doc =
        DocumentBuilderFactory.newDefaultInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(atom));
    assertEquals(
        "feed",
        doc.getDocumentElement().getLocalName() == null
            ? doc.getDocumentElement().getNodeName()
            : doc.getDocumentElement().getLocalName());
    assertEquals(
        1, doc.getElementsByTagName("entry").getLength(), "one published 'we did' response");
    String csv =
        new String(
            site.get("published/testshire/lo-2026/you-said-we-did.csv").orElseThrow(),
            StandardCharsets.UTF_8);
    assertTrue(
        csv.startsWith(
            "question_number,question,row,label,count,percent,note,you_said,we_did,status,date"));
    assertTrue(csv.contains("'=HYPERLINK"), "a formula-looking label is neutralised");
    assertFalse(csv.contains(",=HYPERLINK") || csv.contains("\"=HYPERLINK"));
    String index =
        new String(
            site.get("published/testshire/index.html").orElseThrow(), StandardCharsets.UTF_8);
    assertTrue(
        index.contains("lo-2026/index.html")
            && index.contains("Tell us what would help you use our Local Offer"));
  }

  @Test
  void aPublisherFailurePartWayLeavesThePreviousVersionPublishedAndARetryCompletesIt()
      throws IOException {
    publisher.publish(COUNCIL, ID, "officer-subject-canary", "req-1");
    Map<String, byte[]> before = siteFiles();
    AtomicInteger puts = new AtomicInteger();
    SiteStore failing =
        new SiteStore() {
          @Override
          public void put(SiteFile file) throws IOException {
            if (puts.incrementAndGet() == 2) {
              throw new IOException("S3 is unavailable");
            }
            site.put(file);
          }

          @Override
          public Optional<byte[]> get(String path) throws IOException {
            return site.get(path);
          }

          @Override
          public void delete(String path) throws IOException {
            site.delete(path);
          }
        };
    Publisher flaky = new Publisher(storage, failing);
    assertThrows(
        IOException.class, () -> flaky.publish(COUNCIL, ID, "officer-subject-canary", "req-2"));
    Map<String, byte[]> after = siteFiles();
    for (Map.Entry<String, byte[]> f : before.entrySet()) {
      assertArrayEquals(
          f.getValue(), after.get(f.getKey()), "unchanged after the failure: " + f.getKey());
    }
    assertEquals(1, storage.publications().versions(COUNCIL, ID).size(), "no version was recorded");
    assertEquals(
        2,
        publisher.publish(COUNCIL, ID, "officer-subject-canary", "req-2").version(),
        "the retry publishes");
  }

  @Test
  void anAnswerErasedByItsReceiptCodeLeavesThePublishedSiteOnTheNextPublication()
      throws IOException {
    publisher.publish(COUNCIL, ID, "officer-subject-canary", "req-1");
    String before =
        new String(
            site.get("published/testshire/lo-2026/index.html").orElseThrow(),
            StandardCharsets.UTF_8);
    assertTrue(before.contains("My son [name] needs a search box."));
    assertTrue(storage.responses().eraseByReceipt("RC2"));
    publisher.publish(COUNCIL, ID, "officer-subject-canary", "req-2");
    String after =
        new String(
            site.get("published/testshire/lo-2026/index.html").orElseThrow(),
            StandardCharsets.UTF_8);
    assertFalse(
        after.contains("My son [name] needs a search box."), "the erased answer's quote is gone");
    JsonNode json =
        Json.mapper()
            .readTree(site.get("published/testshire/lo-2026/you-said-we-did.json").orElseThrow());
    assertEquals(39, json.get("responses").asInt());
    JsonNode search = null;
    for (JsonNode t : json.get("questions").get(0).get("themes")) {
      search = t.get("id").asText().equals("t-search") ? t : search;
    }
    assertEquals(19, search.get("count").asInt(), "the theme counts one answer fewer");
  }

  @Test
  void anUnknownConsultationIsNotFound() {
    ProblemException e =
        assertThrows(ProblemException.class, () -> publisher.publish(COUNCIL, "nope", "o", "r"));
    assertEquals(404, e.status());
  }

  /**
   * Erasure reaches every published byte: the version that held the erased answer is withdrawn (its
   * JSON and CSV deleted, its page a notice saying why), the consultation is published again
   * without it, and the publication log records the re-publication, its reason and what was
   * withdrawn.
   */
  @Test
  void anErasureWithdrawsEveryVersionThatHeldTheAnswerAndRepublishes() throws IOException {
    publisher.publish(COUNCIL, ID, "officer-subject-canary", "req-1");
    String quote = "My son [name] needs a search box.";
    assertTrue(
        new String(
                site.get("published/testshire/lo-2026/versions/1/you-said-we-did.json")
                    .orElseThrow(),
                StandardCharsets.UTF_8)
            .contains(quote));
    assertTrue(storage.responses().eraseByReceipt("RC2"));

    Publication republished =
        publisher.republishAfterErasure(COUNCIL, ID, "erase-RC2").orElseThrow();

    assertEquals(2, republished.version());
    assertEquals(Publisher.ERASURE_REASON, republished.reason());
    assertEquals(List.of(1), republished.withdrawn());
    assertTrue(site.get("published/testshire/lo-2026/versions/1/you-said-we-did.json").isEmpty());
    assertTrue(site.get("published/testshire/lo-2026/versions/1/you-said-we-did.csv").isEmpty());
    String notice =
        new String(
            site.get("published/testshire/lo-2026/versions/1/index.html").orElseThrow(),
            StandardCharsets.UTF_8);
    assertTrue(notice.contains("has been withdrawn"), notice);
    assertTrue(notice.contains("deleted by the people who gave them"));
    for (Map.Entry<String, byte[]> f : siteFiles().entrySet()) {
      assertFalse(
          new String(f.getValue(), StandardCharsets.UTF_8).contains(quote),
          "the erased quote is still in " + f.getKey());
    }
    String current =
        new String(
            site.get("published/testshire/lo-2026/index.html").orElseThrow(),
            StandardCharsets.UTF_8);
    assertTrue(current.contains("(withdrawn)"), "the record says version 1 was withdrawn");
    assertEquals(
        republished,
        publisher.republishAfterErasure(COUNCIL, ID, "erase-RC2").orElseThrow(),
        "a redelivered erasure message finishes the same version");
    assertTrue(
        publisher.republishAfterErasure(COUNCIL, ID, "erase-again").isEmpty(),
        "nothing left to withdraw: no new version");
  }

  /**
   * Each version's exact numbers are kept privately to check the next version against: no answer
   * text in them, the draft an approver signs off after earlier versions is exactly what is
   * published, and a withdrawn version's snapshot goes with it.
   */
  @Test
  void eachVersionKeepsAPrivateSnapshotThatTheNextIsCheckedAgainst() throws IOException {
    publisher.publish(COUNCIL, ID, "officer-subject-canary", "req-1");
    org.yousaid.reports.disclosure.LinkedCells.Snapshot first =
        org.yousaid.reports.DisclosureControl.decode(
            storage.publications().snapshot(COUNCIL, ID, 1).orElseThrow());
    assertTrue(first.cells().size() > 20, "every published number is in the snapshot");
    assertTrue(first.relations().size() > 10, "and the relations between the tables");
    String kept = new String(Json.mapper().writeValueAsBytes(first), StandardCharsets.UTF_8);
    for (String canary : CANARIES) {
      assertFalse(kept.contains(canary), "a snapshot holds numbers, not " + canary);
    }

    Consultation c = storage.consultations().find(COUNCIL, ID).orElseThrow();
    String signedOff = publisher.fingerprint(publisher.draft(c));
    Publication second =
        publisher.publish(
            new PublishJob(
                COUNCIL, ID, "officer-subject-canary", "req-2", "approver@testshire", signedOff));
    assertEquals(2, second.version(), "the signed-off draft is what was published");
    assertTrue(storage.publications().snapshot(COUNCIL, ID, 2).isPresent());

    assertTrue(storage.responses().eraseByReceipt("RC2"));
    Publication third = publisher.republishAfterErasure(COUNCIL, ID, "erase-RC2").orElseThrow();
    assertEquals(List.of(1, 2), third.withdrawn());
    assertTrue(storage.publications().snapshot(COUNCIL, ID, 1).isEmpty());
    assertTrue(storage.publications().snapshot(COUNCIL, ID, 2).isEmpty());
    assertTrue(storage.publications().snapshot(COUNCIL, ID, 3).isPresent());
  }

  // ---- The CDN in front of the site (issue 14 item 1)

  /**
   * Records what the publisher asks the CDN to drop. A recording stand-in for CloudFront, which
   * cannot run on this machine: what is tested is which paths are asked for, under which request
   * id; that CloudFront honours it is AWS's part.
   */
  static final class RecordingInvalidation implements CacheInvalidation {
    final List<Map.Entry<String, List<String>>> requests = new ArrayList<>();

    @Override
    public void invalidate(String requestId, List<String> paths) {
      requests.add(Map.entry(requestId, List.copyOf(paths)));
    }

    Map.Entry<String, List<String>> last() {
      return requests.get(requests.size() - 1);
    }
  }

  /** The pages every publication of the test consultation replaces. */
  private static final java.util.Set<String> CURRENT_PAGES =
      java.util.Set.of(
          "/published/testshire/lo-2026/index.html",
          "/published/testshire/lo-2026/you-said-we-did.json",
          "/published/testshire/lo-2026/you-said-we-did.csv",
          "/published/testshire/index.html",
          "/published/testshire/feed.atom");

  private static java.util.Set<String> versionFiles(int... versions) {
    java.util.Set<String> paths = new java.util.HashSet<>();
    for (int v : versions) {
      for (String f : List.of("index.html", "you-said-we-did.json", "you-said-we-did.csv")) {
        paths.add("/published/testshire/lo-2026/versions/" + v + "/" + f);
      }
    }
    return paths;
  }

  /**
   * A normal publication asks the CDN, once and under its own request id, to drop exactly the pages
   * it replaced (the consultation's page, JSON and CSV, the council's index and feed): not the new
   * version's folder, which no cache has seen, nor the earlier versions, which did not change. A
   * redelivered request asks again with the same id and paths, which CloudFront treats as the same
   * invalidation.
   */
  @Test
  void aPublicationAsksTheCdnToDropExactlyThePagesItReplacedOnce() throws IOException {
    RecordingInvalidation cdn = new RecordingInvalidation();
    Publisher withCdn = new Publisher(storage, site, cdn);
    withCdn.publish(COUNCIL, ID, "officer-subject-canary", "req-1");
    withCdn.publish(COUNCIL, ID, "officer-subject-canary", "req-2");
    assertEquals(2, cdn.requests.size(), "one invalidation per publication");
    assertEquals("req-1", cdn.requests.get(0).getKey());
    assertEquals("req-2", cdn.last().getKey());
    for (var request : cdn.requests) {
      assertEquals(CURRENT_PAGES, new java.util.HashSet<>(request.getValue()));
      assertEquals(request.getValue().size(), new java.util.HashSet<>(request.getValue()).size());
    }
    withCdn.publish(COUNCIL, ID, "officer-subject-canary", "req-2");
    assertEquals(cdn.requests.get(1), cdn.last(), "a redelivery asks for the same invalidation");
  }

  /**
   * A re-publication after an erasure asks, in the same single request, for every file of every
   * version it withdrew as well as the replaced pages; versions withdrawn by an earlier publication
   * are not asked for again.
   */
  @Test
  void aWithdrawalAsksTheCdnToDropEveryFileOfTheWithdrawnVersionsInTheSameRequest()
      throws IOException {
    RecordingInvalidation cdn = new RecordingInvalidation();
    Publisher withCdn = new Publisher(storage, site, cdn);
    withCdn.publish(COUNCIL, ID, "officer-subject-canary", "req-1");
    withCdn.publish(COUNCIL, ID, "officer-subject-canary", "req-2");
    assertTrue(storage.responses().eraseByReceipt("RC2"));
    withCdn.republishAfterErasure(COUNCIL, ID, "erase-RC2").orElseThrow();
    assertEquals(3, cdn.requests.size());
    assertEquals("erase-RC2", cdn.last().getKey());
    java.util.Set<String> expected = new java.util.HashSet<>(CURRENT_PAGES);
    expected.addAll(versionFiles(1, 2));
    assertEquals(expected, new java.util.HashSet<>(cdn.last().getValue()));

    assertTrue(storage.responses().eraseByReceipt("RC3"));
    withCdn.republishAfterErasure(COUNCIL, ID, "erase-RC3").orElseThrow();
    expected = new java.util.HashSet<>(CURRENT_PAGES);
    expected.addAll(versionFiles(3));
    assertEquals(
        expected,
        new java.util.HashSet<>(cdn.last().getValue()),
        "only version 3 is newly withdrawn");
    withCdn.republishAfterErasure(COUNCIL, ID, "erase-RC3").orElseThrow();
    assertEquals(cdn.requests.get(3), cdn.last(), "a redelivery asks for the same invalidation");
  }

  /**
   * What a cache may keep: a version's own files never change and are cached for a year; the
   * current pages, index and feed, and the notice that replaces a withdrawn version's page, only
   * for minutes (S3SiteStore stores each file with its {@code cacheControl}).
   */
  @Test
  void withdrawnNoticesAndCurrentPagesAreCachedBrieflyAndOnlyVersionsForAYear() throws IOException {
    Map<String, SiteFile> written = new TreeMap<>();
    SiteStore recording =
        new SiteStore() {
          @Override
          public void put(SiteFile file) throws IOException {
            written.put(file.path(), file);
            site.put(file);
          }

          @Override
          public Optional<byte[]> get(String path) throws IOException {
            return site.get(path);
          }

          @Override
          public void delete(String path) throws IOException {
            written.remove(path);
            site.delete(path);
          }
        };
    Publisher recorded = new Publisher(storage, recording);
    recorded.publish(COUNCIL, ID, "officer-subject-canary", "req-1");
    assertTrue(storage.responses().eraseByReceipt("RC2"));
    recorded.republishAfterErasure(COUNCIL, ID, "erase-RC2").orElseThrow();
    SiteFile notice = written.get("published/testshire/lo-2026/versions/1/index.html");
    assertTrue(
        new String(notice.body(), StandardCharsets.UTF_8).contains("has been withdrawn"),
        "the page is the notice");
    assertCachedBriefly(notice);
    for (String page : CURRENT_PAGES) {
      assertCachedBriefly(written.get(page.substring(1)));
    }
    for (String file : versionFiles(2)) {
      assertEquals(SiteFile.IMMUTABLE, written.get(file.substring(1)).cacheControl(), file);
    }
  }

  private static void assertCachedBriefly(SiteFile file) {
    String cache = file.cacheControl();
    assertFalse(cache.contains("immutable"), file.path() + ": " + cache);
    var maxAge = java.util.regex.Pattern.compile("max-age=(\\d+)").matcher(cache);
    assertTrue(maxAge.find(), file.path() + ": " + cache);
    assertTrue(Integer.parseInt(maxAge.group(1)) <= 300, file.path() + ": " + cache);
  }

  /**
   * A request redelivered after a newer version was published (a stream or queue retry that came
   * late) finishes nothing: the newer version stays current.
   */
  @Test
  void aLateRedeliveryNeverPutsAnOlderVersionBackOnTheCurrentPages() throws IOException {
    publisher.publish(COUNCIL, ID, "officer-subject-canary", "req-1");
    publisher.publish(COUNCIL, ID, "officer-subject-canary", "req-2");
    byte[] current = site.get("published/testshire/lo-2026/you-said-we-did.json").orElseThrow();
    assertEquals(1, publisher.publish(COUNCIL, ID, "officer-subject-canary", "req-1").version());
    assertArrayEquals(
        current, site.get("published/testshire/lo-2026/you-said-we-did.json").orElseThrow());
    assertEquals(2, storage.publications().versions(COUNCIL, ID).size());
  }

  /**
   * An answer erased while a publication is being written (after its answers were read) may be in
   * the new version, so its erasure stays pending, and the re-publication it triggers withdraws
   * that version too.
   */
  @Test
  void anErasureDuringAPublicationStaysPendingAndWithdrawsTheVersionItMayBeIn() throws IOException {
    publisher.publish(COUNCIL, ID, "officer-subject-canary", "req-1");
    AtomicInteger erasures = new AtomicInteger();
    SiteStore erasingMidway =
        new SiteStore() {
          @Override
          public void put(SiteFile file) throws IOException {
            if (file.path().contains("/versions/2/") && erasures.getAndIncrement() == 0) {
              assertTrue(storage.responses().eraseByReceipt("RC2"));
            }
            site.put(file);
          }

          @Override
          public Optional<byte[]> get(String path) throws IOException {
            return site.get(path);
          }

          @Override
          public void delete(String path) throws IOException {
            site.delete(path);
          }
        };
    new Publisher(storage, erasingMidway).publish(COUNCIL, ID, "officer-subject-canary", "req-2");
    assertTrue(
        new String(
                site.get("published/testshire/lo-2026/versions/2/you-said-we-did.json")
                    .orElseThrow(),
                StandardCharsets.UTF_8)
            .contains("My son [name] needs a search box."),
        "the answers were read before the erasure");
    assertEquals(
        List.of("r02"),
        storage.responses().pendingErasures(COUNCIL, ID).stream()
            .map(ResponseRepository.PendingErasure::responseId)
            .toList());
    Publication republished =
        publisher.republishAfterErasure(COUNCIL, ID, "erase-r02").orElseThrow();
    assertEquals(List.of(1, 2), republished.withdrawn());
    assertTrue(site.get("published/testshire/lo-2026/versions/2/you-said-we-did.json").isEmpty());
    assertTrue(storage.responses().pendingErasures(COUNCIL, ID).isEmpty());
  }
}
