package org.yousaid.functions.officer;

import java.time.Instant;
import java.util.List;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Response;

/**
 * A response as the officer API returns it: everything but the receipt code, which is the
 * respondent's own key to see or erase their answers and must not pass through anyone else's hands.
 */
record OfficerResponseView(
    String id,
    String council,
    String consultationId,
    Instant submittedAt,
    Channel channel,
    List<Answer> answers,
    RespondentProfile profile,
    boolean consentToQuote,
    long expiresAt,
    String subject) {

  static OfficerResponseView of(Response r) {
    return new OfficerResponseView(
        r.id(),
        r.council(),
        r.consultationId(),
        r.submittedAt(),
        r.channel(),
        r.answers(),
        r.profile(),
        r.consentToQuote(),
        r.expiresAt(),
        r.subject());
  }
}
