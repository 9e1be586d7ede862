package io.vigia.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.http.Json;
import io.vigia.common.kafka.TopicFollower;
import io.vigia.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Source health as the ingest instances last persisted it in the compacted {@code
 * vigia.ingest.feed-state}, for {@code GET /api/sources} of a sink that runs alone (read-only: the
 * live view, with relevance counts, is the one of {@code vigia run}). Each feed's latest record
 * wins; a record that is not a feed state is skipped.
 */
final class FeedStateView implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FeedStateView.class);

  private final KafkaSettings kafka;
  private final Map<String, String> names;
  private final Map<String, JsonNode> latest = new TreeMap<>();
  private TopicFollower<String, String> reader;

  /**
   * @param names feed URL to the name the configuration gives it
   */
  FeedStateView(KafkaSettings kafka, Map<String, String> names) {
    this.kafka = kafka;
    this.names = Map.copyOf(names);
  }

  FeedStateView start() {
    reader =
        TopicFollower.builder(
                "vigia-sink-feed-state", kafka, new StringDeserializer(), new StringDeserializer())
            .topics(Topics.INGEST_FEED_STATE.name())
            .onRecord(r -> apply(r.key(), r.value()))
            .start();
    return this;
  }

  void apply(String url, String json) {
    if (url == null) {
      return;
    }
    synchronized (latest) {
      if (json == null) {
        latest.remove(url);
        return;
      }
      try {
        JsonNode n = Json.MAPPER.readTree(json);
        if (n != null && n.path("poll").isObject()) {
          latest.put(url, n);
        }
      } catch (Exception e) {
        LOG.debug("skipping a feed-state record of {} that is not one", url);
      }
    }
  }

  /**
   * Every feed with a persisted state, in the fields of {@code /api/sources} that ingest persists.
   */
  List<Map<String, Object>> sources() {
    List<Map<String, Object>> out = new ArrayList<>();
    synchronized (latest) {
      latest.forEach(
          (url, n) -> {
            ObjectNode s = Json.MAPPER.createObjectNode();
            s.put("url", url);
            s.put("name", names.getOrDefault(url, url));
            JsonNode st = n.path("status");
            s.put("state", st.path("state").asText("unknown"));
            s.set("lastError", orNull(st.path("lastError")));
            s.set("lastPoll", orNull(st.path("lastPoll")));
            s.put("itemsSeen", st.path("itemsSeen").asInt(0));
            s.put("articlesProduced", st.path("articlesProduced").asInt(0));
            s.put("errorStreak", n.path("poll").path("errorStreak").asInt(0));
            s.set("nextPollNotBefore", orNull(n.path("poll").path("notBefore")));
            s.set("lastNewItemAt", orNull(st.path("lastNewItemAt")));
            long interval = n.path("poll").path("intervalMillis").asLong(0);
            if (interval > 0) {
              s.put("pollIntervalSeconds", interval / 1000);
            }
            s.put("from", Topics.INGEST_FEED_STATE.name());
            @SuppressWarnings("unchecked")
            Map<String, Object> m = Json.MAPPER.convertValue(s, Map.class);
            out.add(m);
          });
    }
    return out;
  }

  private static JsonNode orNull(JsonNode n) {
    return n.isMissingNode() ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : n;
  }

  @Override
  public void close() {
    if (reader != null) {
      reader.close();
    }
  }
}
