package org.yousaid.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.publishing.Publication;
import org.yousaid.shared.register.ActionStatus;
import org.yousaid.shared.register.ExclusionReason;
import org.yousaid.shared.register.RegisterArea;
import org.yousaid.shared.register.RegisterEntry;
import org.yousaid.shared.register.RegisterRepository;
import org.yousaid.shared.register.RegisterTheme;
import org.yousaid.shared.storage.Storage;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * The annual Local Offer feedback report, attacked as a reader of every published byte (page, JSON,
 * CSV, Word, PDF, Atom): excluded, untriaged and unconsented comments are in none of it, no count
 * of 1 to 4 is shown nor can be worked out by subtraction, names are redacted, each action has its
 * own feed entry with its status history, and an erased comment withdraws every version that may
 * hold it.
 */
class RegisterPublisherTest {

  @WithDynamoDb DynamoTable table;

  static final String COUNCIL = "kr";
  static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  /** A clock the test moves on, so two publications are on different days. */
  static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-11-20T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  MovingClock clock = new MovingClock();
  Storage storage;
  RegisterRepository register;
  Publisher publisher;
  Path root;
  // Ids differ between tests: DynamoDB's transaction tokens (from the ids) outlive a table.
  static int responses;

  @BeforeEach
  void setUp(@TempDir Path folder) {
    root = folder;
    storage = Storage.of(table.client(), table.name(), clock);
    register = storage.register();
    publisher = new Publisher(storage, new FolderSiteStore(folder));
    storage
        .consultations()
        .save(
            ConsultationTemplates.localOffer(
                COUNCIL, "Kingston and Richmond", "lo", List.of(), null, null));
  }

  /** Stores one answer to the Local Offer consultation and returns its receipt. */
  String comment(String text, boolean consent) {
    responses++;
    String receipt = String.format("RCPT%04d", responses);
    storage
        .responses()
        .insert(
            new Response(
                String.format("01RP%06d", responses),
                COUNCIL,
                "lo",
                T0.plus(Duration.ofHours(responses)),
                Channel.WEB,
                List.of(Answer.text("find-information", text)),
                RespondentProfile.EMPTY,
                consent,
                receipt,
                Instant.parse("2030-01-01T00:00:00Z").getEpochSecond(),
                null),
            Optional.empty());
    return receipt;
  }

  RegisterEntry entryWith(String text) {
    register.addNewComments(COUNCIL);
    return register.entries(COUNCIL).stream()
        .filter(e -> e.text().equals(text))
        .findFirst()
        .orElseThrow();
  }

  void triage(String text, RegisterTheme theme, boolean quote) {
    assertTrue(register.save(entryWith(text).withTriage(theme.area(), theme.id(), quote)));
  }

  void exclude(String text, RegisterTheme theme, ExclusionReason reason) {
    RegisterEntry e = entryWith(text).withTriage(theme.area(), theme.id(), true);
    assertTrue(
        register.save(
            e.withExclusion(
                new RegisterEntry.Exclusion(
                    reason, "noted", "officer@kr.example", clock.instant()))));
  }

  RegisterTheme theme(
      String id, RegisterArea area, String label, String action, ActionStatus status) {
    RegisterTheme t =
        new RegisterTheme(id, area, label, null, null, null, List.of())
            .respond(
                "Thank you, we heard this.",
                action,
                status,
                java.time.LocalDate.parse("2026-06-01"));
    register.saveTheme(COUNCIL, t);
    return t;
  }

