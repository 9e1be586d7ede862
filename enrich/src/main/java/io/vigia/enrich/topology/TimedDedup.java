package io.vigia.enrich.topology;

import io.vigia.enrich.dedup.DedupProcessor;
import io.vigia.enrich.dedup.DedupSettings;
import io.vigia.schemas.EnrichedArticle;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** The dedup step, its decisions counted and its time measured ({@link EnrichMeters}). */
final class TimedDedup implements Processor<String, EnrichedArticle, String, EnrichedArticle> {
  private final DedupProcessor dedup;
  private final EnrichMeters meters;

  TimedDedup(DedupSettings settings, EnrichMeters meters) {
    this.dedup = new DedupProcessor(settings, (e, d) -> meters.decided(e.getArticle().getId(), d));
    this.meters = meters;
  }

  @Override
  public void init(ProcessorContext<String, EnrichedArticle> context) {
    dedup.init(context);
    meters.dedupHeld(dedup.articlesHeld()); // what the state read back
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    meters.timeDedup(() -> dedup.process(record));
    meters.dedupHeld(dedup.articlesHeld());
  }

  @Override
  public void close() {
    dedup.close();
    meters.dedupHeld(0); // the task moved away, or the service stops: this instance holds none
  }
}
