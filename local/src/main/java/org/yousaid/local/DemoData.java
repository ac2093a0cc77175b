package org.yousaid.local;

import com.github.f4b6a3.ulid.Ulid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.yousaid.shared.model.AgeBand;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.AreaOfNeed;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.EhcStage;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.model.Role;
import org.yousaid.shared.storage.ConsultationRepository;
import org.yousaid.shared.storage.Storage;
import org.yousaid.shared.storage.Table;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.templates.ConsultationTemplates;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The demo council and its consultations, created on the first start only (never overwritten). */
public final class DemoData {

  public static final String COUNCIL = "demo";
  public static final String COUNCIL_NAME = "Demo Borough Council";
  public static final String LOCAL_OFFER = "local-offer-2026";
  public static final String EHC_SURVEY = "ehc-plan-survey";
  public static final String PAGE_FEEDBACK = "page-feedback";
  public static final List<String> DISTRICTS = List.of("North", "South", "East", "West", "Central");

  /** How many months of made-up answers, ending with the current month. */
  public static final int MONTHS = 8;

  private DemoData() {}

  /** Returns how many consultations were newly created. */
  public static int seed(ConsultationRepository consultations) {
    int created = 0;
    if (consultations.create(
        ConsultationTemplates.localOffer(
            COUNCIL, COUNCIL_NAME, LOCAL_OFFER, DISTRICTS, null, null))) {
      created++;
    }
    if (consultations.create(
        ConsultationTemplates.ehcStageSurvey(COUNCIL, COUNCIL_NAME, EHC_SURVEY, DISTRICTS))) {
      created++;
    }
    if (consultations.create(
        ConsultationTemplates.pageFeedback(COUNCIL, COUNCIL_NAME, PAGE_FEEDBACK))) {
      created++;
    }
    return created;
  }

  // Local Offer pages and Open Referral UK services, each with how many answers it draws (weight)
  // and how
  // useful people find it at first and by the last month (a page that was rewritten improves).
  private record Subject(String subject, int weight, double usefulFirst, double usefulLast) {}

  private static final List<Subject> SUBJECTS =
      List.of(
          new Subject("https://localoffer.demo.example/send/ehc-needs-assessment", 18, 0.42, 0.66),
          new Subject("https://localoffer.demo.example/send/short-breaks", 15, 0.71, 0.74),
          new Subject("https://localoffer.demo.example/send/transport-to-school", 13, 0.28, 0.61),
          new Subject(
              "https://localoffer.demo.example/send/preparing-for-adulthood", 9, 0.55, 0.58),
          new Subject("https://localoffer.demo.example/send/sendiass", 8, 0.83, 0.85),
          new Subject(
              "https://localoffer.demo.example/send/speech-and-language-therapy", 8, 0.47, 0.45),
          new Subject("https://localoffer.demo.example/send/autism-support", 7, 0.62, 0.70),
          new Subject("https://localoffer.demo.example/send/personal-budgets", 5, 0.38, 0.40),
          new Subject("https://localoffer.demo.example/send/complaints", 3, 0.50, 0.50),
          new Subject("service:demo-short-breaks-club", 6, 0.78, 0.80),
          new Subject("service:demo-parent-carer-forum", 4, 0.88, 0.90),
          new Subject("service:demo-portage-home-visiting", 2, 0.70, 0.70));

  private static final String[] USEFUL_COMMENTS = {
    "Clear and easy to follow, thank you.",
    "Found the phone number I needed straight away.",
    "Helpful to see the timescales written down.",
    "Good to know who to contact.",
    "The step by step list helped me understand what happens next.",
    "Easy to read on my phone."
  };
  private static final String[] NOT_USEFUL_COMMENTS = {
    "The opening times were out of date.",
    "Too much jargon. What does SENCO mean?",
    "I could not find out who is eligible.",
    "The link to the application form does not work.",
    "It does not say how long it will take.",
    "Please add an easy read version.",
    "I needed the information for 16 to 25 year olds and it only covers school age.",
    "Hard to find on the website, I searched for ages.",
    "It should say what to do if you disagree with the decision."
  };

