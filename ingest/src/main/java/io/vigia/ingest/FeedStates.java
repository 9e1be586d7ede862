package io.vigia.ingest;

import io.vigia.ingest.feed.FeedItemMemory;
import io.vigia.ingest.feed.FeedPollState;
import io.vigia.ingest.feed.ItemRetries;
import io.vigia.schemas.FeedState;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What ingest keeps about each feed (or sitemap), by URL, in one place: the state last persisted
 * for it in the feed-state topic (whoever polled it), and for the feeds this instance polls their
 * poll state, the items they listed, the items waiting for a retry, what their document last said,
 * and whether a poll of them is running now. A feed's local state starts from its persisted one, so
 * a restart or a hand-over continues where its previous poller stopped. Thread-safe: the polling
 * loop, the polling threads, the producer's callbacks and the topic's follower all meet here.
 */
final class FeedStates {
  private final Map<String, FeedState> persisted = new ConcurrentHashMap<>();
  private final Map<String, FeedPollState> polls = new ConcurrentHashMap<>();
  private final Map<String, FeedItemMemory> memories = new ConcurrentHashMap<>();
  private final Map<String, ItemRetries> retries = new ConcurrentHashMap<>();
  private final Set<String> polling = ConcurrentHashMap.newKeySet();

  /**
   * What the last read of each feed's document said about it (too many items, none readable): a 304
   * says the same again.
   */
  private final Map<String, String> documentNotes = new ConcurrentHashMap<>();

  /** The feed's polling state: ours, else the last one persisted by whoever polled it, else new. */
  FeedPollState poll(String url) {
    return polls.computeIfAbsent(
        url,
        u -> {
          FeedState r = persisted.get(u);
          return r == null ? new FeedPollState() : new FeedPollState(r.poll());
        });
  }

  /** The items the feed listed: ours, else as last persisted, else none. */
  FeedItemMemory memory(String url) {
    return memories.computeIfAbsent(
        url,
        u -> {
          FeedState r = persisted.get(u);
          return r == null || r.items() == null
              ? new FeedItemMemory()
              : new FeedItemMemory(r.items());
        });
  }

  /** The feed's items waiting for a retry: ours, else as last persisted, else none. */
  ItemRetries retries(String url) {
    return retries.computeIfAbsent(
        url,
        u -> {
          FeedState r = persisted.get(u);
          return r == null ? new ItemRetries() : new ItemRetries(r.retries());
        });
  }

  /** The feed's polling state if this instance polled it, else null. */
  FeedPollState pollIfAny(String url) {
    return polls.get(url);
  }

  /** The feed's item memory if this instance polled it, else null. */
  FeedItemMemory memoryIfAny(String url) {
    return memories.get(url);
  }

  /** The feed's retry list if this instance polled it, else null. */
  ItemRetries retriesIfAny(String url) {
    return retries.get(url);
  }

  /** Items of the feed waiting for a retry here. */
  int waitingRetries(String url) {
    ItemRetries r = retries.get(url);
    return r == null ? 0 : r.size();
  }

  /** Whether this instance has polled the feed since it started or was handed it. */
  boolean polledHere(String url) {
    return polls.containsKey(url);
  }

  /** Marks a poll of the feed as running; false when one already is (never two at once). */
  boolean startPolling(String url) {
    return polling.add(url);
  }

  void donePolling(String url) {
    polling.remove(url);
  }

  /** What the feed's document last said (null: nothing worth showing). */
  String documentNote(String url) {
    return documentNotes.get(url);
  }

  /** Keeps what the feed's document said in this read; null forgets it. */
  void documentSaid(String url, String note) {
    if (note == null) {
      documentNotes.remove(url);
    } else {
      documentNotes.put(url, note);
    }
  }

  /** The latest persisted state of the feed, whoever polled it, or null. */
  FeedState persisted(String url) {
    return persisted.get(url);
  }

  /** Feeds with a persisted state. */
  int persistedCount() {
    return persisted.size();
  }

  /** A state persisted for the feed (null: the feed's record was deleted). */
  void learnPersisted(String url, FeedState state) {
    if (state == null) {
      persisted.remove(url);
    } else {
      persisted.put(url, state);
    }
  }

  /**
   * Another instance polls the feed now: its state comes back through the topic. A poll of it still
   * running here keeps its state until done.
   */
  void handedOver(String url) {
    if (!polling.contains(url)) {
      polls.remove(url);
      memories.remove(url);
      retries.remove(url);
    }
  }

  /** The feed left the shared feed list: no longer polled (a poll running now keeps its state). */
  void left(String url) {
    if (!polling.contains(url)) {
      polls.remove(url);
    }
    memories.remove(url);
    retries.remove(url);
  }

  /**
   * The feed's state to persist, with {@code status} as its health, or null when this instance has
   * not polled it.
   */
  FeedState toPersist(String url, FeedState.Status status) {
    FeedPollState st = polls.get(url);
    if (st == null) {
      return null;
    }
    FeedItemMemory memory = memories.get(url);
    ItemRetries waiting = retries.get(url);
    return new FeedState(
        st.snapshot(),
        memory == null ? null : memory.snapshot(),
        waiting == null ? java.util.List.of() : waiting.snapshot(),
        status);
  }
}
