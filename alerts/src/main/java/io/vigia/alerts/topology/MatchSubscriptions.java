package io.vigia.alerts.topology;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.alerts.Alert;
import io.vigia.alerts.Subscription;
import io.vigia.sink.lucene.ArticleMatch;
import io.vigia.common.http.Json;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one enriched article against every subscription and forwards an alert for each that
 * fires for the first time: per subscription and article (a copy counts as its original), or
 * per subscription and story for a story rule. Sent keys are forgotten after the retention.
 */
final class MatchSubscriptions implements Processor<String, byte[], String, String> {
  private static final Logger LOG = LoggerFactory.getLogger(MatchSubscriptions.class);

  private final Duration retention;
  /** Parsed subscriptions by id, reparsed only when the stored JSON changes. */
  private final Map<String, Map.Entry<String, Subscription>> parsed = new HashMap<>();
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, String> subscriptions;
  private KeyValueStore<String, Long> sent;

  MatchSubscriptions(Duration retention) {
    this.retention = retention;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.subscriptions = context.getStateStore(AlertTopology.SUBSCRIPTIONS_STORE);
    this.sent = context.getStateStore(AlertTopology.SENT_STORE);
    context.schedule(Duration.ofMinutes(10), PunctuationType.WALL_CLOCK_TIME, this::forgetOld);
  }

  @Override
  public void process(Record<String, byte[]> r) {
    EnrichedArticle e;
    try {
      e = Topics.ENRICHED.valueSerde().deserializer().deserialize(Topics.ENRICHED.name(), r.value());
    } catch (RuntimeException ex) {
      // The sink dead-letters unreadable enriched records; here they are only skipped.
      LOG.warn("skipping unreadable enriched record {}: {}", r.key(), ex.getMessage());
      return;
    }
    if (e == null) {
      return;
    }
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    List<Subscription> subscriptions = current();
    if (subscriptions.isEmpty()) {
      return;
    }
    ArticleMatch article = ArticleMatch.of(e);
    for (Subscription s : subscriptions) {
      if (!s.rule().matches(article)) {
        continue;
      }
      String firedFor = s.rule().isStoryRule() ? "story:" + e.getDedup().getStoryId() : "article:" + Alert.rootArticleId(e);
      String key = s.id() + "|" + firedFor;
      if (sent.get(key) != null) {
        continue;
      }
      sent.put(key, now.toEpochMilli());
      context.forward(new Record<>(s.id(), Alert.of(s, e, firedFor, now).toString(), r.timestamp()));
    }
  }

  private List<Subscription> current() {
    List<Subscription> out = new ArrayList<>();
    Map<String, Map.Entry<String, Subscription>> seen = new HashMap<>();
    try (KeyValueIterator<String, String> it = subscriptions.all()) {
      while (it.hasNext()) {
        KeyValue<String, String> kv = it.next();
        Map.Entry<String, Subscription> cached = parsed.get(kv.key);
        if (cached == null || !cached.getKey().equals(kv.value)) {
          cached = new AbstractMap.SimpleImmutableEntry<>(kv.value, parse(kv.key, kv.value));
        }
        seen.put(kv.key, cached);
        if (cached.getValue() != null) {
          out.add(cached.getValue());
        }
      }
    }
    parsed.clear();
    parsed.putAll(seen);
    return out;
  }

  /** A stored subscription the API accepted; one that no longer parses is reported and ignored. */
  private static Subscription parse(String id, String json) {
    try {
      JsonNode n = Json.MAPPER.readTree(json);
      return Subscription.fromJson(n, id, Instant.EPOCH);
    } catch (Exception ex) {
      // Jackson's parse errors quote the input, which holds the secret: never log those.
      LOG.warn("ignoring subscription {}: {}", id,
          ex instanceof com.fasterxml.jackson.core.JsonProcessingException ? "not valid JSON" : ex.getMessage());
      // Cached as absent so the warning is not repeated for every article.
      return null;
    }
  }

  private void forgetOld(long now) {
    long cutoff = now - retention.toMillis();
    List<String> old = new ArrayList<>();
    try (KeyValueIterator<String, Long> it = sent.all()) {
      while (it.hasNext()) {
        KeyValue<String, Long> kv = it.next();
        if (kv.value < cutoff) {
          old.add(kv.key);
        }
      }
    }
    old.forEach(sent::delete);
  }
}
