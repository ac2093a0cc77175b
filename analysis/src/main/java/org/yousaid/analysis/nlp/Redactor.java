package org.yousaid.analysis.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage 3: replaces personal data with placeholders ({@code [name]}, {@code [email]}, ...) in anything that could be
 * published. Names come from CoreNLP NER; the other types are patterns with validation (NHS numbers must pass the
 * modulus-11 check, phone numbers must have a UK number of digits, dates only count as dates of birth next to words
 * such as "born" or "DOB"). Officers keep the original text; only the redacted text leaves the analysis.
 * <p>
 * Standalone use (e.g. by the publisher): {@code new Redactor().redact("text")}.
 */
public final class Redactor {
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern NHS = Pattern.compile("(?<![\\d+])(\\d{3})[ -]?(\\d{3})[ -]?(\\d{4})(?![\\d])");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+])(?:\\+44\\s?(?:\\(0\\)\\s?)?\\d{2,4}|\\(?0\\d{2,4}\\)?)[\\s-]?\\d{3,4}(?:[\\s-]?\\d{3,4})?(?![\\d])");
    private static final Pattern POSTCODE = Pattern.compile(
            "\\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]? ?\\d[ABD-HJLNP-UW-Z]{2})\\b", Pattern.CASE_INSENSITIVE);
    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final Pattern DATE = Pattern.compile(
            "\\b(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})"
                    + "|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + ",?\\s+\\d{4}"
                    + "|" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern BIRTH_CONTEXT = Pattern.compile(
            "(?:\\bborn\\b|\\bbirth|\\bd\\.?o\\.?b\\b|\\bbirthday)", Pattern.CASE_INSENSITIVE);
    private static final String STREET_TYPES = "Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Cres|Court|Ct"
            + "|Place|Pl|Gardens|Gdns|Grove|Terrace|Hill|Park|Square|Sq|Row|Walk|Mews|View|Rise|Green|Parade|Vale";
    private static final Pattern ADDRESS = Pattern.compile(
            "\\b(?:(?:Flat|Apartment|Unit)\\s+\\d+[A-Za-z]?,?\\s+)?\\d{1,4}[A-Za-z]?,?\\s+(?:[A-Z][A-Za-z'-]+\\s+){1,3}(?:"
                    + STREET_TYPES + ")\\b\\.?");

    private final CoreNlpAnnotator annotator;

    /** A redactor with its own CoreNLP pipeline (POS + NER models from the classpath). */
    public Redactor() {
        this(new CoreNlpAnnotator(true));
    }

    public Redactor(CoreNlpAnnotator annotator) {
        this.annotator = annotator;
    }

    public RedactedText redact(String text) {
        return redact(annotator.annotate(new TextNormaliser().normalise(text)));
    }

    /** Redacts an already annotated text (the theming pipeline annotates once and reuses the tokens). */
    public RedactedText redact(AnnotatedText annotated) {
        String text = annotated.text();
        List<RedactedText.Span> found = new ArrayList<>();
        find(EMAIL, text, PersonalDataType.EMAIL, found);
        for (Matcher m = NHS.matcher(text); m.find(); ) {
            if (validNhsNumber(m.group(1) + m.group(2) + m.group(3))) {
                found.add(new RedactedText.Span(PersonalDataType.NHS_NUMBER, m.start(), m.end()));
            }
        }
        for (Matcher m = PHONE.matcher(text); m.find(); ) {
            String digits = m.group().replaceAll("\\D", "");
            if (digits.startsWith("44")) digits = "0" + digits.substring(2).replaceFirst("^00", "0");
            if (digits.length() == 10 || digits.length() == 11) {
                found.add(new RedactedText.Span(PersonalDataType.PHONE, m.start(), m.end()));
            }
        }
        find(POSTCODE, text, PersonalDataType.POSTCODE, found);
        for (Matcher m = DATE.matcher(text); m.find(); ) {
            String before = text.substring(Math.max(0, m.start() - 40), m.start());
            if (BIRTH_CONTEXT.matcher(before).find()) {
                found.add(new RedactedText.Span(PersonalDataType.DATE_OF_BIRTH, m.start(), m.end()));
            }
        }
        find(ADDRESS, text, PersonalDataType.ADDRESS, found);
        addNames(annotated, found);
        List<RedactedText.Span> spans = withoutOverlaps(found);
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (RedactedText.Span s : spans) {
            out.append(text, at, s.begin()).append(s.type().placeholder());
            at = s.end();
        }
        out.append(text.substring(at));
        return new RedactedText(out.toString(), spans);
    }

    private static void find(Pattern p, String text, PersonalDataType type, List<RedactedText.Span> into) {
        for (Matcher m = p.matcher(text); m.find(); ) into.add(new RedactedText.Span(type, m.start(), m.end()));
    }

    /** Consecutive PERSON tokens form one name. */
    private static void addNames(AnnotatedText annotated, List<RedactedText.Span> into) {
        List<Token> tokens = annotated.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).isPerson()) continue;
            int j = i;
            while (j + 1 < tokens.size() && tokens.get(j + 1).isPerson()) j++;
            into.add(new RedactedText.Span(PersonalDataType.NAME, tokens.get(i).begin(), tokens.get(j).end()));
            i = j;
        }
    }

    /** Keeps the earliest-starting, then longest, span where spans overlap (e.g. an address containing a name). */
    private static List<RedactedText.Span> withoutOverlaps(List<RedactedText.Span> spans) {
        List<RedactedText.Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(RedactedText.Span::begin)
                .thenComparing(Comparator.comparingInt((RedactedText.Span s) -> s.end() - s.begin()).reversed()));
        List<RedactedText.Span> kept = new ArrayList<>();
        int end = -1;
        for (RedactedText.Span s : sorted) {
            if (s.begin() >= end) {
                kept.add(s);
                end = s.end();
            }
        }
        return kept;
    }

    /** NHS numbers carry a modulus-11 check digit; checking it keeps other 10-digit numbers unredacted as phones. */
    static boolean validNhsNumber(String digits) {
        if (digits.length() != 10 || digits.charAt(0) == '0') return false;
        int sum = 0;
        for (int i = 0; i < 9; i++) sum += (digits.charAt(i) - '0') * (10 - i);
        int check = 11 - (sum % 11);
        if (check == 11) check = 0;
        return check != 10 && check == digits.charAt(9) - '0';
    }
}
