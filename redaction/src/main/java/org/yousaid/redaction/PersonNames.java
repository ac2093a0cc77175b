package org.yousaid.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.yousaid.redaction.Lexicon.NameTier;

/**
 * People's names without an NLP model, in the ways parents write them: lower case ("sarah jones",
 * "my son jack"), alone ("Grace"), at the start of a sentence, possessive ("jack's teacher"),
 * hyphenated ("Lily-Mae"), with an age ("Freya (6)"); and named staff: after a title ("Mrs Patel",
 * "dr singh"), a role ("our caseworker karen", "his OT Jenny"), before one ("Claire, our
 * caseworker") or a team ("Sue from the SEND team").
 *
 * <p>First names come in tiers (see {@link Lexicon.NameTier}): names that are only names count
 * anywhere; names that are also words ("Grace", "Will", "Rose", "Mark", "Hope") count when
 * capitalised inside a sentence, when a sentence starts with them and a verb follows ("Mark
 * needs...", though "Hope is..." and "Grace period" stay), or in a name context; names that are
 * also months or places ("May", "Summer", "Devon") only in a name context. Capitalised words that
 * are no known name count in a name context only ("my son Zephyr").
 */
final class PersonNames {
  private static final Set<String> TITLES =
      Set.of(
          "mr",
          "mrs",
          "ms",
          "miss",
          "mx",
          "dr",
          "prof",
          "professor",
          "sir",
          "dame",
          "rev",
          "revd",
          "reverend");

  private static final Set<String> FAMILY =
      Set.of(
          "son",
          "daughter",
          "child",
          "boy",
          "girl",
          "kid",
          "baby",
          "toddler",
          "twin",
          "twins",
          "husband",
          "wife",
          "partner",
          "sister",
          "brother",
          "grandson",
          "granddaughter",
          "grandchild",
          "nephew",
          "niece",
          "stepson",
          "stepdaughter",
          "sons",
          "daughters",
          "children",
          "kids",
          "boys",
          "girls",
          "mum",
          "mom",
          "mummy",
          "mam",
          "mother",
          "dad",
          "daddy",
          "father",
          "nan",
          "nana",
          "nanna",
          "grandma",
          "gran",
          "granny",
          "grandad",
          "granddad",
          "grandpa",
          "grandmother",
          "grandfather",
          "auntie",
          "aunt",
          "aunty",
          "uncle",
          "cousin",
          "friend",
          "youngest",
          "eldest",
          "oldest",
          "fiance",
          "fiancee",
          "stepdad",
          "stepmum",
          "sibling",
          "siblings",
          "teenager",
          "lad",
          "lass",
          "bf",
          "gf",
          "boyfriend",
          "girlfriend",
          "ex");

  private static final Set<String> CALLED = Set.of("called", "named", "nicknamed", "name's");

  /** Names that are also modal verbs: "my son will be..." is not a name. */
  private static final Set<String> MODAL_NAMES = Set.of("will", "may");

  /** Names that are also abstract nouns: "Hope is..." is not a name, "Grace has..." is. */
  private static final Set<String> ABSTRACT_NAMES =
      Set.of(
          "hope",
          "faith",
          "grace",
          "joy",
          "patience",
          "mercy",
          "charity",
          "destiny",
          "harmony",
          "unity",
          "chance",
          "trinity",
          "star",
          "honour",
          "honor",
          "journey",
          "legend",
          "hero",
          "angel",
          "sunshine",
          "happy",
          "lucky",
          "noble",
          "royal",
          "rich",
          "baby",
          "buddy",
          "echo",
          "major",
          "king",
          "prince",
          "earl",
          "duke",
          "storm",
          "blue",
          "sky",
          "river",
          "precious",
          "sunny",
          "honey",
          "will",
          "may",
          "art",
          "chase",
          "page",
          "glen",
          "dale",
          "cliff",
          "heath",
          "grant",
          "bishop",
          "reed",
          "lane",
          "brook");

