package org.yousaid.shared.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One person's answers to one consultation.
 *
 * @param receipt the code that lets the respondent view or erase this response
 * @param expiresAt epoch seconds after which DynamoDB's TTL may delete it (retention)
 * @param subject for page feedback, the Local Offer page URL or Open Referral UK service id it is
 *     about
 */
public record Response(
    String id,
    String council,
    String consultationId,
    Instant submittedAt,
    Channel channel,
    List<Answer> answers,
    RespondentProfile profile,
    boolean consentToQuote,
    String receipt,
    long expiresAt,
    String subject) {

  public Response {
    answers = answers == null ? List.of() : List.copyOf(answers);
    profile = profile == null ? RespondentProfile.EMPTY : profile;
  }

  public Optional<Answer> answer(String questionId) {
    return answers.stream().filter(a -> a.questionId().equals(questionId)).findFirst();
  }
}
