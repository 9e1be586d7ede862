package io.vigia.enrich.topology;

import io.vigia.enrich.dedup.DedupProcessor;
import io.vigia.enrich.dedup.KeyValueDedupStore;
import io.vigia.enrich.figures.ElectionFigureTable;
import io.vigia.enrich.figures.StoryFigureTable;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.FigureConflict;
import io.vigia.schemas.RawArticle;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Right after dedup, in its task and over its store: adds the article's figures to its story's
 * figure table, and to its elections' ({@link ElectionFigureTable}) when the profile asks for
 * conflicts across stories, and sets {@code figureConflicts} to the story's conflicts as known now
 * and, then, the election-wide ones the article's claims are in. The tables live in dedup's store
 * so that they are changelogged with it and evicted through its eviction index ({@link
 * StoryFigureTable}).
 */
final class RecordFigures implements FixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {
  private FixedKeyProcessorContext<String, EnrichedArticle> context;
  private StoryFigureTable table;
  private final boolean acrossStories;
  private ElectionFigureTable elections; // null when off: nothing election-wide is stored

  RecordFigures(boolean acrossStories) {
    this.acrossStories = acrossStories;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    KeyValueDedupStore store = new KeyValueDedupStore(context.getStateStore(DedupProcessor.STORE));
    this.table = new StoryFigureTable(store);
    this.elections = acrossStories ? new ElectionFigureTable(store) : null;
  }

  @Override
  public void process(FixedKeyRecord<String, EnrichedArticle> record) {
    EnrichedArticle e = record.value();
    RawArticle a = e.getArticle();
    long time = (a.getPublishedAt() != null ? a.getPublishedAt() : a.getFetchedAt()).toEpochMilli();
    List<FigureConflict> story =
        table.record(e.getDedup().getStoryId(), a.getId(), a.getSource(), time, e.getFigures());
    e.setFigureConflicts(
        elections == null
            ? story
            : ElectionFigureTable.union(
                story, elections.record(a.getId(), a.getSource(), time, e.getFigures())));
    context.forward(record.withValue(e));
  }
}
