package org.yousaid.functions.worker.sharded;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.analysis.ThemingEngine;
import org.yousaid.analysis.sharded.ObjectStore;
import org.yousaid.analysis.sharded.ShardLayout;
import org.yousaid.analysis.sharded.ShardReducer;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.priming.SnapStartPriming;
import org.yousaid.functions.common.telemetry.Telemetry;
import org.yousaid.functions.worker.AnalysisWorkerHandler;
import org.yousaid.functions.worker.QuestionAnalyser;
import org.yousaid.functions.worker.WorkerPriming;
import org.yousaid.shared.json.Json;

/**
 * The state machine's last step: themes the question from its shards' work ({@link ShardReducer})
 * and writes the analysis the officer pages read, then deletes the run's shards. Its event is the
 * execution's input ({@link ShardRunRequest}). A run replaced by a newer one is skipped.
 */
public final class ReduceHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOG = LoggerFactory.getLogger(ReduceHandler.class);

  private final QuestionAnalyser analyser;
  private final ObjectStore store;
  private final ShardReducer reducer;

  /** Used by AWS Lambda. */
  public ReduceHandler() {
    this(
        Services.fromEnvironment(),
        S3ObjectStore.fromEnvironment(),
        AnalysisWorkerHandler.sharedEngine(),
        ShardingSettings.fromEnvironment());
    this.priming = SnapStartPriming.register("AnalysisReduceFunction", WorkerPriming::prime);
  }

  /** Kept here because CRaC holds its resources weakly. */
  private SnapStartPriming priming;

  public ReduceHandler(
      Services services, ObjectStore store, ThemingEngine engine, ShardingSettings settings) {
    this.analyser =
        new QuestionAnalyser(
            services.consultations(),
            services.responses(),
            services.analyses(),
            services.corrections(),
            services.answerWork(),
            engine,
            services.clock());
    this.store = store;
    this.reducer = new ShardReducer(engine, settings.sampleSize());
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    return Telemetry.invocation(context, null, () -> handle(event));
  }

  Map<String, Object> handle(Map<String, Object> event) {
    ShardRunRequest request = Json.mapper().convertValue(event, ShardRunRequest.class);
    ShardLayout layout = new ShardLayout(request.prefix());
    Map<String, Object> out = new LinkedHashMap<>();
    try {
      ShardReducer.Reduced reduced = analyser.finishSharded(request.job(), store, layout, reducer);
      out.put("status", "done");
      out.put("answers", reduced.result().answers().size());
      out.put("themes", reduced.result().chosenK());
      out.put("sampled", reduced.sampled());
      out.put("unanalysed", reduced.unanalysed());
      LOG.info(
          "reduced run={} answers={} themes={} unanalysed={}",
          request.job().runId(),
          reduced.result().answers().size(),
          reduced.result().chosenK(),
          reduced.unanalysed());
    } catch (IllegalArgumentException replaced) {
      out.put("status", "skipped");
      LOG.info("skipped run={}: {}", request.job().runId(), replaced.getMessage());
    }
    store.deleteAll(layout.prefix());
    return out;
  }
}
