package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.functions.officer.OfficerSession.enc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.officer.OfficerSession.Reply;
import org.yousaid.shared.audit.AuditEntry;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Response;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * The import page and API: how the API reads its query (the channel and the explicit column
 * mapping), the form officers paste a file into, and what each import leaves in the audit log.
 * {@link CsvImportTest} covers the rows themselves.
 */
@WithDynamoDb
class ImportPageTest {

  private static final String IMPORT =
      "/officer/councils/demo/consultations/local-offer-2026/import";
  static final String IMPORT_PATH = IMPORT;
  private static final String API =
      "/api/v1/officer/councils/demo/consultations/local-offer-2026/import";

  @Test
  void theMappingIsEveryMapParameterByColumnName() {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("channel", "paper");
    query.put("map.What would help?", "find-information");
    query.put("map.Timestamp", "ignore");
    query.put("map.", "empty-column-name");
    query.put("mapping.Other", "not-a-mapping");
    query.put("Map.Upper", "not-a-mapping-either");
    assertEquals(
        Map.of(
            "What would help?", "find-information",
            "Timestamp", "ignore",
            "", "empty-column-name"),
        ImportPage.mapping(query));
    assertEquals(Map.of(), ImportPage.mapping(Map.of("channel", "email")));
  }

  @Test
  void theChannelIsOneOfTheKnownCodesOrImport() {
    assertEquals(Channel.PAPER, ImportPage.channel(Optional.of("paper")));
    assertEquals(Channel.MEETING, ImportPage.channel(Optional.of("meeting")));
    assertEquals(Channel.EMAIL, ImportPage.channel(Optional.of("email")));
    assertEquals(Channel.IMPORT, ImportPage.channel(Optional.empty()));
    assertEquals(Channel.IMPORT, ImportPage.channel(Optional.of("carrier-pigeon")));
    assertEquals(
        Channel.WEB,
        ImportPage.channel(Optional.of("web")),
        "read as asked; the importer itself refuses web (CsvImportTest)");
  }

  @Test
  void theFormPageOffersTheChannelsAndAPlaceForTheFile(DynamoTable table) {
    OfficerSession officer = new OfficerFixture(table).officer("importer@demo.example", "demo");
    Reply page = officer.get(IMPORT);
    assertEquals(200, page.status(), page.body());
    assertTrue(page.body().contains("Import answers"));
    assertTrue(page.body().contains("name=\"csv\""));
    assertTrue(page.body().contains("type=\"file\""), "a file can be uploaded");
    assertTrue(page.body().contains("enctype=\"multipart/form-data\""));
    for (String channel : List.of("import", "paper", "meeting", "email")) {
      assertTrue(page.body().contains("value=\"" + channel + "\""), channel);
    }
    assertFalse(page.body().contains("value=\"web\""), "imports are never online answers");
    assertFalse(page.body().contains("answers imported"), "nothing imported yet");
  }

  @Test
  void aPastedFileIsImportedAndThePageSaysWhatHappenedToEachRow(DynamoTable table) {
    OfficerFixture fixture = new OfficerFixture(table);
    OfficerSession officer = fixture.officer("importer@demo.example", "demo");
    Reply preview = officer.postForm(IMPORT, "channel=meeting&csv=" + enc(CsvImportTest.CSV));
    assertEquals(200, preview.status(), preview.body());
    assertTrue(preview.body().contains("Check how"), "a preview before anything is stored");
    assertEquals(0, fixture.services.responses().countForConsultation("demo", "local-offer-2026"));
    Reply done = importPreviewed(officer, preview);
    assertEquals(200, done.status(), done.body());
    assertTrue(done.body().contains("2 answers imported"), done.body());
    assertTrue(done.body().contains("0 were already here; 3 rows were not imported"));
    assertTrue(done.body().contains("Row 3:") && done.body().contains("Row 4:"));
    assertTrue(done.body().contains("Row 5:"));
    assertFalse(
        done.body().contains("<script") && done.body().contains("HYPERLINK(\"http"),
        "the file's text is escaped if shown at all");
    List<Response> stored =
        fixture.services.responses().listForConsultation("demo", "local-offer-2026");
    assertEquals(2, stored.size());
    assertTrue(stored.stream().allMatch(r -> r.channel() == Channel.MEETING));

    Reply again =
        importPreviewed(
            officer, officer.postForm(IMPORT, "channel=meeting&csv=" + enc(CsvImportTest.CSV)));
    assertTrue(again.body().contains("0 answers imported"), "never twice");
    assertTrue(again.body().contains("2 were already here"));

    List<AuditEntry> log = fixture.services.audit().entries("demo", "local-offer-2026");
    assertEquals(
        List.of(
            "imported 2 answers (meeting), 3 rows refused",
            "imported 0 answers (meeting), 3 rows refused"),
        log.stream().map(AuditEntry::summary).toList());
    assertTrue(log.stream().allMatch(e -> e.action().equals("imported")));
    assertTrue(log.stream().allMatch(e -> e.officer().equals("importer@demo.example")));
  }

