package io.vigia.app.reprocess;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A k-way merge of a topic's partitions into one sequence in order of record timestamp (for the raw
 * topic: the time ingest stored the article, just after fetching it), ties broken by partition then
 * offset. It only emits the smallest head while every partition that may still hold an earlier
 * record has a head buffered: a partition with nothing buffered blocks the merge unless it is at
 * its end (its reader has reached the end offset), and then only for {@code idleMillis} (a record
 * just stored may be on its way, as Kafka Streams' {@code max.task.idle.ms} waits for an empty
 * input). So a stored history comes out in one order that depends only on the records, and a merge
 * resumed from the positions it committed goes on exactly as it would have.
 *
 * <p>Not thread-safe: one merge thread feeds it and takes from it.
 */
final class FetchTimeMerge {
  static final Comparator<ConsumerRecord<?, ?>> ORDER =
      Comparator.<ConsumerRecord<?, ?>>comparingLong(ConsumerRecord::timestamp)
          .thenComparingInt(ConsumerRecord::partition)
          .thenComparingLong(ConsumerRecord::offset);

  private final long idleMillis;
  private final Map<Integer, ArrayDeque<ConsumerRecord<byte[], byte[]>>> buffers = new HashMap<>();
  private final Map<Integer, Long> positions = new TreeMap<>();
  private final Set<Integer> atEnd = new HashSet<>();
  private long waitingSince = -1;

  /**
   * @param from per partition, the offset of the first record still to emit (the committed
   *     position); every partition the merge covers is here
   * @param idleMillis how long a partition at its end with nothing buffered still holds the merge
   *     once another partition has a record to emit
   */
  FetchTimeMerge(Map<Integer, Long> from, long idleMillis) {
    this.idleMillis = idleMillis;
    from.forEach(
        (p, o) -> {
          positions.put(p, o);
          buffers.put(p, new ArrayDeque<>());
        });
  }

  /** Buffers a record read from its partition (records of one partition come in offset order). */
  void add(ConsumerRecord<byte[], byte[]> r) {
    ArrayDeque<ConsumerRecord<byte[], byte[]>> b = buffers.get(r.partition());
    if (b == null) {
      throw new IllegalArgumentException("partition " + r.partition() + " is not merged");
    }
    if (r.offset() < positions.get(r.partition())
        || (!b.isEmpty() && r.offset() <= b.peekLast().offset())) {
      return; // already emitted or buffered (a reader that went back after an error)
    }
    b.addLast(r);
  }

  /**
   * Where the reader of {@code partition} is: its position (every record before it was handed to
   * {@link #add}) and whether that is the partition's end offset. Called for every partition before
   * {@link #next}. With nothing buffered, the partition's position moves to the reader's, past what
   * holds no record (transaction markers, compacted gaps), so a merge that emitted everything
   * commits the end offset.
   */
  void readerAt(int partition, long readerPosition, boolean end) {
    if (buffers.get(partition).isEmpty()) {
      positions.merge(partition, readerPosition, Math::max);
    }
    if (end) {
      atEnd.add(partition);
    } else {
      atEnd.remove(partition);
    }
  }

  /**
   * The next record in merged order, or null while a partition may still bring an earlier one: a
   * partition with nothing buffered holds the merge while it is not at its end, and for {@code
   * idleMillis} from the moment another partition has a record waiting when it is.
   */
  ConsumerRecord<byte[], byte[]> next(long nowMillis) {
    ConsumerRecord<byte[], byte[]> smallest = null;
    boolean emptyAtEnd = false;
    for (Map.Entry<Integer, ArrayDeque<ConsumerRecord<byte[], byte[]>>> e : buffers.entrySet()) {
      ConsumerRecord<byte[], byte[]> head = e.getValue().peekFirst();
      if (head == null) {
        if (!atEnd.contains(e.getKey())) {
          return null; // this partition holds records not read yet
        }
        emptyAtEnd = true;
      } else if (smallest == null || ORDER.compare(head, smallest) < 0) {
        smallest = head;
      }
    }
    if (smallest == null || !emptyAtEnd) {
      waitingSince = -1; // nothing to emit, or no partition to wait for
    } else if (idleMillis > 0) {
      if (waitingSince < 0) {
        waitingSince = nowMillis;
      }
      if (nowMillis - waitingSince < idleMillis) {
        return null; // a record just stored in an empty partition may be on its way
      }
    }
    if (smallest != null) {
      buffers.get(smallest.partition()).removeFirst();
      positions.put(smallest.partition(), smallest.offset() + 1);
    }
    return smallest;
  }

  /**
   * Per partition, the offset after the last record emitted (the start position where none was):
   * what to commit with the emitted records, and where a resumed merge starts.
   */
  Map<Integer, Long> positions() {
    return Map.copyOf(positions);
  }

  /** Records buffered for {@code partition}, not yet emitted. */
  int buffered(int partition) {
    return buffers.get(partition).size();
  }
}