  /** Every published file as a reader gets it: pages, JSON, CSV and the feed. */
  static String everything(Path root) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(f);
        all.append(new String(bytes, StandardCharsets.UTF_8));
        all.append('\n');
      }
    }
    return all.toString();
  }

  JsonNode current(String file) throws IOException {
    return Json.mapper()
        .readTree(Files.readAllBytes(root.resolve("published/kr/local-offer-feedback/" + file)));
  }

  @Test
  void excludedUntriagedAndUnconsentedCommentsAreInNoPublishedByteAndNoSmallCountCanBeWorkedOut()
      throws Exception {
    RegisterTheme breaks =
        theme(
            "short-breaks",
            RegisterArea.CONTENT,
            "Short breaks information",
            "We rewrote the short breaks page.",
            ActionStatus.DONE);
    RegisterTheme reader =
        theme(
            "screen-reader",
            RegisterArea.ACCESSIBILITY,
            "Screen reader problems",
            "We are fixing the menus.",
            ActionStatus.IN_PROGRESS);
    RegisterTheme forum =
        theme(
            "forum",
            RegisterArea.DEVELOPMENT,
            "Work with the parent carer forum",
            "Forum members will review each page.",
            ActionStatus.PLANNED);
    comment("the short breaks page helped, thank you mrs patel at oakfield primary", true);
    comment("short breaks page is out of date UNCONSENTED-CANARY", false);
    for (int i = 0; i < 4; i++) {
      String t = "short breaks prices missing " + i;
      comment(t, true);
      triage(t, breaks, false);
    }
    triage("the short breaks page helped, thank you mrs patel at oakfield primary", breaks, true);
    triage("short breaks page is out of date UNCONSENTED-CANARY", breaks, true);
    for (int i = 0; i < 2; i++) {
      String t = "my screen reader skips the menu " + i;
      comment(t, true);
      triage(t, reader, true);
    }
    for (int i = 0; i < 5; i++) {
      String t = "ask the forum before changing pages " + i;
      comment(t, true);
      triage(t, forum, false);
    }
    comment("you are all useless idiots VEXATIOUS-CANARY", true);
    exclude("you are all useless idiots VEXATIOUS-CANARY", breaks, ExclusionReason.VEXATIOUS);
    comment("my son tom's ehcp at riverside is late CASE-CANARY", true);
    exclude(
        "my son tom's ehcp at riverside is late CASE-CANARY",
        breaks,
        ExclusionReason.INDIVIDUAL_CASE);
    comment("UNTRIAGED-CANARY the search is slow", true);
    register.addNewComments(COUNCIL);

    Publication v1 = publisher.publish(COUNCIL, RegisterReportBuilder.ID, "officer", "req-1");
    assertEquals(1, v1.version());
    for (String file : RegisterRenderer.FILES) {
      assertTrue(Files.exists(root.resolve("published/kr/local-offer-feedback/" + file)), file);
      assertTrue(
          Files.exists(root.resolve("published/kr/local-offer-feedback/versions/1/" + file)), file);
    }
    String all = everything(root);
    for (String canary :
        List.of(
            "VEXATIOUS-CANARY",
            "idiots",
            "CASE-CANARY",
            "tom's",
            "riverside",
            "UNCONSENTED-CANARY",
            "UNTRIAGED-CANARY",
            "patel",
            "oakfield")) {
      assertFalse(all.toLowerCase().contains(canary.toLowerCase()), canary + " was published");
    }
    assertTrue(
        all.contains("thank you [staff] at [school]"), "the consented, approved quote, redacted");
    assertTrue(all.contains("my screen reader skips the menu"), "approved quotes of a small theme");

    JsonNode json = current(RegisterRenderer.JSON_FILE);
    List<JsonNode> themes = new ArrayList<>();
    json.get("areas").forEach(a -> a.get("themes").forEach(themes::add));
    assertEquals(3, themes.size());
    for (JsonNode t : themes) {
      JsonNode n = t.get("comments");
      assertTrue(n.isNull() || n.asInt() == 0 || n.asInt() >= 5, "a small count is shown: " + t);
    }
    JsonNode small =
        themes.stream()
            .filter(t -> t.get("id").asText().equals("screen-reader"))
            .findFirst()
            .orElseThrow();
    assertTrue(small.get("comments").isNull());
    assertEquals("fewer than 5", small.get("commentsNote").asText());
    JsonNode big =
        themes.stream()
            .filter(t -> t.get("id").asText().equals("short-breaks"))
            .findFirst()
            .orElseThrow();
    assertEquals(6, big.get("comments").asInt(), "excluded comments are not counted");
    // The subtraction attack: the total and every other theme shown would give the small one away.
    boolean allOthersShown =
        !json.get("comments").isNull()
            && themes.stream().filter(t -> t != small).allMatch(t -> !t.get("comments").isNull());
    assertFalse(allOthersShown, "the hidden count could be worked out: " + json);

    assertEquals("Done", json.get("weDid").get(0).get("status").asText());
    assertEquals(2, json.get("inProgress").size());
    String csv =
        Files.readString(
            root.resolve("published/kr/local-offer-feedback/" + RegisterRenderer.CSV_FILE));
    assertTrue(csv.contains("Screen reader problems"));
    assertTrue(csv.contains("fewer than 5"));
    String feed = Files.readString(root.resolve("published/kr/feed.atom"));
    assertTrue(feed.contains("urn:yousaid:kr:local-offer-feedback:action-short-breaks"));
    assertTrue(feed.contains("urn:yousaid:kr:local-offer-feedback:action-forum"));
    assertTrue(feed.contains("Status history: Done on 1 June 2026"));
    String index = Files.readString(root.resolve("published/kr/index.html"));
    assertTrue(index.contains("local-offer-feedback/index.html"));
  }

  @Test
  void
      aChangeOfStatusIsANewFeedDateWithItsHistoryAndAnErasureWithdrawsEveryVersionThatHeldTheComment()
          throws Exception {
    RegisterTheme breaks =
        theme(
            "short-breaks",
            RegisterArea.CONTENT,
            "Short breaks information",
            "Rewrite the short breaks page.",
            ActionStatus.PLANNED);
    String erased = comment("ERASED-CANARY the short breaks page needs prices", true);
    triage("ERASED-CANARY the short breaks page needs prices", breaks, true);
    for (int i = 0; i < 6; i++) {
      String t = "short breaks page is hard to find " + i;
      comment(t, true);
      triage(t, breaks, false);
    }
    publisher.publish(COUNCIL, RegisterReportBuilder.ID, "officer", "req-1");
    String feed1 = Files.readString(root.resolve("published/kr/feed.atom"));
    assertTrue(feed1.contains("<updated>2026-11-20T10:00:00Z</updated>"));

    clock.now = Instant.parse("2026-11-27T10:00:00Z");
    register.saveTheme(
        COUNCIL,
        register
            .theme(COUNCIL, "short-breaks")
            .orElseThrow()
            .respond(
                "Thank you, we heard this.",
                "Rewrite the short breaks page.",
                ActionStatus.DONE,
                java.time.LocalDate.parse("2026-11-27")));
    Publication v2 = publisher.publish(COUNCIL, RegisterReportBuilder.ID, "officer", "req-2");
    assertEquals(2, v2.version());
    String feed2 = Files.readString(root.resolve("published/kr/feed.atom"));
    assertTrue(
        feed2.contains("Status history: Planned on 1 June 2026; Done on 27 November 2026"), feed2);
    assertTrue(feed2.contains("<updated>2026-11-27T10:00:00Z</updated>"));
    assertTrue(everything(root).contains("ERASED-CANARY"), "quoted while its author agreed");

    assertTrue(storage.responses().eraseByReceipt(erased));
    clock.now = Instant.parse("2026-11-28T10:00:00Z");
    publisher.republishAfterErasure(COUNCIL, "lo", "erasure-1");
    List<Publication> versions = new RegisterPublisher(storage).versions(COUNCIL);
    Publication v3 = versions.get(versions.size() - 1);
    assertEquals(3, v3.version());
    assertEquals(List.of(1, 2), v3.withdrawn());
    assertNotNull(v3.reason());
    assertFalse(
        everything(root).contains("ERASED-CANARY"), "the erased comment is in no file left");
    assertEquals(
        6,
        current(RegisterRenderer.JSON_FILE)
            .get("areas")
            .get(0)
            .get("themes")
            .get(0)
            .get("comments")
            .asInt());
    assertFalse(
        Files.exists(
            root.resolve(
                "published/kr/local-offer-feedback/versions/1/" + RegisterRenderer.JSON_FILE)));
    assertEquals(List.of(), register.pendingErasures(COUNCIL));
    // Delivered again, the same erasure publishes nothing new.
    publisher.republishAfterErasure(COUNCIL, "lo", "erasure-1");
    publisher.republishAfterErasure(COUNCIL, "lo", "erasure-2");
    assertEquals(3, new RegisterPublisher(storage).versions(COUNCIL).size());
  }
}
