package org.yousaid.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.services.OrukService;
import org.yousaid.shared.services.ServiceDirectory;
import org.yousaid.shared.storage.CouncilDatasets;
import org.yousaid.shared.storage.Storage;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * Page feedback published per Open Referral UK service through the usual publisher: keyed by the
 * service id, names redacted, every count protected with the question's own totals, in this version
 * and the next.
 */
class ServiceFeedbackPublishingTest {

  static final String COUNCIL = "testshire";
  static final String ID = "page-feedback";

  @WithDynamoDb(ownServer = true)
  DynamoTable table;

  @Test
  void perServiceSummariesAreKeyedByIdRedactedAndGiveNoSmallNumberAway(@TempDir Path folder)
      throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    Storage storage = Storage.of(table.client(), table.name(), clock);
    FolderSiteStore site = new FolderSiteStore(folder);
    Publisher publisher = new Publisher(storage, site);
    storage
        .consultations()
        .save(ConsultationTemplates.pageFeedback(COUNCIL, "Testshire Council", ID));
    storage
        .councilDatasets()
        .save(
            COUNCIL,
            CouncilDatasets.SERVICES,
            new ServiceDirectory(
                "feed.json",
                clock.instant(),
                List.of(
                    new OrukService(
                        "svc-breaks",
                        "Short breaks",
                        "https://localoffer.testshire.example/short-breaks",
                        "active",
                        null),
                    new OrukService(
                        "svc-club",
                        "Saturday club run by Jane Smith at St Mary's Primary School",
                        null,
                        "active",
                        null),
                    new OrukService("svc-quiet", "Portage", null, "active", null))));
    List<String> subjects = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      subjects.add("https://localoffer.testshire.example/short-breaks/");
    }
    subjects.add("service:svc-club");
    subjects.add("service:svc-club");
    for (int i = 0; i < 9; i++) {
      subjects.add("https://localoffer.testshire.example/transport");
    }
    insert(storage, subjects, 0);
    publisher.publish(COUNCIL, ID, "officer", "req-1");
    JsonNode v1 = json(site, 1);
    JsonNode services = v1.get("services");
    assertEquals(3, services.size());
    assertEquals("svc-breaks", services.get(0).get("id").asText());
    assertEquals(14, services.get(0).get("answered").asInt());
    JsonNode club = services.get(1);
    assertEquals("svc-club", club.get("id").asText());
    assertNull(club.get("answered"), "2 answers: hidden");
    assertEquals("fewer than 5", club.get("note").asText());
    assertFalse(club.get("name").asText().contains("Jane Smith"), club.get("name").asText());
    assertFalse(club.get("name").asText().contains("St Mary"), club.get("name").asText());
    assertEquals(0, services.get(2).get("answered").asInt(), "nobody is 0");
    String page =
        new String(
            site.get("published/testshire/page-feedback/index.html").orElseThrow(),
            StandardCharsets.UTF_8);
    assertTrue(page.contains("Feedback on each service") && page.contains("svc-breaks"));
    assertFalse(page.contains("Jane Smith"));
    String csv =
        new String(
            site.get("published/testshire/page-feedback/you-said-we-did.csv").orElseThrow(),
            StandardCharsets.UTF_8);
    assertTrue(csv.contains("service:svc-breaks"));

    // Three more answers about the club: a reader comparing the versions must not learn them.
    insert(storage, List.of("service:svc-club", "service:svc-club", "service:svc-club"), 100);
    publisher.publish(COUNCIL, ID, "officer", "req-2");
    JsonNode v2 = json(site, 2);
    LinearAttacker reader = new LinearAttacker(false);
    reader.read(asBreakdown(v1)).read(asBreakdown(v2)).growth(1, 2);
    LinearAttacker.Result result = reader.attack();
    assertEquals(List.of(), result.pinned(), "numbers a reader of both versions can work out");
    assertTrue(result.hiddenCells() > 0);
  }

  /** The published services as a breakdown of the useful question, for the JSON-only attacker. */
  private static JsonNode asBreakdown(JsonNode published) {
    ObjectNode copy = published.deepCopy();
    ArrayNode groups = Json.mapper().createArrayNode();
    for (JsonNode s : published.get("services")) {
      ObjectNode g = Json.mapper().createObjectNode();
      g.put("label", s.get("id").asText());
      if (s.has("answered")) {
        g.set("answered", s.get("answered"));
      }
      if (s.has("note")) {
        g.set("note", s.get("note"));
      }
      g.set("options", s.get("options"));
      groups.add(g);
    }
    ObjectNode breakdown = Json.mapper().createObjectNode();
    // Answers about pages that are no service are in no group: the reader adds a group of their
    // own for them, of any size, so the groups add up to the question's answers.
    ObjectNode other = Json.mapper().createObjectNode();
    other.put("label", "(pages that are no service)");
    other.put("note", "not shown");
    ArrayNode otherOptions = Json.mapper().createArrayNode();
    for (JsonNode o : published.get("services").get(0).get("options")) {
      otherOptions.add(
          Json.mapper()
              .createObjectNode()
              .put("label", o.get("label").asText())
              .put("note", "not shown"));
    }
    other.set("options", otherOptions);
    groups.add(other);
    breakdown.put("dimension", "Service");
    breakdown.set("groups", groups);
    for (JsonNode q : copy.get("questions")) {
      if (q.get("id").asText().equals("useful")) {
        ArrayNode b = Json.mapper().createArrayNode();
        b.add(breakdown);
        ((ObjectNode) q).set("breakdowns", b);
      }
    }
    return copy;
  }

  private static JsonNode json(FolderSiteStore site, int version) throws Exception {
    return Json.mapper()
        .readTree(site.get(SitePaths.version(COUNCIL, ID, version) + SitePaths.JSON).orElseThrow());
  }

  private static void insert(Storage storage, List<String> subjects, int from) {
    for (int i = 0; i < subjects.size(); i++) {
      storage
          .responses()
          .insert(
              new Response(
                  String.format("f%03d", from + i),
                  COUNCIL,
                  ID,
                  Instant.parse("2026-11-01T10:00:00Z").plusSeconds(from + i),
                  Channel.WEB,
                  List.of(Answer.choices("useful", List.of(i % 3 == 0 ? "no" : "yes"))),
                  RespondentProfile.EMPTY,
                  false,
                  "PF" + (from + i),
                  0,
                  subjects.get(i)),
              Optional.empty());
    }
  }
}
