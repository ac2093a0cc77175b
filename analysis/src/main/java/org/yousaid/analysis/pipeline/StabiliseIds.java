package org.yousaid.analysis.pipeline;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yousaid.analysis.PreviousTheme;
import org.yousaid.analysis.Theme;
import org.yousaid.analysis.ThemingEngine;
import org.yousaid.analysis.theme.ThemeIdStabiliser;

/**
 * Stage 8: ids. A theme that continues one of the previous run's themes keeps its id and label (the
 * officer may have renamed it); new themes get the next free number ("T3" for discovered themes,
 * "C3" for codeframe themes), never one a previous theme had. The buckets are "other" and
 * "other-languages", and no theme takes the other-languages id over.
 */
public final class StabiliseIds {
  private final List<PreviousTheme> previous;
  private final String prefix;

  /**
   * @param fromCodeframe whether the themes are the officer's codeframe (ids "C1"...) rather than
   *     discovered (ids "T1"...)
   */
  public StabiliseIds(List<PreviousTheme> previous, boolean fromCodeframe) {
    this.previous = previous;
    this.prefix = fromCodeframe ? "C" : "T";
  }

  /**
   * The themes in the drafts' order, keyed by their index in the grouping; sub-themes (after the
   * themes) have their theme's id as {@link Theme#parentId()}.
   */
  public Map<Integer, Theme> apply(List<ThemeDraft> drafts) {
    List<ThemeDraft> themeDrafts = drafts.stream().filter(d -> !d.subTheme()).toList();
    List<PreviousTheme> previousThemes = previous.stream().filter(p -> !p.subTheme()).toList();
    int[] continues =
        new ThemeIdStabiliser()
            .match(
                themeDrafts.stream()
                    .map(d -> new ThemeIdStabiliser.Draft(d.memberIds(), d.keyTerms()))
                    .toList(),
                previousThemes);
    Set<String> usedIds = new HashSet<>();
    for (PreviousTheme p : previous) usedIds.add(p.id());
    Map<Integer, Theme> themes = new LinkedHashMap<>();
    int nextNumber = 1;
    for (int o = 0; o < themeDrafts.size(); o++) {
      ThemeDraft d = themeDrafts.get(o);
      String id, label;
      boolean inherits =
          continues[o] >= 0
              && d.otherLanguages()
                  == ThemingEngine.OTHER_LANGUAGES_ID.equals(previousThemes.get(continues[o]).id());
      if (d.otherLanguages()) {
        id = ThemingEngine.OTHER_LANGUAGES_ID;
        label = d.label();
      } else if (inherits) {
        PreviousTheme p = previousThemes.get(continues[o]);
        id = p.id();
        label = p.label();
      } else {
        if (d.other()) id = ThemingEngine.OTHER_ID;
        else {
          do id = prefix + nextNumber++;
          while (usedIds.contains(id));
        }
        label = d.label();
      }
      usedIds.add(id);
      themes.put(d.index(), theme(d, id, label, null));
    }
    subThemes(drafts, themes, usedIds);
    return themes;
  }

  /**
   * Sub-theme ids: a sub-theme that continues one of its theme's earlier sub-themes keeps its id
   * and label; a new one is "T3.1", "T3.2"... (the next number its theme has not used).
   */
  private void subThemes(List<ThemeDraft> drafts, Map<Integer, Theme> themes, Set<String> usedIds) {
    Map<Integer, List<ThemeDraft>> byParent = new LinkedHashMap<>();
    for (ThemeDraft d : drafts)
      if (d.subTheme() && themes.containsKey(d.parentIndex()))
        byParent.computeIfAbsent(d.parentIndex(), x -> new java.util.ArrayList<>()).add(d);
    byParent.forEach(
        (parentIndex, parts) -> {
          String parentId = themes.get(parentIndex).id();
          List<PreviousTheme> earlier =
              previous.stream().filter(p -> parentId.equals(p.parentId())).toList();
          int[] continues =
              new ThemeIdStabiliser()
                  .match(
                      parts.stream()
                          .map(d -> new ThemeIdStabiliser.Draft(d.memberIds(), d.keyTerms()))
                          .toList(),
                      earlier);
          int next = 1;
          for (int o = 0; o < parts.size(); o++) {
            ThemeDraft d = parts.get(o);
            String id, label;
            if (continues[o] >= 0) {
              id = earlier.get(continues[o]).id();
              label = earlier.get(continues[o]).label();
            } else {
              do id = parentId + "." + next++;
              while (usedIds.contains(id));
              label = d.label();
            }
            usedIds.add(id);
            themes.put(d.index(), theme(d, id, label, parentId));
          }
        });
  }

  private static Theme theme(ThemeDraft d, String id, String label, String parentId) {
    int count = d.memberIds().size();
    // the sentence's count of answers using the label's words is for the label found now; an
    // inherited label (perhaps the officer's) was not counted
    String description =
        label.equalsIgnoreCase(d.label())
            ? d.description()
            : LabelThemes.withoutLabelClause(d.description());
    return new Theme(
        id,
        label,
        description,
        d.keyTerms(),
        d.memberIds(),
        count,
        d.share(),
        d.sentiment(),
        d.exemplarId(),
        count - 1,
        d.nearDuplicates(),
        d.other(),
        d.supportingIds(),
        parentId);
  }
}
