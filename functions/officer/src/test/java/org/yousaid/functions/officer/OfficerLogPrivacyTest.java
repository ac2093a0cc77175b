package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.functions.officer.OfficerSession.enc;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb.Call;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb.Fault;
import org.yousaid.functions.officer.OfficerSession.Reply;
import org.yousaid.testing.CapturedOutput;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * Officers read, filter, correct, import and download answers that may name a child; none of it may
 * reach the logs. Answers full of distinctive canaries go through every officer area, in the query
 * string, the form and the CSV, and through storage failures whose error messages quote the stored
 * items, while everything printed (the officer function, the worker, the logging backend) is
 * captured.
 */
@WithDynamoDb
class OfficerLogPrivacyTest {

  private static final String NAME = "Peregrine Wolstenholme-Abara";
  private static final String EMAIL = "p.abara.canary@example.org";
  private static final String PHONE = "07700 900583";
  private static final String NHS = "485 777 3456";
  private static final String HEALTH = "Zantrimelide for her absence seizures";
  private static final List<String> CANARIES =
      List.of(
          NAME,
          EMAIL,
          PHONE,
          NHS,
          HEALTH,
          "Wolstenholme",
          "abara.canary",
          "900583",
          "Zantrimelide",
          "absence seizures");
  private static final String ANSWER =
      "A search box please, my daughter "
          + NAME
          + " ("
          + EMAIL
          + ", "
          + PHONE
          + ", NHS "
          + NHS
          + ") takes "
          + HEALTH;
  private static final String BASE = "/officer/councils/demo/consultations/local-offer-2026";

  private CapturedOutput captured;
  private FaultInjectingDynamoDb faulty;
  private OfficerFixture fixture;
  private OfficerSession officer;
  private final List<Integer> statuses = new ArrayList<>();

  /** The capture comes first, so it sees everything the handlers log. */
  @BeforeEach
  void setUp(CapturedOutput captured, DynamoTable table) {
    this.captured = captured;
    fixture = new OfficerFixture(table, client -> faulty = new FaultInjectingDynamoDb(client));
    officer = fixture.officer("privacy@demo.example", "demo");
  }

  private Reply seen(Reply reply) {
    statuses.add(reply.status());
    return reply;
  }

  @Test
  void noOfficerAreaLogsWhatPeopleWroteEvenWhenStorageFails() {
    fixture.answerLocalOffer(List.of(ANSWER, ANSWER + " again"), true);
    fixture.answerAndAnalyse(officer);

    // Import: a good row and rows refused because of what they say.
    String csv =
        "find-information,role,date,district\n"
            + "\""
            + ANSWER
            + "\",parent-carer,2026-03-01,North\n"
            + "\""
            + ANSWER
            + "\","
            + NAME
            + ",2026-03-01,North\n"
            + "\""
            + ANSWER
            + "\",parent-carer,"
            + EMAIL
            + ",North\n";
    seen(
        officer.postApi(
            BASE.replace("/officer/", "/api/v1/officer/") + "/import", "text/csv", csv));
    seen(officer.postForm(BASE + "/import", "channel=paper&csv=" + enc(csv)));
    seen(
        officer.postApi(
            BASE.replace("/officer/", "/api/v1/officer/") + "/import?map." + enc(NAME) + "=q.nope",
            "text/csv",
            csv));

    // Reading and filtering, with the canaries in the query string.
    seen(officer.get(BASE + "/responses?words=" + enc(NAME) + "&district=" + enc(EMAIL)));
    seen(
        officer.getApi(
            BASE.replace("/officer/", "/api/v1/officer/") + "/responses?words=" + enc(PHONE)));
    seen(officer.get(BASE + "/responses?after=" + enc(NHS) + "&limit=" + enc(HEALTH)));
    seen(officer.get(BASE + "/themes"));

    // Correcting a theme with the canaries in the labels and the "we did".
    var theme = fixture.themes().get(0);
    String themePath = BASE + "/themes/find-information/" + theme.id();
    seen(officer.get(themePath));
    seen(officer.postForm(themePath, "action=rename&label=" + enc(NAME)));
    seen(officer.postForm(themePath, "action=we-did&status=done&text=" + enc(ANSWER)));
    seen(officer.postForm(themePath, "action=we-did&status=" + enc(EMAIL) + "&text=x"));
    seen(
        officer.postForm(themePath, "action=split&label=" + enc(HEALTH) + "&answer=" + enc(PHONE)));
    seen(
        officer.postForm(
            themePath,
            "action=approve&"
                + String.join("&", theme.memberIds().stream().map(id -> "answer=" + id).toList())));
    seen(officer.postForm(BASE + "/analysis", "themeCount=" + enc(NAME)));

    // Every download and the pages that show the answers.
    for (String format : List.of("csv", "xlsx", "docx", "pdf", enc(NAME))) {
      seen(officer.get(BASE + "/export/" + format));
    }
    seen(officer.get(BASE + "/report"));
    seen(officer.get(BASE + "/publish"));
    seen(officer.get(BASE + "/publish/preview"));
    seen(officer.get("/officer/councils/demo/page-feedback/comments?subject=" + enc(NAME)));

    // Storage failures whose messages quote the items they were reading or writing.
    for (Fault fault :
        List.of(Fault.INTERNAL_ERROR_QUOTING_REQUEST, Fault.VALIDATION_ERROR_QUOTING_REQUEST)) {
      for (String path : List.of(BASE + "/responses", themePath, BASE + "/export/csv")) {
        faulty.failNext(Call.ANY, fault, 20);
        seen(officer.get(path));
        faulty.recover();
      }
      String csrf = OfficerSession.csrf(officer.get("/officer").body());
      faulty.failNext(Call.ANY, fault, 20);
      seen(
          officer.postForm(
              themePath, "csrf=" + csrf + "&action=we-did&status=done&text=" + enc(ANSWER), true));
      faulty.failNext(Call.ANY, fault, 20);
      seen(
          officer.postApi(
              BASE.replace("/officer/", "/api/v1/officer/") + "/import", "text/csv", csv));
      faulty.recover();
    }

    assertTrue(statuses.contains(200) && statuses.contains(303), "pages worked: " + statuses);
    assertTrue(statuses.contains(400) && statuses.contains(404), "refusals ran: " + statuses);
    assertTrue(statuses.contains(500) && statuses.contains(503), "failures ran: " + statuses);
    String logs = captured.text();
    assertTrue(
        logs.contains(
            "route=GET /officer/councils/{council}/consultations/{consultation}/responses status=200"),
        "the capture saw the officer function's log");
    assertTrue(logs.contains("status=503") && logs.contains("status=500"));
    for (String canary : CANARIES) {
      assertFalse(logs.contains(canary), "the logs contain \"" + canary + "\"");
    }
    assertEquals(
        List.of(),
        CANARIES.stream().filter(c -> logs.toLowerCase().contains(c.toLowerCase())).toList(),
        "not even in another case");
  }
}
