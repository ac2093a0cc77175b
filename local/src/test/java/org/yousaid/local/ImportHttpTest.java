package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.officer.imports.ImportJob;
import org.yousaid.functions.officer.imports.ImportWorkerHandler;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.model.Role;
import org.yousaid.testing.WithLocalMode;

/**
 * Imports as an officer does them, over real HTTP against local mode (DynamoDB Local, the import
 * worker on local mode's queue): messy files from other tools uploaded as a browser uploads them,
 * the mapping preview, the import, undo, and large files in the background.
 */
class ImportHttpTest {

  @WithLocalMode static LocalMode local;

  private static final String CONSULTATION =
      "/officer/councils/demo/consultations/local-offer-2026";
  private static final String IMPORT = CONSULTATION + "/import";
  private static final String API = "/api/v1" + IMPORT;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /**
   * As Excel saves "CSV UTF-8": a byte order mark, CRLF, a cell with line breaks in quotes, blank
   * rows as commas, UK dates in three shapes, roles as people write them, an email column.
   */
  static final String EXCEL_CSV =
      "\uFEFFSubmitted on,Email address,I am a,Q1. What would help you find information about"
          + " services for your child or young person?,How would you like to get information about"
          + " the Local Offer?,Notes\r\n"
          + "12/11/2026,a@example.invalid,Parent/carer,\"A proper website.\r\nWith search!\","
          + "a website i can search,typed by JB\r\n"
          + "12-11-26,,Mum,Someone who calls back,A NAMED   person I can talk to,\r\n"
          + ",,,,,\r\n"
          + "12 November 2026,,SENCO,Training for school staff,,\r\n"
          + "13/11/2026,,young person,,,only a role and a date\r\n"
          + "31/02/2026,,carer,A bad date,,\r\n"
          + "14/11/2026,,Parent/carer,Leaflets in the GP surgery,carrier pigeon,\r\n";

  @Test
  void aMessyExcelCsvIsPreviewedAsItWillBeStoredThenTheGoodRowsAreImported() throws Exception {
    OfficerBrowser officer = officer();
    HttpResponse<String> preview =
        upload(officer, "answers.csv", EXCEL_CSV.getBytes(StandardCharsets.UTF_8), "paper");
    assertEquals(200, preview.statusCode(), preview.body());
    String page = unescaped(preview.body());
    assertTrue(page.contains("Check how answers.csv will be imported"), page);
    assertTrue(selected(page).containsValue("q.find-information"), "numbered header matched");
    assertEquals("submittedAt", selected(page).get("column-0"));
    assertEquals("profile.role", selected(page).get("column-2"));
    assertEquals("q.format", selected(page).get("column-4"));
    assertEquals("ignore", selected(page).get("column-1"), "an email address is never guessed");
    String unmatched = between(page, "id=\"unmatched\"", "</ul>");
    assertTrue(unmatched.contains("Email address") && unmatched.contains("Notes"), unmatched);
    assertTrue(page.contains("12 November 2026"), "dates as they will be stored");
    assertTrue(page.contains("Parent or carer") && page.contains("Professional"));
    assertTrue(page.contains("A named person I can talk to"), "option matched");
    String problems = between(page, "id=\"row-problems\"", "</ul>");
    assertTrue(problems.contains("Row 5: This row has no answers"), problems);
    assertTrue(
        problems.contains("Row 6: \"Submitted on\": \"31/02/2026\" is not a date"), problems);
    assertTrue(problems.contains("Row 7: \"How would you like"), problems);
    assertFalse(problems.contains("Row 3"), "a blank row is not a problem: " + problems);
    assertFalse(problems.contains("carrier pigeon"), "answers are not repeated back");
    int before = stored().size();

    HttpResponse<String> result = confirm(officer, page);
    assertTrue(result.body().contains("3 answers imported"), result.body());
    assertTrue(result.body().contains("3 rows were not imported"));
    List<Response> added = stored().subList(before, stored().size());
    assertEquals(3, added.size());
    Map<String, Response> byAnswer =
        added.stream()
            .collect(
                Collectors.toMap(r -> r.answer("find-information").orElseThrow().text(), r -> r));
    Response first =
        added.stream()
            .filter(
                r ->
                    r.answer("find-information")
                        .orElseThrow()
                        .text()
                        .startsWith("A proper website."))
            .findFirst()
            .orElseThrow();
    assertTrue(
        first.answer("find-information").orElseThrow().text().contains("With search!"),
        "a quoted cell keeps its second line");
    assertEquals(Role.PARENT_CARER, first.profile().role());
    assertEquals(Channel.PAPER, first.channel());
    assertEquals(List.of("website"), first.answer("format").orElseThrow().choices());
    assertEquals(LocalDate.of(2026, 11, 12), day(first.submittedAt()));
    Response mum = byAnswer.get("Someone who calls back");
    assertEquals(Role.PARENT_CARER, mum.profile().role());
    assertEquals(LocalDate.of(2026, 11, 12), day(mum.submittedAt()), "12-11-26");
    assertEquals(
        Role.PROFESSIONAL, byAnswer.get("Training for school staff").profile().role(), "SENCO");
    assertTrue(added.stream().noneMatch(r -> r.toString().contains("example.invalid")));
    assertTrue(added.stream().noneMatch(r -> r.toString().contains("typed by JB")));
  }

