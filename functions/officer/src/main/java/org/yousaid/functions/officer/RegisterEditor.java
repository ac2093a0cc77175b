package org.yousaid.functions.officer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.yousaid.shared.register.ActionStatus;
import org.yousaid.shared.register.ExclusionReason;
import org.yousaid.shared.register.RegisterArea;
import org.yousaid.shared.register.RegisterEntry;
import org.yousaid.shared.register.RegisterRepository;
import org.yousaid.shared.register.RegisterTheme;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.validation.FieldError;

/**
 * What an officer does to the reg. 56 register, with its rules: an entry goes in a theme of one of
 * the three areas (a new theme made on the way); an entry is kept out of publication only with one
 * of the recorded reasons (and, for one child's case, only once casework was offered); a theme's
 * response and action are saved with a dated change of status. Refusals are 400 with the field that
 * is wrong; an entry erased meanwhile is 404.
 */
final class RegisterEditor {

  static final int MAX_TEXT = 2000;
  static final int MAX_LABEL = 120;
  static final String NEW_THEME = "new";
  private static final Pattern THEME_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final RegisterRepository register;
  private final Clock clock;

  RegisterEditor(RegisterRepository register, Clock clock) {
    this.register = register;
    this.clock = clock;
  }

  RegisterEntry entry(String council, String entryId) {
    return register
        .entry(council, entryId)
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "This comment is not in the register. It may have been deleted by the person"
                        + " who wrote it."));
  }

  RegisterTheme theme(String council, String themeId) {
    return register
        .theme(council, themeId)
        .orElseThrow(() -> ProblemException.notFound("There is no such theme in the register."));
  }

  /**
   * Puts an entry in a theme: an existing one, or a new one in {@code area} called {@code label}. A
   * quote is approved only if its author agreed to be quoted.
   */
  RegisterEntry triage(
      String council, String entryId, String themeId, String area, String label, boolean quote) {
    RegisterEntry entry = entry(council, entryId);
    List<FieldError> errors = new ArrayList<>();
    RegisterTheme theme = null;
    if (NEW_THEME.equals(themeId)) {
      RegisterArea a = RegisterArea.ofCode(area);
      String clean = label == null ? "" : label.strip();
      if (a == null) {
        errors.add(
            new FieldError("area", "Choose which part of the Local Offer the comment is about"));
      }
      if (clean.isEmpty() || clean.length() > MAX_LABEL) {
        errors.add(new FieldError("label", "Enter a name for the new theme, up to 120 characters"));
      }
      if (errors.isEmpty()) {
        theme =
            new RegisterTheme(newThemeId(council, clean), a, clean, null, null, null, List.of());
        register.saveTheme(council, theme);
      }
    } else if (themeId == null || themeId.isBlank()) {
      errors.add(new FieldError("theme", "Choose a theme, or make a new one"));
    } else {
      theme = register.theme(council, themeId).orElse(null);
      if (theme == null) {
        errors.add(new FieldError("theme", "Choose a theme, or make a new one"));
      }
    }
    if (quote && !entry.consentToQuote()) {
      errors.add(
          new FieldError(
              "quote",
              "This person did not agree to be quoted, so their words cannot be published"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return save(entry.withTriage(theme.area(), theme.id(), quote));
  }

  /** Keeps an entry out of everything published, with its reason recorded. */
  RegisterEntry exclude(
      String council,
      String entryId,
      String reasonCode,
      String note,
      boolean caseworkOffered,
      String officer) {
    RegisterEntry entry = entry(council, entryId);
    ExclusionReason reason = ExclusionReason.ofCode(reasonCode);
    String cleanNote = note == null ? "" : note.strip();
    List<FieldError> errors = new ArrayList<>();
    if (reason == null) {
      errors.add(new FieldError("reason", "Choose why this comment must not be published"));
    }
    if (reason == ExclusionReason.INDIVIDUAL_CASE && !caseworkOffered) {
      errors.add(
          new FieldError(
              "casework",
              "Confirm the family was offered help from the casework team, with their consent, before"
                  + " keeping their comment out"));
    }
    if (reason == ExclusionReason.DUPLICATE && cleanNote.isEmpty()) {
      errors.add(new FieldError("note", "Say which comment this one repeats"));
    }
    if (cleanNote.length() > MAX_TEXT) {
      errors.add(new FieldError("note", "The note must be 2000 characters or fewer"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return save(
        entry.withExclusion(
            new RegisterEntry.Exclusion(reason, cleanNote, officer, clock.instant())));
  }

  /** Puts an excluded entry back: it may be published again. */
  RegisterEntry include(String council, String entryId) {
    return save(entry(council, entryId).withExclusion(null));
  }

  /** Saves a theme's name, the council's response, its action and the action's status. */
  RegisterTheme respond(
      String council,
      String themeId,
      String label,
      String response,
      String action,
      String statusCode) {
    RegisterTheme theme = theme(council, themeId);
    String cleanLabel = label == null ? "" : label.strip();
    String cleanResponse = response == null ? "" : response.strip();
    String cleanAction = action == null ? "" : action.strip();
    ActionStatus status = ActionStatus.ofCode(statusCode);
    List<FieldError> errors = new ArrayList<>();
    if (cleanLabel.isEmpty() || cleanLabel.length() > MAX_LABEL) {
      errors.add(new FieldError("label", "Enter the theme's name, up to 120 characters"));
    }
    if (cleanResponse.length() > MAX_TEXT) {
      errors.add(new FieldError("response", "The response must be 2000 characters or fewer"));
    }
    if (cleanAction.length() > MAX_TEXT) {
      errors.add(new FieldError("action", "The action must be 2000 characters or fewer"));
    }
    if (!cleanAction.isEmpty() && status == null) {
      errors.add(new FieldError("status", "Choose where the action has got to"));
    }
    if (cleanAction.isEmpty() && status != null) {
      errors.add(
          new FieldError("action", "Say what the council is doing before giving its status"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    // A new status goes out to the respondents who asked, once: the theme and its outbox item are
    // written together. If another save made the same change first, this one is applied on top of
    // it (which is then no change of status).
    for (int attempt = 0; ; attempt++) {
      RegisterTheme saved =
          new RegisterTheme(
                  theme.id(),
                  theme.area(),
                  cleanLabel,
                  theme.response(),
                  theme.action(),
                  theme.status(),
                  theme.history())
              .respond(
                  cleanResponse.isEmpty() ? null : cleanResponse,
                  cleanAction.isEmpty() ? null : cleanAction,
                  status,
                  LocalDate.ofInstant(clock.instant(), LONDON));
      if (register.saveTheme(council, theme, saved, clock.instant())) {
        return saved;
      }
      if (attempt > 0) {
        throw ProblemException.conflict(
            "This theme was changed by someone else",
            "Someone else saved this theme at the same time. Open it again and check it.");
      }
      theme = theme(council, themeId);
    }
  }

  private RegisterEntry save(RegisterEntry changed) {
    if (!register.save(changed)) {
      throw ProblemException.notFound(
          "This comment is not in the register. It may have been deleted by the person who wrote"
              + " it.");
    }
    return changed;
  }

  /** A readable id from the label, made unique within the council's register. */
  private String newThemeId(String council, String label) {
    String base =
        label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (base.isEmpty()) {
      base = "theme";
    }
    base = base.length() > 60 ? base.substring(0, 60).replaceAll("-+$", "") : base;
    String id = base;
    for (int n = 2; register.theme(council, id).isPresent(); n++) {
      id = base + "-" + n;
    }
    if (!THEME_ID.matcher(id).matches()) {
      throw new IllegalStateException("theme id " + id);
    }
    return id;
  }
}
