package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.storage.TableQuery;
import org.yousaid.testing.CapturedOutput;
import org.yousaid.testing.WithLocalMode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The officer API of issue 16 over real HTTP in local mode, as a council's reporting tool uses it:
 * its counts are the officers' pages' counts (the same suppression, nothing more exact), every
 * dataset import through the page or the API leaves an audit record that officers see on the import
 * page and in the JSON, and nothing a file said reaches the logs, the record or the table beyond
 * the dataset itself; a new comment reaches the register's JSON and an excluded one stays excluded.
 */
@WithLocalMode
class JourneyApiHttpTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String EMAIL = "reporting@demo.example";

  private static CapturedOutput output;
  private static LocalMode local;
  private static OfficerBrowser officer;

  @BeforeAll
  static void start(CapturedOutput captured, LocalMode started) {
    // In this order: the capture starts before local mode, so it also sees the functions start.
    output = captured;
    local = started;
    officer = new OfficerBrowser(local, EMAIL, List.of("demo"));
    DemoData.seedAnswers(local.services(), Clock.systemUTC());
  }

  private static JsonNode getJson(String path) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + local.port() + path))
                .header("Authorization", "Bearer " + officer.token())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return Json.mapper().readTree(r.body());
  }

  private static String shown(JsonNode count) {
    return count.path("count").isNull()
        ? count.path("hidden").asText()
        : String.valueOf(count.path("count").asInt());
  }

  @Test
  void theEhcJourneysCountsAreThePagesCountsWithSmallOnesHidden() throws Exception {
    JsonNode api = getJson("/api/v1/officer/councils/demo/ehc-stages?survey=ehc-plan-survey");
    String page = officer.get("/officer/councils/demo/ehc-stages?survey=ehc-plan-survey").body();
    int compared = 0;
    int hidden = 0;
    for (JsonNode stage : api.path("stages")) {
      Matcher row =
          Pattern.compile(
                  "href=\"#stage-"
                      + Pattern.quote(stage.path("code").asText())
                      + "\">[^<]*</a></th>\\s*<td[^>]*>([^<]*)</td>")
              .matcher(page);
      if (row.find()) {
        assertEquals(row.group(1).trim(), shown(stage.path("responses")), stage.toString());
        compared++;
      }
      for (JsonNode month : stage.path("months")) {
        JsonNode c = month.path("responses");
        if (c.path("count").isNull()) {
          hidden++;
        } else {
          int n = c.path("count").asInt();
          assertTrue(n == 0 || n >= 5, "a month of 1 to 4 answers is never shown: " + month);
        }
      }
    }
    assertTrue(compared >= 5, "every national stage is in the page's table: " + compared);
    assertTrue(hidden > 0, "eight months of made-up answers have some small months, hidden");
  }

  @Test
  void everyImportIsAuditedAndNoFileContentIsKeptOrLogged() throws Exception {
    String canary = "CANARY-CELL-7731";
    String refusedDfe =
        "time_period,time_identifier,geographic_level,old_la_code,new_la_code,la_name,new_ehcps\n"
            + "2023,Calendar year,Local authority,855,E10000018,Leicestershire,"
            + canary
            + "\n";
    HttpResponse<String> refused =
        officer.postApi(
            "/api/v1/officer/councils/demo/ehc-stages/timeliness?area=855&fileName=mine.csv",
            "text/csv",
            refusedDfe);
    assertEquals(422, refused.statusCode(), refused.body());
    String kept =
        "time_period,time_identifier,geographic_level,old_la_code,new_la_code,la_name,new_ehcps\n"
            + "2023,Calendar year,National,,,,80329\n"
            + "2023,Calendar year,Local authority,855,E10000018,Leicestershire,1019\n";
    assertEquals(
        200,
        officer
            .postApi(
                "/api/v1/officer/councils/demo/ehc-stages/timeliness?area=855&fileName=good.csv",
                "text/csv",
                kept)
            .statusCode());
    String population = "dimension,group,children\ndistrict," + canary + ",40\n";
    assertEquals(
        200,
        officer
            .postApi("/api/v1/officer/councils/demo/coverage/population", "text/csv", population)
            .statusCode());
    assertEquals(
        422,
        officer
            .postApi(
                "/api/v1/officer/councils/demo/services",
                "application/json",
                "{\"feed\":[{\"id\":\"" + canary + " not an id\",\"name\":\"x\"}]}")
            .statusCode());

    // Officers see each import on its page: who, which file, what came of it, what it replaced.
    String timelinessPage = officer.get("/officer/councils/demo/ehc-stages/timeliness").body();
    String history = timelinessPage.substring(timelinessPage.indexOf("yousaid-import-history"));
    assertTrue(history.contains(EMAIL) && history.contains("mine.csv"), history);
    assertTrue(history.contains("good.csv") && history.contains("Refused"));
    assertTrue(history.contains("Nothing: the first import"));
    assertFalse(history.contains(canary));
    String servicesPage = officer.get("/officer/councils/demo/services").body();
    assertTrue(servicesPage.contains("yousaid-import-history"), "a refused feed is listed too");
    assertTrue(officer.get("/officer/councils/demo/coverage/population").body().contains(EMAIL));

    JsonNode timeliness = getJson("/api/v1/officer/councils/demo/ehc-stages").path("imports");
    assertEquals("good.csv", timeliness.get(0).path("source").asText());
    assertEquals(2, timeliness.get(0).path("rowsAccepted").asInt());
    assertEquals("mine.csv", timeliness.get(1).path("source").asText());
    assertEquals(1, timeliness.get(1).path("rowsRejected").asInt());

    // The district's name is the population's own data (kept, as it must be); the refused files'
    // cells are nowhere: not in an import record, not in the logs.
    for (Map<String, AttributeValue> item :
        local
            .services()
            .table()
            .query(
                TableQuery.partition(TableLayout.councilDatasetPk("demo"))
                    .startingWith("IMPORT#"))) {
      assertFalse(item.toString().contains(canary), item.toString());
    }
    assertFalse(output.text().contains(canary), "no file content is logged");
  }

  @Test
  void aNewCommentReachesTheRegisterAndAnExcludedOneStaysOut() throws Exception {
    JsonNode before = getJson("/api/v1/officer/councils/demo/register");
    JsonNode first = before.path("entries").get(0);
    assertEquals(
        303,
        officer
            .postForm(
                "/officer/councils/demo/register/entries/" + first.path("id").asText(),
                "do=exclude&reason=vexatious")
            .statusCode());
    HttpResponse<String> sent =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + local.port() + "/api/v1/councils/demo/page-feedback"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"pageUrl\":\"https://localoffer.demo.example/send/transport\","
                            + "\"useful\":false,\"comment\":\"the bus page has no phone number\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(201, sent.statusCode(), sent.body());
    JsonNode after = getJson("/api/v1/officer/councils/demo/register");
    assertEquals(before.path("entries").size() + 1, after.path("entries").size());
    assertTrue(after.toString().contains("the bus page has no phone number"));
    JsonNode excluded = getJson("/api/v1/officer/councils/demo/register?show=excluded");
    assertEquals(1, excluded.path("entries").size());
    assertEquals(first.path("id").asText(), excluded.path("entries").get(0).path("id").asText());
    assertEquals(
        "Vexatious or abusive",
        excluded.path("entries").get(0).path("exclusion").path("reasonLabel").asText());
  }
}
