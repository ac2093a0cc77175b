package org.yousaid.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.yousaid.shared.model.AreaOfNeed;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ProfileField;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.Response;

/**
 * The raw answers as a table: id, submitted at, channel, one column per question (choice labels
 * joined with "; "), the profile fields the consultation asks, consent to quote. Cells are plain
 * text, not yet neutralised: each exporter does that.
 */
public record AnswerTable(List<String> header, List<List<String>> rows) {

  public AnswerTable {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  public static AnswerTable of(Consultation c, List<Response> responses) {
    List<String> header = new ArrayList<>(List.of("Response id", "Submitted at", "Channel"));
    c.questions().forEach(q -> header.add(q.text()));
    if (c.asks(ProfileField.ROLE)) header.add("Role");
    if (c.asks(ProfileField.AGE_BAND)) header.add("Child's age");
    if (c.asks(ProfileField.AREA_OF_NEED)) header.add("Area of need");
    if (c.asks(ProfileField.DISTRICT)) header.add("District");
    if (c.asks(ProfileField.EHC_STAGE)) header.add("EHC stage");
    header.add("Consent to quote");
    List<List<String>> rows = new ArrayList<>();
    for (Response r : responses) {
      List<String> row = new ArrayList<>();
      row.add(r.id());
      row.add(r.submittedAt() == null ? "" : r.submittedAt().toString());
      row.add(r.channel() == null ? "" : r.channel().label());
      for (Question q : c.questions()) {
        row.add(
            r.answer(q.id())
                .map(
                    a ->
                        q.type().isChoice()
                            ? a.choices().stream()
                                .map(v -> q.option(v).map(o -> o.label()).orElse(v))
                                .collect(Collectors.joining("; "))
                            : a.text() == null ? "" : a.text())
                .orElse(""));
      }
      var p = r.profile();
      if (c.asks(ProfileField.ROLE)) row.add(p.role() == null ? "" : p.role().label());
      if (c.asks(ProfileField.AGE_BAND)) row.add(p.ageBand() == null ? "" : p.ageBand().label());
      if (c.asks(ProfileField.AREA_OF_NEED))
        row.add(p.areasOfNeed().stream().map(AreaOfNeed::label).collect(Collectors.joining("; ")));
      if (c.asks(ProfileField.DISTRICT)) row.add(p.district() == null ? "" : p.district());
      if (c.asks(ProfileField.EHC_STAGE)) row.add(p.ehcStage() == null ? "" : p.ehcStage().label());
      row.add(r.consentToQuote() ? "Yes" : "No");
      rows.add(row);
    }
    return new AnswerTable(header, rows);
  }
}