  /** Verbs (and "and") that follow a person who starts a sentence: "Mark needs", "Rose and". */
  private static final Set<String> SUBJECT_VERBS =
      Set.of(
          "is",
          "was",
          "has",
          "had",
          "needs",
          "needed",
          "loves",
          "loved",
          "goes",
          "went",
          "attends",
          "attended",
          "started",
          "starts",
          "gets",
          "got",
          "struggles",
          "struggled",
          "finds",
          "found",
          "likes",
          "liked",
          "hates",
          "hated",
          "uses",
          "used",
          "lives",
          "lived",
          "can't",
          "cannot",
          "couldn't",
          "won't",
          "wouldn't",
          "doesn't",
          "didn't",
          "isn't",
          "wasn't",
          "hasn't",
          "hadn't",
          "wants",
          "wanted",
          "enjoys",
          "enjoyed",
          "thrives",
          "thrived",
          "moved",
          "requires",
          "required",
          "misses",
          "missed",
          "suffers",
          "suffered",
          "spends",
          "spent",
          "speaks",
          "talks",
          "walks",
          "sleeps",
          "eats",
          "cries",
          "screams",
          "became",
          "becomes",
          "left",
          "joined",
          "received",
          "receives",
          "deserves",
          "deserved",
          "communicates",
          "manages",
          "managed",
          "copes",
          "coped",
          "refuses",
          "refused",
          "learns",
          "learned",
          "learnt",
          "reads",
          "writes",
          "plays",
          "played",
          "says",
          "said",
          "asks",
          "asked",
          "told",
          "tells",
          "knows",
          "knew",
          "feels",
          "felt",
          "seems",
          "seemed",
          "and",
          "also",
          "still",
          "now",
          "really",
          "just",
          "never",
          "always",
          "will",
          "would",
          "should",
          "can",
          "could",
          "does",
          "did",
          "who",
          "aged",
          "age",
          "takes",
          "took",
          "waited",
          "waits",
          "cried",
          "attend",
          "turned",
          "turns",
          "sees",
          "saw",
          "lost",
          "wears",
          "adores",
          "hit",
          "hits",
          "runs",
          "ran",
          "sat",
          "sits",
          "stays",
          "stayed",
          "helps",
          "helped",
          "cares",
          "cared",
          "qualifies",
          "qualified",
          "completed",
          "passed");

  /** The verbs above that an abstract noun cannot do: "Grace finds", not "Hope is". */
  private static final Set<String> ABSTRACT_NOT_PERSON =
      Set.of(
          "is",
          "was",
          "and",
          "also",
          "still",
          "now",
          "really",
          "just",
          "never",
          "always",
          "will",
          "would",
          "should",
          "can",
          "could",
          "does",
          "did",
          "seems",
          "seemed",
          "feels",
          "felt",
          "became",
          "becomes",
          "left",
          "turns",
          "turned",
          "gets",
          "got",
          "lost",
          "isn't",
          "wasn't",
          "comes",
          "helps",
          "helped",
          "who",
          "says",
          "said",
          "runs",
          "ran",
          "takes",
          "took",
          "found",
          "passed",
          "completed");

