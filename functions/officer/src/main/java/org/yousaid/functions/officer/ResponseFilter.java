package org.yousaid.functions.officer;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.yousaid.functions.common.http.Request;
import org.yousaid.shared.model.AgeBand;
import org.yousaid.shared.model.AreaOfNeed;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Coded;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.model.Role;

/**
 * Which responses an officer wants to see: by question answered, respondent profile, channel, date
 * range and words in the answers. Unknown values are ignored rather than refused: a filter can only
 * narrow.
 */
public record ResponseFilter(
    String question,
    Role role,
    AgeBand ageBand,
    AreaOfNeed areaOfNeed,
    String district,
    Channel channel,
    LocalDate from,
    LocalDate to,
    String words,
    String sentiment,
    String theme) {

  /**
   * What analysis says about one response's free-text answers: their sentiments and (corrected)
   * themes.
   */
  public record AnswerFacts(java.util.Set<String> sentiments, java.util.Set<String> themeIds) {}

  /** Whether this filter needs analysis results at all (they cost a read per question). */
  public boolean needsAnalysis() {
    return sentiment != null || theme != null;
  }

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  public static ResponseFilter from(Request request) {
    return new ResponseFilter(
        text(request, "question"),
        request.query("role").flatMap(v -> Coded.fromCode(Role.class, v)).orElse(null),
        request.query("ageBand").flatMap(v -> Coded.fromCode(AgeBand.class, v)).orElse(null),
        request.query("areaOfNeed").flatMap(v -> Coded.fromCode(AreaOfNeed.class, v)).orElse(null),
        text(request, "district"),
        request.query("channel").flatMap(v -> Coded.fromCode(Channel.class, v)).orElse(null),
        date(request, "from"),
        date(request, "to"),
        text(request, "words"),
        request
            .query("sentiment")
            .filter(v -> v.equals("positive") || v.equals("neutral") || v.equals("negative"))
            .orElse(null),
        text(request, "theme"));
  }

  public List<Response> apply(List<Response> responses) {
    return apply(responses, java.util.Map.of());
  }

  /**
   * @param facts analysis facts by response id, needed when filtering by sentiment or theme
   */
  public List<Response> apply(List<Response> responses, java.util.Map<String, AnswerFacts> facts) {
    return responses.stream().filter(predicate(facts)).toList();
  }

  private Predicate<Response> predicate(java.util.Map<String, AnswerFacts> facts) {
    Predicate<Response> p = r -> true;
    if (sentiment != null) {
      p =
          p.and(
              r -> facts.containsKey(r.id()) && facts.get(r.id()).sentiments().contains(sentiment));
    }
    if (theme != null) {
      p = p.and(r -> facts.containsKey(r.id()) && facts.get(r.id()).themeIds().contains(theme));
    }
    if (question != null) {
      p = p.and(r -> r.answer(question).isPresent());
    }
    if (role != null) {
      p = p.and(r -> role == r.profile().role());
    }
    if (ageBand != null) {
      p = p.and(r -> ageBand == r.profile().ageBand());
    }
    if (areaOfNeed != null) {
      p = p.and(r -> r.profile().areasOfNeed().contains(areaOfNeed));
    }
    if (district != null) {
      p = p.and(r -> district.equals(r.profile().district()));
    }
    if (channel != null) {
      p = p.and(r -> channel == r.channel());
    }
    if (from != null) {
      p = p.and(r -> !r.submittedAt().atZone(LONDON).toLocalDate().isBefore(from));
    }
    if (to != null) {
      p = p.and(r -> !r.submittedAt().atZone(LONDON).toLocalDate().isAfter(to));
    }
    if (words != null) {
      String needle = words.toLowerCase(Locale.ROOT);
      p =
          p.and(
              r ->
                  r.answers().stream()
                      .anyMatch(
                          a ->
                              a.text() != null
                                  && a.text().toLowerCase(Locale.ROOT).contains(needle)));
    }
    return p;
  }

  private static String text(Request request, String name) {
    return request
        .query(name)
        .map(String::trim)
        .filter(s -> !s.isEmpty() && s.length() <= 200)
        .orElse(null);
  }

  private static LocalDate date(Request request, String name) {
    Optional<String> value = request.query(name);
    try {
      return value.filter(v -> !v.isBlank()).map(LocalDate::parse).orElse(null);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
