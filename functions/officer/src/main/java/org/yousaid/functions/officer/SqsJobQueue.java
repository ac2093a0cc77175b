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

  /** The queue at this URL, through an SQS client with the function's lightweight HTTP client. */
  public static SqsJobQueue at(String queueUrl) {
    return new SqsJobQueue(
        SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build(), queueUrl);
  }

  @Override
  public void send(String body) {
    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
  }
}
