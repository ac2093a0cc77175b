package org.yousaid.shared.model;

public enum AgeBand implements Coded {
  AGE_0_5("0-5", "0 to 5 years"),
  AGE_5_16("5-16", "5 to 16 years"),
  AGE_16_25("16-25", "16 to 25 years");

  private final String code;
  private final String label;

  AgeBand(String code, String label) {
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
