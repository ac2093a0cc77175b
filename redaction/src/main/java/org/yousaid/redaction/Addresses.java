package org.yousaid.redaction;

import java.util.List;
import java.util.Set;

/**
 * Addresses, with or without a house number: "12 Acacia Avenue", "flat 6, 22 station road", "Flat
 * 2, Mill Lane", "Flat 1, The Maltings", "on Mill Lane", "down elm grove", "Tennyson Road", named
 * estates ("the Lillington estate"). Towns, villages and districts stay: they are the council's own
 * areas and needed to read an answer; so do "the High Street", "down the road", "our street", "a
 * council estate" and landmarks such as "the estate behind Tesco".
 */
final class Addresses {
  /** Street words that, capitalised after a capitalised name, make a street on their own. */
  static final Set<String> STRONG_TYPES =
      Set.of(
          "road",
          "rd",
          "street",
          "avenue",
          "ave",
          "lane",
          "ln",
          "crescent",
          "cres",
          "grove",
          "terrace",
          "gardens",
          "gdns",
          "mews",
          "close",
          "drive",
          "way");

  /** Street words that need a house number or "live on/at" before them ("Park", "Hill"). */
  private static final Set<String> WEAK_TYPES =
      Set.of(
          "court",
          "ct",
          "place",
          "pl",
          "hill",
          "park",
          "square",
          "sq",
          "row",
          "walk",
          "view",
          "rise",
          "green",
          "parade",
          "vale",
          "croft",
          "chase",
          "gate",
          "mount",
          "heights",
          "meadow",
          "meadows",
          "fields",
          "wharf",
          "quay",
          "hollow",
          "paddock",
          "orchard",
          "boulevard",
          "yard",
          "circus",
          "causeway",
          "grange",
          "st",
          "dr",
          "end",
          "side",
          "brow",
          "bank",
          "approach",
          "wynd",
          "garth",
          "lea",
          "leys");

  /** Street words that may be written in lower case after a house number or "on". */
  private static final Set<String> LOWER_CASE_TYPES =
      Set.of(
          "road",
          "rd",
          "street",
          "avenue",
          "ave",
          "lane",
          "crescent",
          "grove",
          "terrace",
          "gardens",
          "mews",
          "close",
          "drive");

  /**
   * More street words that a house number makes safe to read in lower case ("14 kingfisher way").
   */
  private static final Set<String> NUMBERED_LOWER_CASE_TYPES =
      Set.of("way", "court", "place", "walk", "rise", "view", "row", "square");

  private static final Set<String> FUNCTION =
      Set.of(
          "the", "a", "an", "our", "my", "your", "his", "her", "their", "its", "this", "that",
          "these", "those", "every", "each", "any", "no", "some", "same", "other", "another", "one",
          "and", "or", "of", "to", "in", "on", "at", "for", "from", "with", "by", "is", "was", "it",
          "i", "we", "he", "she", "they", "you", "me", "him", "us", "them", "not", "very", "so",
          "too", "just", "only", "also", "then", "than", "but", "if", "when", "where", "mr", "mrs",
          "ms", "miss", "mx", "dr", "prof", "sir", "dame", "which", "what", "whose");

  /** Streets every town has, and kinds of road: kept unless a house number comes first. */
  private static final Set<String> UBIQUITOUS =
      Set.of(
          "high", "main", "busy", "quiet", "long", "private", "public", "side", "back", "dual",
          "ring", "slip", "bypass", "country", "local", "next", "new", "old", "wrong", "right",
          "whole", "open", "access", "service", "front", "narrow", "steep", "muddy", "bumpy",
          "same", "school", "car", "bus", "taxi");

  /** Words counted, not named: "20 weeks drive", "2 kids close in age". */
  private static final Set<String> QUANTITIES =
      Set.of(
          "years",
          "year",
          "weeks",
          "week",
          "months",
          "month",
          "days",
          "day",
          "nights",
          "night",
          "hours",
          "hour",
          "minutes",
          "minute",
          "mins",
          "min",
          "miles",
          "mile",
          "times",
          "kids",
          "children",
          "sessions",
          "people",
          "pounds",
          "percent",
          "schools",
          "pupils",
          "classes",
          "staff",
          "steps",
          "stops",
          "floors",
          "yr",
          "yrs",
          "hrs",
          "hr",
          "km",
          "metres",
          "meters",
          "of",
          "am",
          "pm",
          "x");

