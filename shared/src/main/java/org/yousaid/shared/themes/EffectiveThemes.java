package org.yousaid.shared.themes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yousaid.shared.report.SentimentCounts;
import org.yousaid.shared.themes.ThemeCorrection.Kind;

/**
 * The themes officers see and publish: the analysis run's themes with every correction applied in
 * order. Counts, shares, "N other answers support" and sentiment are recomputed from the members; a
 * correction naming a theme that no longer exists is skipped and reported.
 *
 * <p>Themes come in two levels: a theme may have sub-themes ({@link Theme#subThemes()}), each of
 * whose answers are also the theme's. {@link Result#themes()} lists themes only; corrections act on
 * themes and sub-themes alike (rename, move an answer into or out of a sub-theme, merge, split),
 * and PROMOTE and DEMOTE move one between the levels.
 *
 * <p>A run that started from corrected themes already holds the corrections up to its {@code
 * baseline}: it kept the officer's theme ids and labels and placed the answers the officer moved.
 * Those corrections are not applied to it again, except quotes and "we did" entries, which are not
 * part of a run and are re-attached to the same theme ids (a theme merged away hands its quotes to
 * the theme it was merged into).
 */
public final class EffectiveThemes {

  /** The id of the bucket of answers that fit no theme, as the engine names it. */
  public static final String OTHER_ID = "other";

  /** The bucket of answers not in English, which the engine gives no key terms. */
  public static final String OTHER_LANGUAGES_ID = "other-languages";

