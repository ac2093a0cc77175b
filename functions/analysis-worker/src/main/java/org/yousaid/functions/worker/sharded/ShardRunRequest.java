package org.yousaid.functions.worker.sharded;

import org.yousaid.functions.worker.AnalysisJob;

/**
 * The state machine's input: the job (ids only, never answer text), the bucket, and the run's
 * prefix; the Distributed Map's ItemReader lists {@code inputPrefix}, one item per shard.
 */
public record ShardRunRequest(AnalysisJob job, String bucket, String prefix, String inputPrefix) {}
