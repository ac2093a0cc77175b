package org.yousaid.local.officer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Local mode's defence against password guessing (Cognito's own does this in AWS): sign-in attempts
 * are counted per email address and per client address over a window; past the limit, that email or
 * address is locked out for a while, and sign-in is refused without the password being checked, so
 * even the right password does not get through during the lockout. An attempt counts as failed from
 * the moment it starts (a success takes it back), so guesses sent in parallel are counted before
 * their passwords are checked. Unknown emails are counted exactly like known ones, so a lockout
 * says nothing about whether an account exists.
 */
public final class SignInThrottle {

  /** Failures of one email within the window that lock it. */
  public static final int FAILURES_PER_EMAIL = 5;

  /** Failures from one client address within the window that lock it (several officers' typos). */
  public static final int FAILURES_PER_ADDRESS = 20;

  public static final Duration WINDOW = Duration.ofMinutes(15);
  public static final Duration LOCKOUT = Duration.ofMinutes(15);

  /** Beyond this many tracked keys, stale ones are dropped, so guessing cannot fill memory. */
  private static final int MAX_TRACKED = 10_000;

  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new HashMap<>();

  public SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  /**
   * Starts an attempt: how long this email or address must still wait if it is locked out (the
   * attempt is then not counted), or empty once the attempt has been counted as a failure.
   */
  public synchronized Optional<Duration> begin(String email, String address) {
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    Map<String, Integer> keys = keys(email, address);
    for (Map.Entry<String, Integer> key : keys.entrySet()) {
      Deque<Instant> recent = failures.get(key.getKey());
      if (recent != null) {
        prune(recent, now);
        if (recent.size() >= key.getValue()) {
          Duration left = Duration.between(now, recent.peekLast().plus(LOCKOUT));
          wait = left.compareTo(wait) > 0 ? left : wait;
        }
      }
    }
    if (wait.compareTo(Duration.ZERO) > 0) {
      return Optional.of(wait);
    }
    if (failures.size() > MAX_TRACKED) {
      failures.values().removeIf(recent -> isStale(recent, now));
    }
    for (String key : keys.keySet()) {
      failures.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
    }
    return Optional.empty();
  }

  /**
   * The attempt's password was right: the email's count starts again, and the address gets this
   * attempt back (not the others: other emails may be being guessed from it).
   */
  public synchronized void succeeded(String email, String address) {
    failures.remove(emailKey(email));
    Deque<Instant> recent = failures.get(addressKey(address));
    if (recent != null && !recent.isEmpty()) {
      recent.removeLast();
    }
  }

  private static Map<String, Integer> keys(String email, String address) {
    return Map.of(emailKey(email), FAILURES_PER_EMAIL, addressKey(address), FAILURES_PER_ADDRESS);
  }

  private static String emailKey(String email) {
    return "email:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "address:" + (address == null ? "" : address);
  }

  private static void prune(Deque<Instant> recent, Instant now) {
    while (!recent.isEmpty() && !recent.peekFirst().plus(WINDOW).isAfter(now)) {
      recent.removeFirst();
    }
  }

  private static boolean isStale(Deque<Instant> recent, Instant now) {
    return recent.isEmpty() || recent.peekLast().plus(WINDOW.plus(LOCKOUT)).isBefore(now);
  }
}
