package org.yousaid.reports;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yousaid.shared.model.AgeBand;
import org.yousaid.shared.model.AreaOfNeed;
import org.yousaid.shared.model.ChoiceOption;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.EhcStage;
import org.yousaid.shared.model.ProfileField;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.model.Role;
import org.yousaid.shared.report.Breakdown;
import org.yousaid.shared.report.ConsultationReport;
import org.yousaid.shared.report.OptionCount;
import org.yousaid.shared.report.QuestionReport;

/**
 * Builds a {@link ConsultationReport} from a consultation and its responses. Closed questions get
 * counts, shares of those who answered and breakdowns by the profile fields the consultation asks;
 * free-text questions take their themes from {@link QuestionThemes} supplied by the caller.
 *
 * <p>For publication ({@link Suppression#below}) the report passes {@link DisclosureControl}: a
 * hidden count is {@link ReportFormat#SUPPRESSED} ("fewer than 5") or {@link ReportFormat#WITHHELD}
 * ("not shown"), and its share is {@code -1} so the number cannot be worked back out.
 */
public final class ReportBuilder {

  private final Clock clock;

  public ReportBuilder() {
    this(Clock.systemUTC());
  }

  public ReportBuilder(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
  }

  public ConsultationReport build(Consultation consultation, List<Response> responses) {
    return build(consultation, responses, List.of(), Suppression.NONE);
  }

  /**
   * With {@code suppression} above 0 (a report for publication) every number passes {@link
   * DisclosureControl}, the step the published site uses too.
   */
  public ConsultationReport build(
      Consultation consultation,
      List<Response> responses,
      List<QuestionThemes> themes,
      Suppression suppression) {
    ConsultationReport exact = exact(consultation, responses, themes);
    return suppression.below() > 0
        ? new DisclosureControl(suppression.below()).protect(exact)
        : exact;
  }

  private ConsultationReport exact(
      Consultation consultation, List<Response> responses, List<QuestionThemes> themes) {
    Suppression suppression = Suppression.NONE;
    Map<String, QuestionThemes> byQuestion =
        themes.stream()
            .collect(
                Collectors.toMap(QuestionThemes::questionId, Function.identity(), (a, b) -> b));
    List<QuestionReport> questions = new ArrayList<>();
    for (Question q : consultation.questions()) {
      questions.add(
          q.type().isChoice()
              ? closed(consultation, q, responses, suppression, byQuestion.get(q.id()))
              : freeText(q, responses, byQuestion.get(q.id())));
    }
    return new ConsultationReport(
        consultation.council(),
        consultation.councilName(),
        consultation.id(),
        consultation.title(),
        Instant.now(clock),
        responses.size(),
        questions);
  }

  private static QuestionReport freeText(
      Question q, List<Response> responses, QuestionThemes themes) {
    int answered =
        (int)
            responses.stream()
                .filter(
                    r ->
                        r.answer(q.id())
                            .map(a -> a.text() != null && !a.text().isBlank())
                            .orElse(false))
                .count();
    return new QuestionReport(
        q.id(),
        q.text(),
        q.type(),
        answered,
        themes == null ? List.of() : themes.themes(),
        List.of(),
        List.of(),
        themes == null ? null : themes.sentiment(),
        themes == null ? null : themes.recommendation());
  }

  private static List<String> choices(Response r, String questionId) {
    return r.answer(questionId).map(a -> a.choices()).orElse(List.of());
  }

