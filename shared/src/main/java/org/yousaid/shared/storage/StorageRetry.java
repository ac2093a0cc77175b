package org.yousaid.shared.storage;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Our own bounded retry around DynamoDB calls, on top of the SDK's: throttling, timeouts and
 * connection failures are retried a few times with exponential backoff and full jitter, then
 * reported as {@link StorageUnavailable} so the caller can tell the person that nothing was saved.
 * Bounded: three attempts, under half a second of waiting in all, on top of the SDK's own retries.
 * Every repository's calls go through one policy ({@link Table}, and the submission transaction in
 * {@link ResponseRepository#insert}).
 */
public final class StorageRetry {

  /** Waits between attempts; tests pass one that does not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /**
   * DynamoDB could not be reached or kept refusing (throttling) after every attempt. Nothing was
   * written by this call.
   */
  public static final class StorageUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageUnavailable(Throwable cause) {
      // No message: an SDK message can carry request details; SafeErrors logs the class names only.
      super("storage unavailable", cause, false, false);
    }
  }

  public static final StorageRetry DEFAULT =
      new StorageRetry(
          3, Duration.ofMillis(50), Duration.ofMillis(400), d -> Thread.sleep(d.toMillis()));

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Sleeper sleeper;

  public StorageRetry(int maxAttempts, Duration baseDelay, Duration maxDelay, Sleeper sleeper) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    this.maxAttempts = maxAttempts;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.sleeper = sleeper;
  }

  /** A policy that retries {@code maxAttempts} times without waiting (for tests). */
  public static StorageRetry immediate(int maxAttempts) {
    return new StorageRetry(maxAttempts, Duration.ZERO, Duration.ZERO, d -> {});
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /** Runs a read (or any call that is safe to repeat), retrying transient failures. */
  public <T> T call(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (RuntimeException e) {
        if (!isTransient(e)) {
          throw e;
        }
        if (attempt >= maxAttempts) {
          throw new StorageUnavailable(e);
        }
        pause(attempt);
      }
    }
  }

  /**
   * Runs a write that may happen only once, such as a conditional create: transient failures are
   * retried, and a failure that may hide a write that landed (a lost answer) is remembered. When a
   * later attempt is then refused by the write's own condition, or every attempt fails, {@code
   * landed} is asked whether the item in the way is this write's own: if so, the write is done.
   *
   * @param refusal whether a failure is the condition refusing the write; it is rethrown when the
   *     item in the way is someone else's
   * @throws StorageUnavailable when every attempt failed and the write did not land
   */
  public void writeOnce(
      Runnable write, Predicate<RuntimeException> refusal, BooleanSupplier landed) {
    boolean mayHaveLanded = false;
    RuntimeException last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) {
        pause(attempt - 1);
      }
      try {
        write.run();
        return;
      } catch (RuntimeException e) {
        if (refusal.test(e)) {
          if (mayHaveLanded && landed.getAsBoolean()) {
            return;
          }
          throw e;
        }
        if (!isTransient(e)) {
          throw e;
        }
        mayHaveLanded |= mayHaveLanded(e);
        last = e;
      }
    }
    if (mayHaveLanded) {
      try {
        if (landed.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException stillUnreachable) {
        // Report the write's own failure below.
      }
    }
    throw new StorageUnavailable(last);
  }

  /** Waits before attempt {@code attempt + 1}: full jitter over min(max, base * 2^(attempt-1)). */
  public void pause(int attempt) {
    long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
    if (cap <= 0) {
      return;
    }
    try {
      sleeper.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageUnavailable(e);
    }
  }

  /** Throttling, timeouts, connection failures and DynamoDB's own 5xx: worth another try. */
  public static boolean isTransient(Throwable e) {
    if (e instanceof ProvisionedThroughputExceededException
        || e instanceof RequestLimitExceededException) {
      return true;
    }
    if (e instanceof TransactionCanceledException cancelled) {
      return isThrottled(cancelled.cancellationReasons());
    }
    if (e instanceof SdkServiceException service) {
      return service.isThrottlingException() || service.statusCode() >= 500;
    }
    // Not a service answer at all: a timeout, a refused or reset connection. The call may or may
    // not have landed.
    return e instanceof SdkClientException;
  }

  /**
   * Whether a failed write may still have been carried out: a timeout or a broken connection (the
   * request may have reached DynamoDB) or DynamoDB's own 5xx. Throttling and refusals never write.
   */
  public static boolean mayHaveLanded(Throwable e) {
    return e instanceof SdkClientException
        || (e instanceof SdkServiceException service && service.statusCode() >= 500);
  }

  /**
   * True when a transaction was cancelled because DynamoDB throttled one of its items, not because
   * of a condition.
   */
  public static boolean isThrottled(List<CancellationReason> reasons) {
    boolean throttled = false;
    for (CancellationReason r : reasons) {
      String code = r.code();
      if ("ConditionalCheckFailed".equals(code)) {
        return false;
      }
      if ("ThrottlingError".equals(code)
          || "ProvisionedThroughputExceeded".equals(code)
          || "RequestLimitExceeded".equals(code)) {
        throttled = true;
      }
    }
    return throttled;
  }
}
