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

  /** The themes in the drafts' order, keyed by their index in the grouping. */
  public Map<Integer, Theme> apply(List<ThemeDraft> drafts) {
    int[] continues =
        new ThemeIdStabiliser()
            .match(
                drafts.stream()
                    .map(d -> new ThemeIdStabiliser.Draft(d.memberIds(), d.keyTerms()))
                    .toList(),
                previous);
    Set<String> usedIds = new HashSet<>();
    for (PreviousTheme p : previous) usedIds.add(p.id());
    Map<Integer, Theme> themes = new LinkedHashMap<>();
    int nextNumber = 1;
    for (int o = 0; o < drafts.size(); o++) {
      ThemeDraft d = drafts.get(o);
      String id, label;
      boolean inherits =
          continues[o] >= 0
              && d.otherLanguages()
                  == ThemingEngine.OTHER_LANGUAGES_ID.equals(previous.get(continues[o]).id());
      if (d.otherLanguages()) {
        id = ThemingEngine.OTHER_LANGUAGES_ID;
        label = d.label();
      } else if (inherits) {
        PreviousTheme p = previous.get(continues[o]);
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
      int count = d.memberIds().size();
      themes.put(
          d.index(),
          new Theme(
              id,
              label,
              d.description(),
              d.keyTerms(),
              d.memberIds(),
              count,
              d.share(),
              d.sentiment(),
              d.exemplarId(),
              count - 1,
              d.nearDuplicates(),
              d.other(),
              d.supportingIds()));
    }
    return themes;
  }
}
