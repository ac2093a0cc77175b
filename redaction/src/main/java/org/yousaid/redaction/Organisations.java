package org.yousaid.redaction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names of schools and other organisations: "St Mary's CE Primary", "Riverside High", "oakwood
 * academy", "Holy Trinity", "Meadowbrook Surgery", "Rainbow Club", "Tiny Steps Ltd". A name is
 * found from the word that says what it is (school, academy, primary, high, nursery, college,
 * trust, surgery, hospital, club...) and the distinctive words before it: capitalised words that
 * are not generic ("special school", "Child Development Centre" stay), or in lower case a known
 * school stem ("riverside", "oakwood") or a word shaped like an English place name ("lillington",
 * "brookfield"). A council's register adds its schools' full names (any case) and stems.
 */
final class Organisations {
  private static final Set<String> SCHOOL_ANCHORS =
      Set.of(
          "school",
          "primary",
          "junior",
          "juniors",
          "infant",
          "infants",
          "academy",
          "high",
          "secondary",
          "grammar",
          "college",
          "nursery",
          "preschool",
          "pre-school",
          "utc",
          "federation",
          "montessori");

  /** Anchors that name a school only after a name in capitals or a stem ("the high school"). */
  private static final Set<String> WEAK_ANCHORS =
      Set.of("school", "college", "nursery", "high", "preschool", "pre-school");

  private static final Set<String> SCHOOL_QUALIFIERS =
      Set.of(
          "ce",
          "cofe",
          "rc",
          "catholic",
          "methodist",
          "anglican",
          "christian",
          "primary",
          "junior",
          "juniors",
          "infant",
          "infants",
          "community",
          "special",
          "specialist",
          "high",
          "secondary",
          "grammar",
          "free",
          "studio",
          "nursery",
          "day",
          "va",
          "vc",
          "girls",
          "boys",
          "school",
          "academy",
          "college",
          "learning",
          "technology",
          "language",
          "arts",
          "sports",
          "science",
          "federation",
          "preschool",
          "pre-school",
          "endowed",
          "aided",
          "controlled",
          "foundation",
          "church",
          "jewish",
          "muslim",
          "islamic",
          "sikh",
          "hindu",
          "upper",
          "lower",
          "middle",
          "first",
          "village",
          "county",
          "comprehensive",
          "utc",
          "montessori",
          "sixth",
          "form");

  private static final Set<String> ORG_ANCHORS =
      Set.of(
          "trust",
          "ltd",
          "limited",
          "cic",
          "plc",
          "llp",
          "surgery",
          "clinic",
          "hospital",
          "hospice",
          "centre",
          "center",
          "club",
          "playgroup",
          "group",
          "church",
          "chapel",
          "mosque",
          "temple",
          "gurdwara",
          "synagogue",
          "association",
          "society",
          "project",
          "hub",
          "cafe",
          "charity",
          "partnership",
          "practice");

  private static final Set<String> ORG_QUALIFIERS =
      Set.of(
          "nhs",
          "foundation",
          "partnership",
          "university",
          "hospitals",
          "hospital",
          "community",
          "health",
          "care",
          "medical",
          "children",
          "childrens",
          "family",
          "families",
          "day",
          "respite",
          "support",
          "parent",
          "parents",
          "carer",
          "carers",
          "autism",
          "sen",
          "send",
          "disability",
          "disabled",
          "learning",
          "education",
          "educational",
          "academy",
          "academies",
          "multi",
          "schools",
          "sports",
          "youth",
          "play",
          "sensory",
          "therapy",
          "development",
          "trust",
          "group",
          "services",
          "healthcare",
          "teaching",
          "general",
          "district",
          "cottage",
          "memorial",
          "infirmary",
          "women's",
          "childrens'",
          "baptist",
          "methodist",
          "parish",
          "united",
          "reformed",
          "evangelical",
          "pentecostal");

