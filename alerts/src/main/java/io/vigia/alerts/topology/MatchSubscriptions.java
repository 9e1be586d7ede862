package io.vigia.alerts.topology;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.alerts.Alert;
import io.vigia.alerts.Subscription;
import io.vigia.common.http.Json;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Topics;
import io.vigia.search.lucene.ArticleMatch;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one enriched article against every subscription and forwards a candidate alert for each
 * that matches, keyed by what it fires for ({@code subscription|article:ROOT} or {@code
 * subscription|story:ID}): the next step, {@link FirstAlertOnly}, sees every candidate of one key
 * in one task, whichever partition the article and its copies came through.
 *
 * <p>A subscription alerts on what enrich published after it was created: older articles (the
 * topic's history, read from the start by a first deployment or after a crash before the first
 * commit) never fire it. That is what lets the topology read from the earliest offset without
 * flooding a new subscriber, and without losing what arrived while it was down.
 */
final class MatchSubscriptions implements Processor<String, byte[], String, String> {
  private static final Logger LOG = LoggerFactory.getLogger(MatchSubscriptions.class);

  /** Parsed subscriptions by id, reparsed only when the stored JSON changes. */
  private final Map<String, Map.Entry<String, Subscription>> parsed = new HashMap<>();

  private ProcessorContext<String, String> context;
  private KeyValueStore<String, String> subscriptions;

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.subscriptions = context.getStateStore(AlertTopology.SUBSCRIPTIONS_STORE);
  }

  @Override
  public void process(Record<String, byte[]> r) {
    EnrichedArticle e;
    try {
      e =
          Topics.ENRICHED
              .valueSerde()
              .deserializer()
              .deserialize(Topics.ENRICHED.name(), r.value());
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
    Instant published =
        e.getEnrichedAt() != null ? e.getEnrichedAt() : Instant.ofEpochMilli(r.timestamp());
    ArticleMatch article = null;
    for (Subscription s : subscriptions) {
      if (published.isBefore(s.createdAt())) {
        continue;
      }
      if (article == null) {
        article = ArticleMatch.of(e);
      }
      if (!s.rule().matches(e, article)) {
        continue;
      }
      String firedFor =
          s.rule().isStoryRule()
              ? "story:" + e.getDedup().getStoryId()
              : "article:" + Alert.rootArticleId(e);
      context.forward(
          new Record<>(
              s.id() + "|" + firedFor, Alert.of(s, e, firedFor, now).toString(), r.timestamp()));
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
      LOG.warn(
          "ignoring subscription {}: {}",
          id,
          ex instanceof com.fasterxml.jackson.core.JsonProcessingException
              ? "not valid JSON"
              : ex.getMessage());
      // Cached as absent so the warning is not repeated for every article.
      return null;
    }
  }
}
