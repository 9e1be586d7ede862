package io.vigia.alerts.topology;

import io.vigia.schemas.Topics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Enriched articles in, alerts out. Every instance holds the whole subscription set (a global store
 * over the compacted subscriptions topic); each article is checked against every subscription
 * created before enrich published it; the candidates are repartitioned by what they fire for, and
 * what fired is remembered in a changelogged store, so a subscriber gets an article (or a story)
 * once, however many copies arrive, on whichever partitions, or how often the input is replayed.
 */
public final class AlertTopology {
  public static final String SUBSCRIPTIONS_STORE = "alerts-subscriptions";
  public static final String SENT_STORE = "alerts-sent";

  /** The repartition step, {@code <application-id>-alerts-by-key-repartition}. */
  static final String BY_ALERT = "alerts-by-key";

  private AlertTopology() {}

  /**
   * @param sentRetention how long a sent alert is remembered (and a copy suppressed)
   */
  public static Topology build(Duration sentRetention) {
    StreamsBuilder b = new StreamsBuilder();
    b.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(SUBSCRIPTIONS_STORE), Serdes.String(), Serdes.String())
            .withLoggingDisabled(), // the compacted topic is its changelog
        Topics.ALERT_SUBSCRIPTIONS.name(),
        Consumed.with(Serdes.String(), Serdes.String()).withName("read-subscriptions"),
        () -> new SubscriptionStoreUpdater());
    b.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(SENT_STORE), Serdes.String(), Serdes.Long()));
    b.stream(
            Topics.ENRICHED.name(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-enriched"))
        .process(MatchSubscriptions::new, Named.as("match-subscriptions"))
        // Every candidate of one subscription and article (or story) to one task: copies that
        // matched at once on different partitions still meet in the same sent store.
        .repartition(Repartitioned.with(Serdes.String(), Serdes.String()).withName(BY_ALERT))
        .process(() -> new FirstAlertOnly(sentRetention), Named.as("first-alert-only"), SENT_STORE)
        .to(
            Topics.ALERTS.name(),
            Produced.with(Serdes.String(), Serdes.String()).withName("write-alerts"));
    return b.build();
  }

  /** Keeps the global store equal to the compacted topic: a value puts, a tombstone deletes. */
  static final class SubscriptionStoreUpdater implements Processor<String, String, Void, Void> {
    private KeyValueStore<String, String> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(SUBSCRIPTIONS_STORE);
    }

    @Override
    public void process(Record<String, String> r) {
      if (r.key() == null) {
        return;
      }
      if (r.value() == null) {
        store.delete(r.key());
      } else {
        store.put(r.key(), r.value());
      }
    }
  }
}
