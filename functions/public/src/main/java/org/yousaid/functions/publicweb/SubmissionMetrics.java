package org.yousaid.functions.publicweb;

import org.yousaid.functions.common.telemetry.Telemetry;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.submission.SubmissionService;

/**
 * The public functions' metrics: answers stored (a replayed retry is not a new one) and refusals by
 * status.
 */
final class SubmissionMetrics {

  private SubmissionMetrics() {}

  static void submitted(SubmissionService.Receipt receipt, Channel channel) {
    if (!receipt.replayed()) {
      Telemetry.count("ResponsesSubmitted", "Channel", channel.code());
    }
  }

  static void rejected(ProblemException problem) {
    Telemetry.count("SubmissionRejected", "Status", Integer.toString(problem.status()));
  }
}