  /** Nouns after a possessive that make it a person's: "jack's teacher", "grace's needs". */
  private static final Set<String> RELATIONAL =
      Set.of(
          "teacher",
          "teachers",
          "ta",
          "senco",
          "school",
          "nursery",
          "college",
          "class",
          "classroom",
          "mum",
          "mam",
          "mom",
          "dad",
          "mother",
          "father",
          "brother",
          "sister",
          "brothers",
          "sisters",
          "nan",
          "gran",
          "grandma",
          "grandad",
          "twin",
          "friend",
          "friends",
          "carer",
          "carers",
          "needs",
          "plan",
          "ehcp",
          "ehc",
          "diagnosis",
          "condition",
          "autism",
          "adhd",
          "behaviour",
          "support",
          "taxi",
          "transport",
          "bus",
          "social",
          "key",
          "case",
          "caseworker",
          "keyworker",
          "therapist",
          "paediatrician",
          "consultant",
          "doctor",
          "gp",
          "appointment",
          "appointments",
          "health",
          "education",
          "place",
          "placement",
          "medication",
          "epilepsy",
          "wheelchair",
          "name",
          "room",
          "bedroom",
          "life",
          "future",
          "progress",
          "anxiety",
          "difficulties",
          "disability",
          "dla",
          "pip",
          "1:1",
          "one",
          "dad's",
          "mum's",
          "sen",
          "send",
          "speech",
          "ot",
          "salt",
          "physio",
          "head",
          "escort",
          "driver",
          "wellbeing",
          "mental",
          "sleep",
          "seizures",
          "dyslexia",
          "hearing",
          "sight",
          "communication",
          "hospital",
          "therapy",
          "pathway",
          "assessment",
          "tutor",
          "grandparents",
          "siblings",
          "family",
          "bed",
          "meltdowns",
          "attendance",
          "timetable",
          "tube",
          "feeding");

  private static final Set<String> TEAM_WORDS =
      Set.of(
          "team",
          "council",
          "office",
          "offices",
          "service",
          "department",
          "dept",
          "panel",
          "sendiass",
          "iass",
          "ias",
          "camhs",
          "portage",
          "authority",
          "cdc",
          "la",
          "reception",
          "sendias");

  private static final Set<String> DETERMINERS =
      Set.of("our", "my", "his", "her", "their", "your", "the", "a", "an", "lovely", "new");

  private static final Set<String> NOT_AFTER =
      Set.of(
          "the", "a", "an", "this", "that", "these", "those", "some", "any", "no", "every", "each",
          "in", "of", "since", "until", "till", "from", "last", "next", "during");

  /** Capitalised words that are no name even after "my son" ("my son Year 6 has..."). */
  private static final Set<String> NOT_NAMES =
      Set.of(
          "year",
          "years",
          "reception",
          "christmas",
          "easter",
          "halloween",
          "english",
          "maths",
          "math",
          "science",
          "ks1",
          "ks2",
          "ks3",
          "ks4",
          "key",
          "stage",
          "i",
          "i'm",
          "im",
          "i've",
          "i'd",
          "i'll",
          "he",
          "she",
          "they",
          "we",
          "it",
          "has",
          "is",
          "was",
          "had",
          "who",
          "did",
          "does",
          "and",
          "but",
          "so",
          "also",
          "still",
          "now",
          "please",
          "thank",
          "thanks",
          "yes",
          "ok",
          "okay",
          "dear",
          "hi",
          "hello",
          "however",
          "because",
          "although",
          "currently",
          "unfortunately",
          "sadly",
          "luckily",
          "finally",
          "today",
          "yesterday",
          "tomorrow");

  /** Words that end a name: a street, school or organisation follows ("Victoria Street"). */
  private static final Set<String> TYPE_WORDS = typeWords();

  /** Streets, schools and organisations: "Victoria Street", "Harris Academy", "Hope House". */
  private static Set<String> typeWords() {
    Set<String> words = new java.util.HashSet<>(Addresses.STRONG_TYPES);
    words.addAll(
        List.of(
            "st",
            "court",
            "place",
            "hill",
            "park",
            "green",
            "square",
            "school",
            "academy",
            "primary",
            "high",
            "college",
            "nursery",
            "infants",
            "juniors",
            "hospital",
            "surgery",
            "centre",
            "center",
            "trust",
            "club",
            "group",
            "ltd",
            "estate",
            "house",
            "cottage",
            "church",
            "hall",
            "unit",
            "ward"));
    return Set.copyOf(words);
  }

  private static final Pattern AGE_AFTER =
      Pattern.compile(
          "(?:\\s*\\(\\s*\\d{1,2}\\s*(?:yrs?|years?|yo|y/o|months?)?\\s*\\)"
              + "|\\s*,\\s*\\d{1,2}\\s*(?:,|\\)|yrs?\\b|years?\\b|yo\\b)"
              + "|\\s*,?\\s+(?:aged|age)\\s+\\d"
              + "|\\s+(?:who\\s+)?is\\s+(?:now\\s+|only\\s+|just\\s+|nearly\\s+|almost\\s+)?\\d{1,2}\\b)",
          Pattern.CASE_INSENSITIVE);

