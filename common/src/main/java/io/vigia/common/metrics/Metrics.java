package io.vigia.common.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The process's meter registry, scraped at {@code GET /metrics} in Prometheus format. */
public final class Metrics {
  private static final PrometheusMeterRegistry REGISTRY = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private Metrics() {}

  public static PrometheusMeterRegistry registry() {
    return REGISTRY;
  }
}
