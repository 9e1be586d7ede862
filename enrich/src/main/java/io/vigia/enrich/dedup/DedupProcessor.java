package io.vigia.enrich.dedup;

import io.vigia.schemas.DedupStatus;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Entity;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Fills in the dedup verdict of an analysed article from the changelogged {@link #STORE}, and
 * keys it by the index document it writes (an update writes its original's document). A replay
 * of an article already published (same id, same text) is dropped.
 */
public final class DedupProcessor implements Processor<String, EnrichedArticle, String, EnrichedArticle> {
  public static final String STORE = "dedup-state";

  private final DedupSettings settings;
  private ProcessorContext<String, EnrichedArticle> context;
  private DedupEngine engine;

  public DedupProcessor(DedupSettings settings) {
    this.settings = settings;
  }

  @Override
  public void init(ProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    this.engine = new DedupEngine(new KeyValueDedupStore(context.getStateStore(STORE)), settings);
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    EnrichedArticle e = record.value();
    DedupDecision d = engine.decide(DedupInput.of(e.getArticle(), e.getEntities().stream().map(Entity::getId).toList()));
    if (d.replay()) {
      return;
    }
    e.setDedup(d.toAvro());
    String key = d.status() == DedupStatus.UPDATE ? d.duplicateOf() : e.getArticle().getId();
    context.forward(record.withKey(key).withValue(e));
  }
}
