package org.yousaid.functions.common.http;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A token bucket per client, keyed by the source IP API Gateway saw (requestContext.http.sourceIp,
 * which the client cannot forge with a header). Kept in memory, so it limits per Lambda container
 * and per local-mode process; API Gateway's own route throttling (template.yaml) caps the total.
 *
 * <p>Configured by {@code PUBLIC_RATE_LIMIT} (environment) or {@code yousaid.publicRateLimit}
 * (system property): {@code "<burst>/<seconds>"} lets a client send {@code burst} requests at once
 * and then one every {@code seconds / burst} seconds; {@code "off"} turns it off. The default is
 * {@value #DEFAULT}: generous for a family or a school office behind one address, tight for a
 * script.
 */
public final class RateLimiter {

  public static final String VARIABLE = "PUBLIC_RATE_LIMIT";
  public static final String PROPERTY = "yousaid.publicRateLimit";
  public static final String DEFAULT = "60/60";

  /**
   * Memory bound: at most this many clients are tracked; the least recently seen are forgotten
   * first.
   */
  static final int MAX_CLIENTS = 20_000;

  private static final RateLimiter OFF = new RateLimiter(0, 0, Clock.systemUTC());

  private final double capacity;
  private final double tokensPerMilli;
  private final Clock clock;
  private final Map<String, double[]> buckets =
      new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
          return size() > MAX_CLIENTS;
        }
      };

  /** {@code burst} requests at once, refilled evenly over {@code perSeconds}. */
  public RateLimiter(int burst, int perSeconds, Clock clock) {
    this.capacity = burst;
    this.tokensPerMilli = burst <= 0 || perSeconds <= 0 ? 0 : burst / (perSeconds * 1000.0);
    this.clock = clock;
  }

  public static RateLimiter off() {
    return OFF;
  }

  public static RateLimiter fromEnvironment() {
    String configured = System.getProperty(PROPERTY);
    if (configured == null || configured.isBlank()) {
      configured = System.getenv(VARIABLE);
    }
    return parse(
        configured == null || configured.isBlank() ? DEFAULT : configured, Clock.systemUTC());
  }

  /** Parses {@code "burst/seconds"} or {@code "off"}. */
  public static RateLimiter parse(String spec, Clock clock) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    if (s.equals("off")) {
      return OFF;
    }
    String[] parts = s.split("/", 2);
    try {
      int burst = Integer.parseInt(parts[0].trim());
      int seconds = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 60;
      if (burst < 1 || seconds < 1) {
        throw new NumberFormatException();
      }
      return new RateLimiter(burst, seconds, clock);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          VARIABLE + " must be like 60/60 (requests per seconds) or off");
    }
  }

  public boolean enabled() {
    return capacity > 0;
  }

  /**
   * Takes one token for this client. Empty if allowed; otherwise the whole seconds to wait until a
   * token is back (for Retry-After).
   */
  public OptionalLong acquire(String client) {
    if (!enabled()) {
      return OptionalLong.empty();
    }
    String key = client == null || client.isBlank() ? "unknown" : client;
    long now = clock.millis();
    synchronized (buckets) {
      // bucket[0] = tokens, bucket[1] = when they were counted
      double[] bucket = buckets.computeIfAbsent(key, k -> new double[] {capacity, now});
      double tokens = Math.min(capacity, bucket[0] + (now - bucket[1]) * tokensPerMilli);
      bucket[1] = now;
      if (tokens >= 1) {
        bucket[0] = tokens - 1;
        return OptionalLong.empty();
      }
      bucket[0] = tokens;
      long waitMillis = (long) Math.ceil((1 - tokens) / tokensPerMilli);
      return OptionalLong.of(Math.max(1, (waitMillis + 999) / 1000));
    }
  }

  int trackedClients() {
    synchronized (buckets) {
      return buckets.size();
    }
  }
}
