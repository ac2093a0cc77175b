package org.yousaid.functions.common.telemetry;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * Where {@link Telemetry}'s counts go: EMF in Lambda, a debug log line elsewhere, a list in tests.
 */
public interface MetricsSink {

  /** {@code dimension} is null for a count under the Service dimension only. */
  void count(String metric, double n, String dimension, String value);

  /** Records a ColdStart metric on an on-demand cold start; nothing by default. */
  default void coldStart(Context context) {}
}
