package org.yousaid.functions.officer;

import org.yousaid.functions.common.queue.JobQueue;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Jobs (analysis or publish requests, ids only) to the SQS queue that triggers a worker function.
 */
public final class SqsJobQueue implements JobQueue {

  private final SqsClient sqs;
  private final String queueUrl;

  public SqsJobQueue(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  /**
   * The queue whose URL is in this environment variable (ANALYSIS_QUEUE_URL, PUBLISH_QUEUE_URL).
   */
  public static SqsJobQueue fromEnvironment(String variable) {
    String url = System.getenv(variable);
    if (url == null || url.isBlank()) {
      throw new IllegalStateException("Set " + variable);
    }
    return new SqsJobQueue(
        SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build(), url);
  }

  @Override
  public void send(String body) {
    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
  }
}