  private static final Set<String> FLATS = Set.of("flat", "apartment", "apt", "unit");
  private static final java.util.regex.Pattern HOUSE_NUMBER =
      java.util.regex.Pattern.compile("\\d{1,4}[a-z]?");

  private static final Set<String> PREPOSITIONS =
      Set.of(
          "on",
          "off",
          "along",
          "down",
          "up",
          "in",
          "at",
          "near",
          "from",
          "onto",
          "into",
          "past",
          "opposite",
          "to",
          "by",
          "outside",
          "behind",
          "via",
          "round",
          "around",
          "top",
          "bottom");

  private static final Set<String> LIVING =
      Set.of(
          "live", "lives", "living", "lived", "moved", "move", "moving", "address", "stay", "stays",
          "staying", "rent", "rented");

  private static final Set<String> ESTATE_GENERIC =
      Set.of(
          "council",
          "housing",
          "industrial",
          "trading",
          "business",
          "retail",
          "new",
          "big",
          "same",
          "local",
          "country",
          "private",
          "social",
          "nearby",
          "new-build",
          "rough",
          "posh",
          "whole");

  private Addresses() {}

  static void find(Words w, List<PersonalDataSpan> into) {
    for (int i = 0; i < w.size(); i++) {
      int end = -1;
      int begin = i;
      if (isHouseNumber(w, i)) {
        end = numbered(w, i);
        if (end >= 0 && i >= 2 && FLATS.contains(w.key(i - 2)) && isNumber(w.key(i - 1))) {
          begin = i - 2;
        }
      }
      if (end < 0 && FLATS.contains(w.key(i)) && i + 1 < w.size() && isNumber(w.key(i + 1))) {
        end = flat(w, i);
      }
      if (end >= 0) {
        into.add(span(w, begin, end));
        i = end;
      }
    }
    for (int t = 1; t < w.size(); t++) {
      int s = unnumbered(w, t);
      if (s >= 0) into.add(span(w, s, t));
      s = estate(w, t);
      if (s >= 0) into.add(span(w, s, t));
    }
  }

  /** "12 Acacia Avenue", "22 station road", "4 Church St": the last word, or -1. */
  private static int numbered(Words w, int i) {
    String gap = w.gapBefore(i + 1 < w.size() ? i + 1 : i).strip();
    if (i + 1 >= w.size() || !(gap.isEmpty() || gap.equals(",")) || !w.joinedOrComma(i + 1)) {
      return -1;
    }
    for (int t = i + 2; t <= i + 4 && t < w.size(); t++) {
      if (!w.joined(t)) return -1;
      Word type = w.get(t);
      String key = type.key();
      boolean typed =
          type.titleCase() && (STRONG_TYPES.contains(key) || WEAK_TYPES.contains(key))
              || LOWER_CASE_TYPES.contains(key)
              || NUMBERED_LOWER_CASE_TYPES.contains(key);
      if (typed && names(w, i + 1, t - 1, false)) return t;
      if (w.get(t - 1).possessive() && !saint(w, t - 2)) return -1;
    }
    return -1;
  }

  /** "Flat 2, Mill Lane", "Flat 1, The Maltings": the last word, or -1. */
  private static int flat(Words w, int i) {
    int j = i + 2;
    if (j >= w.size() || !w.joinedOrComma(j) || w.gapBefore(j).indexOf('\n') >= 0) return -1;
    int last = -1;
    for (int k = j; k < w.size() && k < j + 4; k++) {
      if (k > j && !w.joined(k)) break;
      Word word = w.get(k);
      if (word.titleCase() && !FUNCTION.contains(word.key())
          || word.key().equals("the") && k == j) {
        last = k;
      } else if (LOWER_CASE_TYPES.contains(word.key()) && k > j) {
        last = k;
        break;
      } else if (!word.titleCase() && k == j && !FUNCTION.contains(word.key())) {
        continue;
      } else {
        break;
      }
    }
    if (last >= 0 && w.key(last).equals("the")) return -1;
    return last;
  }