  /** Words that end a name's left side inside capitals but join two capitalised halves. */
  /** Nouns "high" describes rather than names a school with. */
  private static final Set<String> HIGH_NOUNS =
      Set.of(
          "needs",
          "need",
          "level",
          "levels",
          "risk",
          "quality",
          "standard",
          "standards",
          "priority",
          "demand",
          "cost",
          "costs",
          "numbers",
          "number",
          "rates",
          "rate",
          "anxiety",
          "expectations",
          "functioning",
          "achievers",
          "pressure",
          "support",
          "end",
          "street",
          "road",
          "court",
          "chair",
          "temperature",
          "blood",
          "dependency",
          "proportion",
          "volume",
          "percentage",
          "enough",
          "up");

  private static final Set<String> CONNECTORS = Set.of("of", "the", "and", "upon", "on", "under");

  /** Lower-case words that can open a school name before its stem ("little acorns"). */
  private static final Set<String> NAME_PREFIXES =
      Set.of(
          "little", "st", "saint", "north", "south", "east", "west", "upper", "lower", "great",
          "holy", "busy", "tiny", "kings", "queens", "old", "new", "high");

  /** A school word before one of these is a street: "High Street", "Academy Road". */
  private static final Set<String> STREET_TYPES = Addresses.STRONG_TYPES;

  /** "St" + these is a town ("St Albans"), unless a school word follows. */
  private static final Set<String> SAINT_TOWNS =
      Set.of(
          "albans",
          "helens",
          "ives",
          "austell",
          "neots",
          "leonards",
          "annes",
          "andrews",
          "davids",
          "asaph",
          "bees",
          "columb",
          "just",
          "agnes",
          "mawes",
          "blazey",
          "germans",
          "helier",
          "margarets",
          "osyth");

  /** English place-name endings: in lower case, a word so shaped before "school" names one. */
  private static final List<String> PLACE_ENDINGS =
      List.of(
          "field", "fields", "wood", "woods", "side", "brook", "bridge", "ford", "ton", "ham",
          "ley", "bury", "borough", "worth", "mead", "dale", "hill", "hills", "lands", "croft",
          "well", "combe", "stone", "thorpe", "wick", "stead", "hurst", "holme", "moor", "mere",
          "view", "grange", "ridge", "vale", "shire");

  private static final Set<String> NOT_PLACES =
      Set.of(
          "outside",
          "inside",
          "beside",
          "alongside",
          "aside",
          "upside",
          "downside",
          "bedside",
          "roadside",
          "seaside",
          "countryside",
          "review",
          "interview",
          "preview",
          "overview",
          "milestone",
          "cornerstone",
          "keystone",
          "standby",
          "button",
          "cotton",
          "skeleton",
          "mutton",
          "singleton",
          "afford",
          "farewell",
          "unwell",
          "stairwell",
          "downhill",
          "uphill",
          "instead",
          "homestead",
          "midfield",
          "minefield",
          "battlefield",
          "firewood",
          "hardwood",
          "alley",
          "barley",
          "trolley",
          "volley",
          "medley",
          "parsley",
          "smiley",
          "motley",
          "valley",
          "worldwide",
          "nationwide",
          "graham",
          "everyone",
          "someone",
          "anyone",
          "cambridge",
          "porridge",
          "cartridge",
          "partridge");

  private final Lexicon lex;
  private final Phrases stems;
  private final Phrases standaloneStems;
  private final Map<String, PersonalDataKind> registerNames;
  private final int longestRegisterName;