  private static final String[] DO_BETTER = {
    "Keep us updated more often while we wait.",
    "Tell us who our case officer is at the start.",
    "The outcomes should be specific to my child, not general.",
    "Answer emails sooner.",
    "Explain the timescales in plain English.",
    "Ask the school for their advice earlier.",
    "Include what health and social care will do, not just education."
  };

  /**
   * Adds a few months of plausible page feedback and EHC stage survey answers to the demo council,
   * once: a marker item, written last, makes a later call (or restart) do nothing. Deterministic:
   * the same answers every time for the same month of {@code clock}. Written in batches; local mode
   * runs this after it has started, so the first start is not slowed (DynamoDB Local takes some
   * seconds for the ~1,500 items). Returns how many answers were added.
   */
  public static int seedAnswers(Storage storage, Clock clock) {
    Table table = storage.table();
    String markerPk = TableLayout.demoAnswersPk(COUNCIL);
    if (table.get(markerPk, TableLayout.DEMO_ANSWERS_SK).isPresent()) {
      return 0;
    }
    List<Response> answers = new ArrayList<>();
    answers.addAll(pageFeedbackAnswers(clock));
    answers.addAll(stageSurveyAnswers(clock));
    // Same ids every time: if local mode stops half-way, the next start writes the same answers
    // again.
    storage.responses().insertBulk(answers);
    // Their ids are of the past, before the register's watermark if an officer looked already.
    storage.register().addAllComments(COUNCIL);
    Map<String, AttributeValue> done =
        new HashMap<>(TableLayout.key(markerPk, TableLayout.DEMO_ANSWERS_SK));
    done.put(TableLayout.TYPE, AttributeValue.fromS("DEMO_MARKER"));
    table.put(done);
    return answers.size();
  }

  static List<Response> pageFeedbackAnswers(Clock clock) {
    Random random = new Random(20260401L);
    List<Response> out = new ArrayList<>();
    int totalWeight = SUBJECTS.stream().mapToInt(Subject::weight).sum();
    Instant now = clock.instant();
    YearMonth last = YearMonth.from(now.atZone(ZoneId.of("Europe/London")));
    for (int m = 0; m < MONTHS; m++) {
      YearMonth month = last.minusMonths(MONTHS - 1L - m);
      double progress = MONTHS == 1 ? 1 : (double) m / (MONTHS - 1);
      // More people answer as councils add the form to more pages.
      int answersThisMonth = 40 + m * 6 + random.nextInt(10);
      for (int i = 0; i < answersThisMonth; i++) {
        Instant at = moment(random, month, now);
        if (at == null) {
          continue;
        }
        int pick = random.nextInt(totalWeight);
        Subject subject = SUBJECTS.get(0);
        for (Subject s : SUBJECTS) {
          pick -= s.weight();
          if (pick < 0) {
            subject = s;
            break;
          }
        }
        double p =
            subject.usefulFirst() + (subject.usefulLast() - subject.usefulFirst()) * progress;
        boolean useful = random.nextDouble() < p;
        List<Answer> answer = new ArrayList<>();
        answer.add(Answer.choices("useful", List.of(useful ? "yes" : "no")));
        if (random.nextDouble() < (useful ? 0.15 : 0.45)) {
          String[] pool = useful ? USEFUL_COMMENTS : NOT_USEFUL_COMMENTS;
          answer.add(Answer.text("comment", pool[random.nextInt(pool.length)]));
        }
        out.add(
            response(
                random,
                PAGE_FEEDBACK,
                at,
                answer,
                RespondentProfile.EMPTY,
                subject.subject(),
                now));
      }
    }
    return out;
  }

