package org.yousaid.functions.common.queue;

/**
 * Where large imports' jobs go (one message per chunk of rows, or an undo): the SQS queue that
 * triggers the import worker in AWS, an in-process queue in local mode.
 */
@FunctionalInterface
public interface ImportQueue extends JobQueue {}
