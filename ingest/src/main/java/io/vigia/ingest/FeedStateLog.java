package io.vigia.ingest;

import io.vigia.schemas.FeedState;
import io.vigia.schemas.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Ingest's side of the compacted topic {@link Topics#INGEST_FEED_STATE}: after each poll a feed's
 * state (its poll state, items, retries and health) is written there as a {@link FeedState}, and
 * every record read back from it (at start, then as other instances write) becomes the feed's
 * persisted state, from which a restart or a hand-over continues.
 */
final class FeedStateLog {
  private final FeedStates states;
  private final SourceStatuses sources;
  private final Producer<String, String> producer;

  FeedStateLog(FeedStates states, SourceStatuses sources, Producer<String, String> producer) {
    this.states = states;
    this.sources = sources;
    this.producer = producer;
  }

  /**
   * A record of the topic: a feed's state (throws {@link IllegalArgumentException} when it is not
   * one), or a tombstone.
   */
  void learn(String url, String json) {
    if (json == null) {
      states.learnPersisted(url, null);
      return;
    }
    FeedState r = FeedState.parse(json);
    states.learnPersisted(url, r);
    sources.learnPersisted(url, r);
  }

  /** Writes the feed's state as this instance has it; nothing when it has not polled the feed. */
  void persist(String url) {
    FeedState state = states.toPersist(url, sources.toPersist(url));
    if (state != null) {
      producer.send(new ProducerRecord<>(Topics.INGEST_FEED_STATE.name(), url, state.toJson()));
    }
  }

  /** Deletes the feed's record: no instance polls it any more. */
  void forget(String url) {
    producer.send(new ProducerRecord<>(Topics.INGEST_FEED_STATE.name(), url, null));
  }
}
