package org.yousaid.functions.publicweb;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.Coded;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Response;

/** A stored response shown back to the person who sent it, with option labels instead of codes. */
public final class ReceiptView {

  private static final DateTimeFormatter SENT_AT =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK)
          .withZone(ZoneId.of("Europe/London"));

  /** One question and the answer given. */
  public record Row(String question, String answer) {}

  private ReceiptView() {}

  public static List<Row> rows(Response response, Optional<Consultation> consultation) {
    List<Row> rows = new ArrayList<>();
    for (Answer answer : response.answers()) {
      Optional<Question> question = consultation.flatMap(c -> c.question(answer.questionId()));
      String text =
          answer.text() != null
              ? answer.text()
              : String.join(
                  ", ",
                  answer.choices().stream()
                      .map(v -> question.flatMap(q -> q.option(v)).map(o -> o.label()).orElse(v))
                      .toList());
      rows.add(new Row(question.map(Question::text).orElse(answer.questionId()), text));
    }
    RespondentProfile p = response.profile();
    addProfile(rows, "Answering as", p.role());
    addProfile(rows, "Age of child or young person", p.ageBand());
    if (!p.areasOfNeed().isEmpty()) {
      rows.add(
          new Row(
              "Areas of need",
              String.join(", ", p.areasOfNeed().stream().map(Coded::label).toList())));
    }
    if (p.district() != null) {
      rows.add(new Row("Area you live in", p.district()));
    }
    addProfile(rows, "Stage", p.ehcStage());
    rows.add(
        new Row("Can we quote you (without your name)?", response.consentToQuote() ? "Yes" : "No"));
    rows.add(
        new Row(
            "Sent",
            SENT_AT.format(response.submittedAt()).replace("AM", "am").replace("PM", "pm")));
    return rows;
  }

  private static void addProfile(List<Row> rows, String label, Coded value) {
    if (value != null) {
      rows.add(new Row(label, value.label()));
    }
  }

  /** The JSON shape of {@code GET /api/v1/receipts/{receipt}}. */
  public static Map<String, Object> json(Response response) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("responseId", response.id());
    body.put("receipt", response.receipt());
    body.put("council", response.council());
    body.put("consultation", response.consultationId());
    body.put("submittedAt", response.submittedAt().toString());
    body.put("channel", response.channel());
    Map<String, Object> answers = new LinkedHashMap<>();
    for (Answer a : response.answers()) {
      answers.put(a.questionId(), a.text() != null ? a.text() : a.choices());
    }
    body.put("answers", answers);
    body.put("profile", response.profile());
    body.put("consentToQuote", response.consentToQuote());
    if (response.subject() != null) {
      body.put("subject", response.subject());
    }
    return body;
  }
}
