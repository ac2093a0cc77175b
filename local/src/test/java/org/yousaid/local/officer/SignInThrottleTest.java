package org.yousaid.local.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The lockout rules, on a clock the test moves. */
class SignInThrottleTest {

  /** A clock that stands still until the test moves it. */
  private static final class TestClock extends Clock {
    private Instant now = Instant.parse("2026-12-01T09:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private final TestClock clock = new TestClock();
  private final SignInThrottle throttle = new SignInThrottle(clock);

  private void fail(String email, String address, int times) {
    for (int i = 0; i < times; i++) {
      assertEquals(Optional.empty(), throttle.begin(email, address), email + " attempt " + i);
    }
  }

  @Test
  void fiveFailuresLockTheEmailForFifteenMinutesThenItMayTryAgain() {
    fail("a@x.example", "10.0.0.1", SignInThrottle.FAILURES_PER_EMAIL);
    assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.begin("A@X.example", "10.0.0.2"));
    clock.advance(Duration.ofMinutes(14));
    assertEquals(Optional.of(Duration.ofMinutes(1)), throttle.begin("a@x.example", "10.0.0.3"));
    clock.advance(Duration.ofMinutes(1));
    assertEquals(Optional.empty(), throttle.begin("a@x.example", "10.0.0.1"));
  }

  @Test
  void aRightPasswordStartsTheCountAgain() {
    fail("a@x.example", "10.0.0.1", SignInThrottle.FAILURES_PER_EMAIL - 1);
    throttle.begin("a@x.example", "10.0.0.1");
    throttle.succeeded("a@x.example", "10.0.0.1");
    fail("a@x.example", "10.0.0.1", SignInThrottle.FAILURES_PER_EMAIL);
    assertTrue(throttle.begin("a@x.example", "10.0.0.1").isPresent());
  }

  @Test
  void failuresOlderThanTheWindowNoLongerCount() {
    fail("a@x.example", "10.0.0.1", SignInThrottle.FAILURES_PER_EMAIL - 1);
    clock.advance(SignInThrottle.WINDOW);
    fail("a@x.example", "10.0.0.1", SignInThrottle.FAILURES_PER_EMAIL - 1);
    assertEquals(Optional.empty(), throttle.begin("a@x.example", "10.0.0.1"));
  }

  @Test
  void oneAddressTryingManyEmailsIsLockedButOtherAddressesAreNot() {
    for (int i = 0; i < SignInThrottle.FAILURES_PER_ADDRESS; i++) {
      fail("person" + i + "@x.example", "10.0.0.9", 1);
    }
    assertTrue(throttle.begin("fresh@x.example", "10.0.0.9").isPresent());
    assertEquals(Optional.empty(), throttle.begin("fresh@x.example", "10.0.0.10"));
  }

  @Test
  void guessesSentAllAtOnceAreCountedBeforeTheirPasswordsAreChecked() throws Exception {
    int parallel = 40;
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Optional<Duration>>> attempts = new ArrayList<>();
    for (int i = 0; i < parallel; i++) {
      Callable<Optional<Duration>> attempt =
          () -> {
            start.await();
            return throttle.begin("a@x.example", "10.0.0." + (attempts.size() % 7));
          };
      attempts.add(pool.submit(attempt));
    }
    start.countDown();
    int through = 0;
    for (Future<Optional<Duration>> a : attempts) {
      through += a.get().isEmpty() ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(SignInThrottle.FAILURES_PER_EMAIL, through);
  }
}
