package org.yousaid.shared.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A theme of the register, within one reg. 56 area: what families said (its label), the council's
 * response, the action it takes and that action's status, with every change of status dated, so the
 * published report and feed can show how it moved (planned, in progress, done).
 */
public record RegisterTheme(
    String id,
    RegisterArea area,
    String label,
    String response,
    String action,
    ActionStatus status,
    List<StatusChange> history) {

  /** The action reached this status on this day. */
  public record StatusChange(ActionStatus status, LocalDate on) {}

  public RegisterTheme {
    history = history == null ? List.of() : List.copyOf(history);
  }

  /** Whether the council has said what it does about this theme. */
  public boolean hasAction() {
    return action != null && !action.isBlank() && status != null;
  }

  /** The theme with this response, action and status; a new status is added to the history. */
  public RegisterTheme respond(
      String response, String action, ActionStatus status, LocalDate today) {
    List<StatusChange> changes = new ArrayList<>(history);
    if (status != null && status != this.status) {
      changes.add(new StatusChange(status, today));
    }
    return new RegisterTheme(id, area, label, response, action, status, changes);
  }

  /** The day the action reached its present status, or null. */
  public LocalDate statusSince() {
    return history.isEmpty() ? null : history.get(history.size() - 1).on();
  }
}
