package io.vigia.app;

import io.vigia.common.config.KafkaSettings;
import io.vigia.common.kafka.TopicFollower;
import io.vigia.schemas.FeedState;
import io.vigia.schemas.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * wins; a record that is not a feed state ({@link FeedState#parse}) is skipped.
 */
final class FeedStateView implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FeedStateView.class);

  private final KafkaSettings kafka;
  private final Map<String, String> names;
  private final Map<String, FeedState> latest = new TreeMap<>();
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
        latest.put(url, FeedState.parse(json));
      } catch (IllegalArgumentException e) {
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
          (url, f) -> {
            FeedState.Status st = f.status();
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("url", url);
            s.put("name", names.getOrDefault(url, url));
            s.put("state", st == null || st.state() == null ? "unknown" : st.state());
            s.put("lastError", st == null ? null : st.lastError());
            s.put("lastPoll", st == null ? null : text(st.lastPoll()));
            s.put("itemsSeen", st == null ? 0 : st.itemsSeen());
            s.put("articlesProduced", st == null ? 0 : st.articlesProduced());
            s.put("errorStreak", f.poll().errorStreak());
            s.put("nextPollNotBefore", text(f.poll().notBefore()));
            s.put("lastNewItemAt", st == null ? null : text(st.lastNewItemAt()));
            if (f.poll().intervalMillis() > 0) {
              s.put("pollIntervalSeconds", f.poll().intervalMillis() / 1000);
            }
            s.put("from", Topics.INGEST_FEED_STATE.name());
            out.add(s);
          });
    }
    return out;
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }

  @Override
  public void close() {
    if (reader != null) {
      reader.close();
    }
  }
}