  @Test
  void aFileWithNoMatchingColumnIsRefusedWithAReasonAndNothingIsStored() throws Exception {
    OfficerBrowser officer = officer();
    int before = stored().size();
    HttpResponse<String> api =
        officer.postApi(API, "text/csv", "Colour,Shoe size\nblue,7\nred,9\n");
    assertEquals(400, api.statusCode(), api.body());
    assertTrue(api.body().contains("None of the file's columns matches a question"), api.body());
    HttpResponse<String> preview =
        upload(
            officer,
            "odd.csv",
            "Colour,Shoe size\nblue,7\n".getBytes(StandardCharsets.UTF_8),
            "import");
    assertTrue(preview.body().contains("No column matches a question"), preview.body());
    HttpResponse<String> refused = confirm(officer, preview.body(), 400);
    assertTrue(refused.body().contains("govuk-error-summary"), "an error summary");
    assertTrue(refused.body().contains("nothing would be imported"), refused.body());
    assertEquals(before, stored().size());
  }

  @Test
  void anXlsxMadeInExcelIsReadByValueAndUndoRemovesExactlyThatImport() throws Exception {
    OfficerBrowser officer = officer();
    HttpResponse<String> web =
        post(
            "/api/v1/councils/demo/consultations/local-offer-2026/responses",
            "application/json",
            "{\"answers\":{\"find-information\":\"Sent online, must stay\"}}");
    assertEquals(201, web.statusCode(), web.body());
    HttpResponse<String> other =
        officer.postApi(
            API + "?channel=email",
            "text/csv",
            "find-information\n\"From another import, stays\"\n");
    assertEquals(200, other.statusCode(), other.body());
    assertTrue(other.body().contains("\"imported\":1"), other.body());

    HttpResponse<String> preview = upload(officer, "forms.xlsx", workbook(), "import");
    assertEquals(200, preview.statusCode(), preview.body());
    assertTrue(preview.body().contains("3 November 2026"), "the date cell's value, not m/d/yy");
    HttpResponse<String> result = confirm(officer, preview.body());
    assertTrue(result.body().contains("3 answers imported"), result.body());
    List<Response> fromXlsx =
        stored().stream()
            .filter(r -> r.answer("find-information").orElseThrow().text().startsWith("Xlsx"))
            .toList();
    assertEquals(3, fromXlsx.size());
    assertEquals(
        Set.of(Role.PARENT_CARER, Role.YOUNG_PERSON),
        fromXlsx.stream().map(r -> r.profile().role()).collect(Collectors.toSet()));
    Response one =
        fromXlsx.stream()
            .filter(r -> r.answer("find-information").orElseThrow().text().equals("Xlsx one"))
            .findFirst()
            .orElseThrow();
    assertEquals(LocalDate.of(2026, 11, 3), day(one.submittedAt()));
    assertEquals(List.of("age", "area"), one.answer("search-by").orElseThrow().choices());

    String history = officer.get(IMPORT).body();
    Matcher undoLink =
        Pattern.compile(
                "href=\"\\?undo=([0-9a-f]+)\">Undo<span class=\"govuk-visually-hidden\"> import of forms.xlsx")
            .matcher(history);
    assertTrue(undoLink.find(), history);
    HttpResponse<String> confirmUndo = officer.get(IMPORT + "?undo=" + undoLink.group(1));
    assertTrue(
        confirmUndo.body().contains("removes the 3 answers imported from forms.xlsx"),
        confirmUndo.body());
    // A look at the register makes the imported comments register entries.
    assertTrue(
        officer.get("/api/v1/officer/councils/demo/register").body().contains("Xlsx one"),
        "the imported comments are in the register");
    int before = stored().size();
    HttpResponse<String> undone =
        officer.postForm(IMPORT, "action=undo&batch=" + undoLink.group(1));
    assertEquals(303, undone.statusCode(), undone.body());
    List<Response> after = stored();
    assertEquals(before - 3, after.size(), "exactly the batch");
    assertTrue(
        after.stream()
            .noneMatch(r -> r.answer("find-information").orElseThrow().text().startsWith("Xlsx")));
    assertTrue(
        after.stream()
            .anyMatch(
                r ->
                    r.answer("find-information")
                        .orElseThrow()
                        .text()
                        .equals("Sent online, must stay")));
    assertTrue(
        after.stream()
            .anyMatch(
                r ->
                    r.answer("find-information")
                        .orElseThrow()
                        .text()
                        .equals("From another import, stays")),
        other.body());
    for (Response gone : fromXlsx) {
      assertEquals(
          404,
          HTTP.send(
                  HttpRequest.newBuilder(uri("/api/v1/receipts/" + gone.receipt())).build(),
                  HttpResponse.BodyHandlers.ofString())
              .statusCode(),
          "its receipt is gone too");
    }
    assertTrue(officer.get(IMPORT).body().contains("Undone"), "the history says so");
    String register = officer.get("/api/v1/officer/councils/demo/register").body();
    assertFalse(
        register.contains("Xlsx"), "undoing an import takes its comments out of the register");
    assertTrue(register.contains("Sent online, must stay"), register);
  }

