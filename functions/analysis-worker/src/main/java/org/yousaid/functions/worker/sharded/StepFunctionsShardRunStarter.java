package org.yousaid.functions.worker.sharded;

import org.yousaid.shared.json.Json;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/**
 * Starts template.yaml's ShardedAnalysisStateMachine. The execution is named after the run, so a
 * redelivered queue message finds the run already started (Step Functions refuses a second
 * execution of the same name) instead of theming the question twice. Not tested here: no Step
 * Functions runs on this machine; the state machine's structure is checked by TemplateTest and its
 * steps' code by the handler tests.
 */
public final class StepFunctionsShardRunStarter implements ShardRunStarter {
  private final SfnClient sfn;
  private final String stateMachineArn;

  public StepFunctionsShardRunStarter(SfnClient sfn, String stateMachineArn) {
    this.sfn = sfn;
    this.stateMachineArn = stateMachineArn;
  }

  public static StepFunctionsShardRunStarter fromEnvironment() {
    return new StepFunctionsShardRunStarter(
        SfnClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build(),
        ShardingSettings.required("SHARD_STATE_MACHINE_ARN"));
  }

  @Override
  public void start(ShardRunRequest request) {
    try {
      sfn.startExecution(
          b ->
              b.stateMachineArn(stateMachineArn)
                  .name(executionName(request))
                  .input(Json.write(request)));
    } catch (ExecutionAlreadyExistsException e) {
      // the same run, started by an earlier delivery of the same message
    }
  }

  /** At most 80 characters of letters, digits, '-' and '_': the run id is a ULID-like token. */
  static String executionName(ShardRunRequest request) {
    String name = ("run-" + request.job().runId()).replaceAll("[^A-Za-z0-9_-]", "-");
    return name.length() > 80 ? name.substring(0, 80) : name;
  }
}
