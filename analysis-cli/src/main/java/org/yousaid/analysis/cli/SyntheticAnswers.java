package org.yousaid.analysis.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.yousaid.redaction.PersonalDataKind;

/**
 * Generates SEND-parent-style consultation answers of seed-like length (1-3 sentences, ~30 words,
 * as the exemplar answers quoted in seeds 002) for the speed and redaction benchmarks, optionally
 * with planted personal data whose spans are known. Names are from public lists of common UK first
 * names and surnames; phone numbers use Ofcom's ranges reserved for drama (07700 900xxx, 01632
 * 960xxx, 020 7946 0xxx); NHS numbers are random with a valid check digit; everything is fictional.
 */
final class SyntheticAnswers {
  record Planted(PersonalDataKind type, int begin, int end) {}

  /** The kinds planted, in the order the generator has always drawn them from. */
  private static final PersonalDataKind[] PLANTED =
      new PersonalDataKind[] {
        PersonalDataKind.NAME,
        PersonalDataKind.EMAIL,
        PersonalDataKind.PHONE,
        PersonalDataKind.POSTCODE,
        PersonalDataKind.NHS_NUMBER,
        PersonalDataKind.DATE_OF_BIRTH,
        PersonalDataKind.ADDRESS
      };

  record Generated(String text, int topic, List<Planted> planted) {}

  static final String[][] TOPICS = {
    {
      "Paying parents to take children to respite will cut our respite time",
      "the journey to the respite unit takes over an hour each way",
      "I don't drive so without council transport my child cannot get to respite",
      "please keep the transport from school straight to respite",
      "driving to and from respite uses up the break we desperately need",
      "my daughter gets too anxious in the car to go to respite with me"
    },
    {
      "More holiday playschemes please, the summer holidays are the hardest time",
      "we need playschemes in every school holiday run by trained staff",
      "there is nothing for disabled teenagers in the holidays",
      "the local playscheme books up within a day",
      "holiday clubs at the special school are a lifeline for us",
      "weekend activities where our children can mix with others would be wonderful"
    },
    {
      "The funding cuts will leave families in crisis",
      "cutting the short breaks budget is a false economy",
      "the savings will be lost when families need emergency care",
      "our children are always the first to lose out when budgets are cut",
      "reducing support will cost the council more in the long run",
      "stop the cuts to services for disabled children"
    },
    {
      "We waited over a year for the EHC plan to be finalised",
      "the EHCP deadlines were missed again and nobody told us why",
      "the annual review was cancelled twice",
      "the plan does not name the support my son actually needs",
      "we had to go to tribunal to get the right school named",
      "the caseworker changed three times during the assessment"
    },
    {
      "The consultation was badly advertised and most parents never heard about it",
      "the documents were confusing and full of jargon",
      "the meetings were held during school hours when working parents could not attend",
      "nobody explained how our views would be used",
      "the online survey did not work on my phone",
      "we need more notice before consultation meetings"
    },
    {
      "There are not enough specialist school places in the county",
      "my son has been out of school for six months waiting for a place",
      "the mainstream school cannot meet his needs without more support",
      "the nearest special school is forty miles away",
      "teaching assistants need proper training in autism",
      "the school keeps sending him home early"
    },
    {
      "CAMHS waiting lists are far too long",
      "my daughter waited two years for an autism assessment",
      "there is no mental health support while you wait",
      "the GP says there is nothing more they can do until CAMHS see her",
      "we were discharged without any follow up",
      "young people in crisis are being turned away"
    },
    {
      "The Local Offer website is impossible to navigate",
      "information about short breaks is out of date",
      "I only found out about the sitting service from another parent",
      "the council should send families a simple guide to what is available",
      "the phone line is never answered",
      "it would help to have one named contact for each family"
    }
  };
  private static final String[] OPENERS = {
    "",
    "",
    "",
    "Honestly, ",
    "As a parent of a child with autism, ",
    "I think ",
    "To be honest ",
    "As a single parent, ",
    "Speaking as a carer, ",
    "In our experience "
  };
  private static final String[] CONNECTORS = {
    ". ", ". Also ", ". And ", " and ", ". On top of that "
  };
  static final String[] FIRST = {
    "Oliver",
    "George",
    "Harry",
    "Noah",
    "Jack",
    "Leo",
    "Arthur",
    "Oscar",
    "Charlie",
    "Freddie",
    "Olivia",
    "Amelia",
    "Isla",
    "Ava",
    "Mia",
    "Ivy",
    "Lily",
    "Isabella",
    "Rosie",
    "Sophia",
    "Grace",
    "Evie",
    "Alfie",
    "Thomas"
  };
  static final String[] SURNAMES = {
    "Smith",
    "Jones",
    "Williams",
    "Taylor",
    "Brown",
    "Davies",
    "Evans",
    "Wilson",
    "Thomas",
    "Johnson",
    "Roberts",
    "Robinson",
    "Thompson",
    "Wright",
    "Walker",
    "White",
    "Edwards",
    "Hughes",
    "Green",
    "Hall"
  };
  private static final String[] STREETS = {
    "Mill Lane",
    "Church Road",
    "Station Road",
    "Victoria Street",
    "Park Avenue",
    "Manor Close",
    "Queens Drive",
    "Meadow Way",
    "Oak Crescent",
    "Kingsway Gardens"
  };
  private static final String[] POSTCODE_AREAS = {
    "CV", "B", "LS", "M", "NG", "SW", "BS", "L", "S", "OX", "RG", "NE"
  };

