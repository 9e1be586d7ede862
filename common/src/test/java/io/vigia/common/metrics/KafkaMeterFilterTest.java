package io.vigia.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.internals.FetchMetricsRegistry;
import org.apache.kafka.common.MetricNameTemplate;
import org.junit.jupiter.api.Test;

/**
 * The Kafka meters' label clashes, reproduced with the names and labels Kafka's clients really use.
 */
class KafkaMeterFilterTest {

  /**
   * Registers what two consumers of one process report about one dotted topic, in the order that
   * broke.
   */
  private static void twoConsumersOfADottedTopic(MeterRegistry r) {
    for (String client : new String[] {"consumer-vigia-sink-1", "enrich-StreamThread-1-consumer"}) {
      gauge(
          r,
          "kafka.consumer.fetch.manager.bytes.consumed.total",
          "client.id",
          client,
          "topic",
          "vigia.articles.raw");
      gauge(
          r,
          "kafka.consumer.fetch.manager.bytes.consumed.total",
          "client.id",
          client,
          "topic",
          "vigia_articles_raw");
      gauge(r, "kafka.consumer.fetch.manager.bytes.consumed.total", "client.id", client);
      gauge(
          r,
          "kafka.consumer.fetch.manager.records.lag",
          "client.id",
          client,
          "topic",
          "vigia.articles.raw",
          "partition",
          "0");
      gauge(
          r,
          "kafka.consumer.fetch.manager.records.lag",
          "client.id",
          client,
          "topic",
          "vigia_articles_raw",
          "partition",
          "0");
      gauge(
          r,
          "kafka.consumer.fetch.manager.records.lag.max",
          "client.id",
          client,
          "topic",
          "vigia.articles.raw",
          "partition",
          "0");
      gauge(r, "kafka.consumer.fetch.manager.records.lag.max", "client.id", client);
      gauge(r, "kafka.consumer.fetch.manager.fetch.latency.avg", "client.id", client);
    }
    // Kafka Streams names a store's label after the store's type.
    gauge(
        r,
        "kafka.stream.state.put.rate",
        "thread.id",
        "t1",
        "task.id",
        "0_0",
        "rocksdb.state.id",
        "dedup-state");
    gauge(
        r,
        "kafka.stream.state.put.rate",
        "thread.id",
        "t1",
        "task.id",
        "0_0",
        "in.memory.state.id",
        "sent");
  }

  private static void gauge(MeterRegistry r, String name, String... tags) {
    Gauge.builder(name, () -> 1.0).tags(Tags.of(tags)).register(r);
  }

  @Test
  void shouldLoseSeriesWithoutTheFilter() {
    PrometheusMeterRegistry plain = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    int[] refused = {0};
    plain.config().onMeterRegistrationFailed((id, reason) -> refused[0]++);
    twoConsumersOfADottedTopic(plain);
    assertThat(refused[0]).as("the clashes this filter exists for").isPositive();
  }

  @Test
  void shouldRegisterEveryFamilyOnceWithOneSetOfLabels() {
    PrometheusMeterRegistry r = Metrics.newRegistry();
    twoConsumersOfADottedTopic(r);
    String text = r.scrape();
    assertThat(r.find("vigia.metrics.registration.failures").counter().count()).isZero();
    assertThat(text)
        .contains(
            "kafka_consumer_fetch_manager_records_lag{client_id=\"consumer-vigia-sink-1\",partition=\"0\",topic=\"vigia.articles.raw\"}")
        .as("the deprecated twin with underscores would double every sum over topics")
        .doesNotContain("vigia_articles_raw")
        .as("per-client aggregates of per-topic series are dropped")
        .doesNotContain(
            "kafka_consumer_fetch_manager_bytes_consumed_total{client_id=\"consumer-vigia-sink-1\"}")
        .contains(
            "kafka_consumer_fetch_manager_fetch_latency_avg{client_id=\"consumer-vigia-sink-1\"}")
        .contains(
            "kafka_stream_state_put_rate{state_id=\"dedup-state\",task_id=\"0_0\",thread_id=\"t1\"}")
        .contains(
            "kafka_stream_state_put_rate{state_id=\"sent\",task_id=\"0_0\",thread_id=\"t1\"}");
  }

  @Test
  void shouldKnowEveryFetchMetricKafkaReportsPerClientAndPerTopicOrPartition() {
    // Kafka's own templates: a name that comes with several label sets clashes unless filtered.
    Map<String, Set<Set<String>>> labelSets = new HashMap<>();
    for (MetricNameTemplate t : new FetchMetricsRegistry().getAllTemplates()) {
      labelSets.computeIfAbsent(t.name().replace('-', '.'), k -> new HashSet<>()).add(t.tags());
    }
    Set<String> several =
        labelSets.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    assertThat(KafkaMeterFilter.ALSO_PER_TOPIC_OR_PARTITION).isEqualTo(several);
  }

  @Test
  void shouldKeepTopicsThatOnlyLookLikeATwin() {
    assertThat(KafkaMeterFilter.isUnderscoredTwinOfAVigiaTopic("vigia_articles_raw")).isTrue();
    assertThat(KafkaMeterFilter.isUnderscoredTwinOfAVigiaTopic("vigia.articles.raw")).isFalse();
    assertThat(KafkaMeterFilter.isUnderscoredTwinOfAVigiaTopic("vigia-enrich-dedup-repartition"))
        .isFalse();
    assertThat(KafkaMeterFilter.isUnderscoredTwinOfAVigiaTopic("alerts_for_desk")).isFalse();
  }
}
