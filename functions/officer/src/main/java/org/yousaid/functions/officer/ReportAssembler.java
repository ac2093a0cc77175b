package org.yousaid.functions.officer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.yousaid.shared.model.ChoiceOption;
import org.yousaid.shared.model.Coded;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ProfileField;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.QuestionType;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.report.Breakdown;
import org.yousaid.shared.report.ConsultationReport;
import org.yousaid.shared.report.OptionCount;
import org.yousaid.shared.report.QuestionReport;
import org.yousaid.shared.report.SentimentCounts;
import org.yousaid.shared.report.ThemeSummary;
import org.yousaid.shared.themes.EffectiveThemes;

/**
 * Builds the officers' consultation summary: counts and shares per option (of those who answered),
 * breakdowns by the profile fields the consultation asks, and for free text the corrected themes
 * with their exemplar's original text. Officers see exact numbers; nothing here is published.
 */
final class ReportAssembler {

  private final Clock clock;

  ReportAssembler(Clock clock) {
    this.clock = clock;
  }

  ConsultationReport build(Consultation consultation, List<Response> responses, List<ThemesPage.AnalysedQuestion> analysed) {
    Map<String, ThemesPage.AnalysedQuestion> byQuestion = new LinkedHashMap<>();
    analysed.forEach(a -> byQuestion.put(a.question().id(), a));
    List<QuestionReport> questions = new ArrayList<>();
    for (Question q : consultation.questions()) {
      List<Response> answered = responses.stream().filter(r -> r.answer(q.id()).isPresent()).toList();
      if (q.type() == QuestionType.FREE_TEXT) {
        questions.add(freeText(q, answered, byQuestion.get(q.id())));
      } else {
        questions.add(new QuestionReport(q.id(), q.text(), q.type(), answered.size(), List.of(), counts(q, answered),
            breakdowns(consultation, q, answered), SentimentCounts.NONE, null));
      }
    }
    return new ConsultationReport(consultation.council(), consultation.councilName(), consultation.id(), consultation.title(),
        clock.instant(), responses.size(), questions);
  }

  private static QuestionReport freeText(Question q, List<Response> answered, ThemesPage.AnalysedQuestion analysis) {
    if (analysis == null) {
      return new QuestionReport(q.id(), q.text(), q.type(), answered.size(), List.of(), List.of(), List.of(), SentimentCounts.NONE, null);
    }
    Map<String, String> texts = new LinkedHashMap<>();
    answered.forEach(r -> texts.put(r.id(), r.answer(q.id()).map(a -> a.text()).orElse("")));
    List<ThemeSummary> themes = new ArrayList<>();
    for (EffectiveThemes.Theme t : analysis.themes().themes()) {
      themes.add(new ThemeSummary(t.id(), t.label(), "", t.keyTerms(), t.count(), t.share(), texts.getOrDefault(t.exemplarId(), ""),
          t.othersSupport(), new SentimentCounts(t.positive(), t.neutral(), t.negative()), List.copyOf(t.quotes().values()),
          t.weDid() == null ? null : t.weDid().text(), t.other()));
    }
    int positive = 0;
    int neutral = 0;
    int negative = 0;
    for (var a : analysis.answers()) {
      if ("positive".equals(a.sentiment())) {
        positive++;
      } else if ("negative".equals(a.sentiment())) {
        negative++;
      } else if (a.sentiment() != null) {
        neutral++;
      }
    }
    return new QuestionReport(q.id(), q.text(), q.type(), answered.size(), themes, List.of(), List.of(),
        new SentimentCounts(positive, neutral, negative), null);
  }

  /** Count and share (of those who answered) for every option, including options nobody chose. */
  static List<OptionCount> counts(Question q, List<Response> answered) {
    List<OptionCount> counts = new ArrayList<>();
    for (ChoiceOption o : q.effectiveOptions()) {
      long n = answered.stream().filter(r -> r.answer(q.id()).map(a -> a.choices().contains(o.value())).orElse(false)).count();
      counts.add(new OptionCount(o.value(), o.label(), (int) n, answered.isEmpty() ? 0 : (double) n / answered.size()));
    }
    return counts;
  }

  private static List<Breakdown> breakdowns(Consultation consultation, Question q, List<Response> answered) {
    List<Breakdown> breakdowns = new ArrayList<>();
    if (consultation.asks(ProfileField.ROLE)) {
      breakdowns.add(breakdown("Answering as", q, answered, r -> List.of(label(r.profile().role()))));
    }
    if (consultation.asks(ProfileField.AGE_BAND)) {
      breakdowns.add(breakdown("Child's age", q, answered, r -> List.of(label(r.profile().ageBand()))));
    }
    if (consultation.asks(ProfileField.AREA_OF_NEED)) {
      // Someone can name several areas of need: they count once in each.
      breakdowns.add(breakdown("Area of need", q, answered, r -> r.profile().areasOfNeed().isEmpty()
          ? List.of("Not given") : r.profile().areasOfNeed().stream().map(Coded::label).toList()));
    }
    if (consultation.asks(ProfileField.DISTRICT)) {
      breakdowns.add(breakdown("Area", q, answered, r -> List.of(r.profile().district() == null ? "Not given" : r.profile().district())));
    }
    if (consultation.asks(ProfileField.EHC_STAGE)) {
      breakdowns.add(breakdown("Stage", q, answered, r -> List.of(label(r.profile().ehcStage()))));
    }
    return breakdowns;
  }

  private static Breakdown breakdown(String dimension, Question q, List<Response> answered, Function<Response, List<String>> groupsOf) {
    Map<String, List<Response>> groups = new LinkedHashMap<>();
    for (Response r : answered) {
      for (String group : groupsOf.apply(r)) {
        groups.computeIfAbsent(group, k -> new ArrayList<>()).add(r);
      }
    }
    List<Breakdown.Group> rows = new ArrayList<>();
    groups.forEach((label, members) -> rows.add(new Breakdown.Group(label, members.size(), counts(q, members))));
    rows.sort((a, b) -> a.label().equals("Not given") ? 1 : b.label().equals("Not given") ? -1 : a.label().compareTo(b.label()));
    return new Breakdown(dimension, rows);
  }

  private static String label(Coded value) {
    return value == null ? "Not given" : value.label();
  }
}
