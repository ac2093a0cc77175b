package org.yousaid.functions.worker.sharded;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.analysis.ThemeOptions;
import org.yousaid.analysis.ThemingEngine;
import org.yousaid.analysis.sharded.ObjectStore;
import org.yousaid.analysis.sharded.ShardLayout;
import org.yousaid.analysis.sharded.ShardWorker;
import org.yousaid.functions.common.priming.SnapStartPriming;
import org.yousaid.functions.common.telemetry.Telemetry;
import org.yousaid.functions.worker.AnalysisWorkerHandler;
import org.yousaid.functions.worker.WorkerPriming;

/**
 * One child of the state machine's Distributed Map: the per-answer work of one shard. Its event is
 * the ItemSelector's {@code {"bucket": ..., "key": ".../input/000012.jsonl"}}; the shard's work is
 * written beside it ({@code .../work/000012.jsonl}). A failure is thrown back to Step Functions,
 * whose Retry runs the shard again. Logs the shard number and counts, never an answer.
 */
public final class ShardHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOG = LoggerFactory.getLogger(ShardHandler.class);

  private final ObjectStore store;
  private final ThemingEngine engine;

  /** Used by AWS Lambda: the shards' bucket from SHARD_BUCKET. */
  public ShardHandler() {
    this(S3ObjectStore.fromEnvironment(), AnalysisWorkerHandler.sharedEngine());
    this.priming = SnapStartPriming.register("AnalysisShardFunction", WorkerPriming::prime);
  }

  /** Kept here because CRaC holds its resources weakly. */
  private SnapStartPriming priming;

  public ShardHandler(ObjectStore store, ThemingEngine engine) {
    this.store = store;
    this.engine = engine;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    return Telemetry.invocation(context, null, () -> handle(event));
  }

  Map<String, Object> handle(Map<String, Object> event) {
    Object key = event.get("key");
    if (!(key instanceof String k) || !k.contains("/input/"))
      throw new IllegalArgumentException("not a shard: the event names no .../input/NNNNNN.jsonl");
    ShardLayout layout = new ShardLayout(k.substring(0, k.lastIndexOf("/input/") + 1));
    int shard = ShardLayout.shardOf(k);
    ShardWorker.ShardStats stats =
        new ShardWorker(engine, ThemeOptions.defaults()).run(store, layout, shard);
    LOG.info("shard={} answers={} seconds={}", shard, stats.answers(), stats.seconds());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("shard", stats.shard());
    out.put("answers", stats.answers());
    out.put("seconds", Math.round(stats.seconds() * 1000) / 1000.0);
    return out;
  }
}
