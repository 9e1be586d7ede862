package io.vigia.ingest.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.kafka.TopicFollower;
import io.vigia.common.profile.FeedSpec;
import io.vigia.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed list all ingest instances of a deployment share: the compacted topic {@link
 * Topics#INGEST_FEEDS}, one record per feed and publishing instance (key {@code FEED-URL + " " +
 * INSTANCE}, value JSON {@code {url, name, language, publisher}}), each in the partition of its
 * feed URL ({@link FeedOwnership#partitionOf}). The list polled is every feed any instance
 * publishes, and the owner of a partition polls every feed of that partition, whichever instance
 * configured it.
 *
 * <p>Removal: at start an instance publishes its configured feeds and deletes (tombstones) the
 * records it published earlier for feeds it no longer configures; a feed leaves the list when no
 * instance publishes it any more. Only an instance with an {@code instance-id} removes: instances
 * without one share the identity {@value #UNNAMED}, cannot tell their own records from another's,
 * and so only add (a warning lists what they poll without configuring it). Records from before this
 * scheme (keyed by the URL alone) are deleted by the first instance that starts.
 */
public final class SharedFeedList implements AutoCloseable {
  /** The publisher name of instances without an {@code instance-id}. */
  public static final String UNNAMED = "unnamed";

  private static final Logger LOG = LoggerFactory.getLogger(SharedFeedList.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Longest wait for the list to be read at start: a list of feeds reads in well under a second.
   */
  private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

  /**
   * One record of the topic: a feed as one instance publishes it ({@code publisher} null: a record
   * from before publishers).
   */
  record Entry(String url, String name, String language, String publisher) {}

  private final KafkaSettings kafka;
  private final String publisher;
  private final boolean named;
  private final Map<String, Entry> records = new ConcurrentHashMap<>();
  private volatile List<FeedSpec> configured = List.of();
  private volatile Runnable onChange = () -> {};
  private TopicFollower<String, String> follower;

  /**
   * Whether the records read since the last batch changed the list (the follower's thread only).
   */
  private boolean changed;

  /**
   * @param instanceId this instance's stable name ({@code instance-id}); blank: {@value #UNNAMED},
   *     which never removes
   */
  public SharedFeedList(KafkaSettings kafka, String instanceId) {
    this.kafka = kafka;
    this.named = instanceId != null && !instanceId.isBlank();
    this.publisher = named ? instanceId.trim() : UNNAMED;
  }

  /**
   * Reads the list, publishes {@code mine}, deletes what this instance published before and no
   * longer configures, then follows the topic ({@code onChange} runs after each change another
   * instance makes). Returns the feeds that left the list through this start.
   */
  public List<String> start(List<FeedSpec> mine, Runnable onChange) {
    this.configured = List.copyOf(mine);
    follower =
        TopicFollower.builder(
                "vigia-ingest-feed-list",
                kafka,
                Topics.INGEST_FEEDS.keySerde().deserializer(),
                Topics.INGEST_FEEDS.valueSerde().deserializer())
            .topics(Topics.INGEST_FEEDS.name())
            .onRecord(r -> changed |= apply(r))
            .afterBatch(this::changed)
            .start();
    follower.awaitCaughtUp(READ_TIMEOUT);
    int partitions = follower.endOffsetsAtStart().size();
    Set<String> before = urls();
    Set<String> mineUrls = new LinkedHashSet<>();
    mine.forEach(f -> mineUrls.add(f.url()));
    List<String> delete = new ArrayList<>();
    List<String> notMine = new ArrayList<>();
    records.forEach(
        (key, e) -> {
          if (e.publisher() == null) {
            delete.add(key); // from before publishers: each instance publishes its own below
          } else if (e.publisher().equals(publisher) && !mineUrls.contains(e.url())) {
            if (named) {
              delete.add(key);
            } else {
              notMine.add(e.url());
            }
          }
        });
    Properties p = kafka.clientProperties();
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            p,
            Topics.INGEST_FEEDS.keySerde().serializer(),
            Topics.INGEST_FEEDS.valueSerde().serializer())) {
      for (String key : delete) {
        Entry e = records.get(key);
        producer.send(
            new ProducerRecord<>(
                Topics.INGEST_FEEDS.name(),
                FeedOwnership.partitionOf(e.url(), partitions),
                key,
                null));
      }
      for (FeedSpec f : mine) {
        String key = key(f.url(), publisher);
        producer.send(
            new ProducerRecord<>(
                Topics.INGEST_FEEDS.name(),
                FeedOwnership.partitionOf(f.url(), partitions),
                key,
                value(f, publisher)));
      }
      producer.flush();
    }
    delete.forEach(records::remove);
    mine.forEach(
        f ->
            records.put(
                key(f.url(), publisher), new Entry(f.url(), f.name(), f.language(), publisher)));
    Set<String> gone = new LinkedHashSet<>(before);
    gone.removeAll(urls());
    if (!gone.isEmpty()) {
      LOG.info("removed from the shared feed list (no instance lists them any more): {}", gone);
    }
    if (!notMine.isEmpty()) {
      LOG.warn(
          "this ingest instance has no instance-id, so it shares the publisher name '{}' with every other such instance and "
              + "removes nothing from the shared feed list: it polls {} feed(s) that it does not configure ({}). Give every instance "
              + "its own instance-id so that a feed removed from its list leaves the shared list.",
          UNNAMED,
          notMine.size(),
          notMine);
    }
    List<String> others =
        feeds().stream().map(FeedSpec::url).filter(u -> !mineUrls.contains(u)).toList();
    if (!others.isEmpty()) {
      LOG.info(
          "polling {} feed(s) other ingest instances configured as well: {}",
          others.size(),
          others);
    }
    this.onChange = onChange;
    return List.copyOf(gone);
  }

  /**
   * After each batch the follower read: {@code onChange} runs when it changed the list (it is a
   * no-op until the start is done).
   */
  private void changed() {
    if (changed) {
      changed = false;
      onChange.run();
    }
  }

  /** Applies one record; true when the feed list changed. */
  private boolean apply(ConsumerRecord<String, String> r) {
    if (r.key() == null) {
      return false;
    }
    if (r.value() == null) {
      return records.remove(r.key()) != null;
    }
    try {
      Entry e = parse(r.key(), r.value());
      return !e.equals(records.put(r.key(), e));
    } catch (RuntimeException e) {
      LOG.warn("skipped an unreadable record of {} (key {}): {}", r.topic(), r.key(), e.toString());
      return false;
    }
  }

  /**
   * Every feed some instance publishes, once: this instance's own in its configured order (with its
   * names), then the others by URL (named as the first publisher, by name, lists them).
   */
  public List<FeedSpec> feeds() {
    Map<String, FeedSpec> out = new LinkedHashMap<>();
    for (FeedSpec f : configured) {
      out.put(f.url(), f);
    }
    records.values().stream()
        .sorted(
            Comparator.comparing(Entry::url)
                .thenComparing(e -> e.publisher() == null ? "" : e.publisher()))
        .forEach(
            e -> out.computeIfAbsent(e.url(), u -> new FeedSpec(e.url(), e.name(), e.language())));
    return List.copyOf(out.values());
  }

  private Set<String> urls() {
    Set<String> out = new LinkedHashSet<>();
    records.values().forEach(e -> out.add(e.url()));
    return out;
  }

  static String key(String url, String publisher) {
    return url + " " + publisher;
  }

  static String value(FeedSpec f, String publisher) {
    ObjectNode n = JSON.createObjectNode();
    n.put("url", f.url());
    n.put("name", f.name());
    n.put("language", f.language());
    n.put("publisher", publisher);
    return n.toString();
  }

  /**
   * A record: {@code URL PUBLISHER} → JSON, or (before publishers) {@code URL} → the feed's name.
   */
  static Entry parse(String key, String value) {
    int space = key.indexOf(' ');
    if (space < 0) {
      new FeedSpec(key, value); // validates the URL
      return new Entry(key, value, null, null);
    }
    String url = key.substring(0, space);
    String publisher = key.substring(space + 1);
    JsonNode n;
    try {
      n = JSON.readTree(value);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not a feed record: " + e.getMessage(), e);
    }
    FeedSpec f = new FeedSpec(url, n.path("name").asText(null), n.path("language").asText(null));
    return new Entry(f.url(), f.name(), f.language(), publisher);
  }

  @Override
  public void close() {
    if (follower != null) {
      follower.close();
    }
  }
}