  /** Things that look like personal data but are not: the redactor must leave them alone. */
  private static final String[] DECOYS = {
    "We were offered 24 nights in 2015.",
    "The review is booked for 12/05/2024.",
    "Family Link has been brilliant.",
    "The Take a Break scheme works.",
    "Warwickshire County Council must listen.",
    "It costs over £90,000 a year.",
    "The special school has been supportive.",
    "Call the SENDIAS line if you are stuck.",
    "Room 101 at the Civic Centre is not accessible.",
    "We have been waiting since March 2023."
  };

  private final SplittableRandom random;

  SyntheticAnswers(long seed) {
    random = new SplittableRandom(seed);
  }

  /**
   * A seed-like answer with no personal data, about one main topic (sometimes touching a second).
   */
  Generated answer() {
    int topic = random.nextInt(TOPICS.length);
    StringBuilder sb = new StringBuilder(pick(OPENERS));
    int sentences = 1 + random.nextInt(3);
    for (int s = 0; s < sentences; s++) {
      if (s > 0) sb.append(pick(CONNECTORS));
      String clause =
          pick(TOPICS[s == 2 && random.nextInt(3) == 0 ? random.nextInt(TOPICS.length) : topic]);
      sb.append(sb.length() == 0 || sb.toString().endsWith(". ") ? capitalise(clause) : clause);
    }
    sb.append('.');
    return new Generated(capitalise(sb.toString()), topic, List.of());
  }

  /** An answer with 1-3 planted personal data items and sometimes a decoy. */
  Generated answerWithPersonalData() {
    Generated base = answer();
    StringBuilder sb = new StringBuilder(base.text());
    List<Planted> planted = new ArrayList<>();
    int items = 1 + random.nextInt(3);
    for (int i = 0; i < items; i++) {
      sb.append(' ');
      plant(PLANTED[random.nextInt(PLANTED.length)], sb, planted);
    }
    if (random.nextInt(3) == 0) sb.append(' ').append(pick(DECOYS));
    return new Generated(sb.toString(), base.topic(), planted);
  }

