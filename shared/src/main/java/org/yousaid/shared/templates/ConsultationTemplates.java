package org.yousaid.shared.templates;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.yousaid.shared.model.ChoiceOption;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ConsultationKind;
import org.yousaid.shared.model.ConsultationStatus;
import org.yousaid.shared.model.ProfileField;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.QuestionType;

/**
 * Ready-made consultations drawn from real council SEND reports: Westminster's 2014 Local Offer
 * survey (what parents want from a Local Offer), Leicestershire's EHC plan survey ("48% clear / 24%
 * neither / 28% not clear") and Local Offer "was this page useful?" feedback.
 */
public final class ConsultationTemplates {

  private ConsultationTemplates() {}

  public static Consultation localOffer(
      String council,
      String councilName,
      String id,
      List<String> districts,
      Instant opensAt,
      Instant closesAt) {
    return new Consultation(
        council,
        id,
        councilName,
        "Tell us what would help you use our Local Offer",
        ConsultationKind.CONSULTATION,
        ConsultationStatus.OPEN,
        opensAt,
        closesAt,
        "The Local Offer is where we publish information about services for children and young people aged 0 to 25 "
            + "with special educational needs and disabilities (SEND). We want to make it easier to find and understand. "
            + "It should take about 10 minutes. You can skip any question you do not want to answer.",
        List.of(
            Question.freeText(
                "find-information",
                "What would help you find information about services for your child or young person?",
                "For example, how you search, where you look, or who you ask.",
                true,
                2000),
            Question.choice(
                "search-by",
                "Would it help to search the Local Offer by disability or by age?",
                "Select all that would help.",
                QuestionType.MULTI_CHOICE,
                List.of(
                    new ChoiceOption("disability", "Search by disability or need"),
                    new ChoiceOption("age", "Search by age"),
                    new ChoiceOption("area", "Search by where I live"),
                    new ChoiceOption("none", "None of these")),
                false),
            Question.choice(
                "plain-english",
                "Information about services is written in plain English that is easy to understand.",
                "Think about the information you have read about SEND services.",
                QuestionType.LIKERT_5,
                List.of(),
                false),
            Question.choice(
                "format",
                "How would you like to get information about the Local Offer?",
                null,
                QuestionType.SINGLE_CHOICE,
                List.of(
                    new ChoiceOption("website", "A website I can search"),
                    new ChoiceOption("printed", "A printed directory or leaflet"),
                    new ChoiceOption("keyworker", "A named person I can talk to"),
                    new ChoiceOption("other", "Another way")),
                false),
            Question.freeText(
                "confidence",
                "What would help you feel confident in the services in our Local Offer?",
                "For example, explanations of who does what, how to appeal, or who pays for services.",
                false,
                2000),
            Question.freeText(
                "anything-else",
                "Is there anything else you would like to tell us?",
                null,
                false,
                3000)),
        EnumSet.of(
            ProfileField.ROLE,
            ProfileField.AGE_BAND,
            ProfileField.AREA_OF_NEED,
            ProfileField.DISTRICT),
        districts,
        0);
  }

  public static Consultation ehcStageSurvey(
      String council, String councilName, String id, List<String> districts) {
    return new Consultation(
        council,
        id,
        councilName,
        "How did we do? Your education, health and care plan",
        ConsultationKind.STAGE_SURVEY,
        ConsultationStatus.OPEN,
        null,
        null,
        "Tell us about your experience of the stage of the education, health and care (EHC) process you have just finished. "
            + "It takes about 3 minutes.",
        List.of(
            Question.choice(
                "outcomes-clear",
                "How clear are the outcomes in your child's or young person's EHC plan?",
                "Outcomes say what your child or young person should be able to do by the end of a stage of their education.",
                QuestionType.SINGLE_CHOICE,
                List.of(
                    new ChoiceOption("clear", "Clear"),
                    new ChoiceOption("neither", "Neither clear nor not clear"),
                    new ChoiceOption("not-clear", "Not clear")),
                true),
            Question.choice(
                "satisfaction",
                "Overall, how would you rate this stage?",
                null,
                QuestionType.RATING_1_5,
                List.of(),
                false),
            Question.choice(
                "listened",
                "Did you feel listened to?",
                null,
                QuestionType.YES_NO,
                List.of(),
                false),
            Question.freeText(
                "do-better",
                "What could we do better?",
                "Please do not include names or contact details.",
                false,
                2000)),
        EnumSet.of(
            ProfileField.EHC_STAGE,
            ProfileField.ROLE,
            ProfileField.AGE_BAND,
            ProfileField.AREA_OF_NEED,
            ProfileField.DISTRICT),
        districts,
        0);
  }

  public static Consultation pageFeedback(String council, String councilName, String id) {
    return new Consultation(
        council,
        id,
        councilName,
        "Was this page useful?",
        ConsultationKind.PAGE_FEEDBACK,
        ConsultationStatus.OPEN,
        null,
        null,
        "",
        List.of(
            Question.choice(
                "useful", "Was this page useful?", null, QuestionType.YES_NO, List.of(), true),
            Question.freeText(
                "comment",
                "How could we improve this page?",
                "Please do not include personal information, such as your name or your child's name.",
                false,
                1200)),
        EnumSet.noneOf(ProfileField.class),
        List.of(),
        0);
  }
}