  @Test
  void aLargeFileIsImportedInTheBackgroundAndARetriedChunkStoresNothingTwice() throws Exception {
    OfficerBrowser officer = officer();
    int rows = 1_200;
    StringBuilder csv = new StringBuilder("Timestamp,find-information,Role\n");
    for (int i = 0; i < rows; i++) {
      csv.append("0")
          .append(1 + i % 28)
          .append("/10/2026,Background answer ")
          .append(i)
          .append(",parent\n");
    }
    int before = stored().size();
    HttpResponse<String> accepted = officer.postApi(API, "text/csv", csv.toString());
    assertEquals(202, accepted.statusCode(), accepted.body());
    String batch = Json.mapper().readTree(accepted.body()).get("batchId").asText();
    assertTrue(local.importQueue().awaitIdle(10, TimeUnit.MINUTES));
    assertEquals(before + rows, stored().size());
    String page = officer.get(IMPORT + "?batch=" + batch).body();
    assertTrue(page.contains(rows + " answers imported"), page);

    // SQS delivers at least once: the same chunk again, while the batch is running, replays.
    var store = new org.yousaid.functions.officer.imports.ImportStore(local.services());
    var batchRecord = store.batch("demo", "local-offer-2026", batch).orElseThrow();
    HttpResponse<String> again = officer.postApi(API, "text/csv", csv.toString());
    assertEquals(202, again.statusCode(), "the same file runs the same batch again");
    ImportWorkerHandler worker = new ImportWorkerHandler(local.services());
    String chunk0 = Json.write(new ImportJob(ImportJob.ROWS, "demo", "local-offer-2026", batch, 0));
    worker.handleRequest(org.yousaid.functions.common.priming.PrimingData.sqs(chunk0), null);
    assertTrue(local.importQueue().awaitIdle(10, TimeUnit.MINUTES));
    assertEquals(before + rows, stored().size(), "nothing stored twice");
    assertEquals(batchRecord.id(), batch);
    assertTrue(officer.get(IMPORT + "?batch=" + batch).body().contains("0 answers imported"));
  }

  /**
   * The most a file may hold, through the API as a council's script would send it: every row is
   * stored by the worker. The time is printed for docs/benchmarks.md, never asserted. About 2.5
   * minutes on 2 cores, so it runs in bin/test-slow, not the default suite.
   */
  @Test
  @Tag("slow")
  void twentyThousandRowsCompleteInTheBackground() throws Exception {
    OfficerBrowser officer = officer();
    int rows = 20_000;
    String[] roles = {"Parent/carer", "Mum", "young person", "SENCO", "carer", "Dad"};
    StringBuilder csv =
        new StringBuilder(
            "Completion time,find-information,I am a,Would it help to search the"
                + " Local Offer by disability or by age?\n");
    for (int i = 0; i < rows; i++) {
      csv.append(String.format("%d/%d/2026", 1 + i % 28, 1 + i % 12))
          .append(",\"Twenty thousand, answer ")
          .append(i)
          .append("\",")
          .append(roles[i % roles.length])
          .append(",search by age; Search by where I live\n");
    }
    int before = stored().size();
    long start = System.nanoTime();
    HttpResponse<String> accepted = officer.postApi(API, "text/csv", csv.toString());
    long queued = System.nanoTime();
    assertEquals(202, accepted.statusCode(), accepted.body());
    assertTrue(local.importQueue().awaitIdle(60, TimeUnit.MINUTES));
    long done = System.nanoTime();
    assertEquals(0, local.importQueue().deadLetterCount());
    assertEquals(before + rows, stored().size());
    String batch = Json.mapper().readTree(accepted.body()).get("batchId").asText();
    assertTrue(officer.get(IMPORT + "?batch=" + batch).body().contains(rows + " answers imported"));
    System.out.printf(
        "import-benchmark rows=%d request_seconds=%.1f total_seconds=%.1f rows_per_second=%.0f%n",
        rows, (queued - start) / 1e9, (done - start) / 1e9, rows / ((done - start) / 1e9));
  }

