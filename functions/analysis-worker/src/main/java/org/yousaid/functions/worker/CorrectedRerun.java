package org.yousaid.functions.worker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yousaid.analysis.AnalysedAnswer;
import org.yousaid.analysis.PreviousTheme;
import org.yousaid.analysis.Sentiment;
import org.yousaid.analysis.SentimentSplit;
import org.yousaid.analysis.Theme;
import org.yousaid.analysis.ThemeMembership;
import org.yousaid.analysis.ThemeResult;
import org.yousaid.analysis.ThemingEngine;
import org.yousaid.analysis.pipeline.LabelThemes;
import org.yousaid.analysis.theme.ShareWording;
import org.yousaid.analysis.theme.ThemeIdStabiliser;
import org.yousaid.analysis.theme.codeframe.Codeframe;
import org.yousaid.shared.themes.AnswerAnalysis;
import org.yousaid.shared.themes.EffectiveThemes;
import org.yousaid.shared.themes.KeyTerms;
import org.yousaid.shared.themes.StoredTheme;

/**
 * A re-run over themes an officer has corrected: the corrected themes are the codeframe (their
 * members, and first the answers the officer placed by hand, are the examples), so old and new
 * answers are themed onto them; answers that fit none become proposed themes. The officer's work is
 * never left to the classifier: every corrected theme keeps its id and label (also with no answers
 * left), an answer the officer moved, split or quoted stays where the officer put it, an answer
 * moved out of a theme is not put back, and answers of a proposal the officer turned down are not
 * proposed again. Sub-themes are codes too and keep their theme: an answer put in a sub-theme is in
 * its theme, and in one sub-theme of it at most.
 */
final class CorrectedRerun {

  /** Examples per theme: officer-placed answers first, then the exemplar and other members. */
  static final int EXAMPLES_PER_THEME = 20;

  /** The themes and per-answer results of the re-run, ids already the officer's. */
  record Outcome(List<StoredTheme> themes, List<AnswerAnalysis> answers) {}

  private final EffectiveThemes.Result finalised;
  private final List<EffectiveThemes.Theme> kept = new ArrayList<>();
  private final Map<String, String> idByCodeName = new HashMap<>();
  private final Map<String, String> codeNameById = new LinkedHashMap<>();
  private final Map<String, String> parentOf = new HashMap<>();

  /**
   * @param finalised the question's themes after every correction, with where officers put answers
   */
  CorrectedRerun(EffectiveThemes.Result finalised) {
    this.finalised = finalised;
    Set<String> names = new HashSet<>();
    for (EffectiveThemes.Theme t : EffectiveThemes.flatten(finalised.themes())) {
      if (t.other() || t.proposed()) {
        continue;
      }
      kept.add(t);
      if (t.parentId() != null) {
        parentOf.put(t.id(), t.parentId());
      }
      // Codes need distinct names; two themes an officer gave the same name stay two themes.
      String name = t.label().strip();
      for (int n = 2; !names.add(name.toLowerCase(Locale.ROOT)); n++) {
        name = t.label().strip() + " (" + n + ")";
      }
      idByCodeName.put(name, t.id());
      codeNameById.put(t.id(), name);
    }
  }

  /** Whether there is a corrected theme to theme onto. */
  boolean applies() {
    return !kept.isEmpty();
  }

  int keptThemes() {
    return kept.size();
  }

  /**
   * The corrected themes as a codeframe ({@link Codeframe#fromThemes}), the answers officers placed
   * by hand added as examples ({@link Codeframe#withExamples}).
   *
   * @param redacted response id to its redacted text, from the current run
   */
  Codeframe codeframe(Map<String, String> redacted) {
    List<Theme> themes = new ArrayList<>();
    Map<String, List<String>> placed = new LinkedHashMap<>();
    for (EffectiveThemes.Theme t : kept) {
      List<String> members = new ArrayList<>();
      finalised.placements().forEach((r, ids) -> add(ids.contains(t.id()), members, r));
      if (t.exemplarId() != null && !members.contains(t.exemplarId())) {
        members.add(t.exemplarId());
      }
      t.memberIds().forEach(r -> add(true, members, r));
      String name = codeNameById.get(t.id());
      themes.add(
          new Theme(
              t.id(),
              name,
              "",
              t.keyTerms(),
              members,
              members.size(),
              t.share(),
              null,
              members.isEmpty() ? null : members.get(0),
              Math.max(0, members.size() - 1),
              0,
              false));
      List<String> officerPlaced = new ArrayList<>();
      finalised
          .placements()
          .forEach(
              (r, ids) -> {
                if (ids.contains(t.id()) && redacted.containsKey(r)) {
                  officerPlaced.add(redacted.get(r));
                }
              });
      placed.put(name, officerPlaced);
    }
    List<AnalysedAnswer> texts = new ArrayList<>();
    redacted.forEach(
        (id, text) -> texts.add(new AnalysedAnswer(id, text, null, List.of(), null, false)));
    return Codeframe.fromThemes(
            "corrected themes",
            new ThemeResult(themes, texts, themes.size(), Map.of()),
            EXAMPLES_PER_THEME)
        .withExamples(placed);
  }

