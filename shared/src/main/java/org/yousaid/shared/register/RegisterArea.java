package org.yousaid.shared.register;

/**
 * The fixed first level of the register's themes: the three things regulation 56 of the SEND
 * Regulations 2014 says a council must publish comments about.
 */
public enum RegisterArea {
  CONTENT("content", "The Local Offer's content"),
  ACCESSIBILITY("accessibility", "How accessible the Local Offer is"),
  DEVELOPMENT("development", "How the Local Offer is developed and reviewed");

  private final String code;
  private final String label;

  RegisterArea(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** The area with this form code, or null. */
  public static RegisterArea ofCode(String code) {
    for (RegisterArea a : values()) {
      if (a.code.equals(code)) {
        return a;
      }
    }
    return null;
  }
}
