package org.yousaid.functions.officer;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.Coded;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.Response;

/**
 * One response as an officer reads it in the list: full answer text (officers only), labels not
 * codes.
 */
public record ResponseRow(
    String id,
    String submittedAt,
    String channel,
    List<Cell> answers,
    String profile,
    boolean consent) {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK)
          .withZone(ZoneId.of("Europe/London"));

  /** One question and its answer. */
  public record Cell(String question, String answer) {}

  public static ResponseRow of(Response r, Consultation c) {
    List<Cell> cells = new ArrayList<>();
    for (Answer a : r.answers()) {
      Question q = c.question(a.questionId()).orElse(null);
      String text =
          a.text() != null
              ? a.text()
              : String.join(
                  ", ",
                  a.choices().stream()
                      .map(v -> q == null ? v : q.option(v).map(o -> o.label()).orElse(v))
                      .toList());
      cells.add(new Cell(q == null ? a.questionId() : q.text(), text));
    }
    List<String> profile = new ArrayList<>();
    if (r.profile().role() != null) {
      profile.add(r.profile().role().label());
    }
    if (r.profile().ageBand() != null) {
      profile.add(r.profile().ageBand().label());
    }
    r.profile().areasOfNeed().stream().map(Coded::label).forEach(profile::add);
    if (r.profile().district() != null) {
      profile.add(r.profile().district());
    }
    if (r.profile().ehcStage() != null) {
      profile.add(r.profile().ehcStage().label());
    }
    return new ResponseRow(
        r.id(),
        WHEN.format(r.submittedAt()),
        r.channel().label(),
        cells,
        String.join("; ", profile),
        r.consentToQuote());
  }
}
