package io.vigia.common.kafka;

import io.vigia.common.metrics.Metrics;

/**
 * Records a reader skipped because it could not read them, counted per reader and topic as {@code
 * vigia_records_unreadable_total{reader, topic}}. For readers whose records a user cannot lose by a
 * skip (a memory rebuilt by the next poll, a tally whose topic another stage dead-letters); readers
 * of anything a user could lose send it to the dead-letter topic instead (see docs/RELIABILITY.md,
 * "Poison").
 */
public final class UnreadableRecords {
  private UnreadableRecords() {}

  public static void skipped(String reader, String topic) {
    skipped(reader, topic, 1);
  }

  public static void skipped(String reader, String topic, long n) {
    // Registered on first use with 0 too, so a dashboard shows the series before the first skip.
    var counter =
        Metrics.registry().counter("vigia.records.unreadable", "reader", reader, "topic", topic);
    if (n > 0) {
      counter.increment(n);
    }
  }
}
