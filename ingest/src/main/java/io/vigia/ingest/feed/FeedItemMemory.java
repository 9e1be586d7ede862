package io.vigia.ingest.feed;

import io.vigia.schemas.FeedState;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The items one feed has listed, so "new" means new to this feed: an item another feed delivered
 * first is still news from this one (its {@code lastNewItemAt}, its adaptive interval), and an item
 * a feed keeps listing is not looked at again. Keys are 64-bit hashes of the item's canonical URL,
 * the most recently listed kept: everything the feed lists now plus as many older ones again (at
 * least {@link #MIN_CAPACITY}, at most {@link #MAX_CAPACITY}), so an item that drops out and comes
 * back within that is not new either. Also counts the distinct items the feed ever listed. Methods
 * are synchronized: producer callbacks and the polling thread meet here.
 */
public final class FeedItemMemory {
  static final int MIN_CAPACITY = 100;
  static final int MAX_CAPACITY = 20_000;

  private final LinkedHashSet<Long> keys = new LinkedHashSet<>();
  private long distinct;

  public FeedItemMemory() {}

  /** A memory restored from its {@link #snapshot()}. */
  public FeedItemMemory(FeedState.Items s) {
    if (s.keys() != null && !s.keys().isEmpty()) {
      ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(s.keys()));
      while (b.remaining() >= Long.BYTES) {
        keys.add(b.getLong());
      }
    }
    this.distinct = Math.max(s.distinct(), keys.size());
  }

  /**
   * What survives a restart: the keys (base64 of 8-byte hashes, oldest first) and the distinct
   * count.
   */
  public synchronized FeedState.Items snapshot() {
    ByteBuffer b = ByteBuffer.allocate(keys.size() * Long.BYTES);
    keys.forEach(b::putLong);
    return new FeedState.Items(Base64.getEncoder().encodeToString(b.array()), distinct);
  }

  /** Whether the feed has not listed {@code key} before (as far as this memory reaches back). */
  public synchronized boolean isNew(String key) {
    return !keys.contains(hash(key));
  }

  /** Remembers what a poll listed, most recent last, and forgets the oldest beyond the capacity. */
  public synchronized void listed(Collection<String> listedKeys) {
    for (String k : listedKeys) {
      long h = hash(k);
      if (!keys.remove(h)) {
        distinct++;
      }
      keys.add(h);
    }
    int capacity = Math.min(MAX_CAPACITY, Math.max(MIN_CAPACITY, 2 * listedKeys.size()));
    Iterator<Long> oldest = keys.iterator();
    for (int excess = keys.size() - capacity; excess > 0 && oldest.hasNext(); excess--) {
      oldest.next();
      oldest.remove();
    }
  }

  /** Distinct items the feed has listed since it was first polled. */
  public synchronized long distinctSeen() {
    return distinct;
  }

  /** Items remembered now. */
  public synchronized int size() {
    return keys.size();
  }

  /** The keys in the order remembered, oldest first (tests). */
  synchronized List<Long> keysInOrder() {
    return new ArrayList<>(keys);
  }

  static long hash(String key) {
    try {
      return ByteBuffer.wrap(
              MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8)))
          .getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }
}
