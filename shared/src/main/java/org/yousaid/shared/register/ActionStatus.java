package org.yousaid.shared.register;

/** Where the council's action on a theme of the register has got to. */
public enum ActionStatus {
  PLANNED("planned", "Planned"),
  IN_PROGRESS("in-progress", "In progress"),
  DONE("done", "Done");

  private final String code;
  private final String label;

  ActionStatus(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** The status with this form code, or null. */
  public static ActionStatus ofCode(String code) {
    for (ActionStatus s : values()) {
      if (s.code.equals(code)) {
        return s;
      }
    }
    return null;
  }
}
