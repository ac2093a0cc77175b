package org.yousaid.shared.model;

/** How an answer reached the council. */
public enum Channel implements Coded {
  WEB("web", "Online form"),
  PAPER("paper", "Paper form"),
  MEETING("meeting", "Meeting"),
  EMAIL("email", "Email"),
  IMPORT("import", "Imported from another survey tool");

  private final String code;
  private final String label;

  Channel(String code, String label) {
    this.code = code;
    this.label = label;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String label() {
    return label;
  }
}
