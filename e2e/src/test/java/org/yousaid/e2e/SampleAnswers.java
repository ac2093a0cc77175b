package org.yousaid.e2e;

/** Answers to the demo Local Offer question that fall into three clear themes, two of each. */
final class SampleAnswers {

  static final String[] FIND_INFORMATION = {
    "A search box where I can filter by my child's age and needs",
    "Being able to search by age group and type of disability",
    "A named key worker I can phone when I am stuck",
    "Someone to talk to, a key worker who knows our family",
    "Plain English with no jargon or acronyms",
    "Information written in plain English that parents can understand"
  };

  private SampleAnswers() {}
}
