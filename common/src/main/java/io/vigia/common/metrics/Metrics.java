package io.vigia.common.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The process's meter registry, scraped at {@code GET /metrics} in Prometheus format: Vigía's own
 * meters ({@code vigia_*}, see docs/metrics.md), the Kafka clients' (with {@link KafkaMeterFilter}
 * keeping their series unambiguous), and the JVM's and the process's ({@code jvm_*}, {@code
 * process_*}, {@code system_*}).
 */
public final class Metrics {
  private static final PrometheusMeterRegistry REGISTRY = newRegistry();

  private Metrics() {}

  public static PrometheusMeterRegistry registry() {
    return REGISTRY;
  }

  /**
   * A registry configured as the process's (tests use fresh ones): the Kafka filter first (it must
   * see every meter), a count of meters the registry refused, then the JVM and process binders.
   */
  public static PrometheusMeterRegistry newRegistry() {
    PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    r.config().meterFilter(new KafkaMeterFilter());
    // A refused meter is a family missing from /metrics; the registry only logs the first one.
    Counter refused =
        Counter.builder("vigia.metrics.registration.failures")
            .description(
                "Meters the registry refused (e.g. a Kafka metric whose labels clash with another's): series missing from /metrics")
            .register(r);
    r.config().onMeterRegistrationFailed((id, reason) -> refused.increment());
    bindProcessMeters(r);
    return r;
  }

  /**
   * Memory, GC, threads, classes, CPU, open files, uptime: what tells a starving or leaking process
   * from a slow pipeline.
   */
  static void bindProcessMeters(MeterRegistry r) {
    new ClassLoaderMetrics().bindTo(r);
    new JvmMemoryMetrics().bindTo(r);
    // Listens to GC notifications for the life of the process; never closed on purpose.
    new JvmGcMetrics().bindTo(r);
    new JvmThreadMetrics().bindTo(r);
    new JvmInfoMetrics().bindTo(r);
    new ProcessorMetrics().bindTo(r);
    new FileDescriptorMetrics().bindTo(r);
    new UptimeMetrics().bindTo(r);
  }
}
