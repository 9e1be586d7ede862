package io.vigia.enrich.dedup;

import io.vigia.schemas.RawArticle;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Drops exact repeats of a canonical URL. Records are keyed by the id derived from the canonical
 * URL, so every repeat lands on the same partition and meets the same store.
 */
public final class CanonicalUrlDeduplicator implements FixedKeyProcessor<String, RawArticle, RawArticle> {
  public static final String STORE = "seen-canonical-urls";

  private FixedKeyProcessorContext<String, RawArticle> context;
  private KeyValueStore<String, Long> seen;

  @Override
  public void init(FixedKeyProcessorContext<String, RawArticle> context) {
    this.context = context;
    this.seen = context.getStateStore(STORE);
  }

  @Override
  public void process(FixedKeyRecord<String, RawArticle> record) {
    String url = record.value().getCanonicalUrl();
    if (isDuplicate(url)) {
      return;
    }
    rememberNewArticle(url, record.timestamp());
    context.forward(record);
  }

  private boolean isDuplicate(String canonicalUrl) {
    return seen.get(canonicalUrl) != null;
  }

  private void rememberNewArticle(String canonicalUrl, long timestamp) {
    seen.put(canonicalUrl, timestamp);
  }
}
