package org.yousaid.shared.model;

/** The four broad areas of need of the SEND Code of Practice (2015), section 6.28. */
public enum AreaOfNeed implements Coded {
  COMMUNICATION_AND_INTERACTION("communication-and-interaction", "Communication and interaction"),
  COGNITION_AND_LEARNING("cognition-and-learning", "Cognition and learning"),
  SOCIAL_EMOTIONAL_MENTAL_HEALTH(
      "social-emotional-mental-health", "Social, emotional and mental health"),
  SENSORY_AND_PHYSICAL("sensory-and-physical", "Sensory and/or physical needs");

  private final String code;
  private final String label;

  AreaOfNeed(String code, String label) {
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
