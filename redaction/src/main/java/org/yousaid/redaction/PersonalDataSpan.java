package org.yousaid.redaction;

/** Characters {@code begin..end} of a text are personal data of this kind. */
public record PersonalDataSpan(PersonalDataKind kind, int begin, int end) {
  public PersonalDataSpan {
    if (kind == null || begin < 0 || end <= begin) {
      throw new IllegalArgumentException("bad span " + kind + " " + begin + ".." + end);
    }
  }

  boolean overlaps(PersonalDataSpan other) {
    return begin < other.end && other.begin < end;
  }
}
