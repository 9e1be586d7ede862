package io.vigia.enrich.topology;

import io.vigia.enrich.dedup.ExactRepeats;
import io.vigia.enrich.dedup.KeyValueDedupStore;
import io.vigia.schemas.RawArticle;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The topology's first step after decoding: drops an article whose id (the raw record's key, the id
 * of its canonical URL) was already published with the same content hash, before it costs an
 * analysis. What is remembered is written by {@link RememberPublished} once the article is judged
 * relevant; see {@link ExactRepeats}.
 */
final class DropExactRepeats implements FixedKeyProcessor<String, RawArticle, RawArticle> {
  /** The changelogged store of ids and content hashes, one per input partition. */
  static final String STORE = "exact-repeats";

  private final Duration retention;
  private final EnrichMeters meters;
  private FixedKeyProcessorContext<String, RawArticle> context;
  private ExactRepeats repeats;

  DropExactRepeats(Duration retention, EnrichMeters meters) {
    this.retention = retention;
    this.meters = meters;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, RawArticle> context) {
    this.context = context;
    this.repeats =
        new ExactRepeats(new KeyValueDedupStore(context.getStateStore(STORE)), retention);
  }

  @Override
  public void process(FixedKeyRecord<String, RawArticle> record) {
    if (repeats.isRepeat(idOf(record), record.value().getContentHash())) {
      meters.repeatDropped();
      return;
    }
    context.forward(record);
  }

  /** The record's key (what placed it on this partition), else the article's id. */
  static String idOf(FixedKeyRecord<String, ?> record, String articleId) {
    return record.key() != null ? record.key() : articleId;
  }

  private static String idOf(FixedKeyRecord<String, RawArticle> record) {
    return idOf(record, record.value().getId());
  }
}
