package org.yousaid.redaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one redaction module: everything that leaves for the public (quotes, theme labels and
 * descriptions, "we did" text) passes through it, in the analysis engine and in the publisher's
 * last check, so they cannot disagree. It finds, with rules and word lists and no NLP library:
 * names ({@code [name]}), named staff ({@code [staff]}), schools ({@code [school]}) and other
 * organisations ({@code [organisation]}), emails, UK phone numbers in any grouping, postcodes, NHS
 * numbers, addresses with or without a house number, and dates of birth in figures or words. The
 * engine adds the people and organisations CoreNLP recognises through {@link #redact(String,
 * List)}, where they pass the same filter for public services ("the Local Offer", "CAMHS", "the
 * council") as the rules' own findings.
 *
 * <p>Thread-safe; create once ({@link #standard()} is shared and reads the deployment's school
 * register, see {@link SchoolRegister#configured()}).
 */
public final class Redaction {
  private static volatile Redaction standard;

  private final Lexicon lex = Lexicon.SHIPPED;
  private final PersonNames names;
  private final Organisations organisations;

  private Redaction(SchoolRegister register) {
    this.names = new PersonNames(lex);
    this.organisations = new Organisations(lex, register);
  }

  /** The shipped word lists and the deployment's own school register, if it has one. */
  public static Redaction standard() {
    Redaction r = standard;
    if (r == null) {
      synchronized (Redaction.class) {
        r = standard;
        if (r == null) standard = r = new Redaction(SchoolRegister.configured());
      }
    }
    return r;
  }

  /** The shipped word lists plus the given register's schools and trusts. */
  public static Redaction withRegister(SchoolRegister register) {
    return new Redaction(register);
  }

  /** Every span of personal data the rules find, without overlaps, in text order. */
  public List<PersonalDataSpan> find(String text) {
    if (text == null || text.isEmpty()) return List.of();
    return resolve(candidates(text), List.of());
  }

  /** The text with every piece of personal data the rules find replaced by its placeholder. */
  public String redact(String text) {
    return text == null ? null : redact(text, List.of()).text();
  }

  /**
   * The text redacted by the rules and by {@code recognised} spans (the engine's named entities:
   * {@link PersonalDataKind#NAME} for people, {@link PersonalDataKind#ORGANISATION} for
   * organisations). Recognised organisations whose name has a school word become {@code [school]};
   * recognised spans that name a public service or are only generic words are dropped. Where spans
   * overlap, the earliest and then longest wins, the rules' on a tie.
   */
  public RedactedText redact(String text, List<PersonalDataSpan> recognised) {
    if (text == null) throw new IllegalArgumentException("text is null");
    List<PersonalDataSpan> kept = new ArrayList<>();
    for (PersonalDataSpan s : recognised) {
      if (s.end() > text.length()) throw new IllegalArgumentException("span outside text " + s);
      PersonalDataSpan filtered = filterRecognised(text, s);
      if (filtered != null) kept.add(filtered);
    }
    List<PersonalDataSpan> spans = resolve(candidates(text), kept);
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (PersonalDataSpan s : spans) {
      out.append(text, at, s.begin()).append(s.kind().placeholder());
      at = s.end();
    }
    return new RedactedText(out.append(text, at, text.length()).toString(), spans);
  }

  /**
   * Whether the text names a person, school, organisation or address, holds contact details or a
   * date of birth, or already holds a redaction placeholder. For filtering theme labels and
   * descriptions: a label for which this is true should not be shown to the public.
   */
  public boolean containsPersonalData(String text) {
    if (text == null || text.isBlank()) return false;
    return PersonalDataKind.ANY_PLACEHOLDER.matcher(text).find() || !find(text).isEmpty();
  }

  private List<PersonalDataSpan> candidates(String text) {
    Words words = Words.of(text);
    String plain = words.text();
    List<PersonalDataSpan> found = new ArrayList<>();
    ContactDetails.find(plain, found);
    PhoneNumbers.find(plain, found);
    DatesOfBirth.find(plain, found);
    Addresses.find(words, found);
    found.addAll(organisations.find(words));
    for (PersonalDataSpan s : names.find(words)) {
      if (!lex.isPublicPhrase(text.substring(s.begin(), s.end()))) found.add(s);
    }
    return found;
  }

  private static final Set<String> SCHOOL_WORDS =
      Set.of(
          "school",
          "academy",
          "primary",
          "college",
          "nursery",
          "infants",
          "juniors",
          "preschool",
          "pre-school",
          "high");

  private PersonalDataSpan filterRecognised(String text, PersonalDataSpan s) {
    String phrase = text.substring(s.begin(), s.end());
    if (lex.isPublicName(phrase) || phrase.chars().filter(Character::isLetter).count() < 3) {
      return null;
    }
    // a lone acronym ("CBT", "QMC", "DOB") is a service or a form field, not who someone is
    if (phrase.chars().noneMatch(Character::isWhitespace)
        && phrase.chars().filter(Character::isLetter).allMatch(Character::isUpperCase)) {
      return null;
    }
    if (s.kind() == PersonalDataKind.NAME && isCondition(text, s, phrase)) return null;
    if (s.kind() == PersonalDataKind.ORGANISATION) {
      for (String k : WordLists.keys(phrase)) {
        if (SCHOOL_WORDS.contains(k)) {
          return new PersonalDataSpan(PersonalDataKind.SCHOOL, s.begin(), s.end());
        }
      }
    }
    return s;
  }

  private static final Pattern CONDITION_AFTER =
      Pattern.compile(
          "^(?:['\u2019]s\\b|s?\\s+(?:syndrome|disease|disorder)\\b)", Pattern.CASE_INSENSITIVE);

  /** "Tourette's", "Asperger syndrome": a condition named after a person is not a name. */
  private boolean isCondition(String text, PersonalDataSpan s, String phrase) {
    for (String k : WordLists.keys(phrase)) {
      if (!lex.eponyms.contains(k.replace("'s", ""))) return false;
    }
    return CONDITION_AFTER.matcher(text.substring(s.end())).find();
  }

  /** The earliest, then longest span where spans overlap; the rules' span on a tie. */
  private static List<PersonalDataSpan> resolve(
      List<PersonalDataSpan> rules, List<PersonalDataSpan> recognised) {
    record Candidate(PersonalDataSpan span, int rank) {}
    List<Candidate> all = new ArrayList<>();
    rules.forEach(s -> all.add(new Candidate(s, 0)));
    recognised.forEach(s -> all.add(new Candidate(s, 1)));
    all.sort(
        Comparator.comparingInt((Candidate c) -> c.span().begin())
            .thenComparing(Comparator.comparingInt((Candidate c) -> c.span().end()).reversed())
            .thenComparingInt(Candidate::rank)
            .thenComparingInt(c -> c.span().kind().ordinal()));
    List<PersonalDataSpan> kept = new ArrayList<>();
    int end = -1;
    for (Candidate c : all) {
      if (c.span().begin() >= end) {
        kept.add(c.span());
        end = c.span().end();
      }
    }
    return kept;
  }
}