  /** "jayden 11 and tia 8": a bare age, trusted only after a known name. */
  private static final Pattern BARE_AGE =
      Pattern.compile(
          "\\s+[1-9]\\d?\\s*(?:,|and\\b|yrs?\\b|years?\\b|yo\\b|$)", Pattern.CASE_INSENSITIVE);

  /** What may follow "my son will" or "my daughter may" for them to be names, not verbs. */
  private static final Set<String> AFTER_MODAL_NAME =
      Set.of("is", "was", "has", "had", "and", "who", "aged", "loves", "needs", "goes", "attends");

  private final Lexicon lex;

  PersonNames(Lexicon lex) {
    this.lex = lex;
  }

  List<PersonalDataSpan> find(Words w) {
    List<PersonalDataSpan> out = new ArrayList<>();
    int n = w.size();
    boolean[] taken = new boolean[n];
    boolean[] afterAnd = new boolean[n];
    for (int t = 0; t + 1 < n; t++) {
      if (!TITLES.contains(w.key(t)) || w.get(t).possessive() || !titleGap(w, t + 1)) continue;
      if (!nameAfterTitle(w, t, t + 1)) continue;
      int last = extend(w, t + 1, true);
      out.add(span(PersonalDataKind.STAFF, w, t, last));
      for (int k = t; k <= last; k++) taken[k] = true;
      t = last;
    }
    for (int i = 0; i < n; i++) {
      if (taken[i] || !isName(w, i, afterAnd[i])) continue;
      int last = extend(w, i, false);
      boolean staff = roleBefore(w, i) || roleAfter(w, last) || teamAfter(w, last);
      out.add(span(staff ? PersonalDataKind.STAFF : PersonalDataKind.NAME, w, i, last));
      for (int k = i; k <= last; k++) taken[k] = true;
      // "Mia and Lucas", "emily and grace": the second is a name in the same context
      if (last + 2 < n
          && w.key(last + 1).equals("and")
          && w.joined(last + 1)
          && w.joined(last + 2)) {
        afterAnd[last + 2] = true;
      }
      i = last;
    }
    return out;
  }

  private boolean isName(Words w, int i, boolean afterAnd) {
    Word word = w.get(i);
    String key = word.key();
    if (key.length() < 2 || !Character.isLetter(w.text().charAt(word.begin()))) return false;
    if (saintBefore(w, i)) return false;
    NameTier tier = lex.tier(key);
    switch (tier) {
      case PLAIN:
        return !word.allCaps() || key.length() > 3 || strongContext(w, i);
      case WORD:
        if (afterDeterminer(w, i) || word.allCaps()) return false;
        if (strongContext(w, i) || afterAnd) {
          return word.capitalised() && !MODAL_NAMES.contains(key) || continuesAsName(w, i);
        }
        if (word.titleCase() && !word.sentenceStart()) return !inTitleCaseRun(w, i);
        if (word.titleCase()) return subjectVerbAfter(w, i, ABSTRACT_NAMES.contains(key));
        return false;
      case CONTEXT:
        if (afterDeterminer(w, i) || word.allCaps()) return false;
        return (strongContext(w, i) || afterAnd && word.titleCase()) && continuesAsName(w, i);
      default:
        if (!word.titleCase() || lex.isGeneric(key) || lex.isRoleWord(key)) return false;
        if (NOT_NAMES.contains(key) || TITLES.contains(key) || TYPE_WORDS.contains(key)) {
          return false;
        }
        // "Honestly, the caseworker...", "Seeing my nurse": adverbs and verbs, not unknown names
        if (looksPlural(key) || key.endsWith("ly") || key.endsWith("ing")) return false;
        return familyBefore(w, i) && singularFamilyBefore(w, i)
            || familyAfter(w, i)
            || calledBefore(w, i)
            || iAmBefore(w, i)
            || roleBefore(w, i) && determinedRoleBefore(w, i)
            || roleAfter(w, i) && punctuatedAfter(w, i)
            || afterAnd && !word.sentenceStart()
            || !word.sentenceStart() && (ageAfter(w, i) || possessiveRelational(w, i));
    }
  }

