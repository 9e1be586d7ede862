package io.vigia.enrich.dedup;

import io.vigia.schemas.DedupStatus;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Entity;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Fills in the dedup verdict of an analysed article from the changelogged {@link #STORE}, and keys
 * it by the index document it writes (an update writes its original's document). A replay of an
 * article already published (same id, same text) is dropped; most never get here, as the topology's
 * first step ({@link ExactRepeats}) drops them before analysis, but one it let through (its memory
 * is per partition, with its own clock) still is.
 */
public final class DedupProcessor
    implements Processor<String, EnrichedArticle, String, EnrichedArticle> {
  public static final String STORE = "dedup-state";

  private final DedupSettings settings;
  private final BiConsumer<EnrichedArticle, DedupDecision> onDecision;
  private ProcessorContext<String, EnrichedArticle> context;
  private DedupEngine engine;

  public DedupProcessor(DedupSettings settings) {
    this(settings, (article, decision) -> {});
  }

  /**
   * @param onDecision told every decision, replays included (the topology counts them)
   */
  public DedupProcessor(
      DedupSettings settings, BiConsumer<EnrichedArticle, DedupDecision> onDecision) {
    this.settings = settings;
    this.onDecision = onDecision;
  }

  @Override
  public void init(ProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    this.engine = new DedupEngine(new KeyValueDedupStore(context.getStateStore(STORE)), settings);
  }

  /** How many articles the dedup state holds; 0 before {@link #init}. */
  public int articlesHeld() {
    return engine == null ? 0 : engine.articlesHeld();
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    EnrichedArticle e = record.value();
    DedupDecision d =
        engine.decide(
            DedupInput.of(e.getArticle(), e.getEntities().stream().map(Entity::getId).toList()));
    onDecision.accept(e, d);
    if (d.replay()) {
      return;
    }
    e.setDedup(d.toAvro());
    String key = d.status() == DedupStatus.UPDATE ? d.duplicateOf() : e.getArticle().getId();
    context.forward(record.withKey(key).withValue(e));
  }
}
