package org.yousaid.functions.officer;

import org.yousaid.functions.common.queue.JobQueue;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Analysis requests to the SQS queue that triggers the analysis worker. */
public final class SqsJobQueue implements JobQueue {

  private final SqsClient sqs;
  private final String queueUrl;

  public SqsJobQueue(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  public static SqsJobQueue fromEnvironment() {
    String url = System.getenv("ANALYSIS_QUEUE_URL");
    if (url == null || url.isBlank()) {
      throw new IllegalStateException("Set ANALYSIS_QUEUE_URL");
    }
    return new SqsJobQueue(SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build(), url);
  }

  @Override
  public void send(String body) {
    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
  }
}
