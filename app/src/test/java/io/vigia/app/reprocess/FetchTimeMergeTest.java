package io.vigia.app.reprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class FetchTimeMergeTest {
  /**
   * Four partitions with interleaved timestamps, a tie at 40 between 0@1 and 2@1 (partition 0
   * first, though its offset is the higher), and an empty partition 3.
   */
  private static final List<List<ConsumerRecord<byte[], byte[]>>> PARTITIONS =
      List.of(
          List.of(rec(0, 0, 10), rec(0, 1, 40), rec(0, 2, 41), rec(0, 3, 70)),
          List.of(rec(1, 0, 20), rec(1, 1, 30), rec(1, 2, 90)),
          List.of(rec(2, 0, 40), rec(2, 1, 60)),
          List.of());

  private static final Map<Integer, Long> START = Map.of(0, 0L, 1, 0L, 2, 0L, 3, 0L);

  private static final List<String> MERGED =
      List.of("0@0", "1@0", "1@1", "0@1", "2@0", "0@2", "2@1", "0@3", "1@2");

  @Test
  void shouldEmitInTimestampOrderTiesByPartitionThenOffset() {
    FetchTimeMerge m = new FetchTimeMerge(START, 0);
    PARTITIONS.forEach(p -> p.forEach(m::add));
    for (int p = 0; p < PARTITIONS.size(); p++) {
      m.readerAt(p, PARTITIONS.get(p).size(), true);
    }
    assertThat(drain(m, Integer.MAX_VALUE)).isEqualTo(MERGED);
    assertThat(m.positions()).isEqualTo(Map.of(0, 4L, 1, 3L, 2, 2L, 3, 0L));
  }

  @Test
  void shouldWaitForAPartitionNotReadToItsEnd() {
    FetchTimeMerge m = new FetchTimeMerge(Map.of(0, 0L, 1, 0L, 2, 0L), 0);
    m.add(PARTITIONS.get(0).get(0));
    m.add(PARTITIONS.get(1).get(0));
    m.readerAt(0, 1, false);
    m.readerAt(1, 1, false);
    m.readerAt(2, 0, false); // partition 2 holds records not read yet
    assertThat(m.next(0)).as("partition 2 may bring an earlier record").isNull();
    m.add(rec(2, 0, 5));
    m.readerAt(2, 1, false);
    assertThat(name(m.next(0))).isEqualTo("2@0");
    assertThat(m.next(0)).as("partition 2 is empty again and not at its end").isNull();
  }

  @Test
  void shouldPassAnEmptyPartitionAtItsEndAfterWaitingBoundedTime() {
    FetchTimeMerge m = new FetchTimeMerge(Map.of(0, 0L, 1, 0L, 2, 7L), 500);
    m.add(PARTITIONS.get(0).get(0));
    m.add(PARTITIONS.get(1).get(0));
    m.readerAt(0, 1, true);
    m.readerAt(1, 1, true);
    m.readerAt(2, 7, true); // empty partition, read to its end
    assertThat(m.next(1_000)).as("a record just stored may be on its way").isNull();
    assertThat(m.next(1_499)).isNull();
    assertThat(name(m.next(1_500))).isEqualTo("0@0");
    assertThat(name(m.next(1_500))).as("the same wait, not a new one").isEqualTo("1@0");
    assertThat(m.next(1_500)).isNull();
    assertThat(m.positions()).isEqualTo(Map.of(0, 1L, 1, 1L, 2, 7L));
    m.add(PARTITIONS.get(0).get(1)); // a new record later: a new wait for the empty ones
    m.readerAt(0, 2, true);
    assertThat(m.next(9_000)).isNull();
    assertThat(name(m.next(9_500))).isEqualTo("0@1");
  }

  @Test
  void shouldMoveAnEmptyPartitionsPositionPastGapsToTheReaders() {
    FetchTimeMerge m = new FetchTimeMerge(Map.of(0, 0L), 0);
    m.add(rec(0, 3, 1));
    m.readerAt(0, 6, true); // a transaction marker or a compacted gap after offset 3
    assertThat(m.positions()).as("offset 3 is not emitted yet").isEqualTo(Map.of(0, 0L));
    assertThat(name(m.next(0))).isEqualTo("0@3");
    m.readerAt(0, 6, true);
    assertThat(m.positions()).isEqualTo(Map.of(0, 6L));
  }

  @Test
  void shouldResumeFromCommittedPositionsInTheSameOrder() {
    for (int stop = 0; stop <= MERGED.size(); stop++) {
      FetchTimeMerge first = new FetchTimeMerge(START, 0);
      PARTITIONS.forEach(p -> p.forEach(first::add));
      for (int p = 0; p < PARTITIONS.size(); p++) {
        first.readerAt(p, PARTITIONS.get(p).size(), true);
      }
      List<String> out = drain(first, stop);
      Map<Integer, Long> committed = first.positions();
      // A crash: the next merger reads every partition again from its committed position.
      FetchTimeMerge resumed = new FetchTimeMerge(committed, 0);
      for (int p = 0; p < PARTITIONS.size(); p++) {
        for (ConsumerRecord<byte[], byte[]> r : PARTITIONS.get(p)) {
          if (r.offset() >= committed.get(p)) {
            resumed.add(r);
          }
        }
        resumed.readerAt(p, PARTITIONS.get(p).size(), true);
      }
      out.addAll(drain(resumed, Integer.MAX_VALUE));
      assertThat(out).as("stopped after %d", stop).isEqualTo(MERGED);
    }
  }

  @Test
  void shouldIgnoreRecordsAlreadyEmittedOrBuffered() {
    FetchTimeMerge m = new FetchTimeMerge(Map.of(0, 1L), 0);
    m.add(rec(0, 0, 1)); // before the committed position
    m.add(rec(0, 1, 2));
    m.add(rec(0, 1, 2)); // read twice
    m.readerAt(0, 2, true);
    assertThat(drain(m, 10)).containsExactly("0@1");
  }

  @Test
  void shouldEncodeAndDecodeThePositionHeader() {
    byte[] h = RawMerger.encode(Map.of(2, 7L, 0, 12L, 1, 0L));
    assertThat(new String(h, StandardCharsets.US_ASCII)).isEqualTo("0:12,1:0,2:7");
    assertThat(RawMerger.decode(h)).isEqualTo(Map.of(0, 12L, 1, 0L, 2, 7L));
  }

  private static List<String> drain(FetchTimeMerge m, int max) {
    List<String> out = new ArrayList<>();
    ConsumerRecord<byte[], byte[]> r;
    while (out.size() < max && (r = m.next(0)) != null) {
      out.add(name(r));
    }
    return out;
  }

  private static String name(ConsumerRecord<byte[], byte[]> r) {
    return r == null ? null : r.partition() + "@" + r.offset();
  }

  private static ConsumerRecord<byte[], byte[]> rec(int partition, long offset, long timestamp) {
    return new ConsumerRecord<>(
        "raw",
        partition,
        offset,
        timestamp,
        TimestampType.CREATE_TIME,
        0,
        0,
        new byte[0],
        new byte[0],
        new RecordHeaders(),
        Optional.empty());
  }
}
