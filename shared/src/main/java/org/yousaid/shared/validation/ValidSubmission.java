package org.yousaid.shared.validation;

import java.util.List;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.RespondentProfile;

/** A submission that passed validation against its consultation's questions. */
public record ValidSubmission(
    List<Answer> answers, RespondentProfile profile, boolean consentToQuote) {

  public ValidSubmission {
    answers = List.copyOf(answers);
  }
}
