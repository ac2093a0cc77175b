package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.testing.CapturedOutput;
import org.yousaid.testing.WithLocalMode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * "Tell me when the council acts on what I said", over real HTTP in local mode with the table's
 * stream driving the notifier: respondents opt in from the confirmation page's form (a bad address
 * comes back with the error and what was typed) and through the JSON API; the officer themes the
 * comments and moves the action planned, in progress, done; the mail folder holds exactly the
 * expected emails (a second save of the same status sends nothing; an unsubscribe link and an
 * erasure with the receipt stop them, and the erased address is gone from the table). Then an
 * adversary reads every officer page, JSON route and download and every published file for the
 * addresses.
 */
@WithLocalMode
class ActionAlertsHttpTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String REGISTER = "/officer/councils/kr/register";
  private static final String ONE = "parent.one@family.example";
  private static final String TWO = "parent.two@family.example";
  private static final String THREE = "parent.three@family.example";
  private static final String FIVE = "parent.five@family.example";
  private static final String ACTION = "We checked every price on the short breaks page.";

  @Test
  void respondentsWhoAskAreToldOnceOfEachChangeAndOfficersNeverSeeAnAddress(
      CapturedOutput output, LocalMode local) throws Exception {
    local
        .services()
        .consultations()
        .save(
            ConsultationTemplates.localOffer(
                "kr", "Kingston and Richmond", "lo-2026", List.of(), null, null));
    OfficerBrowser officer = new OfficerBrowser(local, "officer@kr.example", List.of("kr"));

    // Respondent one sends the HTML form and opts in on the confirmation page.
    HttpResponse<String> form = get(local, "/c/kr/lo-2026");
    Matcher token =
        Pattern.compile("name=\"formToken\" value=\"([0-9a-f\\-]{36})\"").matcher(form.body());
    assertTrue(token.find());
    HttpResponse<String> sent =
        postForm(
            local,
            "/c/kr/lo-2026",
            "formToken="
                + token.group(1)
                + "&"
                + enc("q.find-information")
                + "="
                + enc("ANSWER-ONE short breaks prices are wrong for my son")
                + "&consent=yes");
    assertEquals(200, sent.statusCode());
    assertTrue(sent.body().contains("action=\"/receipt/alerts\""), "the confirmation offers it");
    assertTrue(sent.body().contains("What we keep"));
    assertTrue(sent.body().contains("every email has a link to stop them"));
    String receiptOne = receiptOf(sent.body());

    HttpResponse<String> bad =
        postForm(
            local,
            "/receipt/alerts",
            "receipt=" + receiptOne + "&email=" + enc("parent one at home"));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("<title>Error: "), "the title says there is an error");
    assertTrue(bad.body().contains("There is a problem"));
    assertTrue(bad.body().contains("href=\"#email\">Enter an email address in the correct format"));
    assertTrue(bad.body().contains("value=\"parent one at home\""), "what was typed is kept");
    assertEquals(receiptOne, receiptOf(bad.body()), "and the receipt code is still shown");
    HttpResponse<String> injected =
        postForm(
            local,
            "/receipt/alerts",
            "receipt=" + receiptOne + "&email=" + enc(ONE + "\r\nBcc: spy@evil.example"));
    assertEquals(400, injected.statusCode(), "no header can ride in on an address");
    assertEquals(
        400, postForm(local, "/receipt/alerts", "receipt=" + receiptOne + "&email=").statusCode());
    assertEquals(
        404,
        postForm(local, "/receipt/alerts", "receipt=ABCD-2345-WXYZ&email=" + enc(ONE))
            .statusCode());
    HttpResponse<String> on =
        postForm(
            local, "/receipt/alerts", "receipt=" + receiptOne + "&email=" + enc(" " + ONE + " "));
    assertEquals(200, on.statusCode(), on.body());
    assertTrue(on.body().contains("We will email you"));

    // The others answer through the API; two opt in there, one on the form, one not at all.
    String receiptTwo = answer(local, "ANSWER-TWO short breaks page is out of date");
    String receiptThree = answer(local, "ANSWER-THREE short breaks list is missing clubs");
    answer(local, "ANSWER-FOUR short breaks, and I want no emails");
    String receiptFive = answer(local, "ANSWER-FIVE the search is hard to use");
    HttpResponse<String> badJson = optInJson(local, receiptTwo, "two@");
    assertEquals(400, badJson.statusCode());
    assertEquals(
        "email", Json.mapper().readTree(badJson.body()).get("errors").get(0).get("field").asText());
    assertEquals(201, optInJson(local, receiptTwo, TWO).statusCode());
    assertEquals(201, optInJson(local, receiptFive, FIVE).statusCode());
    assertEquals(
        200,
        postForm(local, "/receipt/alerts", "receipt=" + receiptThree + "&email=" + enc(THREE))
            .statusCode());

    // The officer themes the comments.
    JsonNode api =
        Json.mapper().readTree(officer.get("/api/v1/officer/councils/kr/register").body());
    Map<String, String> ids = new LinkedHashMap<>();
    api.get("entries")
        .forEach(
            e ->
                ids.put(
                    e.get("text").asText().substring(0, e.get("text").asText().indexOf(' ')),
                    e.get("consultationId").asText()
                        + "~"
                        + e.get("questionId").asText()
                        + "~"
                        + e.get("responseId").asText()));
    assertEquals(5, ids.size(), ids.toString());
    assertEquals(
        303,
        officer
            .postForm(
                REGISTER + "/entries/" + ids.get("ANSWER-ONE"),
                "do=triage&theme=new&area=content&label=" + enc("Short breaks information"))
            .statusCode());
    assertEquals(
        303,
        officer
            .postForm(
                REGISTER + "/entries/" + ids.get("ANSWER-FIVE"),
                "do=triage&theme=new&area=accessibility&label=" + enc("Search"))
            .statusCode());
    for (String who : List.of("ANSWER-TWO", "ANSWER-THREE", "ANSWER-FOUR")) {
      assertEquals(
          303,
          officer
              .postForm(
                  REGISTER + "/entries/" + ids.get(who), "do=triage&theme=short-breaks-information")
              .statusCode());
    }

    // Planned: the three who asked and whose answers are in the theme.
    setStatus(officer, "planned");
    awaitMails(local, 3);
    assertEquals(List.of(ONE, THREE, TWO), recipients(local));
    setStatus(officer, "planned");
    assertEquals(1, outboxItems(local), "a second save of the same status sends nothing");

    // Three stops them with the link in their email: it asks first, then stops only theirs.
    URI stop = unsubscribeOf(mailsTo(local, THREE).get(0));
    HttpResponse<String> asks = get(local, stop.getPath());
    assertEquals(200, asks.statusCode());
    assertTrue(asks.body().contains("Stop these emails"));
    assertTrue(tableHolds(local, THREE), "a GET (a mail scanner's) stops nothing");
    HttpResponse<String> stopped = postForm(local, stop.getPath(), "");
    assertEquals(200, stopped.statusCode());
    assertTrue(stopped.body().contains("You will not get any more emails"));
    assertFalse(tableHolds(local, THREE), "stopping deletes the address");
    assertEquals(404, get(local, stop.getPath()).statusCode());
    assertTrue(
        get(local, "/api/v1/receipts/" + receiptThree).statusCode() == 200, "their answers stay");

    setStatus(officer, "in-progress");
    awaitMails(local, 5);
    assertEquals(List.of(ONE, ONE, THREE, TWO, TWO), recipients(local));

    // Two erases their answers with the receipt: their address goes with them.
    assertEquals(
        204,
        HTTP.send(
                HttpRequest.newBuilder(uri(local, "/api/v1/receipts/" + receiptTwo))
                    .DELETE()
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .statusCode());
    assertFalse(tableHolds(local, TWO), "the erased respondent's address is gone from the table");

    setStatus(officer, "done");
    awaitMails(local, 6);
    setStatus(officer, "done");
    assertEquals(3, outboxItems(local));
    assertEquals(List.of(ONE, ONE, ONE, THREE, TWO, TWO), recipients(local));

    // What each email says: what changed, in the council's words; never an answer.
    List<MimeMessage> toOne = mailsTo(local, ONE);
    String last = String.valueOf(toOne.get(2).getContent());
    assertEquals(
        "Kingston and Richmond: Short breaks information - action done", toOne.get(2).getSubject());
    assertTrue(last.contains(ACTION));
    assertTrue(last.contains("this is now done"));
    assertTrue(String.valueOf(toOne.get(1).getContent()).contains("this is now in progress"));
    for (Path f : emlFiles(local)) {
      String raw = Files.readString(f, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
      assertFalse(raw.contains("answer-"), f + " repeats an answer");
      assertFalse(raw.contains("prices are wrong"), f + " repeats an answer");
    }

    // The email's link to the published page works once the report is published.
    publish(officer, local);
    Matcher page = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/published/\\S+)").matcher(last);
    assertTrue(page.find(), last);
    assertEquals(200, get(local, URI.create(page.group(1)).getPath()).statusCode());

    // An adversary reads everything an officer can, and everything published, for an address.
    List<String> addresses = List.of(ONE, TWO, THREE, FIVE);
    assertTrue(
        tableHolds(local, ONE) && tableHolds(local, FIVE), "those still subscribed are kept");
    Map<String, String> seen = officerEverything(local, officer, ids);
    assertTrue(seen.size() > 40, "read " + seen.keySet());
    assertTrue(
        seen.values().stream().anyMatch(body -> body.contains("ANSWER-FIVE")),
        "the scan reads the answers, so it would see an address beside them");
    seen.putAll(publishedFiles(local));
    for (Map.Entry<String, String> e : seen.entrySet()) {
      String body = e.getValue().toLowerCase(Locale.ROOT);
      for (String address : addresses) {
        assertFalse(body.contains(address), e.getKey() + " shows " + address);
        assertFalse(body.contains("family.example"), e.getKey() + " shows an address's domain");
      }
    }

    // Nothing logged an address or an answer.
    String logs = output.text();
    assertTrue(logs.contains("action alerts sent"), "the notifier's log was captured");
    assertFalse(logs.contains("family.example"), "an address was logged");
    assertFalse(logs.contains("ANSWER-"), "an answer was logged");
  }

  // ---- the respondent's side

  private static String answer(LocalMode local, String text) throws Exception {
    String json =
        Json.mapper()
            .writeValueAsString(
                Map.of("answers", Map.of("find-information", text), "consentToQuote", true));
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    uri(local, "/api/v1/councils/kr/consultations/lo-2026/responses"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(201, r.statusCode(), r.body());
    return Json.mapper().readTree(r.body()).get("receipt").asText();
  }

  private static HttpResponse<String> optInJson(LocalMode local, String receipt, String email)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(local, "/api/v1/receipts/" + receipt + "/alerts"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    Json.mapper().writeValueAsString(Map.of("email", email))))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String receiptOf(String page) {
    Matcher m = Pattern.compile("class=\"yousaid-receipt\">([0-9A-Z\\-]{14})<").matcher(page);
    assertTrue(m.find(), "the page shows the receipt code");
    return m.group(1);
  }

  // ---- the officer's side

  private static void setStatus(OfficerBrowser officer, String status) throws Exception {
    HttpResponse<String> r =
        officer.postForm(
            REGISTER + "/themes/short-breaks-information",
            "label="
                + enc("Short breaks information")
                + "&response="
                + enc("You told us the page was out of date.")
                + "&action="
                + enc(ACTION)
                + "&status="
                + status);
    assertEquals(303, r.statusCode(), r.body());
  }

  private static void publish(OfficerBrowser officer, LocalMode local) throws Exception {
    Matcher draft =
        Pattern.compile("name=\"draft\" value=\"([0-9a-f]{64})\"")
            .matcher(officer.get(REGISTER + "/report").body());
    assertTrue(draft.find());
    assertEquals(
        303,
        officer.postForm(REGISTER + "/report", "confirm=yes&draft=" + draft.group(1)).statusCode());
    assertTrue(local.publishQueue().awaitIdle(2, TimeUnit.MINUTES));
  }

  /** Every GET route of the officer function, with this council's real ids, and its downloads. */
  private static Map<String, String> officerEverything(
      LocalMode local, OfficerBrowser officer, Map<String, String> ids) throws Exception {
    List<SamTemplate.Route> routes;
    try (InputStream in =
        Files.newInputStream(
            Path.of(System.getProperty("yousaid.repo.root", "..")).resolve("template.yaml"))) {
      routes =
          SamTemplate.parse(in).functions().stream()
              .filter(f -> f.handlerClass().endsWith(".OfficerHandler"))
              .flatMap(f -> f.routes().stream())
              .filter(r -> r.method().equals("GET"))
              .toList();
    }
    Map<String, String> seen = new LinkedHashMap<>();
    for (SamTemplate.Route route : routes) {
      List<String> paths = new ArrayList<>();
      for (String format : List.of("csv", "xlsx", "docx", "pdf", "json")) {
        for (String entry : ids.values()) {
          for (String theme : List.of("short-breaks-information", "search")) {
            paths.add(
                route
                    .path()
                    .replace("{council}", "kr")
                    .replace("{consultation}", "lo-2026")
                    .replace("{question}", "find-information")
                    .replace("{theme}", theme)
                    .replace("{entry}", entry)
                    .replace("{format}", format));
          }
        }
      }
      for (String path : paths.stream().distinct().toList()) {
        for (String query : List.of("", "?show=all")) {
          HttpResponse<byte[]> r = officer.getBytes(path + query);
          if (r.statusCode() == 200) {
            seen.put(path + query, readable(r.body()));
          }
        }
      }
    }
    return seen;
  }

  /** The text of a page, JSON, CSV, or an XLSX, DOCX (zip) or PDF download. */
  private static String readable(byte[] body) throws Exception {
    StringBuilder out = new StringBuilder(new String(body, StandardCharsets.UTF_8));
    if (body.length > 4 && body[0] == 'P' && body[1] == 'K') {
      try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
          out.append('\n').append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    } else if (body.length > 4
        && new String(body, 0, 4, StandardCharsets.US_ASCII).equals("%PDF")) {
      try (var doc = Loader.loadPDF(body)) {
        out.append('\n').append(new PDFTextStripper().getText(doc));
      }
    }
    return out.toString();
  }

  private static Map<String, String> publishedFiles(LocalMode local) throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(local.site().root())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(f.toString(), readable(Files.readAllBytes(f)));
      }
    }
    assertTrue(
        out.keySet().stream().anyMatch(p -> p.endsWith("feed.atom")), out.keySet().toString());
    return out;
  }

  // ---- the mail folder and the table

  private static List<Path> emlFiles(LocalMode local) throws Exception {
    if (!Files.isDirectory(local.mailFolder())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(local.mailFolder())) {
      return files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
    }
  }

  private static List<MimeMessage> mails(LocalMode local) throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (Path f : emlFiles(local)) {
      try (InputStream in = Files.newInputStream(f)) {
        out.add(new MimeMessage(Session.getInstance(new Properties()), in));
      }
    }
    return out;
  }

  private static List<MimeMessage> mailsTo(LocalMode local, String address) throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : mails(local)) {
      if (m.getAllRecipients()[0].toString().equals(address)) {
        out.add(m);
      }
    }
    return out;
  }

  private static List<String> recipients(LocalMode local) throws Exception {
    List<String> out = new ArrayList<>();
    for (MimeMessage m : mails(local)) {
      out.add(m.getAllRecipients()[0].toString());
    }
    out.sort(String::compareTo);
    return out;
  }

  private static URI unsubscribeOf(MimeMessage m) throws Exception {
    String header = m.getHeader("List-Unsubscribe", null);
    assertTrue(header != null && header.startsWith("<") && header.endsWith(">"), header);
    URI link = URI.create(header.substring(1, header.length() - 1));
    assertTrue(
        String.valueOf(m.getContent()).contains(link.toString()), "the link is in the text too");
    return link;
  }

  private static void awaitMails(LocalMode local, int count) throws Exception {
    await(
        () -> {
          try {
            return emlFiles(local).size() >= count;
          } catch (Exception e) {
            return false;
          }
        },
        count + " emails");
    assertEquals(count, emlFiles(local).size(), "exactly the expected emails");
  }

  private static int outboxItems(LocalMode local) {
    int n = 0;
    for (Map<String, AttributeValue> item : scan(local)) {
      n += item.get(TableLayout.SK).s().startsWith(TableLayout.REGISTER_OUTBOX_PREFIX) ? 1 : 0;
    }
    return n;
  }

  private static boolean tableHolds(LocalMode local, String text) {
    return scan(local).stream().anyMatch(item -> item.toString().contains(text));
  }

  private static List<Map<String, AttributeValue>> scan(LocalMode local) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    local
        .storageClient()
        .scanPaginator(b -> b.tableName(local.services().table().name()))
        .items()
        .forEach(items::add);
    return items;
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < end, what);
      Thread.sleep(200);
    }
  }

  // ---- HTTP

  private static HttpResponse<String> get(LocalMode local, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(local, path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> postForm(LocalMode local, String path, String form)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(local, path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static URI uri(LocalMode local, String path) {
    return URI.create("http://127.0.0.1:" + local.port() + path);
  }
}
