package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yousaid.functions.officer.OfficerSession.Reply;
import org.yousaid.shared.json.Json;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * Every response filter, through the officer API, on answers imported with their dates and
 * profiles: each narrows as it says, several narrow together, and a value it cannot read is left
 * out rather than refused.
 */
class ResponseFilterTest {

  private static final String API =
      "/api/v1/officer/councils/demo/consultations/local-offer-2026/responses";

  /** Four paper answers, each with its own date and profile (labels as well as codes). */
  private static final String CSV =
      "Date,What would help you find information about services for your child or young person?,Role,Age band,Area of need,District,Consent\n"
          + "2026-01-15,A search box by AGE,parent-carer,0-5,communication-and-interaction,North,yes\n"
          + "2026-02-20,A named key worker,Young person,16-25,cognition-and-learning,South,no\n"
          + "2026-03-25,Plain English please,Parent or carer,5-16,sensory-and-physical,North,yes\n"
          + "2026-06-30,Search by age and need,professional,5-16,,East,no\n";

  @WithDynamoDb static DynamoTable table;
  private static OfficerSession officer;

  @BeforeAll
  static void importAnswers() {
    OfficerFixture fixture = new OfficerFixture(table);
    officer = fixture.officer("filter@demo.example", "demo");
    Reply imported =
        officer.postApi(API.replace("/responses", "/import?channel=paper"), "text/csv", CSV);
    assertEquals(200, imported.status(), imported.body());
    assertEquals(4, Json.read(imported.body(), JsonNode.class).get("imported").asInt());
    fixture.answerLocalOffer(List.of("Online: a search box on the website"), true);
  }

  private static List<String> answersFor(String query) {
    Reply reply = officer.getApi(API + query);
    assertEquals(200, reply.status(), query + ": " + reply.body());
    JsonNode body = Json.read(reply.body(), JsonNode.class);
    List<String> texts = new ArrayList<>();
    for (JsonNode response : body.get("responses")) {
      for (JsonNode answer : response.get("answers")) {
        if (answer.hasNonNull("text")) {
          texts.add(answer.get("text").asText());
        }
      }
    }
    assertEquals(body.get("total").asInt(), texts.size(), query);
    return texts.stream().sorted().toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "?role=parent-carer | A search box by AGE;Plain English please",
        "?role=young-person | A named key worker",
        "?ageBand=5-16 | Plain English please;Search by age and need",
        "?areaOfNeed=cognition-and-learning | A named key worker",
        "?district=North | A search box by AGE;Plain English please",
        "?district=+East+ | Search by age and need",
        "?channel=web | Online: a search box on the website",
        "?from=2026-02-20&to=2026-03-25 | A named key worker;Plain English please",
        "?to=2026-01-15 | A search box by AGE",
        "?from=2026-06-30&channel=paper | Search by age and need",
        "?words=SEARCH+BOX | A search box by AGE;Online: a search box on the website",
        "?words=age&role=professional | Search by age and need",
        "?question=find-information&district=South | A named key worker",
      })
  void eachFilterNarrowsToWhatItNames(String query, String expected) {
    assertEquals(List.of(expected.split(";")), answersFor(query.strip()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "?role=headteacher",
    "?ageBand=teen",
    "?channel=carrier-pigeon",
    "?from=last-week",
    "?to=2026-02-30",
    "?sentiment=angry",
    "?words=",
    "?district=+++"
  })
  void aValueItCannotReadIsLeftOutNotRefused(String query) {
    assertEquals(5, answersFor(query).size(), query);
  }

  @Test
  void noResponseMatchesAFilterNothingMeets() {
    assertEquals(List.of(), answersFor("?district=Nowhere"));
    assertEquals(List.of(), answersFor("?question=no-such-question"));
    assertEquals(List.of(), answersFor("?role=young-person&district=North"));
    assertEquals(List.of(), answersFor("?words=" + "x".repeat(200)));
  }

  @Test
  void wordsLongerThanTwoHundredCharactersAreIgnored() {
    assertEquals(5, answersFor("?words=" + "x".repeat(201)).size());
  }
}
