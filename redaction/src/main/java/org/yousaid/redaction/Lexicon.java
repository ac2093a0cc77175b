package org.yousaid.redaction;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The word lists shipped with this module (see the resources' own headers): first names in three
 * tiers, surnames, words that never make a name distinctive, roles, school stems and foundations,
 * and the public services that are never redacted.
 */
final class Lexicon {
  /** How much context a first name needs before it counts as a name. */
  enum NameTier {
    /** Not a known first name. */
    NONE,
    /** Only a name ("sarah", "oliver"): a name in any case and position. */
    PLAIN,
    /** Also an ordinary word ("grace", "will"): needs a capital inside a sentence, or context. */
    WORD,
    /** Also a month, season or place ("may", "summer"): needs a name context. */
    CONTEXT
  }

  static final Lexicon SHIPPED = new Lexicon();

  private final Set<String> firstNames = WordLists.words("first-names.txt");
  private final Set<String> wordNames = WordLists.words("first-names-also-words.txt");
  private final Set<String> contextNames = WordLists.words("first-names-context-only.txt");
  private final Set<String> surnames = WordLists.words("surnames.txt");
  private final Set<String> surnameWords = WordLists.words("surnames-also-words.txt");
  private final Set<String> generic = WordLists.words("generic-words.txt");
  final Set<String> schoolStems = WordLists.words("school-stems.txt");
  final Set<String> eponyms = WordLists.words("eponyms.txt");
  final Phrases foundations = new Phrases(WordLists.phrases("school-foundations.txt"));
  final Phrases roles = new Phrases(WordLists.phrases("roles.txt"));
  private final Set<String> roleWords = new HashSet<>();
  private final Set<String> publicPhrases = new HashSet<>();
  private final Set<String> publicWords = new HashSet<>();

  private Lexicon() {
    for (List<String> p : WordLists.phrases("roles.txt")) roleWords.addAll(p);
    for (List<String> p : WordLists.phrases("public-services.txt")) {
      publicPhrases.add(String.join(" ", p));
      if (p.size() == 1) publicWords.add(p.get(0));
    }
    for (List<String> p : WordLists.phrases("public-places.txt")) {
      publicPhrases.add(String.join(" ", p));
    }
  }

  NameTier tier(String key) {
    NameTier whole = exactTier(key);
    if (whole != NameTier.NONE || key.indexOf('-') < 0) return whole;
    // "Tyler-Jay", "lily-mae": a compound of names is a name whatever its parts are alone
    String[] parts = key.split("-");
    if (parts.length > 3) return NameTier.NONE;
    for (String p : parts) {
      if (exactTier(p) == NameTier.NONE) return NameTier.NONE;
    }
    return NameTier.PLAIN;
  }

  private NameTier exactTier(String key) {
    if (contextNames.contains(key)) return NameTier.CONTEXT;
    if (wordNames.contains(key)) return NameTier.WORD;
    if (firstNames.contains(key)) return NameTier.PLAIN;
    return NameTier.NONE;
  }

  /** A surname that is not also an ordinary word ("jones", "patel", not "green"). */
  boolean isPlainSurname(String key) {
    return surnames.contains(key) && !surnameWords.contains(key);
  }

  boolean isSurnameWord(String key) {
    return surnameWords.contains(key);
  }

  boolean isGeneric(String key) {
    return generic.contains(key) || publicWords.contains(key);
  }

  /** The phrase is on the list of public services ("Mr Tumble", "the Local Offer"). */
  boolean isPublicPhrase(String phrase) {
    List<String> keys = WordLists.keys(phrase);
    if (!keys.isEmpty() && keys.get(0).equals("the")) keys = keys.subList(1, keys.size());
    return isPublicPhrase(keys);
  }

  private boolean isPublicPhrase(List<String> keys) {
    return publicPhrases.contains(String.join(" ", keys))
        || publicPhrases.contains(String.join(" ", keys).replace("'s", ""));
  }

  boolean isRoleWord(String key) {
    return roleWords.contains(key);
  }

  /**
   * The phrase names a public service, national body or brand, or is made only of generic words:
   * "the Local Offer", "SEND Team", "WhatsApp group", "Warwickshire County Council".
   */
  boolean isPublicName(String phrase) {
    List<String> keys = WordLists.keys(phrase);
    if (!keys.isEmpty() && keys.get(0).equals("the")) keys = keys.subList(1, keys.size());
    if (keys.isEmpty() || isPublicPhrase(keys)) return true;
    if (keys.get(keys.size() - 1).equals("council")) return true;
    for (String k : keys) {
      String base = k.endsWith("'s") ? k.substring(0, k.length() - 2) : k;
      if (!isGeneric(base) && !isRoleWord(base)) return false;
    }
    return true;
  }
}
