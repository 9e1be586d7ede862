package io.vigia.ingest;

import io.vigia.common.kafka.TopicFollower;
import io.vigia.common.kafka.UnreadableRecords;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How ingest reads its compacted memories ({@code vigia.ingest.seen}, {@code
 * vigia.ingest.feed-state}): a record without a key, or one its reader refuses, is skipped and
 * counted ({@code vigia_records_unreadable_total}), not dead-lettered. These topics are re-read
 * from the beginning at every start (a dead letter would be sent again each time), and a skipped
 * record costs at most one refetch (enrich drops the repeat by id) or one poll from a fresh state,
 * never an article.
 */
final class PoisonSkipping {
  private static final Logger LOG = LoggerFactory.getLogger(PoisonSkipping.class);

  private PoisonSkipping() {}

  /**
   * A follower's handler that gives each record's key and value to {@code apply}, skipping poison.
   */
  static TopicFollower.RecordHandler<String, String> handler(BiConsumer<String, String> apply) {
    return r -> {
      try {
        if (r.key() == null) {
          throw new IllegalArgumentException("no key");
        }
        apply.accept(r.key(), r.value());
      } catch (RuntimeException e) {
        UnreadableRecords.skipped("ingest", r.topic());
        LOG.warn(
            "skipped an unreadable record of {} (partition {}, offset {}, key {}): {}",
            r.topic(),
            r.partition(),
            r.offset(),
            r.key(),
            e.toString());
      }
    };
  }
}
