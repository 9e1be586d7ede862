package io.vigia.alerts.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.alerts.Alert;
import io.vigia.alerts.Subscription;
import io.vigia.alerts.SubscriptionRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

/**
 * The matches of digest subscriptions, held in memory until the subscription's period is over and
 * then sent as one message. A partial digest does not survive a restart.
 */
final class DigestCollector {
  private final SubscriptionRegistry registry;
  private final Clock clock;
  private final Map<String, List<JsonNode>> digests = new ConcurrentHashMap<>();
  private final Map<String, Instant> lastDigest = new ConcurrentHashMap<>();

  DigestCollector(SubscriptionRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /** Keeps an alert for {@code s}'s next digest; its period starts with its first alert. */
  void collect(Subscription s, JsonNode alert) {
    digests
        .computeIfAbsent(
            s.id(),
            k -> {
              lastDigest.putIfAbsent(k, clock.instant());
              return Collections.synchronizedList(new ArrayList<>());
            })
        .add(alert);
  }

  /** Matches waiting for the next digest of a subscription. */
  int pending(String subscriptionId) {
    List<JsonNode> l = digests.get(subscriptionId);
    return l == null ? 0 : l.size();
  }

  /** Sends every digest whose period is over through {@code channels}. */
  void flushDue(ChannelDelivery channels, AlertDeadLetters deadLetters) {
    Instant now = clock.instant();
    for (String id : List.copyOf(digests.keySet())) {
      Subscription s = registry.get(id).orElse(null);
      if (s == null || s.digest() == null) {
        digests.remove(id);
        continue;
      }
      if (lastDigest.getOrDefault(id, now).plus(s.digest()).isAfter(now)) {
        continue;
      }
      List<JsonNode> batch = digests.remove(id);
      lastDigest.put(id, now);
      if (batch == null || batch.isEmpty()) {
        continue;
      }
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      body.put("id", Alert.id(id, "digest:" + now));
      body.put("subscriptionId", id)
          .put("subscriptionName", s.name())
          .put("kind", "digest")
          .put("period", s.digest().toString());
      body.put("sentAt", now.toString());
      ArrayNode list = body.putArray("alerts");
      StringBuilder text = new StringBuilder();
      synchronized (batch) {
        batch.forEach(
            a -> {
              list.add(a);
              text.append("- ").append(Alert.headline(a)).append('\n');
            });
      }
      List<Future<?>> letters = new ArrayList<>();
      channels.deliver(
          s,
          body.path("id").asText(),
          body,
          "Vigía digest: " + s.name() + " (" + batch.size() + ")",
          text.toString(),
          Instant.now().plus(AlertDispatcher.batchWindow()),
          letters);
      deadLetters.flush();
    }
  }
}
