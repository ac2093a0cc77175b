package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.officer.OfficerSession.Reply;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.model.Role;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * Officers import another tool's CSV export: mapped by header, validated per row, channel recorded,
 * never twice.
 */
class CsvImportTest {

  static final String CSV =
      "\uFEFFTimestamp,What would help you find information about services for your child or young person?,Answering as,Consent\n"
          + "2026-03-01,\"A paper directory in the library, please\",Parent or carer,Yes\n"
          + "2026-03-02,=HYPERLINK(\"http://example.invalid\"),young-person,no\n"
          + "2026-03-03,Someone to call,Governor,yes\n"
          + "not a date,Anything,parent-carer,yes\n"
          + "2026-03-04,,parent-carer,yes\n";

  @WithDynamoDb static DynamoTable table;
  private static OfficerFixture fixture;
  private static OfficerSession officer;

  @BeforeAll
  static void signIn() {
    fixture = new OfficerFixture(table);
    officer = fixture.officer("importer@demo.example", "demo");
  }

  private static Reply importCsv(String channel) {
    return officer.postApi(
        "/api/v1/officer/councils/demo/consultations/local-offer-2026/import?channel=" + channel,
        "text/csv",
        CSV);
  }

  @Test
  void importsValidRowsOnceAndExplainsTheRest() {
    Reply first = importCsv("paper");
    assertEquals(200, first.status(), first.body());
    assertTrue(first.body().contains("\"imported\":2"), first.body());
    assertTrue(
        first.body().contains("\"row\":3"),
        "a governor is not a role we ask about: " + first.body());
    assertTrue(first.body().contains("\"row\":4"), "a bad date is refused: " + first.body());
    assertTrue(
        first.body().contains("\"row\":5"), "the required question is missing: " + first.body());

    Reply again = importCsv("paper");
    assertTrue(
        again.body().contains("\"imported\":0") && again.body().contains("\"alreadyImported\":2"),
        again.body());

    List<Response> stored =
        fixture.services.responses().listForConsultation("demo", "local-offer-2026");
    assertEquals(2, stored.size());
    assertTrue(stored.stream().allMatch(r -> r.channel() == Channel.PAPER));
    Response library =
        stored.stream()
            .filter(r -> r.answer("find-information").orElseThrow().text().contains("library"))
            .findFirst()
            .orElseThrow();
    assertEquals(Role.PARENT_CARER, library.profile().role(), "labels are read as well as codes");
    assertTrue(library.consentToQuote());
    assertEquals(
        "2026-03-01",
        library
            .submittedAt()
            .atZone(java.time.ZoneId.of("Europe/London"))
            .toLocalDate()
            .toString());
    assertTrue(
        library.expiresAt() > java.time.Instant.now().getEpochSecond(),
        "retention runs from the import, not the old date");

    // The export neutralises formulas that came in with the import, and keeps the answers.
    Reply export = officer.get("/officer/councils/demo/consultations/local-offer-2026/export/csv");
    assertEquals(200, export.status());
    assertTrue(export.header("Content-Disposition").orElse("").contains("attachment"));
    assertTrue(export.body().contains("A paper directory in the library, please"));
    assertTrue(
        export
            .body()
            .lines()
            .noneMatch(
                line -> line.startsWith("=") || line.contains(",=") || line.contains(",\"=")),
        "no cell starts a formula");
    assertTrue(
        export.body().contains("'=HYPERLINK"), "the formula is kept as text behind an apostrophe");

    Reply web = importCsv("web");
    assertEquals(400, web.status(), "imports cannot pretend to be online answers");
    Reply wrongType =
        officer.postApi(
            "/api/v1/officer/councils/demo/consultations/local-offer-2026/import",
            "application/json",
            "{}");
    assertEquals(415, wrongType.status());
  }

  @Test
  void aFileThatCannotBeReadOrIsTooLongIsRefusedWhole() {
    String api = "/api/v1/officer/councils/demo/consultations/ehc-plan-survey/import";
    Reply unreadable = officer.postApi(api, "text/csv", "do-better\n\"never closed,\nx\n");
    assertEquals(400, unreadable.status(), unreadable.body());
    assertTrue(unreadable.body().contains("could not be read as CSV"));
    Reply tooLong =
        officer.postApi(api, "text/csv", "do-better\n" + "x\n".repeat(CsvImport.MAX_ROWS + 1));
    assertEquals(413, tooLong.status(), "split it into smaller files");
    assertTrue(tooLong.body().contains("more than 20000 rows"), tooLong.body());
    Reply justRight =
        officer.postApi(api, "text/csv", "outcomes-clear,do-better\n" + "clear,Fine\n".repeat(3));
    assertEquals(200, justRight.status(), justRight.body());
    assertEquals(
        3,
        fixture.services.responses().countForConsultation("demo", "ehc-plan-survey"),
        "only the readable file's rows; identical rows are separate answers");
  }
}