  Organisations(Lexicon lex, SchoolRegister register) {
    this.lex = lex;
    List<List<String>> stemPhrases = new ArrayList<>();
    lex.schoolStems.forEach(s -> stemPhrases.add(List.of(s)));
    List<List<String>> standalone = new ArrayList<>();
    Map<String, PersonalDataKind> names = new HashMap<>();
    int longest = 0;
    for (String name : register.schoolNames()) {
      List<String> canonical = canonical(Words.of(name), null);
      if (canonical.isEmpty()) continue;
      List<String> stem = stemOf(canonical);
      if (stem.isEmpty()) continue; // a generic name ("The Village School") would redact phrases
      names.put(String.join(" ", canonical), PersonalDataKind.SCHOOL);
      longest = Math.max(longest, canonical.size());
      if (stem.size() > 4 || stem.get(0).equals("st")) continue;
      stemPhrases.add(stem);
      if (stem.size() >= 2 && stem.stream().noneMatch(lex::isGeneric)) standalone.add(stem);
    }
    for (String trust : register.trustNames()) {
      List<String> canonical = canonical(Words.of(trust), null);
      if (canonical.isEmpty() || lex.isPublicName(trust)) continue;
      names.put(String.join(" ", canonical), PersonalDataKind.ORGANISATION);
      longest = Math.max(longest, canonical.size());
    }
    this.stems = new Phrases(stemPhrases);
    this.standaloneStems = new Phrases(standalone);
    this.registerNames = names;
    this.longestRegisterName = longest;
  }

  List<PersonalDataSpan> find(Words w) {
    List<PersonalDataSpan> out = new ArrayList<>();
    saints(w, out);
    foundations(w, out);
    for (int a = 0; a < w.size(); a++) {
      String key = w.key(a);
      if (SCHOOL_ANCHORS.contains(key)) schoolAt(w, a, out);
      if (ORG_ANCHORS.contains(key)) organisationAt(w, a, out);
    }
    register(w, out);
    return out;
  }

  /** "St Mary's", "st marys", "St. Joseph's RC Primary", "St Mary's Hospital". */
  private void saints(Words w, List<PersonalDataSpan> out) {
    for (int i = 0; i + 1 < w.size(); i++) {
      String key = w.key(i);
      if (!key.equals("st") && !key.equals("saint")) continue;
      int j = i + 1;
      String gap = w.gapBefore(j);
      if (!gap.isBlank() && !gap.strip().equals(".")) continue;
      if (gap.indexOf('\n') >= 0) continue;
      Word st = w.get(i);
      Word name = w.get(j);
      if (!Character.isLetter(w.text().charAt(name.begin())) || name.key().length() < 3) continue;
      // "Church St Leamington": after a capitalised street name, St is Street
      if (key.equals("st")
          && i > 0
          && w.get(i - 1).titleCase()
          && !w.get(i - 1).sentenceStart()
          && w.joined(i)) {
        continue;
      }
      boolean sShaped = name.possessive() || name.key().endsWith("s");
      int r = extendRight(w, j);
      boolean anchored = r > j;
      if (!st.capitalised() && !sShaped && !anchored) continue;
      if (st.capitalised() && !name.capitalised() && !sShaped && !anchored) continue;
      if (isStreetAt(w, r + 1) || (anchored && STREET_TYPES.contains(w.key(r)))) continue;
      if (SAINT_TOWNS.contains(name.key()) && !name.possessive() && !anchored) continue;
      if (!name.possessive()
          && r == j
          && j + 1 < w.size()
          && w.joined(j + 1)
          && w.get(j + 1).titleCase()
          && !lex.isGeneric(w.key(j + 1))) {
        r = extendRight(w, j + 1); // "St John Fisher", "St Mary Magdalene"
      }
      out.add(span(w, i, r, r == j));
      i = r;
    }
  }

  /** "Holy Trinity", "Sacred Heart", "Our Lady's", capitalised; in lower case before "school". */
  private void foundations(Words w, List<PersonalDataSpan> out) {
    for (int i = 0; i < w.size(); i++) {
      int len = lex.foundations.lengthAt(w, i);
      int standalone = standaloneStems.lengthAt(w, i);
      len = Math.max(len, standalone);
      if (len == 0) continue;
      int last = i + len - 1;
      boolean capitalised = true;
      for (int k = i; k <= last; k++) {
        if (!w.get(k).capitalised() && !CONNECTORS.contains(w.key(k))) capitalised = false;
      }
      // "Our Lady of Lourdes", "Our Lady of the Rosary"
      int of = last + 1;
      if (of + 1 < w.size() && w.key(of).equals("of") && w.joined(of) && w.joined(of + 1)) {
        int name = w.key(of + 1).equals("the") && of + 2 < w.size() ? of + 2 : of + 1;
        if (w.get(name).titleCase() && !lex.isGeneric(w.key(name)) && w.joined(name)) last = name;
      }
      int r = extendRight(w, last);
      if (!capitalised && r == last) continue;
      if (isStreetAt(w, r + 1)) continue;
      out.add(span(w, i, r, r == last));
      i = r;
    }
  }

