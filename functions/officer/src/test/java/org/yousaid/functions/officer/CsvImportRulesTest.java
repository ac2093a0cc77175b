package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.officer.CsvImport.Outcome;
import org.yousaid.shared.model.AgeBand;
import org.yousaid.shared.model.AreaOfNeed;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.model.Role;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * How the importer reads another tool's columns and values, row by row, into the Local Offer
 * consultation stored in DynamoDB Local: which headers it recognises, which values it accepts, and
 * why it refuses a row.
 */
@WithDynamoDb
class CsvImportRulesTest {

  private static final String FIND = "find-information";

  private OfficerFixture fixture;
  private CsvImport importer;
  private Consultation localOffer;

  @BeforeEach
  void setUp(DynamoTable table) {
    fixture = new OfficerFixture(table);
    importer = new CsvImport(fixture.services);
    localOffer =
        fixture.services.consultations().find("demo", OfficerFixture.LOCAL_OFFER).orElseThrow();
  }

  private Outcome importCsv(String csv) {
    return importCsv(csv, Map.of());
  }

  private Outcome importCsv(String csv, Map<String, String> mapping) {
    return importer.importCsv(localOffer, csv, Channel.PAPER, mapping);
  }

  /** The stored responses, oldest row first. */
  private List<Response> stored() {
    return fixture.services.responses().listForConsultation("demo", "local-offer-2026").stream()
        .sorted(Comparator.comparing(Response::submittedAt))
        .toList();
  }

  @Test
  void headersAreMatchedByQuestionIdOrWordingAndByTheUsualProfileNames() {
    Outcome outcome =
        importCsv(
            "Find-Information,\"How would you like to get information about the Local Offer\","
                + "Answering as,Child's age,Areas of need,Locality,May we quote you,Submitted at,Notes\n"
                + "A directory,A website I can search,Parent or carer,0 to 5 years,"
                + "Communication and interaction; cognition-and-learning,North,Y,2026-03-01,internal\n");
    assertEquals(1, outcome.imported(), outcome.problems().toString());
    assertEquals(
        Map.of(
            "Find-Information", "q.find-information",
            "How would you like to get information about the Local Offer", "q.format",
            "Answering as", "profile.role",
            "Child's age", "profile.ageBand",
            "Areas of need", "profile.areasOfNeed",
            "Locality", "profile.district",
            "May we quote you", "consent",
            "Submitted at", "submittedAt"),
        outcome.mapping(),
        "Notes matches nothing and is left out");
    Response r = stored().get(0);
    assertEquals("A directory", r.answer(FIND).orElseThrow().text());
    assertEquals(List.of("website"), r.answer("format").orElseThrow().choices(), "label to code");
    assertEquals(Role.PARENT_CARER, r.profile().role());
    assertEquals(AgeBand.AGE_0_5, r.profile().ageBand());
    assertEquals(
        List.of(AreaOfNeed.COMMUNICATION_AND_INTERACTION, AreaOfNeed.COGNITION_AND_LEARNING),
        r.profile().areasOfNeed());
    assertEquals("North", r.profile().district());
    assertTrue(r.consentToQuote(), "Y means yes");
    assertEquals(Channel.PAPER, r.channel());
    assertFalse(r.toString().contains("internal"), "an unmatched column is never stored");
  }

  @Test
  void severalChoicesAreSplitOnSemicolonsOrCommasAndLabelsIgnoreCase() {
    Outcome outcome =
        importCsv(
            "find-information,search-by,plain-english\n"
                + "One,\"search by AGE; Search by where I live\",strongly agree\n"
                + "Two,\"disability,none\",Neither agree nor disagree\n");
    assertEquals(2, outcome.imported(), outcome.problems().toString());
    // Rows are stored by several writers at once: found by their answer, not their order.
    List<Response> rows =
        stored().stream()
            .sorted(Comparator.comparing(r -> r.answer(FIND).orElseThrow().text()))
            .toList();
    assertEquals(List.of("age", "area"), rows.get(0).answer("search-by").orElseThrow().choices());
    assertEquals(
        List.of("strongly-agree"), rows.get(0).answer("plain-english").orElseThrow().choices());
    assertEquals(
        List.of("disability", "none"), rows.get(1).answer("search-by").orElseThrow().choices());
  }

