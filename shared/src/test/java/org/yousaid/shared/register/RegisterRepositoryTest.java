package org.yousaid.shared.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.storage.Storage;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every comment about the Local Offer becomes a register entry once, and an erased answer takes its
 * entry with it: in the erasure's own transaction, and for good (a late officer save or a later
 * sync cannot bring it back).
 */
class RegisterRepositoryTest {

  @WithDynamoDb DynamoTable table;
  Storage storage;
  RegisterRepository register;

  @BeforeEach
  void setUp() {
    storage = Storage.of(table.client(), table.name(), Clock.systemUTC());
    register = storage.register();
    storage
        .consultations()
        .save(ConsultationTemplates.localOffer("reg", "Reg", "lo", List.of(), null, null));
    storage.consultations().save(ConsultationTemplates.pageFeedback("reg", "Reg", "page-feedback"));
    storage
        .consultations()
        .save(ConsultationTemplates.ehcStageSurvey("reg", "Reg", "ehc", List.of()));
  }

  private Response response(
      String consultation, String id, String receipt, Channel channel, Answer... answers) {
    return new Response(
        id,
        "reg",
        consultation,
        Instant.parse("2026-10-01T10:00:00Z"),
        channel,
        List.of(answers),
        RespondentProfile.EMPTY,
        true,
        receipt,
        Instant.parse("2029-10-01T10:00:00Z").getEpochSecond(),
        consultation.equals("page-feedback") ? "https://local-offer.example/short-breaks" : null);
  }

  private String freeTextOf(String consultation) {
    Consultation c = storage.consultations().find("reg", consultation).orElseThrow();
    return c.questions().stream()
        .filter(q -> q.type() == org.yousaid.shared.model.QuestionType.FREE_TEXT)
        .findFirst()
        .orElseThrow()
        .id();
  }

  @Test
  void everyLocalOfferCommentBecomesOneEntryAndStageSurveysStayOut() {
    storage
        .responses()
        .insert(
            response(
                "lo",
                "01REG0A",
                "RCPTAAA1",
                Channel.WEB,
                Answer.text(freeTextOf("lo"), "the search is hard to use"),
                Answer.choices("search-by", List.of("age"))),
            java.util.Optional.empty());
    storage
        .responses()
        .insert(
            response(
                "lo",
                "01REG0B",
                "RCPTAAA2",
                Channel.IMPORT,
                Answer.text(freeTextOf("lo"), "paper form: more about short breaks")),
            java.util.Optional.empty());
    storage
        .responses()
        .insert(
            response(
                "page-feedback",
                "01REG0C",
                "RCPTAAA3",
                Channel.WEB,
                Answer.text(freeTextOf("page-feedback"), "   ")),
            java.util.Optional.empty());
    storage
        .responses()
        .insert(
            response(
                "page-feedback",
                "01REG0D",
                "RCPTAAA4",
                Channel.WEB,
                Answer.text(freeTextOf("page-feedback"), "no phone number for the team")),
            java.util.Optional.empty());
    storage
        .responses()
        .insert(
            response(
                "ehc",
                "01REG0E",
                "RCPTAAA5",
                Channel.WEB,
                Answer.text(freeTextOf("ehc"), "my plan was late")),
            java.util.Optional.empty());

    assertEquals(3, register.addNewComments("reg"));
    assertEquals(0, register.addNewComments("reg"), "a second run adds nothing");

    List<RegisterEntry> entries = register.entries("reg");
    assertEquals(3, entries.size());
    Map<String, RegisterEntry> byResponse =
        entries.stream()
            .collect(java.util.stream.Collectors.toMap(RegisterEntry::responseId, e -> e));
    assertEquals(RegisterEntry.Source.CONSULTATION, byResponse.get("01REG0A").source());
    assertEquals(RegisterEntry.Source.IMPORTED, byResponse.get("01REG0B").source());
    assertEquals(RegisterEntry.Source.PAGE_FEEDBACK, byResponse.get("01REG0D").source());
    assertEquals("https://local-offer.example/short-breaks", byResponse.get("01REG0D").about());
    assertFalse(
        byResponse.containsKey("01REG0E"), "EHC stage surveys are not about the Local Offer");
    assertTrue(entries.stream().noneMatch(RegisterEntry::triaged));
    assertEquals(
        byResponse.get("01REG0A"),
        register.entry("reg", byResponse.get("01REG0A").id()).orElseThrow());
    assertTrue(register.entry("reg", "lo~q~../etc").isEmpty());
  }

