package org.yousaid.functions.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.analysis.ThemingEngine;
import org.yousaid.analysis.sharded.DirectoryObjectStore;
import org.yousaid.analysis.sharded.ShardExecutor;
import org.yousaid.analysis.sharded.ShardReducer;
import org.yousaid.analysis.sharded.ShardedTheming;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.queue.QueueBatch;
import org.yousaid.functions.common.telemetry.Telemetry;
import org.yousaid.functions.worker.sharded.S3ObjectStore;
import org.yousaid.functions.worker.sharded.ShardedAnalysis;
import org.yousaid.functions.worker.sharded.ShardingSettings;
import org.yousaid.functions.worker.sharded.StepFunctionsShardRunStarter;
import org.yousaid.shared.json.Json;

/**
 * The SQS-triggered analysis worker. A message that fails is reported back (partial batch
 * response), so SQS retries it and, after the queue's maxReceiveCount, moves it to the dead-letter
 * queue, from where it can be re-driven. Collection never depends on this function.
 */
public final class AnalysisWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  private static final Logger LOG = LoggerFactory.getLogger(AnalysisWorkerHandler.class);

  /**
   * Loaded once per execution environment (and captured by SnapStart): models are the slow part.
   */
  private static ThemingEngine sharedEngine;

  private final QuestionAnalyser analyser;

  /** Kept here because CRaC holds its resources weakly. */
  private org.yousaid.functions.common.priming.SnapStartPriming priming;

  /**
   * Used by AWS Lambda; SnapStart primes the function (models loaded, sample answers themed) before
   * its snapshot.
   */
  public AnalysisWorkerHandler() {
    this(Services.fromEnvironment());
    this.priming =
        org.yousaid.functions.common.priming.SnapStartPriming.register(
            "AnalysisWorkerFunction", WorkerPriming::prime);
  }

  public AnalysisWorkerHandler(Services services) {
    this(services, sharded(engine()));
  }

  /** With large questions themed through {@code sharded}. */
  public AnalysisWorkerHandler(Services services, ShardedAnalysis sharded) {
    this.analyser =
        new QuestionAnalyser(
            services.consultations(),
            services.responses(),
            services.analyses(),
            services.corrections(),
            services.answerWork(),
            engine(),
            services.clock(),
            sharded);
  }

  /**
   * In AWS (SHARD_STATE_MACHINE_ARN set) large questions go to the state machine; elsewhere they
   * are themed in shards in this process, through a folder below the temporary directory.
   */
  private static ShardedAnalysis sharded(ThemingEngine engine) {
    ShardingSettings settings = ShardingSettings.fromEnvironment();
    String machine = System.getenv("SHARD_STATE_MACHINE_ARN");
    if (machine != null && !machine.isBlank()) {
      S3ObjectStore s3 = S3ObjectStore.fromEnvironment();
      return ShardedAnalysis.stepFunctions(
          settings, s3, s3.bucket(), StepFunctionsShardRunStarter.fromEnvironment());
    }
    return ShardedAnalysis.inProcess(
        settings,
        new ShardedTheming(
            engine,
            new DirectoryObjectStore(
                java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "yousaid-shards")),
            settings.shardSize(),
            new ShardReducer(engine, settings.sampleSize()),
            new ShardExecutor(ShardExecutor.RetryPolicy.defaults(), 0, 1)));
  }

  /**
   * The engine of this execution environment, shared with the sharded analysis steps (which run in
   * their own functions from the same jar, so SnapStart priming loads it for them too).
   */
  public static ThemingEngine sharedEngine() {
    return engine();
  }

  private static synchronized ThemingEngine engine() {
    if (sharedEngine == null) {
      sharedEngine = new ThemingEngine();
    }
    return sharedEngine;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return Telemetry.invocation(context, null, () -> handle(event));
  }

  private SQSBatchResponse handle(SQSEvent event) {
    // A run that was replaced, or a question that is gone, is not worth retrying: acknowledged as
    // skipped.
    return QueueBatch.process(
        event,
        "AnalysisRuns",
        e -> e instanceof IllegalArgumentException,
        body -> {
          AnalysisJob job = Json.read(body, AnalysisJob.class);
          analyser.run(job);
          LOG.info(
              "analysed council={} consultation={} question={} run={}",
              job.council(),
              job.consultationId(),
              job.questionId(),
              job.runId());
        });
  }
}