  static List<Response> stageSurveyAnswers(Clock clock) {
    Random random = new Random(20211102L);
    List<Response> out = new ArrayList<>();
    Instant now = clock.instant();
    YearMonth last = YearMonth.from(now.atZone(ZoneId.of("Europe/London")));
    EhcStage[] stages = EhcStage.values();
    int[] weights = {16, 12, 13, 15, 20, 14, 10};
    // Per stage: chance of "clear" and of "not clear" for the plan's outcomes (the final plan as in
    // the
    // Leicestershire survey: 48% clear, 24% neither, 28% not clear), and of feeling listened to.
    double[][] clear = {
      {0.35, 0.30},
      {0.40, 0.30},
      {0.42, 0.30},
      {0.40, 0.32},
      {0.48, 0.28},
      {0.55, 0.20},
      {0.38, 0.30}
    };
    double[] listened = {0.55, 0.50, 0.62, 0.58, 0.66, 0.72, 0.52};
    for (int m = 0; m < MONTHS; m++) {
      YearMonth month = last.minusMonths(MONTHS - 1L - m);
      int responses = 25 + random.nextInt(10);
      for (int i = 0; i < responses; i++) {
        Instant at = moment(random, month, now);
        if (at == null) {
          continue;
        }
        int pick = random.nextInt(100);
        int s = 0;
        while (pick >= weights[s]) {
          pick -= weights[s];
          s++;
        }
        // A few people skip the stage question; their answers show as "Stage not said".
        EhcStage stage = random.nextInt(25) == 0 ? null : stages[s];
        double improvement = 0.02 * m;
        double r = random.nextDouble();
        String outcome =
            r < clear[s][0] + improvement
                ? "clear"
                : r < 1 - clear[s][1] + improvement ? "neither" : "not-clear";
        List<Answer> answers = new ArrayList<>();
        answers.add(Answer.choices("outcomes-clear", List.of(outcome)));
        if (random.nextInt(10) > 0) {
          int rating =
              Math.max(
                  1,
                  Math.min(
                      5,
                      (outcome.equals("clear") ? 4 : outcome.equals("neither") ? 3 : 2)
                          + random.nextInt(3)
                          - 1));
          answers.add(Answer.choices("satisfaction", List.of(Integer.toString(rating))));
        }
        if (random.nextInt(10) > 0) {
          answers.add(
              Answer.choices(
                  "listened", List.of(random.nextDouble() < listened[s] ? "yes" : "no")));
        }
        if (random.nextInt(4) == 0) {
          answers.add(Answer.text("do-better", DO_BETTER[random.nextInt(DO_BETTER.length)]));
        }
        RespondentProfile profile =
            new RespondentProfile(
                random.nextInt(10) < 8 ? Role.PARENT_CARER : Role.YOUNG_PERSON,
                AgeBand.values()[random.nextInt(AgeBand.values().length)],
                List.of(AreaOfNeed.values()[random.nextInt(AreaOfNeed.values().length)]),
                DISTRICTS.get(random.nextInt(DISTRICTS.size())),
                stage);
        out.add(response(random, EHC_SURVEY, at, answers, profile, null, now));
      }
    }
    return out;
  }

  /**
   * A moment in this month, not after now (the current month is only partly over); null if there is
   * none.
   */
  private static Instant moment(Random random, YearMonth month, Instant now) {
    Instant start = month.atDay(1).atStartOfDay(ZoneId.of("Europe/London")).toInstant();
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneId.of("Europe/London")).toInstant();
    if (end.isAfter(now)) {
      end = now;
    }
    long span = Duration.between(start, end).getSeconds();
    if (span <= 0) {
      return null;
    }
    return start.plusSeconds((long) (random.nextDouble() * span));
  }

  private static final char[] RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private static Response response(
      Random random,
      String consultation,
      Instant at,
      List<Answer> answers,
      RespondentProfile profile,
      String subject,
      Instant now) {
    byte[] entropy = new byte[10];
    random.nextBytes(entropy);
    String id = new Ulid(at.toEpochMilli(), entropy).toString();
    char[] receipt = new char[12];
    for (int i = 0; i < receipt.length; i++) {
      receipt[i] = RECEIPT_ALPHABET[random.nextInt(RECEIPT_ALPHABET.length)];
    }
    long expires = now.plus(Duration.ofDays(Consultation.DEFAULT_RETENTION_DAYS)).getEpochSecond();
    return new Response(
        id,
        COUNCIL,
        consultation,
        at,
        Channel.WEB,
        answers,
        profile,
        random.nextInt(3) == 0,
        new String(receipt),
        expires,
        subject);
  }
}
