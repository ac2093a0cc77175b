package org.yousaid.shared.themes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The themes officers see and publish: the analysis run's themes with every correction applied in
 * order. Counts, shares, "N other answers support" and sentiment are recomputed from the members; a
 * correction naming a theme that no longer exists is skipped and reported.
 */
public final class EffectiveThemes {

  /**
   * A theme after corrections. {@code quotes}: response id to redacted, consented text approved for
   * publication.
   */
  public record Theme(
      String id,
      String label,
      List<String> keyTerms,
      List<String> memberIds,
      String exemplarId,
      int othersSupport,
      double share,
      int positive,
      int neutral,
      int negative,
      boolean other,
      Map<String, String> quotes,
      WeDid weDid) {

    public int count() {
      return memberIds.size();
    }
  }

  /** The council's response to a theme. */
  public record WeDid(String text, String status, LocalDate date, String officer) {}

  /** The corrected themes, and the corrections that no longer apply. */
  public record Result(List<Theme> themes, List<ThemeCorrection> skipped) {}

  private EffectiveThemes() {}

  /**
   * @param consented response ids whose respondents agreed to be quoted
   */
  public static Result apply(
      List<StoredTheme> themes,
      List<AnswerAnalysis> answers,
      List<ThemeCorrection> corrections,
      Set<String> consented) {
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, Set<String>> members = new LinkedHashMap<>();
    Map<String, String> exemplars = new HashMap<>();
    Map<String, List<String>> keyTerms = new HashMap<>();
    Set<String> otherIds = new java.util.HashSet<>();
    for (StoredTheme t : themes) {
      labels.put(t.id(), t.label());
      members.put(t.id(), new LinkedHashSet<>());
      exemplars.put(t.id(), t.exemplarId());
      keyTerms.put(t.id(), t.keyTerms());
      if (t.other()) {
        otherIds.add(t.id());
      }
    }
    Map<String, AnswerAnalysis> byResponse = new HashMap<>();
    for (AnswerAnalysis a : answers) {
      byResponse.put(a.responseId(), a);
      for (String id : a.themeIds()) {
        members.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(a.responseId());
      }
    }
    Map<String, Map<String, String>> quotes = new HashMap<>();
    Map<String, WeDid> weDid = new HashMap<>();
    Map<String, QuoteTrim> trims = new HashMap<>();
    List<ThemeCorrection> skipped = new ArrayList<>();
    for (ThemeCorrection c : corrections) {
      if (!labels.containsKey(c.themeId())
          || (c.targetThemeId() != null && !labels.containsKey(c.targetThemeId()))) {
        skipped.add(c);
        continue;
      }
      switch (c.kind()) {
        case RENAME -> labels.put(c.themeId(), c.text());
        case MERGE -> {
          members.get(c.targetThemeId()).addAll(members.get(c.themeId()));
          quotes
              .computeIfAbsent(c.targetThemeId(), k -> new LinkedHashMap<>())
              .putAll(quotes.getOrDefault(c.themeId(), Map.of()));
          labels.remove(c.themeId());
          members.remove(c.themeId());
        }
        case MOVE ->
            c.responseIds()
                .forEach(
                    r -> {
                      if (members.get(c.themeId()).remove(r)) {
                        members.get(c.targetThemeId()).add(r);
                      }
                    });
        case SPLIT -> {
          String newId =
              c.themeId()
                  + "-split-"
                  + c.id().substring(c.id().length() - 6).toLowerCase(java.util.Locale.ROOT);
          Set<String> moved = new LinkedHashSet<>();
          c.responseIds()
              .forEach(
                  r -> {
                    if (members.get(c.themeId()).remove(r)) {
                      moved.add(r);
                    }
                  });
          labels.put(newId, c.text());
          members.put(newId, moved);
          keyTerms.put(newId, List.of());
          exemplars.put(newId, moved.isEmpty() ? null : moved.iterator().next());
        }
        case APPROVE_QUOTE -> {
          if (c.trim() != null) {
            c.responseIds().forEach(r -> trims.put(r, c.trim()));
          }
          for (String r : c.responseIds()) {
            AnswerAnalysis a = byResponse.get(r);
            // Only in redacted form, and only if the respondent said yes.
            if (a == null
                || !consented.contains(r)
                || !members.get(c.themeId()).contains(r)
                || a.redactedText() == null) {
              continue;
            }
            // An answer once trimmed keeps its trim when approved again with others.
            QuoteTrim trim = trims.get(r);
            Optional<String> text =
                trim == null ? Optional.of(a.redactedText()) : trim.apply(a.redactedText());
            if (text.isEmpty()) {
              // Re-analysis changed the text the officer trimmed: not published until approved
              // again.
              skipped.add(c);
              continue;
            }
            quotes.computeIfAbsent(c.themeId(), k -> new LinkedHashMap<>()).put(r, text.get());
          }
        }
        case WITHDRAW_QUOTE ->
            c.responseIds()
                .forEach(r -> quotes.getOrDefault(c.themeId(), new HashMap<>()).remove(r));
        case WE_DID ->
            weDid.put(c.themeId(), new WeDid(c.text(), c.status(), c.date(), c.officer()));
        default -> skipped.add(c);
      }
    }
    int answered = (int) answers.stream().filter(a -> !a.themeIds().isEmpty()).count();
    List<Theme> result = new ArrayList<>();
    for (Map.Entry<String, String> e : labels.entrySet()) {
      String id = e.getKey();
      List<String> memberIds = List.copyOf(members.get(id));
      String exemplar =
          memberIds.contains(exemplars.get(id))
              ? exemplars.get(id)
              : memberIds.isEmpty() ? null : memberIds.get(0);
      org.yousaid.shared.report.SentimentCounts sentiment =
          org.yousaid.shared.report.SentimentCounts.of(
              memberIds.stream()
                  .map(m -> byResponse.containsKey(m) ? byResponse.get(m).sentiment() : null)
                  .toList());
      Map<String, String> themeQuotes = new LinkedHashMap<>(quotes.getOrDefault(id, Map.of()));
      themeQuotes.keySet().retainAll(memberIds);
      result.add(
          new Theme(
              id,
              e.getValue(),
              keyTerms.getOrDefault(id, List.of()),
              memberIds,
              exemplar,
              Math.max(0, memberIds.size() - 1),
              answered == 0 ? 0 : (double) memberIds.size() / answered,
              sentiment.positive(),
              sentiment.neutral(),
              sentiment.negative(),
              otherIds.contains(id),
              themeQuotes,
              weDid.get(id)));
    }
    result.sort(
        (a, b) ->
            a.other() != b.other()
                ? Boolean.compare(a.other(), b.other())
                : Integer.compare(b.count(), a.count()));
    return new Result(result, skipped);
  }
}
