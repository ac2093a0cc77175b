package org.yousaid.functions.common.priming;

import java.util.function.Supplier;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.functions.common.telemetry.Telemetry;

/**
 * A CRaC runtime hook that primes a function before SnapStart takes its snapshot: it runs the
 * function's real code on in-memory sample data (never the network, DynamoDB or an AWS credential),
 * and the AWS SDK's DynamoDB request path against an HTTP client that answers from memory ({@link
 * SdkPriming}), so the snapshot holds loaded classes, rendered templates and JIT-compiled code
 * instead of a JVM that has done nothing.
 *
 * <p>Lambda calls {@code beforeCheckpoint} once, when it publishes a version. Outside SnapStart
 * nothing calls it; tests call the priming work directly. A failed priming is logged, not thrown:
 * the function works without it, only its first request is slower.
 */
public final class SnapStartPriming implements Resource {

  private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

  /** DynamoDB calls through the SDK (× 3 operations), for C1 to compile its request path. */
  static final int SDK_ROUNDS = 100;

  private final String function;
  private final Supplier<?> work;

  private SnapStartPriming(String function, Supplier<?> work) {
    this.function = function;
    this.work = work;
  }

  /**
   * Registers {@code work} to run before the snapshot. CRaC holds resources weakly: keep the
   * returned object in a field of the handler, or it may be collected before the checkpoint.
   */
  public static SnapStartPriming register(String function, Supplier<?> work) {
    SnapStartPriming priming = new SnapStartPriming(function, work);
    Core.getGlobalContext().register(priming);
    return priming;
  }

  @Override
  public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
    try {
      run();
    } catch (RuntimeException e) {
      LOG.warn(
          "priming {} failed, the snapshot is taken anyway: {}",
          function,
          org.yousaid.functions.common.logging.SafeErrors.describe(e));
    }
  }

  /**
   * Runs the priming (metrics muted, logs at WARN meanwhile) and returns what it did; tests call
   * this.
   */
  public String run() {
    long start = System.nanoTime();
    // The sample requests would log a few hundred route/status lines: only warnings and errors
    // meanwhile.
    org.apache.logging.log4j.Level level =
        org.apache.logging.log4j.LogManager.getRootLogger().getLevel();
    org.apache.logging.log4j.core.config.Configurator.setRootLevel(
        org.apache.logging.log4j.Level.WARN);
    String[] result = new String[1];
    try {
      Telemetry.muted(
          () -> {
            int sdkCalls = SdkPriming.dynamoDb(SDK_ROUNDS);
            result[0] = work.get() + "; SDK calls answered in memory: " + sdkCalls;
          });
    } finally {
      org.apache.logging.log4j.core.config.Configurator.setRootLevel(level);
    }
    LOG.info(
        "primed {} in {} ms: {}", function, (System.nanoTime() - start) / 1_000_000, result[0]);
    return result[0];
  }

  @Override
  public void afterRestore(org.crac.Context<? extends Resource> context) {
    // Nothing to refresh: clients hold no connections yet (priming never opened one) and clocks are
    // read per request.
  }
}