  private boolean strongContext(Words w, int i) {
    return familyBefore(w, i)
        || familyAfter(w, i)
        || calledBefore(w, i)
        || iAmBefore(w, i)
        || roleBefore(w, i)
        || roleAfter(w, i)
        || teamAfter(w, i)
        || possessiveRelational(w, i)
        || ageAfter(w, i);
  }

  /** "my son jack", "our daughter, Hope,", "my 7 year old Amara". */
  private static boolean familyBefore(Words w, int i) {
    int p = i - 1;
    if (p < 0 || !openGap(w, i)) return false;
    // "my son Zephyr", but not "the Parent Carer Forum" or "Brother Jones"
    if (FAMILY.contains(w.key(p)) && !w.get(p).possessive()) return !w.get(p).capitalised();
    return w.key(p).equals("old") && (w.key(p - 1).equals("year") || w.key(p - 1).equals("years"));
  }

  /** Spaces, a comma, a bracket or a dash on one line: "my son (jack)", "my son - Jack". */
  private static boolean openGap(Words w, int i) {
    String gap = w.gapBefore(i);
    String s = gap.strip();
    return gap.indexOf('\n') < 0
        && gap.indexOf('\t') < 0
        && (s.isEmpty() || s.equals(",") || s.equals("(") || s.equals("-") || s.equals(":"));
  }

  /** "Kaydence is my granddaughter", "Zephyr, my son, ...". */
  private static boolean familyAfter(Words w, int i) {
    int k = i + 1;
    if (k >= w.size() || w.get(i).possessive() || !openGap(w, k)) return false;
    boolean verb = w.key(k).equals("is") || w.key(k).equals("was");
    if (verb) k++;
    else if (!w.gapBefore(k).strip().equals(",")) return false;
    if (k + 1 >= w.size() || !(w.key(k).equals("my") || w.key(k).equals("our"))) return false;
    int f = k + 1;
    if (!w.joined(f) || !FAMILY.contains(w.key(f)) || w.get(f).possessive()) return false;
    // without "is", only an aside: "Zephyr, my son, ..." (not "Nothing, my son received...")
    return verb || f + 1 >= w.size() || !w.gapBefore(f + 1).isBlank();
  }

  /** "my daughter Zephyr", not "our daughters Issues" (a possessive without its apostrophe). */
  private static boolean singularFamilyBefore(Words w, int i) {
    String k = w.key(i - 1);
    return !k.endsWith("s") || k.equals("twins") || k.equals("old");
  }

  /**
   * "our caseworker Zephyr", not "the GP Visit", "OT Dept" or "the Support Workstream": an unknown
   * word is a name only after a determiner and a role in lower case.
   */
  private boolean determinedRoleBefore(Words w, int i) {
    int p = i - 1;
    if (CALLED.contains(w.key(p)) || w.key(p).equals("is") || w.key(p).equals("was")) p--;
    int s = lex.roles.startEndingAt(w, p);
    return s > 0 && DETERMINERS.contains(w.key(s - 1)) && !w.get(p).capitalised();
  }

  /** "Co-ordinators", "Allowances": an unknown capitalised plural is no name. */
  private static boolean looksPlural(String key) {
    return key.endsWith("s") && !key.endsWith("ss") && !key.endsWith("us") && !key.endsWith("is");
  }

  /** "Zephyr, our caseworker", "Zephyr (SENCO)", not "Seeing my nurse". */
  private static boolean punctuatedAfter(Words w, int i) {
    if (i + 1 >= w.size()) return false;
    String gap = w.gapBefore(i + 1).strip();
    return gap.equals(",") || gap.equals("(") || gap.equals("-");
  }

