package org.yousaid.shared.themes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an analysis run changed, compared with the version it replaced, both with the officers'
 * corrections applied: answers added and removed, answers that changed theme, new proposed themes,
 * and how many of each earlier theme's answers are still in it.
 *
 * @param added response ids analysed now and not before
 * @param removed response ids analysed before and no longer (erased, or emptied)
 * @param moved answers in both versions whose themes differ
 * @param proposed themes this version proposes that the officer has not decided on
 * @param kept for each earlier theme (not "other", not proposed): the share of its answers still
 *     present that are still in it (1 when none is left)
 */
public record RunChanges(
    List<String> added,
    List<String> removed,
    List<Move> moved,
    List<EffectiveThemes.Theme> proposed,
    Map<String, Double> kept) {

  /** One answer whose themes changed. */
  public record Move(String responseId, List<String> fromThemeIds, List<String> toThemeIds) {}

  /**
   * @param beforeAnswers response ids the earlier version analysed (and still held)
   * @param afterAnswers response ids this version analysed
   */
  public static RunChanges between(
      EffectiveThemes.Result before,
      Set<String> beforeAnswers,
      EffectiveThemes.Result after,
      Set<String> afterAnswers) {
    List<String> added = afterAnswers.stream().filter(a -> !beforeAnswers.contains(a)).toList();
    List<String> removed = beforeAnswers.stream().filter(a -> !afterAnswers.contains(a)).toList();
    Map<String, Set<String>> was = themesOf(before);
    Map<String, Set<String>> now = themesOf(after);
    List<Move> moved = new ArrayList<>();
    for (String a : afterAnswers) {
      if (beforeAnswers.contains(a)) {
        Set<String> from = was.getOrDefault(a, Set.of());
        Set<String> to = now.getOrDefault(a, Set.of());
        if (!from.equals(to)) {
          moved.add(new Move(a, List.copyOf(from), List.copyOf(to)));
        }
      }
    }
    Map<String, Set<String>> afterMembers = new HashMap<>();
    after.themes().forEach(t -> afterMembers.put(t.id(), new HashSet<>(t.memberIds())));
    Map<String, Double> kept = new LinkedHashMap<>();
    for (EffectiveThemes.Theme t : before.themes()) {
      if (t.other() || t.proposed()) {
        continue;
      }
      List<String> stillHere = t.memberIds().stream().filter(afterAnswers::contains).toList();
      Set<String> members = afterMembers.getOrDefault(t.id(), Set.of());
      long stayed = stillHere.stream().filter(members::contains).count();
      kept.put(t.id(), stillHere.isEmpty() ? 1.0 : (double) stayed / stillHere.size());
    }
    return new RunChanges(
        added,
        removed,
        moved,
        after.themes().stream().filter(EffectiveThemes.Theme::proposed).toList(),
        kept);
  }

  private static Map<String, Set<String>> themesOf(EffectiveThemes.Result result) {
    Map<String, Set<String>> themes = new HashMap<>();
    for (EffectiveThemes.Theme t : result.themes()) {
      t.memberIds().forEach(m -> themes.computeIfAbsent(m, k -> new LinkedHashSet<>()).add(t.id()));
    }
    return themes;
  }
}