  /** A street name without a number ending at word {@code t}; its first word, or -1. */
  private static int unnumbered(Words w, int t) {
    Word type = w.get(t);
    String key = type.key();
    if (!w.joined(t)) return -1;
    if (type.titleCase() && (STRONG_TYPES.contains(key) || WEAK_TYPES.contains(key))) {
      int s = t;
      while (s - 1 >= 0
          && t - (s - 1) <= 3
          && w.joined(s)
          && w.get(s - 1).titleCase()
          && !FUNCTION.contains(w.key(s - 1))
          && !w.get(s - 1).possessive()
          && !w.get(s - 1).sentenceStart()) {
        s--;
      }
      if (s > 0
          && s - 1 >= 0
          && w.joined(s)
          && w.get(s - 1).titleCase()
          && w.get(s - 1).sentenceStart()
          && !FUNCTION.contains(w.key(s - 1))
          && t - s < 3) {
        s--;
      }
      if (s == t || !names(w, s, t - 1, true)) return -1;
      if (key.equals("st") && t + 1 < w.size() && w.joined(t + 1)) return -1;
      boolean weak = WEAK_TYPES.contains(key);
      if (weak && !livesAt(w, s)) return -1;
      return s;
    }
    if (LOWER_CASE_TYPES.contains(key) && !type.capitalised()) {
      int s = t - 1;
      if (s < 0 || w.get(s).capitalised() || !lowerName(w.key(s))) return -1;
      if (s - 1 >= 0
          && w.joined(s)
          && !w.get(s - 1).capitalised()
          && lowerName(w.key(s - 1))
          && s - 2 >= 0
          && PREPOSITIONS.contains(w.key(s - 2))
          && w.joined(s - 1)) {
        s--;
      }
      if (s - 1 < 0 || !w.joined(s) || !PREPOSITIONS.contains(w.key(s - 1))) return -1;
      return s;
    }
    return -1;
  }

  /** "the Lillington estate", "Brunswick Estate", "on the lillington estate". */
  private static int estate(Words w, int t) {
    if (!w.key(t).equals("estate") || !w.joined(t)) return -1;
    int s = t - 1;
    Word name = w.get(s);
    if (ESTATE_GENERIC.contains(name.key()) || FUNCTION.contains(name.key())) return -1;
    if (name.titleCase() && !name.sentenceStart()) {
      if (s - 1 >= 0
          && w.joined(s)
          && w.get(s - 1).titleCase()
          && !w.get(s - 1).sentenceStart()
          && !FUNCTION.contains(w.key(s - 1))) {
        s--;
      }
      return s;
    }
    boolean after = s - 2 >= 0 && w.key(s - 1).equals("the") && PREPOSITIONS.contains(w.key(s - 2));
    return !name.capitalised() && lowerName(name.key()) && after ? s : -1;
  }

  private static boolean names(Words w, int s, int e, boolean capitalisedOnly) {
    if (e < s) return false;
    boolean ubiquitousOnly = capitalisedOnly;
    for (int k = s; k <= e; k++) {
      String key = w.key(k);
      if (FUNCTION.contains(key) || QUANTITIES.contains(key)) return false;
      if (capitalisedOnly && !w.get(k).capitalised()) return false;
      if (!Character.isLetter(w.text().charAt(w.get(k).begin()))) return false;
      if (!UBIQUITOUS.contains(key)) ubiquitousOnly = false;
    }
    return !ubiquitousOnly;
  }

  private static boolean lowerName(String key) {
    return !FUNCTION.contains(key)
        && !UBIQUITOUS.contains(key)
        && !QUANTITIES.contains(key)
        && key.chars().allMatch(Character::isLetter)
        && key.length() >= 3;
  }

  /** "we live at Park View", "moved to Brunswick Court". */
  private static boolean livesAt(Words w, int s) {
    for (int k = s - 1; k >= Math.max(0, s - 3); k--) {
      if (LIVING.contains(w.key(k))) return true;
    }
    return false;
  }

  private static boolean saint(Words w, int k) {
    return k >= 0 && (w.key(k).equals("st") || w.key(k).equals("saint"));
  }

  private static boolean isHouseNumber(Words w, int i) {
    String key = w.key(i);
    if (!isNumber(key)) return false;
    String before = w.gapBefore(i);
    return !before.endsWith("£") && !before.endsWith("$") && !before.endsWith("/");
  }

  private static boolean isNumber(String key) {
    return HOUSE_NUMBER.matcher(key).matches();
  }

  private static PersonalDataSpan span(Words w, int s, int t) {
    return new PersonalDataSpan(PersonalDataKind.ADDRESS, w.get(s).begin(), w.get(t).baseEnd());
  }
}