  private static LocalDate day(Instant instant) {
    return instant.atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
  }

  private static byte[] workbook() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("Form1");
      CellStyle usDate = wb.createCellStyle();
      usDate.setDataFormat((short) 14); // Excel's built-in m/d/yy
      Row header = sheet.createRow(0);
      String[] names = {
        "Completion time",
        "What would help you find information about services for your child or young person?",
        "Are you a",
        "Would it help to search the Local Offer by disability or by age?"
      };
      for (int i = 0; i < names.length; i++) {
        header.createCell(i).setCellValue(names[i]);
      }
      Object[][] data = {
        {LocalDate.of(2026, 11, 3), "Xlsx one", "Mum", "Search by age; search by where I live"},
        {LocalDate.of(2026, 11, 4), "Xlsx two", "Young person", ""},
        {LocalDate.of(2026, 11, 5), "Xlsx three", "Dad", "none of these"}
      };
      for (int r = 0; r < data.length; r++) {
        Row row = sheet.createRow(r + 1);
        var date = row.createCell(0);
        date.setCellValue((LocalDate) data[r][0]);
        date.setCellStyle(usDate);
        for (int c = 1; c < 4; c++) {
          row.createCell(c).setCellValue((String) data[r][c]);
        }
      }
      wb.write(out);
      return out.toByteArray();
    }
  }

  private static OfficerBrowser officer() {
    return new OfficerBrowser(local, "importer@demo.example", List.of("demo"));
  }

  private static List<Response> stored() {
    return local.services().responses().listForConsultation("demo", "local-offer-2026");
  }

  /** A browser's multipart upload of the import form. */
  private static HttpResponse<String> upload(
      OfficerBrowser officer, String fileName, byte[] file, String channel) throws Exception {
    String csrf = OfficerBrowser.csrf(officer.get(IMPORT).body());
    String boundary = "----yousaidTestBoundary" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> field :
        Map.of("csrf", csrf, "action", "upload", "channel", channel, "csv", "").entrySet()) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field.getKey()
                  + "\"\r\n\r\n"
                  + field.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HTTP.send(
        HttpRequest.newBuilder(uri(IMPORT))
            .header("Cookie", "yousaid-officer=" + officer.token())
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> confirm(OfficerBrowser officer, String preview)
      throws Exception {
    HttpResponse<String> started = confirm(officer, preview, 303);
    return officer.get(started.headers().firstValue("Location").orElseThrow());
  }

  /** Presses "Import" on the preview with every select as shown. */
  private static HttpResponse<String> confirm(OfficerBrowser officer, String preview, int status)
      throws Exception {
    Matcher batch = Pattern.compile("name=\"batch\" value=\"([0-9a-f]+)\"").matcher(preview);
    assertTrue(batch.find(), preview);
    Matcher channel = Pattern.compile("name=\"channel\" value=\"([a-z]+)\"").matcher(preview);
    assertTrue(channel.find());
    StringBuilder form =
        new StringBuilder("action=import&batch=" + batch.group(1) + "&channel=" + channel.group(1));
    selected(preview)
        .forEach((k, v) -> form.append('&').append(k).append('=').append(OfficerBrowser.enc(v)));
    HttpResponse<String> started = officer.postForm(IMPORT, form.toString());
    assertEquals(status, started.statusCode(), started.body());
    return started;
  }

  private static Map<String, String> selected(String page) {
    Map<String, String> chosen = new java.util.LinkedHashMap<>();
    Matcher select =
        Pattern.compile("<select[^>]* name=\"(column-\\d+)\">(.*?)</select>", Pattern.DOTALL)
            .matcher(page);
    while (select.find()) {
      Matcher option =
          Pattern.compile("<option value=\"([^\"]+)\" selected>").matcher(select.group(2));
      assertTrue(option.find(), select.group(1));
      chosen.put(select.group(1), option.group(1));
    }
    return chosen;
  }

  private static String unescaped(String html) {
    return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }

  private static String between(String page, String start, String end) {
    int from = page.indexOf(start);
    assertTrue(from >= 0, "no " + start + " in the page");
    return page.substring(from, page.indexOf(end, from));
  }

  private static HttpResponse<String> post(String path, String type, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + local.port() + path);
  }
}