  private static void add(boolean when, List<String> list, String id) {
    if (when && !list.contains(id)) {
      list.add(id);
    }
  }

  /**
   * The engine's codeframe result with the officer's ids, labels and placements.
   *
   * @param runId this run: proposed themes it finds get ids no other run uses
   */
  Outcome map(ThemeResult result, String runId) {
    // 1. Engine theme id -> officer theme id.
    Map<String, String> idOf = new HashMap<>();
    Map<String, Theme> engineTheme = new HashMap<>();
    List<Theme> proposals = new ArrayList<>();
    for (Theme t : result.themes()) {
      if (t.other()) {
        idOf.put(t.id(), t.id()); // "other", "other-languages"
      } else if (isProposal(t) || !idByCodeName.containsKey(t.label())) {
        proposals.add(t);
      } else {
        idOf.put(t.id(), idByCodeName.get(t.label()));
      }
    }
    Map<String, String> proposalLabels = proposalIds(proposals, runId, idOf);
    result.themes().forEach(t -> engineTheme.put(idOf.get(t.id()), t));
    Set<String> proposedIds = new HashSet<>(proposalLabels.keySet());

    // 2. Each answer's themes, the officer's placements first.
    Set<String> officerIds = new LinkedHashSet<>(codeNameById.keySet());
    Set<String> known = new HashSet<>(officerIds);
    known.addAll(idOf.values());
    List<AnswerAnalysis> answers = new ArrayList<>();
    for (AnalysedAnswer a : result.answers()) {
      List<String> ids = new ArrayList<>();
      for (ThemeMembership m : a.themes()) {
        String id = idOf.get(m.themeId());
        if (id != null && !ids.contains(id)) {
          ids.add(id);
        }
      }
      answers.add(
          new AnswerAnalysis(
              a.id(),
              a.redactedText(),
              a.sentiment() == null ? null : a.sentiment().name().toLowerCase(Locale.ROOT),
              a.nonAnswer() ? ids : levels(officerWins(a.id(), ids, officerIds, proposedIds)),
              a.nearDuplicateGroup(),
              a.keyPhrases()));
    }

    // 3. Themes from their members; every corrected theme stays, even with no answers left.
    Map<String, List<AnswerAnalysis>> members = new LinkedHashMap<>();
    officerIds.forEach(id -> members.put(id, new ArrayList<>()));
    proposalLabels.keySet().forEach(id -> members.put(id, new ArrayList<>()));
    for (AnswerAnalysis a : answers) {
      a.themeIds().forEach(id -> members.computeIfAbsent(id, k -> new ArrayList<>()).add(a));
    }
    long answered = answers.stream().filter(a -> !a.themeIds().isEmpty()).count();
    KeyTerms keyTerms = new KeyTerms(answers);
    Map<String, EffectiveThemes.Theme> officerTheme = new HashMap<>();
    kept.forEach(t -> officerTheme.put(t.id(), t));
    List<StoredTheme> themes = new ArrayList<>();
    members.forEach(
        (id, in) -> {
          Theme engine = engineTheme.get(id);
          EffectiveThemes.Theme officer = officerTheme.get(id);
          String label =
              officer != null
                  ? officer.label()
                  : proposalLabels.containsKey(id)
                      ? proposalLabels.get(id)
                      : engine != null ? engine.label() : "Other";
          themes.add(
              stored(id, label, engine, officer, in, answered, proposedIds.contains(id), keyTerms));
        });
    themes.sort(
        (x, y) ->
            x.other() != y.other()
                ? Boolean.compare(x.other(), y.other())
                : x.proposed() != y.proposed()
                    ? Boolean.compare(x.proposed(), y.proposed())
                    : Integer.compare(y.count(), x.count()));
    return new Outcome(themes, answers);
  }

  /**
   * Themes first, each sub-theme after them with its theme added where it was missing, one
   * sub-theme per theme (the first found).
   */
  private List<String> levels(List<String> ids) {
    List<String> themes = new ArrayList<>();
    Map<String, String> subThemeOf = new LinkedHashMap<>();
    for (String id : ids) {
      String parent = parentOf.get(id);
      String theme = parent == null ? id : parent;
      if (!themes.contains(theme)) {
        themes.add(theme);
      }
      if (parent != null) {
        subThemeOf.putIfAbsent(parent, id);
      }
    }
    themes.addAll(subThemeOf.values());
    return themes;
  }

