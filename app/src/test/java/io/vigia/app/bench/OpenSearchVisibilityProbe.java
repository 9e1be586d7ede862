package io.vigia.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.common.http.Json;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Enriched-to-searchable as a reader sees it, for OpenSearch: the sink's freshness histogram stops
 * its clock when the bulk request is acknowledged, but an acknowledged document becomes searchable
 * only at the index's next refresh (each second). This probe reads the enriched topic as the sink
 * does (read_committed) and asks OpenSearch's search (not the real-time get) every {@value
 * #PROBE_MILLIS} ms which of the documents it has seen are searchable yet; a document's figure is
 * the first answer that holds it minus its enrichment time, an upper bound by at most one probe
 * interval.
 */
final class OpenSearchVisibilityProbe implements AutoCloseable {
  static final long PROBE_MILLIS = 50;

  private final KafkaConsumer<String, byte[]> consumer;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI search;

  /** Document id to its enrichment time, in the order the topic gave them, until searchable. */
  private final Map<String, Instant> pending = new LinkedHashMap<>();

  /** Milliseconds from enrichment to searchable, in the order the documents were enriched. */
  private final List<Long> latencies = new ArrayList<>();

  private final Thread thread;
  private volatile boolean running = true;
  private volatile Throwable failure;

  OpenSearchVisibilityProbe(String bootstrapServers, String opensearchUrl, String index) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer = new KafkaConsumer<>(p, Topics.KEYS.deserializer(), new ByteArrayDeserializer());
    search = URI.create(opensearchUrl + "/" + index + "/_search");
    thread = new Thread(this::loop, "visibility-probe");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      while (running && partitions.isEmpty()) {
        consumer
            .partitionsFor(Topics.ENRICHED.name(), Duration.ofSeconds(5))
            .forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long nextProbe = 0;
      while (running) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(10))) {
          EnrichedArticle e =
              Topics.ENRICHED.valueSerde().deserializer().deserialize(r.topic(), r.value());
          synchronized (this) {
            pending.putIfAbsent(r.key(), e.getEnrichedAt());
          }
        }
        if (System.currentTimeMillis() >= nextProbe) {
          nextProbe = System.currentTimeMillis() + PROBE_MILLIS;
          probe();
        }
      }
    } catch (Throwable t) {
      failure = t;
    } finally {
      consumer.close();
    }
  }

  private void probe() throws Exception {
    List<String> ids;
    synchronized (this) {
      ids = pending.keySet().stream().limit(1000).toList();
    }
    if (ids.isEmpty()) {
      return;
    }
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode values = body.putObject("query").putObject("ids").putArray("values");
    ids.forEach(values::add);
    body.put("size", ids.size()).put("_source", false);
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(search)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Instant seen = Instant.now();
    if (r.statusCode() == 404) {
      return; // the index is not created yet
    }
    if (r.statusCode() != 200) {
      throw new IllegalStateException("search answered " + r.statusCode() + ": " + r.body());
    }
    java.util.Set<String> visible = new java.util.HashSet<>();
    for (JsonNode hit : Json.MAPPER.readTree(r.body()).path("hits").path("hits")) {
      visible.add(hit.path("_id").asText());
    }
    synchronized (this) {
      for (Iterator<Map.Entry<String, Instant>> it = pending.entrySet().iterator();
          it.hasNext(); ) {
        Map.Entry<String, Instant> e = it.next();
        if (visible.contains(e.getKey())) {
          latencies.add(Duration.between(e.getValue(), seen).toMillis());
          it.remove();
        }
      }
    }
  }

  /** How many documents have become searchable so far. */
  synchronized int seen() {
    return latencies.size();
  }

  /**
   * Latencies, in milliseconds, of the documents after the first {@code skip} to become searchable.
   */
  synchronized List<Long> latenciesAfter(int skip) {
    if (failure != null) {
      throw new IllegalStateException("the probe failed", failure);
    }
    return List.copyOf(latencies.subList(Math.min(skip, latencies.size()), latencies.size()));
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(10_000);
  }
}
