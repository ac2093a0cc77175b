package org.yousaid.local;

import java.util.List;

/**
 * 45 answers to "How could we make it easier to find information?" as parents type them: typos,
 * lower-case names, schools, praise and complaint about the same service. Each carries the theme an
 * officer would put it in, which the officer-loop scenario uses as the officer's judgement.
 */
final class OfficerLoopAnswers {

  static final String TRANSPORT = "Home to school transport";
  static final String EHCP = "EHCP delays and communication";
  static final String THERAPY = "Speech and language therapy";
  static final String SHORT_BREAKS = "Short breaks and respite";
  static final String EXCLUSION = "Exclusions and part-time timetables";
  static final String WEBSITE = "Local Offer website";
  static final String MENTAL_HEALTH = "Mental health and CAMHS";
  static final String SENCO = "Support from the SENCO";

  static final List<String> THEMES =
      List.of(TRANSPORT, EHCP, THERAPY, SHORT_BREAKS, EXCLUSION, WEBSITE, MENTAL_HEALTH, SENCO);

  /** One answer: its text, whether the respondent agreed to be quoted, the officer's theme. */
  record Answer(String text, boolean consent, String theme) {}

  static final List<Answer> ANSWERS =
      List.of(
          new Answer(
              "the transport bus is late nearly every morning so my son misses registration at st marks",
              true,
              TRANSPORT),
          new Answer(
              "Our driver on the school transport is lovely and really patient with my daughter, please keep him",
              true,
              TRANSPORT),
          new Answer(
              "taxi to school keeps changing drivers and escorts, my autistic boy cant cope with new faces every week",
              true,
              TRANSPORT),
          new Answer(
              "We were told we dont qualify for home to school transport because we live 2.9 miles away, rediculous",
              false,
              TRANSPORT),
          new Answer(
              "The minibus to Oakfield school picks him up at 7am for a 9am start, a two hour journey is to long",
              true,
              TRANSPORT),
          new Answer(
              "transport team never answer the phone when the taxi doesnt turn up",
              true,
              TRANSPORT),
          new Answer(
              "Applied for the EHCP in march and we are still waiting, way past the 20 weeks",
              true,
              EHCP),
          new Answer(
              "nobody tells us what is happening with the EHC needs assessment, emails go unanswered for weeks",
              true,
              EHCP),
          new Answer(
              "the draft ehc plan had another childs name in it and was full of copy and paste",
              false,
              EHCP),
          new Answer(
              "Our case officer at the SEND team changed three times this year, each time we start again",
              true,
              EHCP),
          new Answer(
              "The annual review paperwork was never sent back and the plan has not been updated for two years",
              true,
              EHCP),
          new Answer(
              "EHCP process is slow and confusing, would love a timeline of where we are",
              true,
              EHCP),
          new Answer(
              "our ehcp coordinator jane was really helpful but the panel took ages to decide",
              true,
              EHCP),
          new Answer(
              "speech and language therapy stopped when he moved to year 3 and nobody told us why",
              true,
              THERAPY),
          new Answer(
              "The SALT at the clinic was brilliant with my son and gave us exercises to do at home",
              true,
              THERAPY),
          new Answer(
              "waiting list for speech therapy is over a year, my daughter is 4 and hardly talks",
              true,
              THERAPY),
          new Answer(
              "OT and speech and language sessions are written in the plan but not happening in school",
              false,
              THERAPY),
          new Answer(
              "Please more speech and language therapists, one visit a term is not enough",
              true,
              THERAPY),
          new Answer(
              "short breaks saved our family, the saturday club at the leisure centre is fantastic",
              true,
              SHORT_BREAKS),
          new Answer(
              "We cant get respite anywhere, there is no overnight short break for children with complex needs",
              true,
              SHORT_BREAKS),
          new Answer(
              "holiday playscheme places for disabled children go in minutes, we never get one",
              true,
              SHORT_BREAKS),
          new Answer(
              "direct payments for a carer are impossible to use because no PAs are available round here",
              false,
              SHORT_BREAKS),
          new Answer(
              "the respite carer from the council is amazing but we only get 4 hours a month",
              true,
              SHORT_BREAKS),
          new Answer(
              "My son was excluded from hollybrook academy three times this term for meltdowns",
              true,
              EXCLUSION),
          new Answer(
              "school put my daughter on a part time timetable of two hours a day for six months",
              true,
              EXCLUSION),
          new Answer(
              "we were asked to collect him at lunchtime most days which is an unofficial exclusion",
              false,
              EXCLUSION),
          new Answer(
              "After the permanent exclusion there was no school place for 5 months, he just sat at home",
              true,
              EXCLUSION),
          new Answer(
              "suspensions for behaviour that comes from his ADHD, the school does not adapt anything",
              true,
              EXCLUSION),
          new Answer(
              "the local offer website is impossible to search, I just want to filter by age and need",
              true,
              WEBSITE),
          new Answer(
              "half the links on the local offer site are broken or out of date", true, WEBSITE),
          new Answer(
              "I found out about the short breaks offer from another mum not from the website",
              true,
              WEBSITE),
          new Answer(
              "website is great when you know what you are looking for but the jargon puts people off, what is a SENCO?",
              true,
              WEBSITE),
          new Answer(
              "Please put the local offer information in easy read and in other languages",
              false,
              WEBSITE),
          new Answer(
              "CAMHS waiting list is 18 months and my son is self harming", true, MENTAL_HEALTH),
          new Answer(
              "we were rejected by camhs because he is autistic, they said it is not a mental health problem",
              true,
              MENTAL_HEALTH),
          new Answer(
              "the mental health support team in school has been really good for my daughters anxiety",
              true,
              MENTAL_HEALTH),
          new Answer(
              "my child has not been to school for a year because of anxiety and nobody helps",
              false,
              MENTAL_HEALTH),
          new Answer(
              "Counselling through the GP took 9 months, far to long for a teenager in crisis",
              true,
              MENTAL_HEALTH),
          new Answer(
              "mrs patel the senco at oakfield primary is brilliant, she always calls me back",
              true,
              SENCO),
          new Answer(
              "The SENCO at our secondary school is part time and impossible to get hold of",
              true,
              SENCO),
          new Answer(
              "senco doesnt know my son's plan and the teachers have never read it", true, SENCO),
          new Answer(
              "we have had great support from the senco and the teaching assistant this year",
              true,
              SENCO),
          new Answer(
              "The school SENCO said they cannot afford the support in his plan", false, SENCO),
          new Answer(
              "Would be good if the SENCO met parents every term to go through the support plan",
              true,
              SENCO),
          new Answer(
              "teachers need training on autism, the SENCo cant do it all on her own",
              true,
              SENCO));

  /** The two answers that come in after the officer has corrected the themes. */
  static final List<Answer> LATE =
      List.of(
          new Answer(
              "the school taxi came 40 minutes late again today and the escort was rude to him",
              true,
              TRANSPORT),
          new Answer(
              "still waiting for the EHCP after 30 weeks, nobody from the SEND team replies",
              true,
              EHCP));

  /** Answers about something none of the officer's themes covers, for a later run. */
  static final List<Answer> NEW_TOPIC =
      List.of(
          new Answer(
              "there is no changing places toilet in the town centre so we cant go out for the day",
              true,
              null),
          new Answer(
              "We need more Changing Places toilets with a hoist and bench, my son is 14 and too big for baby change",
              true,
              null),
          new Answer(
              "changing places toilet at the shopping centre is always locked or out of order",
              true,
              null),
          new Answer(
              "Accessible toilets with hoists at the library and the park please, changing my daughter on the floor is degrading",
              true,
              null),
          new Answer(
              "a map of changing places toilets near us would help us plan trips out", true, null));

  private OfficerLoopAnswers() {}
}
