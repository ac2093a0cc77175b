package org.yousaid.functions.common.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Each count is flushed at once as its own metrics document, with the dimensions [Service,
 * dimension].
 */
class EmfMetricsSinkTest {

  /** What one flushed document held: dimensions and metrics. */
  record Flushed(Map<String, String> dimensions, Map<String, Double> metrics) {}

  @Test
  void aCountIsFlushedAtOnceWithItsDimensionBesideTheDefaultOnes() {
    List<Flushed> flushed = new ArrayList<>();
    MetricsFactory.setMetricsProvider(() -> new Recording(flushed));
    Metrics metrics = MetricsFactory.getMetricsInstance();
    metrics.setDefaultDimensions(DimensionSet.of("Service", "yousaid"));

    new EmfMetricsSink().count("ResponsesSubmitted", 1, "Channel", "web");
    new EmfMetricsSink().count("AnalysisRunsCompleted", 1, null, null);

    assertEquals(
        List.of(
            new Flushed(
                Map.of("Service", "yousaid", "Channel", "web"), Map.of("ResponsesSubmitted", 1.0)),
            new Flushed(Map.of("Service", "yousaid"), Map.of("AnalysisRunsCompleted", 1.0))),
        flushed);
  }

  /** A stand-in for Powertools' EMF logger that records what each flush would write. */
  private static final class Recording implements Metrics {
    private final List<Flushed> flushed;
    private Map<String, String> dimensions = new LinkedHashMap<>();
    private final Map<String, Double> values = new LinkedHashMap<>();

    Recording(List<Flushed> flushed) {
      this.flushed = flushed;
    }

    @Override
    public void addMetric(String key, double value, MetricUnit unit, MetricResolution resolution) {
      values.put(key, value);
    }

    @Override
    public void addDimension(DimensionSet dimensionSet) {
      dimensions.putAll(dimensionSet.getDimensions());
    }

    @Override
    public void setTimestamp(Instant timestamp) {}

    @Override
    public void addMetadata(String key, Object value) {}

    @Override
    public void setDefaultDimensions(DimensionSet dimensionSet) {
      dimensions = new LinkedHashMap<>(dimensionSet.getDimensions());
    }

    @Override
    public DimensionSet getDefaultDimensions() {
      return DimensionSet.of(dimensions);
    }

    @Override
    public void setNamespace(String namespace) {}

    @Override
    public void setRaiseOnEmptyMetrics(boolean raiseOnEmptyMetrics) {}

    @Override
    public void clearDefaultDimensions() {
      dimensions.clear();
    }

    @Override
    public void flush() {
      flushed.add(new Flushed(Map.copyOf(dimensions), Map.copyOf(values)));
      values.clear();
    }

    @Override
    public void captureColdStartMetric(Context context, DimensionSet dimensions) {}

    @Override
    public void captureColdStartMetric(DimensionSet dimensions) {}

    @Override
    public void flushMetrics(Consumer<Metrics> consumer) {
      Recording single = new Recording(flushed);
      single.dimensions = new LinkedHashMap<>(dimensions);
      consumer.accept(single);
      single.flush();
    }
  }
}