  private static boolean calledBefore(Words w, int i) {
    return i > 0 && w.joined(i) && CALLED.contains(w.key(i - 1));
  }

  /** "I'm Aoife", "my name is Kerry". */
  private static boolean iAmBefore(Words w, int i) {
    if (i < 1 || !w.joinedOrComma(i)) return false;
    String p = w.key(i - 1);
    if (p.equals("i'm") || p.equals("im")) return true;
    if (p.equals("am") && w.key(i - 2).equals("i")) return true;
    return p.equals("is") && w.key(i - 2).equals("name") && w.key(i - 3).equals("my");
  }

  /** "our caseworker karen", "his OT, Jenny", "the SENCo is Mrs Patel". */
  private boolean roleBefore(Words w, int i) {
    if (i < 1 || !w.joinedOrComma(i)) return false;
    int p = i - 1;
    String k = w.key(p);
    if (CALLED.contains(k) || k.equals("is") || k.equals("was")) {
      p--;
      if (p < 0 || !w.joined(p + 1)) return false;
    }
    return !w.get(p).possessive() && lex.roles.startEndingAt(w, p) >= 0;
  }

  /** "Claire, our caseworker", "Mrs Patel the SENCo", "Ms Kaur (SENCO)". */
  private boolean roleAfter(Words w, int last) {
    int k = last + 1;
    if (k >= w.size() || w.get(last).possessive()) return false;
    String gap = w.gapBefore(k).strip();
    if (!(gap.isEmpty() || gap.equals(",") || gap.equals("(") || gap.equals("-"))) return false;
    String d = w.key(k);
    if ((d.equals("our") || d.equals("my") || d.equals("the"))
        && k + 1 < w.size()
        && w.joined(k + 1)) {
      k++;
    } else if (!gap.equals("(") && !gap.equals(",")) {
      return false;
    }
    return lex.roles.lengthAt(w, k) > 0;
  }

  /** "Sue from the SEND team", "Mandy at the council". */
  private static boolean teamAfter(Words w, int last) {
    int k = last + 1;
    if (k >= w.size() || !w.joined(k) || w.get(last).possessive()) return false;
    String p = w.key(k);
    if (!p.equals("from") && !p.equals("at") && !p.equals("in")) return false;
    for (int j = k + 1; j <= k + 4 && j < w.size(); j++) {
      if (!w.joined(j)) return false;
      if (TEAM_WORDS.contains(w.key(j))) return true;
    }
    return false;
  }

  /** "jack's teacher", "Grace's needs". */
  private static boolean possessiveRelational(Words w, int i) {
    return w.get(i).possessive()
        && i + 1 < w.size()
        && w.joined(i + 1)
        && RELATIONAL.contains(w.key(i + 1));
  }

  /** "Freya (6)", "Noah, 6,", "Mia aged 10", "Rose is 5", "jayden 11 and tia 8". */
  private boolean ageAfter(Words w, int i) {
    Word word = w.get(i);
    if (word.possessive()) return false;
    String text = w.text();
    int to = Math.min(text.length(), word.end() + 40);
    if (AGE_AFTER.matcher(text).region(word.end(), to).lookingAt()) return true;
    NameTier tier = lex.tier(word.key());
    boolean known = tier == NameTier.PLAIN || tier == NameTier.WORD && word.titleCase();
    return known && BARE_AGE.matcher(text).region(word.end(), to).lookingAt();
  }

  /** After a name context, the sentence goes on as about a person: a verb, a comma, an age. */
  private boolean continuesAsName(Words w, int i) {
    if (w.get(i).possessive() || i + 1 >= w.size() || ageAfter(w, i)) return true;
    String gap = w.gapBefore(i + 1);
    if (!gap.isBlank() || gap.indexOf('\n') >= 0) return true;
    String next = w.key(i + 1);
    if (MODAL_NAMES.contains(w.key(i))) return AFTER_MODAL_NAME.contains(next);
    return SUBJECT_VERBS.contains(next)
        || Character.isDigit(next.charAt(0))
        || lex.isPlainSurname(next)
        || w.get(i + 1).titleCase() && !TYPE_WORDS.contains(next) && !NOT_NAMES.contains(next);
  }

