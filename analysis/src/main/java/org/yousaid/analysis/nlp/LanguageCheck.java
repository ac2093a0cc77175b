package org.yousaid.analysis.nlp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage 1 (language check): flags answers that are not in English so that they are kept out of
 * theme discovery (the English models would scatter them across themes or make a theme of their own
 * out of shared stop words) and put in an "other languages" bucket that officers see, with a guess
 * at the language or script.
 *
 * <p>No model: (1) the script, when most letters are not Latin (Arabic script for
 * Urdu/Arabic/Farsi/Pashto, Bengali, Gurmukhi, Gujarati, Devanagari, Cyrillic, Chinese, ...); (2)
 * for Latin-script text, a stop-word profile: the share of the answer's words that are common
 * function words of English against the same for languages UK councils commonly receive (Welsh,
 * Polish, romanised Urdu/Punjabi, Romanian, Portuguese, Spanish, French, Lithuanian, Somali,
 * Italian, German, Turkish). Function words are frequent and short, so a handful of them is enough
 * evidence, and a stray place name or surname in an English answer ("Ysgol Gymraeg", "Kowalski") is
 * not.
 *
 * <p>It errs towards English: an answer is flagged only when it has at least {@link #MIN_WORDS}
 * words and another language's function words clearly outnumber English ones; short or keyword-only
 * answers ("Respite, OT, transport") stay English.
 */
public final class LanguageCheck {
  /**
   * A guess at the answer's language: {@code en}, an ISO 639-1 code, or {@code und-<Script>} for
   * script-only.
   */
  public record Result(String language, boolean english) {
    static final Result ENGLISH = new Result("en", true);
  }

  static final int MIN_WORDS = 4;
  private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

  private static final Set<String> ENGLISH =
      words(
          "the a an and or but of to in on at for with from by about as is are was "
              + "were be been being have has had do does did not no it its this that these those there their they them he she "
              + "his her we our us you your i me my mine can could would should will shall may might must so if than then "
              + "very more most some any all what which who when where why how just also get got need needs because son "
              + "daughter child children school help support");

  private static final Map<String, Set<String>> OTHERS = new LinkedHashMap<>();

  static {
    OTHERS.put(
        "cy",
        words(
            "y yr a ac i o yn yng ar am gan gyda mae roedd bod ei eu fy dy ein eich nid ddim dim ond "
                + "hefyd iawn fe mi wedi ydy ydw oes ni chi nhw fo hi hyn hynny sydd sy pan fel ble pam beth pwy gael cael "
                + "plant plentyn ysgol angen gymorth cymorth diolch"));
    OTHERS.put(
        "pl",
        words(
            "i w z na do nie jest się że to jak ale od po przez dla jego jej ich moja mój moje mam "
                + "ma są być było bardzo tak tylko czy już jeszcze dziecko dzieci syn córka szkoła szkole pomoc potrzebuje "
                + "oraz albo lub który która które gdzie kiedy dlaczego"));
    OTHERS.put(
        "ur",
        words(
            "hai hain ka ki ke ko se mein main mera meri mere hum aap ap yeh ye woh wo nahi nahin "
                + "bohat bahut aur ya koi kuch liye kya kyun jab tak bhi tha thi the hota hoti raha rahi bacha bache "
                + "bachay beta beti madad school ko chahiye"));
    OTHERS.put(
        "pa",
        words(
            "da di de nu ton vich hai han ne nahi nahin tusi assi mera meri sanu bahut ki te vi "
                + "sada sadi ehna"));
    OTHERS.put(
        "ro",
        words(
            "și si în in la de pe cu nu este sunt este pentru că ca mai foarte copilul copii fiul "
                + "fiica școala scoala ajutor avem are al ale lui ei noi eu"));
    OTHERS.put(
        "pt",
        words(
            "o os a as de do da dos das em no na nos nas um uma para com não nao é e que meu minha "
                + "filho filha escola ajuda muito mais por ele ela eles nós"));
    OTHERS.put(
        "es",
        words(
            "el la los las de del en y que un una para con no es por su sus mi mis hijo hija escuela "
                + "ayuda muy más pero como lo le se nos"));
    OTHERS.put(
        "fr",
        words(
            "le la les de des du et en un une pour avec ne pas est sont que qui mon ma mes fils "
                + "fille école aide très plus mais nous vous il elle ils au aux"));
    OTHERS.put(
        "lt",
        words(
            "ir yra kad su į iš ne tai mano jo jos mūsų vaikas vaikai sūnus dukra mokykla pagalba "
                + "labai bet kaip kur kai"));
    OTHERS.put(
        "so",
        words(
            "iyo waa ka ku uu ay oo aan wax ayaa ee inuu inay waxaa wiilka gabadha dugsiga "
                + "caawimaad aad ma"));
    OTHERS.put(
        "it",
        words(
            "il lo la gli le di del della e che un una per con non è sono mio mia figlio figlia "
                + "scuola aiuto molto più ma come"));
    OTHERS.put(
        "de",
        words(
            "der die das und ist nicht ein eine zu mit für von den dem ich mein meine sohn tochter "
                + "schule hilfe sehr aber wie auch"));
    OTHERS.put(
        "tr",
        words(
            "ve bir bu da de ile için çok ama ben benim oğlum kızım okul yardım değil var yok gibi "
                + "daha"));
  }

  /**
   * For each listed word, which of {@link #OTHERS} (in order) list it: one lookup per word instead
   * of 13.
   */
  private static final Map<String, Integer> OTHER_MASK = new java.util.HashMap<>();

  private static final String[] OTHER_CODES;

  static {
    OTHER_CODES = OTHERS.keySet().toArray(String[]::new);
    for (int l = 0; l < OTHER_CODES.length; l++) {
      for (String w : OTHERS.get(OTHER_CODES[l])) OTHER_MASK.merge(w, 1 << l, (a, b) -> a | b);
    }
  }

  private static Set<String> words(String s) {
    return Set.of(java.util.Arrays.stream(s.split(" ")).distinct().toArray(String[]::new));
  }

  public Result check(String text) {
    if (text == null || text.isBlank()) return Result.ENGLISH;
    String script = dominantNonLatinScript(text);
    if (script != null) return new Result("und-" + script, false);
    int total = 0, english = 0;
    int[] hits = new int[OTHER_CODES.length];
    boolean[] longHit = new boolean[OTHER_CODES.length];
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Matcher m = WORD.matcher(text); m.find(); ) {
      String original = m.group();
      String w = original.toLowerCase(Locale.ROOT);
      total++;
      if (ENGLISH.contains(w)) {
        english++;
        continue; // a word English shares ("a", "in", "no", "do") is no evidence of another
        // language
      }
      // single letters ("w/o", hex digits) and capitals-only acronyms ("OS", "BASH") are no
      // evidence either;
      // each distinct word counts once
      if (w.length() < 2
          || (original.length() > 1 && original.equals(original.toUpperCase(Locale.ROOT)))
          || !seen.add(w)) continue;
      Integer mask = OTHER_MASK.get(w);
      if (mask == null) continue;
      for (int l = 0; l < hits.length; l++) {
        if ((mask & (1 << l)) != 0) {
          hits[l]++;
          if (w.length() >= 3) longHit[l] = true;
        }
      }
    }
    if (total < MIN_WORDS) return Result.ENGLISH;
    String best = null;
    int bestHits = 0;
    for (int l = 0; l < hits.length; l++) {
      // at least one word of 3+ letters: two-letter words ("de", "os", "no") occur in English
      // titles and code
      if (hits[l] > bestHits && longHit[l]) {
        best = OTHER_CODES[l];
        bestHits = hits[l];
      }
    }
    // English answers are ~40% function words; a foreign answer has its own and few English ones,
    // so the other
    // language must lead clearly: 2+ distinct words of its own, twice the English count, 20% of all
    // words.
    boolean foreign =
        best != null && bestHits >= 2 && bestHits >= 2 * english && bestHits >= 0.2 * total;
    return foreign ? new Result(best, false) : Result.ENGLISH;
  }

  /** The script of most of the letters when that is not Latin, else null. */
  static String dominantNonLatinScript(String text) {
    Map<Character.UnicodeScript, Integer> counts = new LinkedHashMap<>();
    int letters = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) continue;
      letters++;
      counts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum);
    }
    if (letters == 0) return null;
    int latin = counts.getOrDefault(Character.UnicodeScript.LATIN, 0);
    if (latin * 2 >= letters) return null;
    Character.UnicodeScript top =
        counts.entrySet().stream()
            .filter(e -> e.getKey() != Character.UnicodeScript.LATIN)
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse(Character.UnicodeScript.UNKNOWN);
    String name = top.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