  @Test
  void anErasedAnswerTakesItsEntryAndItsAlertWithItForGood() {
    String q = freeTextOf("lo");
    storage
        .responses()
        .insert(
            response(
                "lo",
                "01REG1A",
                "RCPTBBB1",
                Channel.WEB,
                Answer.text(q, "please add a map of play schemes")),
            java.util.Optional.empty());
    storage
        .responses()
        .insert(
            response("lo", "01REG1B", "RCPTBBB2", Channel.WEB, Answer.text(q, "more on transport")),
            java.util.Optional.empty());
    register.addNewComments("reg");
    RegisterEntry kept = register.entry("reg", RegisterEntry.id("lo", q, "01REG1B")).orElseThrow();
    RegisterEntry erased =
        register.entry("reg", RegisterEntry.id("lo", q, "01REG1A")).orElseThrow();
    storage
        .table()
        .put(
            Map.of(
                TableLayout.PK, AttributeValue.fromS(TableLayout.registerPk("reg")),
                TableLayout.SK, AttributeValue.fromS(TableLayout.registerAlertSk("lo", "01REG1A")),
                TableLayout.TYPE, AttributeValue.fromS("REGISTER_ALERT")));

    assertTrue(storage.responses().eraseByReceipt("RCPTBBB1"));
    List<RegisterRepository.ErasedComment> pending = register.pendingErasures("reg");
    assertEquals(
        List.of(
            new RegisterRepository.ErasedComment(
                TableLayout.registerErasureSk("lo", "01REG1A"),
                Instant.parse("2026-10-01T10:00:00Z"))),
        pending,
        "the published report is told when the comment was sent, never what it said");
    register.erasuresPublished("reg", pending);
    assertEquals(List.of(), register.pendingErasures("reg"));

    assertTrue(register.entry("reg", erased.id()).isEmpty());
    assertTrue(
        storage
            .table()
            .get(TableLayout.registerPk("reg"), TableLayout.registerAlertSk("lo", "01REG1A"))
            .isEmpty());
    assertFalse(
        register.save(erased.withTriage(RegisterArea.CONTENT, "t1", true)),
        "an officer's late save must not bring an erased entry back");
    assertTrue(register.entry("reg", erased.id()).isEmpty());
    assertEquals(0, register.addNewComments("reg"));
    assertEquals(List.of(kept), register.entries("reg"));
    assertTrue(register.save(kept.withTriage(RegisterArea.ACCESSIBILITY, "t2", true)));
    assertEquals(RegisterArea.ACCESSIBILITY, register.entry("reg", kept.id()).orElseThrow().area());
  }

  @Test
  void aThemeKeepsEveryChangeOfStatusDated() {
    RegisterTheme t =
        new RegisterTheme("t1", RegisterArea.CONTENT, "Short breaks", null, null, null, List.of());
    t =
        t.respond(
            "We agree",
            "Add a short breaks page",
            ActionStatus.PLANNED,
            java.time.LocalDate.parse("2026-01-05"));
    t =
        t.respond(
            "We agree",
            "Add a short breaks page, with prices",
            ActionStatus.PLANNED,
            java.time.LocalDate.parse("2026-02-05"));
    t =
        t.respond(
            "We agree",
            "Add a short breaks page",
            ActionStatus.DONE,
            java.time.LocalDate.parse("2026-03-05"));
    register.saveTheme("reg", t);
    RegisterTheme back = register.theme("reg", "t1").orElseThrow();
    assertEquals(
        List.of(
            new RegisterTheme.StatusChange(
                ActionStatus.PLANNED, java.time.LocalDate.parse("2026-01-05")),
            new RegisterTheme.StatusChange(
                ActionStatus.DONE, java.time.LocalDate.parse("2026-03-05"))),
        back.history());
    assertEquals(java.time.LocalDate.parse("2026-03-05"), back.statusSince());
    assertEquals(List.of(back), register.themes("reg"));
  }
}