  /**
   * A theme after corrections. {@code quotes}: response id to redacted, consented text approved for
   * publication. {@code proposed}: a new theme a re-run suggests, not yet accepted by an officer.
   * {@code parentId}: for a sub-theme, its theme's id (null for a theme). {@code subThemes}: a
   * theme's sub-themes, largest first (empty for a sub-theme). {@code membersChanged}: its answers
   * are not the ones the analysis run described (an officer moved, merged or split answers, or an
   * answer was erased), so what the run wrote about them (its description sentence) no longer
   * holds. {@code keyTermsPending}: its key terms could not be found again for its answers (the run
   * kept no phrases for some of them) and are left empty until the analysis is next run.
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
      WeDid weDid,
      boolean proposed,
      String parentId,
      List<Theme> subThemes,
      boolean membersChanged,
      boolean keyTermsPending) {

    public Theme {
      subThemes = subThemes == null ? List.of() : List.copyOf(subThemes);
    }

    public int count() {
      return memberIds.size();
    }

    public boolean subTheme() {
      return parentId != null;
    }

    /** This theme and its sub-themes, the theme first. */
    public List<Theme> withSubThemes() {
      List<Theme> out = new ArrayList<>();
      out.add(this);
      out.addAll(subThemes);
      return out;
    }
  }

  /** Themes and their sub-themes in one list, each theme before its sub-themes. */
  public static List<Theme> flatten(List<Theme> themes) {
    List<Theme> out = new ArrayList<>();
    themes.forEach(t -> out.addAll(t.withSubThemes()));
    return out;
  }

  /** The council's response to a theme. */
  public record WeDid(String text, String status, LocalDate date, String officer) {}

  /**
   * The corrected themes, the corrections that no longer apply, and where officers put answers by
   * hand: {@code placements} maps a response id to the themes an officer moved, split or quoted it
   * into (still existing themes only), {@code movedOut} to the themes an officer moved it out of,
   * and {@code declined} holds the answers of proposed themes the officer turned down. A re-run
   * keeps all three.
   */
  public record Result(
      List<Theme> themes,
      List<ThemeCorrection> skipped,
      Map<String, Set<String>> placements,
      Map<String, Set<String>> movedOut,
      Set<String> declined) {

    public Result(List<Theme> themes, List<ThemeCorrection> skipped) {
      this(themes, skipped, Map.of(), Map.of(), Set.of());
    }
  }

  private EffectiveThemes() {}

  /**
   * @param consented response ids whose respondents agreed to be quoted
   */
  public static Result apply(
      List<StoredTheme> themes,
      List<AnswerAnalysis> answers,
      List<ThemeCorrection> corrections,
      Set<String> consented) {
    return apply(themes, answers, corrections, consented, null);
  }

  /**
   * @param baseline the last correction the run already holds ({@link QuestionAnalysis#baseline}),
   *     or null
   */
  public static Result apply(
      List<StoredTheme> themes,
      List<AnswerAnalysis> answers,
      List<ThemeCorrection> corrections,
      Set<String> consented,
      String baseline) {
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, Set<String>> members = new LinkedHashMap<>();
    Map<String, String> exemplars = new HashMap<>();
    Map<String, List<String>> keyTerms = new HashMap<>();
    Set<String> otherIds = new HashSet<>();
    Set<String> proposed = new HashSet<>();
    Map<String, String> parent = new HashMap<>();
    Map<String, Integer> runCounts = new HashMap<>();
    for (StoredTheme t : themes) {
      runCounts.put(t.id(), t.count());
      if (t.parentId() != null) {
        parent.put(t.id(), t.parentId());
      }
      labels.put(t.id(), t.label());
      members.put(t.id(), new LinkedHashSet<>());
      exemplars.put(t.id(), t.exemplarId());
      keyTerms.put(t.id(), t.keyTerms());
      if (t.other()) {
        otherIds.add(t.id());
      }
      if (t.proposed()) {
        proposed.add(t.id());
      }
    }
    Map<String, AnswerAnalysis> byResponse = new HashMap<>();
    for (AnswerAnalysis a : answers) {
      byResponse.put(a.responseId(), a);
      for (String id : a.themeIds()) {
        members.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(a.responseId());
      }
    }
    // the answers the run described, to tell which themes the corrections changed
    Map<String, Set<String>> runMembers = new HashMap<>();
    members.forEach((id, m) -> runMembers.put(id, Set.copyOf(m)));
    Map<String, String> mergedInto = new HashMap<>();
    Placements placements = new Placements();
    Map<String, Map<String, String>> quotes = new HashMap<>();
    Map<String, WeDid> weDid = new HashMap<>();
    Map<String, QuoteTrim> trims = new HashMap<>();
    List<ThemeCorrection> skipped = new ArrayList<>();
    for (ThemeCorrection c : corrections) {
      if (c.kind() == Kind.MERGE && held(c, baseline)) {
        // Known before the loop: a quote approved in a theme later merged away follows it.
        mergedInto.put(c.themeId(), c.targetThemeId());
      }
    }
    for (ThemeCorrection c : corrections) {
      boolean held = held(c, baseline);
      placements.record(c);
      if (c.kind() == Kind.MERGE) {
        mergedInto.put(c.themeId(), c.targetThemeId());
      }
      if (held && structural(c.kind())) {
        if (c.kind() == Kind.REJECT_THEME) {
          placements.declined.addAll(c.responseIds());
        }
        continue; // the run already holds it
      }
      String themeId = held ? resolve(c.themeId(), mergedInto) : c.themeId();
      if (!labels.containsKey(themeId)
          || (c.targetThemeId() != null && !labels.containsKey(c.targetThemeId()))) {
        skipped.add(c);
        continue;
      }
      Levels levels = new Levels(members, parent);
      switch (c.kind()) {
        case RENAME -> labels.put(themeId, c.text());
        case MERGE -> {
          String target = c.targetThemeId();
          if (themeId.equals(target) || themeId.equals(parent.get(target))) {
            skipped.add(c); // a theme cannot be merged into itself or one of its sub-themes
            continue;
          }
          Set<String> moving = new LinkedHashSet<>(members.get(themeId));
          if (parent.containsKey(themeId)) {
            moving.forEach(r -> levels.move(r, themeId, target));
          } else {
            moving.forEach(r -> levels.add(r, target));
          }
          // the sub-themes of a theme merged into another theme become that theme's
          for (String child : levels.children(themeId)) {
            if (parent.get(target) == null) {
              parent.put(child, target);
            } else {
              members.get(target).addAll(members.get(child));
              labels.remove(child);
              members.remove(child);
              parent.remove(child);
            }
          }
          quotes
              .computeIfAbsent(target, k -> new LinkedHashMap<>())
              .putAll(quotes.getOrDefault(themeId, Map.of()));
          labels.remove(themeId);
          members.remove(themeId);
          parent.remove(themeId);
        }
        case MOVE -> {
          if (themeId.equals(c.targetThemeId())) {
            continue;
          }
          c.responseIds()
              .forEach(
                  r -> {
                    if (members.get(themeId).contains(r)) {
                      levels.move(r, themeId, c.targetThemeId());
                    }
                  });
        }
        case PROMOTE -> {
          String was = parent.remove(themeId);
          if (was == null) {
            skipped.add(c); // already a theme
            continue;
          }
          if (members.containsKey(was)) {
            members.get(was).removeAll(members.get(themeId));
          }
        }
        case DEMOTE -> {
          String under = c.targetThemeId();
          if (parent.containsKey(themeId)
              || parent.containsKey(under)
              || themeId.equals(under)
              || !levels.children(themeId).isEmpty()
              || otherIds.contains(themeId)
              || otherIds.contains(under)
              || proposed.contains(themeId)) {
            skipped.add(c); // two levels only: a theme with sub-themes stays a theme
            continue;
          }
          parent.put(themeId, under);
          members.get(under).addAll(members.get(themeId));
          // an answer is in one sub-theme of a theme
          for (String r : members.get(themeId)) {
            for (String sibling : levels.children(under)) {
              if (!sibling.equals(themeId)) {
                members.get(sibling).remove(r);
              }
            }
          }
        }
        case SPLIT -> {
          String newId = splitId(c);
          Set<String> moved = new LinkedHashSet<>();
          c.responseIds()
              .forEach(
                  r -> {
                    if (members.get(themeId).contains(r)) {
                      moved.add(r);
                    }
                  });
          // a sub-theme splits into a new sub-theme of the same theme; a theme into a new theme
          String newParent = parent.get(themeId);
          if (newParent != null) {
            parent.put(newId, newParent);
          }
          members.put(newId, new LinkedHashSet<>());
          moved.forEach(r -> levels.move(r, themeId, newId));
          labels.put(newId, c.text());
          exemplars.put(newId, moved.isEmpty() ? null : moved.iterator().next());
        }
        case ACCEPT_THEME -> proposed.remove(themeId);
        case REJECT_THEME -> {
          if (!proposed.remove(themeId)) {
            skipped.add(c); // only a proposal can be turned down
            continue;
          }
          String other =
              otherIds.isEmpty() ? OTHER_ID : otherIds.iterator().next(); // the "other" bucket
          if (!labels.containsKey(other)) {
            labels.put(other, "Other");
            members.put(other, new LinkedHashSet<>());
            otherIds.add(other);
          }
          members.get(other).addAll(members.get(themeId));
          placements.declined.addAll(c.responseIds());
          labels.remove(themeId);
          members.remove(themeId);
          quotes.remove(themeId);
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
                || !members.get(themeId).contains(r)
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
            quotes.computeIfAbsent(themeId, k -> new LinkedHashMap<>()).put(r, text.get());
          }
        }
        case WITHDRAW_QUOTE ->
            c.responseIds().forEach(r -> quotes.getOrDefault(themeId, new HashMap<>()).remove(r));
        case WE_DID -> weDid.put(themeId, new WeDid(c.text(), c.status(), c.date(), c.officer()));
        default -> skipped.add(c);
      }
    }
    // A share is of every answer to the question, "n/a"-style ones too, as the published page and
    // the reports' "N answers" count them: the officer's numbers and the council's must agree.
    int answered = answers.size();
    // a sub-theme whose theme is gone is a theme; a theme holds its sub-themes' answers
    parent.entrySet().removeIf(e -> !labels.containsKey(e.getKey()));
    parent.replaceAll((child, p) -> labels.containsKey(p) ? p : null);
    parent.values().removeIf(java.util.Objects::isNull);
    parent.forEach((child, p) -> members.get(p).addAll(members.get(child)));
    // built only when a theme changed: most page views show themes no correction touched
    KeyTerms terms = null;
    List<Theme> flat = new ArrayList<>();
    for (Map.Entry<String, String> e : labels.entrySet()) {
      String id = e.getKey();
      List<String> memberIds = List.copyOf(members.get(id));
      // A theme whose answers are not the run's (a correction, or an answer erased: the stored
      // count is the run's) gets the key terms a run would find for its answers now.
      boolean changed =
          !runCounts.containsKey(id)
              || runCounts.get(id) != memberIds.size()
              || !runMembers.getOrDefault(id, Set.of()).equals(Set.copyOf(memberIds));
      List<String> themeTerms = keyTerms.getOrDefault(id, List.of());
      boolean termsPending = false;
      if (changed) {
        if (terms == null) {
          terms = new KeyTerms(answers);
        }
        Optional<List<String>> found =
            memberIds.isEmpty() || OTHER_LANGUAGES_ID.equals(id)
                ? Optional.of(List.of())
                : terms.of(memberIds);
        themeTerms = found.orElse(List.of());
        termsPending = found.isEmpty();
      }
      String exemplar =
          exemplars.get(id) != null && memberIds.contains(exemplars.get(id))
              ? exemplars.get(id)
              : changed
                  // the answer that uses most of the theme's key terms: what reads most like it
                  ? terms.mostTypical(memberIds, themeTerms)
                  : memberIds.isEmpty() ? null : memberIds.get(0);
      SentimentCounts sentiment =
          SentimentCounts.of(
              memberIds.stream()
                  .map(m -> byResponse.containsKey(m) ? byResponse.get(m).sentiment() : null)
                  .toList());
      Map<String, String> themeQuotes = new LinkedHashMap<>(quotes.getOrDefault(id, Map.of()));
      themeQuotes.keySet().retainAll(memberIds);
      flat.add(
          new Theme(
              id,
              e.getValue(),
              themeTerms,
              memberIds,
              exemplar,
              Math.max(0, memberIds.size() - 1),
              answered == 0 ? 0 : (double) memberIds.size() / answered,
              sentiment.positive(),
              sentiment.neutral(),
              sentiment.negative(),
              otherIds.contains(id),
              themeQuotes,
              weDid.get(id),
              proposed.contains(id),
              parent.get(id),
              List.of(),
              changed,
              termsPending));
    }
    java.util.Comparator<Theme> order =
        (a, b) ->
            a.other() != b.other()
                ? Boolean.compare(a.other(), b.other())
                : a.proposed() != b.proposed()
                    ? Boolean.compare(a.proposed(), b.proposed())
                    : Integer.compare(b.count(), a.count());
    List<Theme> result = new ArrayList<>();
    for (Theme t : flat) {
      if (t.parentId() != null) {
        continue;
      }
      List<Theme> subs =
          flat.stream().filter(s -> t.id().equals(s.parentId())).sorted(order).toList();
      result.add(
          new Theme(
              t.id(),
              t.label(),
              t.keyTerms(),
              t.memberIds(),
              t.exemplarId(),
              t.othersSupport(),
              t.share(),
              t.positive(),
              t.neutral(),
              t.negative(),
              t.other(),
              t.quotes(),
              t.weDid(),
              t.proposed(),
              null,
              subs,
              t.membersChanged(),
              t.keyTermsPending()));
    }
    result.sort(order);
    return new Result(
        result,
        skipped,
        placements.resolved(mergedInto, labels.keySet()),
        placements.movedOut(mergedInto),
        Set.copyOf(placements.declined));
  }

  /** The id a split correction gives its new theme: the same every time it is applied. */
  public static String splitId(ThemeCorrection split) {
    return split.themeId()
        + "-split-"
        + split.id().substring(split.id().length() - 6).toLowerCase(Locale.ROOT);
  }

  private static boolean held(ThemeCorrection c, String baseline) {
    return baseline != null && c.id().compareTo(baseline) <= 0;
  }

  /** Corrections that change themes or their members (a run started from them holds them). */
  private static boolean structural(Kind kind) {
    return switch (kind) {
      case RENAME, MERGE, SPLIT, MOVE, ACCEPT_THEME, REJECT_THEME, PROMOTE, DEMOTE -> true;
      default -> false;
    };
  }

  private static String resolve(String id, Map<String, String> mergedInto) {
    String current = id;
    for (int hops = 0; hops < 1000 && mergedInto.containsKey(current); hops++) {
      current = mergedInto.get(current);
    }
    return current;
  }

  /**
   * Membership across the two levels: an answer in a sub-theme is in its theme too, and in one
   * sub-theme of a theme at most.
   */
  private record Levels(Map<String, Set<String>> members, Map<String, String> parent) {
    List<String> children(String id) {
      return parent.entrySet().stream()
          .filter(e -> e.getValue().equals(id))
          .map(Map.Entry::getKey)
          .toList();
    }

    /** The theme a theme or sub-theme belongs to (itself for a theme). */
    String top(String id) {
      return parent.getOrDefault(id, id);
    }

    /** Moves an answer from one theme or sub-theme to another, keeping both levels consistent. */
    void move(String r, String from, String to) {
      boolean sameTheme = top(from).equals(top(to));
      members.get(from).remove(r);
      for (String child : children(from)) {
        members.get(child).remove(r);
      }
      if (!sameTheme && parent.containsKey(from)) {
        // out of a sub-theme into another theme: out of its theme as well
        members.get(top(from)).remove(r);
        children(top(from)).forEach(s -> members.get(s).remove(r));
      }
      add(r, to);
    }

    /** Adds an answer to a theme or sub-theme (and a sub-theme's theme). */
    void add(String r, String to) {
      members.get(to).add(r);
      if (parent.containsKey(to)) {
        members.get(top(to)).add(r);
        children(top(to)).stream()
            .filter(s -> !s.equals(to))
            .forEach(s -> members.get(s).remove(r));
      }
    }
  }

  /** Where officers put answers by hand, over every correction, in order. */
  private static final class Placements {
    private final Map<String, Set<String>> placedIn = new LinkedHashMap<>();
    private final Map<String, Set<String>> movedOut = new LinkedHashMap<>();
    private final Set<String> declined = new LinkedHashSet<>();

    void record(ThemeCorrection c) {
      switch (c.kind()) {
        case MOVE -> c.responseIds().forEach(r -> move(r, c.themeId(), c.targetThemeId()));
        case SPLIT -> c.responseIds().forEach(r -> move(r, c.themeId(), splitId(c)));
        case APPROVE_QUOTE ->
            c.responseIds()
                .forEach(
                    r -> placedIn.computeIfAbsent(r, k -> new LinkedHashSet<>()).add(c.themeId()));
        default -> {}
      }
    }

    private void move(String response, String from, String to) {
      Set<String> in = placedIn.computeIfAbsent(response, k -> new LinkedHashSet<>());
      in.remove(from);
      in.add(to);
      Set<String> out = movedOut.computeIfAbsent(response, k -> new LinkedHashSet<>());
      out.add(from);
      out.remove(to);
    }

    Map<String, Set<String>> resolved(Map<String, String> mergedInto, Set<String> existing) {
      Map<String, Set<String>> result = new LinkedHashMap<>();
      placedIn.forEach(
          (r, ids) -> {
            Set<String> live = new LinkedHashSet<>();
            ids.forEach(
                id -> {
                  String to = resolve(id, mergedInto);
                  if (existing.contains(to)) {
                    live.add(to);
                  }
                });
            if (!live.isEmpty()) {
              result.put(r, live);
            }
          });
      return result;
    }

    Map<String, Set<String>> movedOut(Map<String, String> mergedInto) {
      Map<String, Set<String>> result = new LinkedHashMap<>();
      movedOut.forEach(
          (r, ids) -> {
            Set<String> out = new LinkedHashSet<>();
            ids.forEach(id -> out.add(resolve(id, mergedInto)));
            // Moved out of A, then A merged into the theme it was moved to: it belongs there.
            placedIn.getOrDefault(r, Set.of()).forEach(id -> out.remove(resolve(id, mergedInto)));
            if (!out.isEmpty()) {
              result.put(r, out);
            }
          });
      return result;
    }
  }
}
