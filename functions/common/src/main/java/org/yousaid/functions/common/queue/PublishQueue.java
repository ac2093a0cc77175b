package org.yousaid.functions.common.queue;

/**
 * Where officers' publish requests go: the SQS queue that triggers the publisher in AWS, an
 * in-process queue in local mode. A type of its own so a handler can be given both queues without
 * mixing them up.
 */
@FunctionalInterface
public interface PublishQueue extends JobQueue {}