  private static QuestionReport closed(
      Consultation c,
      Question q,
      List<Response> responses,
      Suppression suppression,
      QuestionThemes extra) {
    List<Response> answering =
        responses.stream().filter(r -> !choices(r, q.id()).isEmpty()).toList();
    List<OptionCount> options = counts(q, answering, Suppression.NONE);
    List<Breakdown> breakdowns = new ArrayList<>();
    if (c.asks(ProfileField.ROLE)) {
      breakdowns.add(
          breakdown(
              "Role",
              q,
              answering,
              Role.values(),
              p -> p.role() == null ? List.of() : List.of(p.role().label()),
              suppression));
    }
    if (c.asks(ProfileField.AGE_BAND)) {
      breakdowns.add(
          breakdown(
              "Child's age",
              q,
              answering,
              AgeBand.values(),
              p -> p.ageBand() == null ? List.of() : List.of(p.ageBand().label()),
              suppression));
    }
    if (c.asks(ProfileField.AREA_OF_NEED)) {
      breakdowns.add(
          breakdown(
              "Area of need",
              q,
              answering,
              AreaOfNeed.values(),
              p -> p.areasOfNeed().stream().map(AreaOfNeed::label).toList(),
              suppression));
    }
    if (c.asks(ProfileField.EHC_STAGE)) {
      breakdowns.add(
          breakdown(
              "EHC stage",
              q,
              answering,
              EhcStage.values(),
              p -> p.ehcStage() == null ? List.of() : List.of(p.ehcStage().label()),
              suppression));
    }
    if (c.asks(ProfileField.DISTRICT)) {
      List<String> districts = new ArrayList<>(c.districts());
      answering.stream()
          .map(r -> r.profile().district())
          .filter(d -> d != null && !d.isBlank() && !districts.contains(d))
          .sorted()
          .forEach(districts::add);
      breakdowns.add(
          breakdownByLabels(
              "District",
              q,
              answering,
              districts,
              p ->
                  p.district() == null || p.district().isBlank()
                      ? List.of()
                      : List.of(p.district()),
              suppression));
    }
    return new QuestionReport(
        q.id(),
        q.text(),
        q.type(),
        answering.size(),
        List.of(),
        options,
        breakdowns,
        null,
        extra == null ? null : extra.recommendation());
  }

  private static List<OptionCount> counts(
      Question q, List<Response> answering, Suppression suppression) {
    int answered = answering.size();
    List<OptionCount> out = new ArrayList<>();
    for (ChoiceOption o : q.effectiveOptions()) {
      int n = (int) answering.stream().filter(r -> choices(r, q.id()).contains(o.value())).count();
      if (suppression.hides(n)) {
        out.add(new OptionCount(o.value(), o.label(), -1, -1));
      } else {
        out.add(
            new OptionCount(o.value(), o.label(), n, answered == 0 ? 0 : (double) n / answered));
      }
    }
    return out;
  }

  private static <E extends Enum<E> & org.yousaid.shared.model.Coded> Breakdown breakdown(
      String dimension,
      Question q,
      List<Response> answering,
      E[] values,
      Function<RespondentProfile, List<String>> groupsOf,
      Suppression suppression) {
    List<String> labels = new ArrayList<>();
    for (E e : values) {
      labels.add(e.label());
    }
    return breakdownByLabels(dimension, q, answering, labels, groupsOf, suppression);
  }

  private static Breakdown breakdownByLabels(
      String dimension,
      Question q,
      List<Response> answering,
      List<String> labels,
      Function<RespondentProfile, List<String>> groupsOf,
      Suppression suppression) {
    Map<String, List<Response>> groups = new LinkedHashMap<>();
    labels.forEach(l -> groups.put(l, new ArrayList<>()));
    List<Response> notSaid = new ArrayList<>();
    for (Response r : answering) {
      List<String> gs = groupsOf.apply(r.profile());
      if (gs.isEmpty()) {
        notSaid.add(r);
      }
      // A respondent with several areas of need counts once in each of them.
      gs.forEach(g -> groups.computeIfAbsent(g, k -> new ArrayList<>()).add(r));
    }
    groups.put("Not said", notSaid);
    List<Breakdown.Group> out = new ArrayList<>();
    groups.forEach(
        (label, rs) ->
            out.add(
                new Breakdown.Group(
                    label,
                    suppression.hides(rs.size()) ? -1 : rs.size(),
                    counts(q, rs, suppression))));
    return new Breakdown(dimension, out);
  }
}
