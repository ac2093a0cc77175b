package org.yousaid.functions.common.telemetry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outside Lambda: a debug line per count (turn it on with the logger
 * org.yousaid.functions.common.telemetry).
 */
final class LogMetricsSink implements MetricsSink {

  private static final Logger LOG = LoggerFactory.getLogger(LogMetricsSink.class);

  @Override
  public void count(String metric, double n, String dimension, String value) {
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "metric {}{} +{}",
          metric,
          dimension == null ? "" : "{" + dimension + "=" + value + "}",
          n);
    }
  }
}
