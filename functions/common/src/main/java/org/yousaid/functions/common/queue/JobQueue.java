package org.yousaid.functions.common.queue;

/** Where officers' analysis requests go: SQS in AWS, an in-process queue in local mode. */
public interface JobQueue {

  /** Queues one message (JSON, ids only: never answer text). */
  void send(String body);
}
