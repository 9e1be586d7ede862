package io.vigia.common.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keeps the Kafka clients' meters (bound by Micrometer's {@code KafkaClientMetrics} and {@code
 * KafkaStreamsMetrics}) valid for Prometheus and free of double counting. Prometheus needs every
 * series of one name to carry the same label names; Kafka's metrics break that in two ways, and
 * when several clients share a process (as in {@code vigia run}) the registry then refuses whole
 * families ("Prometheus requires that all meters with the same name have the same set of tag
 * keys"), differently from one start to the next:
 *
 * <ul>
 *   <li>The consumer's fetch metrics exist per client and again per topic (or per partition) under
 *       the same name. The per-client aggregates of those are dropped: they are the sum (or max) of
 *       the finer series, which Prometheus computes ({@code sum by (client_id)}).
 *   <li>Kafka Streams names a state store's label after its type ({@code rocksdb-state-id}, {@code
 *       in-memory-state-id}, ...). Those become one label, {@code state_id}.
 * </ul>
 *
 * <p>It also drops the consumer's deprecated copies of per-topic series: for a topic with dots,
 * Kafka 4 reports each series a second time with the dots turned into underscores ({@code
 * vigia_articles_raw} beside {@code vigia.articles.raw}), so a sum over topics counted every record
 * and every lag twice. Vigía's topics all start with {@code vigia.}; the underscored twin of such a
 * name is dropped.
 */
public final class KafkaMeterFilter implements MeterFilter {
  static final String FETCH_MANAGER = "kafka.consumer.fetch.manager.";
  static final String STATE_STORE = "kafka.stream.state.";

  /**
   * Fetch-manager metrics (Micrometer names, after the group prefix) that Kafka reports per client
   * and per topic or partition; checked against Kafka's own metric templates by the tests.
   */
  static final Set<String> ALSO_PER_TOPIC_OR_PARTITION =
      Set.of(
          "bytes.consumed.rate",
          "bytes.consumed.total",
          "fetch.size.avg",
          "fetch.size.max",
          "records.per.request.avg",
          "records.consumed.rate",
          "records.consumed.total",
          "records.lag.max",
          "records.lead.min");

  @Override
  public MeterFilterReply accept(Meter.Id id) {
    String name = id.getName();
    if (!name.startsWith("kafka.")) {
      return MeterFilterReply.NEUTRAL;
    }
    String topic = id.getTag("topic");
    if (topic != null && isUnderscoredTwinOfAVigiaTopic(topic)) {
      return MeterFilterReply.DENY;
    }
    if (name.startsWith(FETCH_MANAGER)
        && topic == null
        && id.getTag("partition") == null
        && ALSO_PER_TOPIC_OR_PARTITION.contains(name.substring(FETCH_MANAGER.length()))) {
      return MeterFilterReply.DENY;
    }
    return MeterFilterReply.NEUTRAL;
  }

  @Override
  public Meter.Id map(Meter.Id id) {
    if (!id.getName().startsWith(STATE_STORE)) {
      return id;
    }
    List<Tag> tags = new ArrayList<>();
    boolean renamed = false;
    for (Tag t : id.getTagsAsIterable()) {
      // Keys arrive with dots for dashes: rocksdb.state.id, in.memory.state.id,
      // rocksdb.window.state.id, ...
      if (t.getKey().endsWith(".state.id")) {
        tags.add(Tag.of("state.id", t.getValue()));
        renamed = true;
      } else {
        tags.add(t);
      }
    }
    return renamed ? id.replaceTags(tags) : id;
  }

  /**
   * {@code vigia_articles_raw} for {@code vigia.articles.raw}: what Kafka's deprecated per-topic
   * series carry.
   */
  static boolean isUnderscoredTwinOfAVigiaTopic(String topic) {
    return topic.indexOf('.') < 0 && topic.startsWith("vigia_");
  }
}
