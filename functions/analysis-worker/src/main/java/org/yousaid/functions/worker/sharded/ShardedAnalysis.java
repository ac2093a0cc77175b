package org.yousaid.functions.worker.sharded;

import java.util.List;
import java.util.Optional;
import org.yousaid.analysis.Answer;
import org.yousaid.analysis.ThemeOptions;
import org.yousaid.analysis.ThemeResult;
import org.yousaid.analysis.sharded.ObjectStore;
import org.yousaid.analysis.sharded.ShardLayout;
import org.yousaid.analysis.sharded.ShardWriter;
import org.yousaid.analysis.sharded.ShardedTheming;
import org.yousaid.functions.worker.AnalysisJob;

/**
 * Themes a large question in shards: in this process ({@link #inProcess}, local mode and tests) or
 * by handing the shards to the state machine ({@link #stepFunctions}, AWS), whose reduce step then
 * writes the result ({@code ReduceHandler}).
 */
public interface ShardedAnalysis {
  ShardingSettings settings();

  /** The themes, or empty when the run was handed over and its reduce step writes the result. */
  Optional<ThemeResult> theme(AnalysisJob job, List<Answer> answers, ThemeOptions options);

  static ShardLayout layout(AnalysisJob job) {
    return ShardLayout.forRun(job.council(), job.consultationId(), job.questionId(), job.runId());
  }

  /** Map and reduce here, through the same classes the state machine's functions run. */
  static ShardedAnalysis inProcess(ShardingSettings settings, ShardedTheming theming) {
    return new ShardedAnalysis() {
      @Override
      public ShardingSettings settings() {
        return settings;
      }

      @Override
      public Optional<ThemeResult> theme(
          AnalysisJob job, List<Answer> answers, ThemeOptions options) {
        return Optional.of(theming.theme(layout(job), answers, options).reduced().result());
      }
    };
  }

  /** Writes the shards to S3 and starts the state machine. */
  static ShardedAnalysis stepFunctions(
      ShardingSettings settings, ObjectStore store, String bucket, ShardRunStarter starter) {
    return new ShardedAnalysis() {
      @Override
      public ShardingSettings settings() {
        return settings;
      }

      @Override
      public Optional<ThemeResult> theme(
          AnalysisJob job, List<Answer> answers, ThemeOptions options) {
        ShardLayout layout = layout(job);
        new ShardWriter(store, layout, settings.shardSize()).write(answers);
        starter.start(new ShardRunRequest(job, bucket, layout.prefix(), layout.inputPrefix()));
        return Optional.empty();
      }
    };
  }
}