  @Test
  void consentIsYesOnlyWhenTheCellSaysSo() {
    StringBuilder csv = new StringBuilder("find-information,consent\n");
    List<String> yes = List.of("yes", "Y", "TRUE", "1", "agreed", " Yes ");
    List<String> no = List.of("no", "n", "false", "0", "maybe", "yes please");
    for (String v : yes) {
      csv.append("Agreed ").append(v.strip()).append(",\"").append(v).append("\"\n");
    }
    for (String v : no) {
      csv.append("Refused ").append(v).append(',').append(v).append('\n');
    }
    Outcome outcome = importCsv(csv.toString());
    assertEquals(yes.size() + no.size(), outcome.imported(), outcome.problems().toString());
    for (Response r : stored()) {
      boolean agreed = r.answer(FIND).orElseThrow().text().startsWith("Agreed");
      assertEquals(agreed, r.consentToQuote(), r.answer(FIND).orElseThrow().text());
    }
  }

  @Test
  void datesAreReadAsIsoOrUkDatesOrTimesInLondonAndAnythingElseRefusesTheRow() {
    Outcome outcome =
        importCsv(
            "find-information,date\n"
                + "Summer,2026-07-01\n"
                + "With a time,2026-07-02T23:30:00+01:00\n"
                + "Spreadsheet style,2026-07-03 14:05:00\n"
                + "British,03/07/2026\n"
                + "Words,last Tuesday\n");
    assertEquals(4, outcome.imported(), outcome.problems().toString());
    assertEquals(List.of(5), outcome.problems().stream().map(p -> p.row()).toList());
    assertTrue(
        outcome.problems().get(0).messages().get(0).contains("is not a date like 31/03/2026"));
    List<Instant> dates = stored().stream().map(Response::submittedAt).toList();
    assertEquals(
        List.of(
            Instant.parse("2026-06-30T23:00:00Z"),
            Instant.parse("2026-07-02T22:30:00Z"),
            Instant.parse("2026-07-02T23:00:00Z"),
            Instant.parse("2026-07-03T13:05:00Z")),
        dates,
        "midnight in London (BST) for a day, 03/07/2026 is 3 July, or the given time");
  }

  @Test
  void anOfficersMappingWinsAndIgnoreDropsAColumnThatWouldHaveMatched() {
    Outcome outcome =
        importCsv(
            "find-information,Comments,Role\nShould not be used,Use this one,young-person\n",
            Map.of("find-information", "ignore", "Comments", "q.find-information"));
    assertEquals(1, outcome.imported(), outcome.problems().toString());
    assertFalse(outcome.mapping().containsKey("find-information"));
    assertEquals("Use this one", stored().get(0).answer(FIND).orElseThrow().text());
    assertEquals(Role.YOUNG_PERSON, stored().get(0).profile().role(), "the rest still matches");

    ProblemException wrong =
        assertThrows(
            ProblemException.class,
            () -> importCsv("Comments\nx\n", Map.of("Comments", "profile.shoeSize")));
    assertEquals(400, wrong.status());
    assertTrue(wrong.detail().contains("\"Comments\""));
  }

  @Test
  void aRowIsRefusedWithTheSameReasonsAWebAnswerWouldGet() {
    Outcome outcome =
        importCsv(
            "find-information,format,role,district\n"
                + "Fine,website,parent-carer,North\n"
                + ",website,parent-carer,North\n"
                + "Bad choice,a carrier pigeon,parent-carer,North\n"
                + "Bad role,website,governor,North\n"
                + "Another bad choice,leaflets,parent-carer,North\n"
                + "x".repeat(2001)
                + ",website,parent-carer,North\n");
    assertEquals(1, outcome.imported());
    assertEquals(
        List.of(2, 3, 4, 5, 6),
        outcome.problems().stream().map(p -> p.row()).toList(),
        "rows are numbered from the first after the header");
    assertTrue(outcome.problems().stream().allMatch(p -> !p.messages().isEmpty()));
    assertTrue(
        outcome.problems().stream()
            .flatMap(p -> p.messages().stream())
            .noneMatch(m -> m.contains("x".repeat(50))),
        "a refused answer is not repeated back in full");
    assertEquals(1, stored().size());
  }

  @Test
  void theSameFileTwiceStoresEachRowOnceButTheSameRowTwiceInAFileIsTwoAnswers() {
    String csv = "find-information\nSame words\nSame words\n";
    assertEquals(2, importCsv(csv).imported());
    Outcome again = importCsv(csv);
    assertEquals(0, again.imported());
    assertEquals(2, again.alreadyImported());
    assertEquals(2, stored().size());
    assertThrows(
        ProblemException.class,
        () -> importer.importCsv(localOffer, csv, Channel.WEB, Map.of()),
        "imports are never online answers");
  }
}
