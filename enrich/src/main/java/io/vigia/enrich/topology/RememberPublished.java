package io.vigia.enrich.topology;

import io.vigia.enrich.dedup.ExactRepeats;
import io.vigia.enrich.dedup.KeyValueDedupStore;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.RawArticle;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Remembers a relevant article's id and content hash in {@link DropExactRepeats#STORE}, so that its
 * exact replays are dropped before analysis. Off-topic articles are not remembered: {@code vigia
 * replay-irrelevant} sends them back unchanged after a profile change, and they must be judged
 * again. Runs in the same task as {@link DropExactRepeats} (before the dedup repartition), and
 * Streams processes one record through both before the next, so a replay right behind its original
 * is already caught.
 */
final class RememberPublished
    implements FixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {
  private final Duration retention;
  private FixedKeyProcessorContext<String, EnrichedArticle> context;
  private ExactRepeats repeats;

  RememberPublished(Duration retention) {
    this.retention = retention;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    this.repeats =
        new ExactRepeats(
            new KeyValueDedupStore(context.getStateStore(DropExactRepeats.STORE)), retention);
  }

  @Override
  public void process(FixedKeyRecord<String, EnrichedArticle> record) {
    RawArticle a = record.value().getArticle();
    // The article's own time, as the full dedup uses: published, else fetched.
    long time =
        a.getPublishedAt() != null
            ? a.getPublishedAt().toEpochMilli()
            : a.getFetchedAt().toEpochMilli();
    repeats.remember(DropExactRepeats.idOf(record, a.getId()), a.getContentHash(), time);
    context.forward(record);
  }
}