  private static boolean subjectVerbAfter(Words w, int i, boolean abstractNoun) {
    if (i + 1 >= w.size()) return false;
    if (!w.joined(i + 1)) return false;
    String next = w.key(i + 1);
    if (!SUBJECT_VERBS.contains(next)) return false;
    return !abstractNoun || !ABSTRACT_NOT_PERSON.contains(next);
  }

  private static boolean afterDeterminer(Words w, int i) {
    return i > 0 && w.joined(i) && NOT_AFTER.contains(w.key(i - 1));
  }

  /** "Hope For The Future": a capitalised word among capitalised words is a heading's. */
  private boolean inTitleCaseRun(Words w, int i) {
    if (i < 1 || !w.joined(i)) return false;
    Word previous = w.get(i - 1);
    return previous.titleCase()
        && !previous.sentenceStart()
        && lex.tier(previous.key()) == NameTier.NONE
        && !TITLES.contains(previous.key());
  }

  private static boolean saintBefore(Words w, int i) {
    if (i < 1) return false;
    String k = w.key(i - 1);
    if (!k.equals("st") && !k.equals("saint")) return false;
    String gap = w.gapBefore(i);
    return gap.isBlank() || gap.strip().equals(".");
  }

  private static boolean titleGap(Words w, int j) {
    String gap = w.gapBefore(j);
    return gap.length() <= 3 && gap.indexOf('\n') < 0 && (gap.isBlank() || gap.strip().equals("."));
  }

  private boolean nameAfterTitle(Words w, int t, int j) {
    Word next = w.get(j);
    String k = next.key();
    if (!Character.isLetter(w.text().charAt(next.begin()))) return false;
    // "Miss J", "Mrs B.": schools call staff by an initial
    if (k.length() == 1) return next.capitalised() && w.get(t).capitalised() && !k.equals("i");
    boolean known = lex.isPlainSurname(k) || lex.tier(k) != NameTier.NONE;
    if (next.capitalised()) {
      return known || lex.isSurnameWord(k) || !lex.isGeneric(k) && !NOT_NAMES.contains(k);
    }
    if (w.key(t).equals("miss")) return known; // "we miss school"
    if (known || lex.isSurnameWord(k)) return true;
    return w.get(t).capitalised()
        && !lex.isGeneric(k)
        && !NOT_NAMES.contains(k)
        && !SUBJECT_VERBS.contains(k)
        && !lex.isRoleWord(k)
        && !k.endsWith("ly")
        && !k.endsWith("ing");
  }

  /** The last word of a full name starting at word {@code i}: "sarah jones", "Seán O'Brien". */
  private int extend(Words w, int i, boolean afterTitle) {
    int last = i;
    for (int step = 0; step < 2; step++) {
      int j = last + 1;
      if (j >= w.size() || !w.joined(j) || w.get(last).possessive()) break;
      Word next = w.get(j);
      String k = next.key();
      if (!Character.isLetter(w.text().charAt(next.begin())) || TYPE_WORDS.contains(k)) break;
      boolean capitalised = next.titleCase() && (w.get(last).capitalised() || afterTitle);
      if (lex.isPlainSurname(k) && (capitalised || !next.capitalised())) {
        last = j;
      } else if (capitalised
          && !lex.isGeneric(k)
          && !lex.isRoleWord(k)
          && !TITLES.contains(k)
          && !FAMILY.contains(k)
          && !NOT_NAMES.contains(k)
          && !SUBJECT_VERBS.contains(k)) {
        last = j;
      } else {
        break;
      }
    }
    return last;
  }

  private static PersonalDataSpan span(PersonalDataKind kind, Words w, int s, int last) {
    return new PersonalDataSpan(kind, w.get(s).begin(), w.get(last).baseEnd());
  }
}
