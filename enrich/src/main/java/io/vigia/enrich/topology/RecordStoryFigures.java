package io.vigia.enrich.topology;

import io.vigia.enrich.dedup.DedupProcessor;
import io.vigia.enrich.dedup.KeyValueDedupStore;
import io.vigia.enrich.figures.StoryFigureTable;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.RawArticle;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Right after dedup, in its task and over its store: adds the article's figures to its story's
 * figure table and sets the story's {@code figureConflicts} as known now. The table lives in
 * dedup's store so that it is evicted with the story ({@link StoryFigureTable}).
 */
final class RecordStoryFigures
    implements FixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {
  private FixedKeyProcessorContext<String, EnrichedArticle> context;
  private StoryFigureTable table;

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    this.table =
        new StoryFigureTable(new KeyValueDedupStore(context.getStateStore(DedupProcessor.STORE)));
  }

  @Override
  public void process(FixedKeyRecord<String, EnrichedArticle> record) {
    EnrichedArticle e = record.value();
    RawArticle a = e.getArticle();
    long time = (a.getPublishedAt() != null ? a.getPublishedAt() : a.getFetchedAt()).toEpochMilli();
    e.setFigureConflicts(
        table.record(e.getDedup().getStoryId(), a.getId(), a.getSource(), time, e.getFigures()));
    context.forward(record.withValue(e));
  }
}