  private void schoolAt(Words w, int a, List<PersonalDataSpan> out) {
    String key = w.key(a);
    // "High Street", "the high road": a street, not a school
    if (key.equals("high") && !highNamesSchool(w, a)) return;
    int r = extendRight(w, a);
    int l = extendLeft(w, a, SCHOOL_QUALIFIERS);
    int s = capitalisedNameStart(w, l);
    if (s < l) {
      if (!distinctive(w, s, l - 1)) return;
      boolean weak = WEAK_ANCHORS.contains(key) && a == r && !w.get(a).capitalised();
      if (weak && s == l - 1 && w.get(s).sentenceStart() && !isStem(w, s, s)) return;
      if (lex.isPublicName(text(w, s, r))) return;
      out.add(span(w, s, r));
      return;
    }
    int stem = lowerCaseStemStart(w, l);
    if (stem < 0) return;
    out.add(span(w, stem, r));
  }

  private void organisationAt(Words w, int a, List<PersonalDataSpan> out) {
    int l = extendLeft(w, a, ORG_QUALIFIERS);
    // "gained XXXX's trust": a possessive before the word makes it a noun, not a name's end
    if (l == a && a > 0 && w.get(a - 1).possessive()) return;
    int s = capitalisedNameStart(w, l);
    if (s >= l || !distinctive(w, s, l - 1)) return;
    // "Have surgery nearer home": a capital that only starts the sentence names nothing
    if (s == l - 1 && w.get(s).sentenceStart() && !w.get(a).capitalised()) return;
    int r = a;
    // "Tiny Steps Ltd", "Coventry and Warwickshire Partnership Trust"
    if (lex.isPublicName(text(w, s, r))) return;
    out.add(new PersonalDataSpan(PersonalDataKind.ORGANISATION, w.get(s).begin(), end(w, r)));
  }

  /**
   * "Riverside High", "Stratford High School", not "High Street", "High Needs Block" or "high
   * levels of anxiety": after "high" comes a school word, punctuation or a verb.
   */
  private static boolean highNamesSchool(Words w, int a) {
    int next = a + 1;
    if (next >= w.size() || !w.joined(next)) return true;
    String k = w.key(next);
    if (SCHOOL_ANCHORS.contains(k) || SCHOOL_QUALIFIERS.contains(k)) return true;
    if (isStreetAt(w, next) || k.equals("st") || w.get(next).capitalised()) return false;
    return !HIGH_NOUNS.contains(k);
  }

  /** Full names from the council's register, in any case ("kenilworth school"). */
  private void register(Words w, List<PersonalDataSpan> out) {
    if (registerNames.isEmpty()) return;
    List<Integer> origin = new ArrayList<>();
    List<String> tokens = canonical(w, origin);
    for (int i = 0; i < tokens.size(); i++) {
      StringBuilder sb = new StringBuilder();
      int best = -1;
      PersonalDataKind kind = null;
      for (int j = i; j < tokens.size() && j - i < longestRegisterName; j++) {
        if (j > i) sb.append(' ');
        sb.append(tokens.get(j));
        PersonalDataKind k = registerNames.get(sb.toString());
        if (k != null) {
          best = j;
          kind = k;
        }
      }
      if (best >= 0) {
        int first = origin.get(i);
        int last = origin.get(best);
        out.add(new PersonalDataSpan(kind, w.get(first).begin(), end(w, last)));
        i = best;
      }
    }
  }