  private void plant(PersonalDataKind type, StringBuilder sb, List<Planted> planted) {
    switch (type) {
      case NAME -> {
        String name = random.nextBoolean() ? pick(FIRST) : pick(FIRST) + " " + pick(SURNAMES);
        String[] frames = {
          "My son %s needs this.",
          "My daughter %s has been waiting.",
          "You can ask %s about our case.",
          "%s, our caseworker, agreed.",
          "Our social worker %s said the same.",
          "I spoke to %s at the meeting."
        };
        String frame = pick(frames);
        // a caseworker or social worker is staff, redacted as [staff]
        PersonalDataKind kind =
            frame.contains("worker") ? PersonalDataKind.STAFF : PersonalDataKind.NAME;
        insert(sb, frame, name, kind, planted);
      }
      case EMAIL ->
          insert(
              sb,
              pick(new String[] {"Email me at %s.", "Contact %s for details.", "My email is %s"}),
              pick(FIRST).toLowerCase(Locale.ROOT)
                  + (random.nextBoolean() ? "." : "")
                  + pick(SURNAMES).toLowerCase(Locale.ROOT)
                  + random.nextInt(100)
                  + "@"
                  + pick(new String[] {"example.com", "example.org", "example.co.uk"}),
              type,
              planted);
      case PHONE ->
          insert(
              sb,
              pick(new String[] {"Call me on %s.", "My number is %s", "Ring %s any evening."}),
              phone(),
              type,
              planted);
      case POSTCODE ->
          insert(
              sb,
              pick(
                  new String[] {
                    "We live in %s.", "Our postcode is %s", "Families around %s have no service."
                  }),
              postcode(),
              type,
              planted);
      case NHS_NUMBER ->
          insert(
              sb,
              pick(new String[] {"His NHS number is %s.", "NHS no. %s", "Her NHS number: %s."}),
              nhsNumber(),
              type,
              planted);
      case DATE_OF_BIRTH ->
          insert(
              sb,
              pick(new String[] {"He was born on %s.", "DOB %s.", "Her date of birth is %s."}),
              dateOfBirth(),
              type,
              planted);
      case ADDRESS ->
          insert(
              sb,
              pick(
                  new String[] {
                    "We live at %s.", "Send letters to %s.", "Our house at %s has no parking."
                  }),
              (1 + random.nextInt(180)) + " " + pick(STREETS),
              type,
              planted);
    }
  }

  private static void insert(
      StringBuilder sb, String frame, String value, PersonalDataKind type, List<Planted> planted) {
    int at = frame.indexOf("%s");
    int begin = sb.length() + at;
    sb.append(frame, 0, at).append(value).append(frame.substring(at + 2));
    planted.add(new Planted(type, begin, begin + value.length()));
  }

  private String phone() {
    int n = random.nextInt(1000);
    return switch (random.nextInt(4)) {
      case 0 -> String.format("07700 900%03d", n);
      case 1 -> String.format("+44 7700 900%03d", n);
      case 2 -> String.format("01632 960%03d", n);
      default -> String.format("020 7946 0%03d", n);
    };
  }

  private String postcode() {
    String letters = "ABDEFGHJLNPQRSTUWXYZ";
    return pick(POSTCODE_AREAS)
        + (1 + random.nextInt(20))
        + " "
        + random.nextInt(10)
        + letters.charAt(random.nextInt(letters.length()))
        + letters.charAt(random.nextInt(letters.length()));
  }

  private String nhsNumber() {
    while (true) {
      int[] d = new int[10];
      d[0] = 4 + random.nextInt(3);
      for (int i = 1; i < 9; i++) d[i] = random.nextInt(10);
      int sum = 0;
      for (int i = 0; i < 9; i++) sum += d[i] * (10 - i);
      int check = 11 - sum % 11;
      if (check == 11) check = 0;
      if (check == 10) continue;
      d[9] = check;
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < 10; i++) {
        if (random.nextBoolean() && (i == 3 || i == 6)) s.append(' ');
        s.append(d[i]);
      }
      return s.toString();
    }
  }

  private String dateOfBirth() {
    int day = 1 + random.nextInt(28),
        month = 1 + random.nextInt(12),
        year = 2005 + random.nextInt(18);
    String[] months = {
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December"
    };
    return random.nextBoolean()
        ? String.format("%02d/%02d/%d", day, month, year)
        : day + " " + months[month - 1] + " " + year;
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
