package org.yousaid.shared.model;

public enum Role implements Coded {
  PARENT_CARER("parent-carer", "Parent or carer"),
  YOUNG_PERSON("young-person", "Young person"),
  PROFESSIONAL("professional", "Professional"),
  OTHER("other", "Other");

  private final String code;
  private final String label;

  Role(String code, String label) {
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
