package org.yousaid.functions.common.telemetry;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Powertools metrics: each count is flushed at once as its own EMF line, with the dimensions
 * [Service, dimension], so a handler never needs a flush at the end and a failed invocation still
 * reports what it counted. (One or two counts per invocation: one line each is cheap.)
 *
 * <p>MetricsFactory is first touched by a real invocation, never by SnapStart priming (metrics are
 * muted then), so its own CRaC hook is not registered before the snapshot; its class-preload list
 * is also left out of the artefacts because it names AspectJ aspects this project does not ship.
 */
final class EmfMetricsSink implements MetricsSink {

  @Override
  public void count(String metric, double n, String dimension, String value) {
    Metrics metrics = MetricsFactory.getMetricsInstance();
    metrics.flushMetrics(
        m -> {
          if (dimension != null) {
            Map<String, String> dimensions =
                new LinkedHashMap<>(m.getDefaultDimensions().getDimensions());
            dimensions.put(dimension, value);
            m.setDefaultDimensions(DimensionSet.of(dimensions));
          }
          m.addMetric(metric, n, MetricUnit.COUNT);
        });
  }

  @Override
  public void coldStart(Context context) {
    // Only on an on-demand cold start (AWS_LAMBDA_INITIALIZATION_TYPE); a SnapStart restore is not
    // one.
    MetricsFactory.getMetricsInstance().captureColdStartMetric(context);
  }
}