  /**
   * Word keys with "the" and "and" dropped, "saint" as "st", "C of E"/"Church of England" as "ce";
   * {@code origin} (if given) receives the index of the last word behind each token.
   */
  private static List<String> canonical(Words w, List<Integer> origin) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < w.size(); i++) {
      String k = w.key(i);
      if (w.get(i).possessive()) k = k + "s";
      int last = i;
      if (k.equals("the") || k.equals("and")) continue;
      if (k.equals("saint")) k = "st";
      if (k.equals("cofe")) k = "ce";
      if (k.equals("c") && w.key(i + 1).equals("of") && w.key(i + 2).equals("e")) {
        k = "ce";
        last = i + 2;
      } else if (k.equals("church")
          && w.key(i + 1).equals("of")
          && w.key(i + 2).equals("england")) {
        k = "ce";
        last = i + 2;
      }
      out.add(k);
      if (origin != null) origin.add(last);
      i = last;
    }
    return out;
  }

  /** A register name without its school words: "Riverside High School" → [riverside]. */
  private List<String> stemOf(List<String> canonical) {
    int end = canonical.size() - 1;
    while (end >= 0
        && (SCHOOL_QUALIFIERS.contains(canonical.get(end))
            || SCHOOL_ANCHORS.contains(canonical.get(end))
            || CONNECTORS.contains(canonical.get(end)))) {
      end--;
    }
    List<String> stem = canonical.subList(0, end + 1);
    // possessives are canonical "marys", which word keys never are: no stem can hold one
    if (stem.isEmpty() || stem.stream().allMatch(lex::isGeneric)) return List.of();
    return List.copyOf(stem);
  }

  /** The last word of the school name that starts at word {@code a}: qualifiers and anchors. */
  private int extendRight(Words w, int a) {
    int r = a;
    // a possessive ends a name ("Oakwood Academy's SENCo"), unless it is the name ("St Mary's CE")
    while (r + 1 < w.size() && w.joined(r + 1) && (r == a || !w.get(r).possessive())) {
      String next = w.key(r + 1);
      if (SCHOOL_QUALIFIERS.contains(next) || SCHOOL_ANCHORS.contains(next)) {
        if (next.equals("high") && isStreetAt(w, r + 2)) break;
        r++;
      } else if (next.equals("c") && w.key(r + 2).equals("of") && w.key(r + 3).equals("e")) {
        r += 3;
      } else if (next.equals("of") && w.key(r).equals("church") && w.key(r + 2).equals("england")) {
        r += 2;
      } else if (next.equals("and")
          && r + 2 < w.size()
          && (SCHOOL_ANCHORS.contains(w.key(r + 2)) || SCHOOL_QUALIFIERS.contains(w.key(r + 2)))) {
        r += 2;
      } else if (ORG_ANCHORS.contains(next) && !next.equals("group") && !next.equals("club")) {
        r++;
      } else {
        break;
      }
    }
    return r;
  }

  /** The first word of the qualifiers right before the anchor ("CE" in "St Mary's CE Primary"). */
  private static int extendLeft(Words w, int a, Set<String> qualifiers) {
    int l = a;
    while (l - 1 >= 0 && w.joined(l)) {
      String k = w.key(l - 1);
      if (w.get(l - 1).possessive() && !k.equals("children") && !k.equals("women")) break;
      if (qualifiers.contains(k) || SCHOOL_ANCHORS.contains(k) && qualifiers == SCHOOL_QUALIFIERS) {
        l--;
      } else if (k.equals("e") && w.key(l - 2).equals("of") && w.key(l - 3).equals("c")) {
        l -= 3;
      } else if (k.equals("england")
          && w.key(l - 2).equals("of")
          && w.key(l - 3).equals("church")) {
        l -= 3;
      } else {
        break;
      }
    }
    return l;
  }

  /**
   * The first of the capitalised name words right before word {@code l} (up to five, joined by
   * "of", "the", "and"), or {@code l} if there are none.
   */
  private int capitalisedNameStart(Words w, int l) {
    int s = l;
    int k = l - 1;
    int count = 0;
    while (k >= 0 && w.joined(k + 1) && count < 5) {
      Word word = w.get(k);
      if (word.possessive() && k != l - 1) break;
      boolean saint = w.key(k).equals("st") || w.key(k).equals("saint");
      if (word.capitalised() && Character.isLetter(w.text().charAt(word.begin())) || saint) {
        s = k;
        count++;
        if (word.sentenceStart()) break;
        k--;
      } else if (CONNECTORS.contains(w.key(k))
          && count > 0
          && k - 1 >= 0
          && w.get(k - 1).capitalised()
          && w.joined(k)
          && !word.sentenceStart()) {
        k--;
      } else {
        break;
      }
    }
    return s;
  }

  /** Some word of {@code s..e} is capitalised and not generic, or the name is a saint's. */
  private boolean distinctive(Words w, int s, int e) {
    for (int k = s; k <= e; k++) {
      String key = w.key(k);
      if (key.equals("st") || key.equals("saint")) return true;
      Word word = w.get(k);
      if (!word.capitalised() || key.length() < 2) continue;
      if (word.allCaps() && key.length() <= 4) continue; // "SEN", "ASD", "NHS"
      if (!lex.isGeneric(key) && !lex.isRoleWord(key)) return true;
    }
    return false;
  }

  /**
   * In lower case: the first word of a stem ending right before word {@code l} ("riverside",
   * "little acorns", "brookfield"), with the words that open such names, or -1.
   */
  private int lowerCaseStemStart(Words w, int l) {
    int e = l - 1;
    if (e < 0 || !w.joined(l) || w.get(e).possessive()) return -1;
    int s = stems.startEndingAt(w, e);
    if (s < 0 && isPlaceShaped(w.key(e))) s = e;
    if (s < 0) return -1;
    while (s - 1 >= 0 && w.joined(s) && NAME_PREFIXES.contains(w.key(s - 1))) s--;
    return s;
  }

  private boolean isStem(Words w, int s, int e) {
    return stems.startEndingAt(w, e) == s || isPlaceShaped(w.key(e));
  }

  private static boolean isPlaceShaped(String key) {
    if (NOT_PLACES.contains(key) || key.indexOf('\'') >= 0) return false;
    for (String ending : PLACE_ENDINGS) {
      if (key.endsWith(ending) && key.length() >= ending.length() + 3) return true;
    }
    return false;
  }

  /** A street word follows: "St Mary's Road", not "St Mary's close to home" or "... way better". */
  private static boolean isStreetAt(Words w, int i) {
    if (i >= w.size() || !w.joined(i) || !STREET_TYPES.contains(w.key(i))) return false;
    return w.get(i).capitalised() || !EVERYDAY_STREET_WORDS.contains(w.key(i));
  }

  private static final Set<String> EVERYDAY_STREET_WORDS = Set.of("close", "drive", "way");

  private PersonalDataSpan span(Words w, int s, int r) {
    return span(w, s, r, false);
  }

  /**
   * A school, or an organisation if an organisation word is in it ("St Mary's Hospital"); {@code
   * ownPossessive}: the last word's {@code 's} is part of the name ("St Mary's").
   */
  private PersonalDataSpan span(Words w, int s, int r, boolean ownPossessive) {
    boolean organisation = false;
    for (int k = s; k <= r; k++) {
      String key = w.key(k);
      boolean churchOfEngland =
          key.equals("church") && w.key(k + 1).equals("of") && w.key(k + 2).equals("england");
      if (ORG_ANCHORS.contains(key) && !SCHOOL_ANCHORS.contains(key) && !churchOfEngland) {
        organisation = true;
      }
    }
    return new PersonalDataSpan(
        organisation ? PersonalDataKind.ORGANISATION : PersonalDataKind.SCHOOL,
        w.get(s).begin(),
        ownPossessive ? w.get(r).end() : end(w, r));
  }

  private static int end(Words w, int r) {
    return w.get(r).baseEnd();
  }

  private static String text(Words w, int s, int r) {
    return w.text().substring(w.get(s).begin(), w.get(r).end());
  }
}