  /**
   * An answer's themes once the officer's decisions are kept: where they put it first, never a
   * theme they moved it out of, and no proposed theme for an answer they placed or turned down.
   */
  private List<String> officerWins(
      String responseId, List<String> found, Set<String> officerIds, Set<String> proposedIds) {
    Set<String> placed =
        new LinkedHashSet<>(finalised.placements().getOrDefault(responseId, Set.of()));
    placed.retainAll(officerIds);
    Set<String> movedOut = finalised.movedOut().getOrDefault(responseId, Set.of());
    boolean declined = finalised.declined().contains(responseId);
    List<String> ids = new ArrayList<>(placed);
    for (String id : found) {
      boolean proposal = proposedIds.contains(id);
      boolean bucket = id.equals(ThemingEngine.OTHER_ID);
      if (ids.contains(id)
          || movedOut.contains(id)
          || (!placed.isEmpty() && (proposal || bucket))
          || (declined && proposal)) {
        continue;
      }
      ids.add(id);
    }
    if (ids.isEmpty() && !found.isEmpty()) {
      ids.add(ThemingEngine.OTHER_ID);
    }
    return ids;
  }

  /**
   * Ids for the proposed themes: a proposal that continues one the officer has not decided on yet
   * keeps its id and name ({@link ThemeIdStabiliser}); a new one gets an id made from this run's.
   * Returns id to label, and fills {@code idOf}.
   */
  private Map<String, String> proposalIds(
      List<Theme> proposals, String runId, Map<String, String> idOf) {
    List<PreviousTheme> open =
        finalised.themes().stream()
            .filter(EffectiveThemes.Theme::proposed)
            .map(t -> new PreviousTheme(t.id(), t.label(), t.keyTerms(), t.memberIds()))
            .toList();
    int[] continues =
        new ThemeIdStabiliser()
            .match(
                proposals.stream()
                    .map(p -> new ThemeIdStabiliser.Draft(p.memberIds(), p.keyTerms()))
                    .toList(),
                open);
    String run = runId.substring(Math.max(0, runId.length() - 6)).toLowerCase(Locale.ROOT);
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < proposals.size(); i++) {
      Theme p = proposals.get(i);
      String id = continues[i] >= 0 ? open.get(continues[i]).id() : "p" + run + "-" + (i + 1);
      idOf.put(p.id(), id);
      labels.put(id, continues[i] >= 0 ? open.get(continues[i]).label() : p.label());
    }
    return labels;
  }

  private static boolean isProposal(Theme t) {
    return org.yousaid.analysis.pipeline.LabelThemes.proposed(t.description());
  }

  private static StoredTheme stored(
      String id,
      String label,
      Theme engine,
      EffectiveThemes.Theme officer,
      List<AnswerAnalysis> members,
      long answered,
      boolean proposed,
      KeyTerms keyTerms) {
    List<String> ids = members.stream().map(AnswerAnalysis::responseId).toList();
    String exemplar =
        engine != null && engine.exemplarId() != null && ids.contains(engine.exemplarId())
            ? engine.exemplarId()
            : officer != null && officer.exemplarId() != null && ids.contains(officer.exemplarId())
                ? officer.exemplarId()
                : ids.isEmpty() ? null : ids.get(0);
    int positive = 0;
    int neutral = 0;
    int negative = 0;
    int duplicates = 0;
    for (AnswerAnalysis a : members) {
      String s = a.sentiment();
      if (Sentiment.POSITIVE.name().equalsIgnoreCase(String.valueOf(s))) {
        positive++;
      } else if (Sentiment.NEUTRAL.name().equalsIgnoreCase(String.valueOf(s))) {
        neutral++;
      } else if (Sentiment.NEGATIVE.name().equalsIgnoreCase(String.valueOf(s))) {
        negative++;
      }
      if (a.nearDuplicateGroup() != null) {
        duplicates++;
      }
    }
    // The officer's placements win over the engine's, so the theme's answers are not always the
    // ones the engine described: key terms are found again for them, and the engine's sentence is
    // told again with their count, share and stance (what they are about stays the engine's).
    boolean asEngine = engine != null && Set.copyOf(engine.memberIds()).equals(Set.copyOf(ids));
    String description;
    if (asEngine) {
      description = engine.description();
    } else if (engine == null || ThemingEngine.OTHER_LANGUAGES_ID.equals(id) || ids.isEmpty()) {
      description = ""; // the other-languages sentence counts by language: the next run says
    } else {
      description =
          (LabelThemes.proposed(engine.description()) ? LabelThemes.PROPOSED : "")
              + LabelThemes.redescribe(
                  engine.description(),
                  ShareWording.of(ids.size(), (int) answered),
                  new SentimentSplit(negative, neutral, positive),
                  duplicates);
    }
    List<String> terms =
        ThemingEngine.OTHER_LANGUAGES_ID.equals(id) || ids.isEmpty()
            ? List.of()
            : keyTerms
                .of(ids)
                .orElse(
                    asEngine
                        ? engine.keyTerms()
                        : officer != null && !officer.membersChanged()
                            ? officer.keyTerms()
                            : List.of());
    boolean other = officer == null && engine != null && engine.other();
    return new StoredTheme(
        id,
        label,
        description,
        terms,
        ids.size(),
        answered == 0 ? 0 : (double) ids.size() / answered,
        positive,
        neutral,
        negative,
        exemplar,
        Math.max(0, ids.size() - 1),
        duplicates,
        other || id.equals(ThemingEngine.OTHER_ID),
        proposed,
        officer == null ? null : officer.parentId());
  }
}