  @Test
  void aFormWithoutAChannelImportsAsAnotherTool(DynamoTable table) {
    OfficerFixture fixture = new OfficerFixture(table);
    OfficerSession officer = fixture.officer("importer@demo.example", "demo");
    String csv = "find-information\nA bus to the short-breaks club\n";
    assertEquals(
        200, importPreviewed(officer, officer.postForm(IMPORT, "csv=" + enc(csv))).status());
    assertEquals(
        List.of(Channel.IMPORT),
        fixture.services.responses().listForConsultation("demo", "local-offer-2026").stream()
            .map(Response::channel)
            .toList());
  }

  @Test
  void theApiMapsColumnsAsToldAndRefusesAMappingToNothing(DynamoTable table) {
    OfficerFixture fixture = new OfficerFixture(table);
    OfficerSession officer = fixture.officer("importer@demo.example", "demo");
    String csv = "Comments,Notes\nA named key worker,internal note\n";
    Reply refused = officer.postApi(API + "?map.Comments=q.nope", "text/csv", csv);
    assertEquals(400, refused.status(), refused.body());
    assertTrue(refused.body().contains("mapped to something this consultation does not have"));
    Reply mapped =
        officer.postApi(
            API + "?channel=email&map.Comments=q.find-information&map.Notes=ignore",
            "text/csv",
            csv);
    assertEquals(200, mapped.status(), mapped.body());
    assertTrue(mapped.body().contains("\"imported\":1"), mapped.body());
    Response stored =
        fixture.services.responses().listForConsultation("demo", "local-offer-2026").get(0);
    assertEquals(Channel.EMAIL, stored.channel());
    assertEquals("A named key worker", stored.answer("find-information").orElseThrow().text());
    assertFalse(stored.toString().contains("internal note"), "an ignored column is not stored");
  }

  @Test
  void anUnknownConsultationOrAnotherCouncilIsRefusedAndNothingIsImported(DynamoTable table) {
    OfficerFixture fixture = new OfficerFixture(table);
    OfficerSession officer = fixture.officer("importer@demo.example", "demo");
    String nope = "/officer/councils/demo/consultations/nope/import";
    assertEquals(404, officer.get(nope).status());
    assertEquals(404, officer.postForm(nope, "csv=find-information%0Ax").status());
    OfficerSession elsewhere = fixture.officer("x@elsewhere.example", "elsewhere");
    assertEquals(403, elsewhere.get(IMPORT).status());
    assertEquals(403, elsewhere.postForm(IMPORT, "csv=" + enc(CsvImportTest.CSV)).status());
    assertEquals(403, elsewhere.postApi(API, "text/csv", CsvImportTest.CSV).status());
    assertEquals(401, fixture.anonymous().postApi(API, "text/csv", CsvImportTest.CSV).status());
    assertEquals(0, fixture.services.responses().countForConsultation("demo", "local-offer-2026"));
    assertTrue(fixture.services.audit().entries("demo", "local-offer-2026").isEmpty());
  }

  /**
   * Confirms a preview as shown (every select's chosen option), then follows the redirect to the
   * import's result, as a browser does.
   */
  static Reply importPreviewed(OfficerSession officer, Reply preview) {
    assertEquals(200, preview.status(), preview.body());
    java.util.regex.Matcher batch =
        java.util.regex.Pattern.compile("name=\"batch\" value=\"([0-9a-f]+)\"")
            .matcher(preview.body());
    assertTrue(batch.find(), preview.body());
    java.util.regex.Matcher channel =
        java.util.regex.Pattern.compile("name=\"channel\" value=\"([a-z]+)\"")
            .matcher(preview.body());
    assertTrue(channel.find());
    StringBuilder form =
        new StringBuilder("action=import&batch=" + batch.group(1) + "&channel=" + channel.group(1));
    java.util.regex.Matcher select =
        java.util.regex.Pattern.compile(
                "<select[^>]* name=\"(column-\\d+)\">(.*?)</select>",
                java.util.regex.Pattern.DOTALL)
            .matcher(preview.body());
    while (select.find()) {
      java.util.regex.Matcher chosen =
          java.util.regex.Pattern.compile("<option value=\"([^\"]+)\" selected>")
              .matcher(select.group(2));
      assertTrue(chosen.find(), select.group(1));
      form.append('&').append(select.group(1)).append('=').append(enc(chosen.group(1)));
    }
    Reply started = officer.postForm(IMPORT_PATH, form.toString());
    assertEquals(303, started.status(), started.body());
    return officer.get(started.header("Location").orElseThrow());
  }
}
