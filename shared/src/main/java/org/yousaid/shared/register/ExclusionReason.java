package org.yousaid.shared.register;

/** The only reasons an officer may keep a comment out of what is published. */
public enum ExclusionReason {
  VEXATIOUS("vexatious", "Vexatious or abusive"),
  INDIVIDUAL_CASE(
      "individual-case", "About one child's case (offered to casework with the family's consent)"),
  DUPLICATE("duplicate", "A duplicate of another comment");

  private final String code;
  private final String label;

  ExclusionReason(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** The reason with this form code, or null. */
  public static ExclusionReason ofCode(String code) {
    for (ExclusionReason r : values()) {
      if (r.code.equals(code)) {
        return r;
      }
    }
    return null;
  }
}
