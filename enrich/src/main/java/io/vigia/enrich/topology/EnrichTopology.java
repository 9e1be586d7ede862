package io.vigia.enrich.topology;

import io.vigia.enrich.analysis.ArticleAnalyzer;
import io.vigia.enrich.dedup.DedupProcessor;
import io.vigia.enrich.dedup.DedupSettings;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrichment topology, from raw articles to enriched ones:
 *
 * <pre>
 * vigia.articles.raw ─ decode ─┬─ (unreadable) ─────────────────────────────────────── vigia.deadletter
 *                              └─ analyse ─┬─ irrelevant ─────────────────────────────── vigia.articles.irrelevant
 *                                          └─ relevant ─ (dedup repartition) ─ dedup ─── vigia.articles.enriched
 * </pre>
 *
 * Analysis (the costly, stateless part) runs in parallel on every input partition. Relevant
 * articles then meet in one dedup task (a one-partition repartition topic), so the candidates an
 * article is compared with never depend on the partition it landed in, whichever instance runs
 * it; its state is a changelogged store, so a restarted or moved task decides the same.
 * Irrelevant articles never reach the dedup state.
 *
 * <p>Built by this one method from its collaborators; {@code main} only wires and starts it, and
 * the tests drive the same topology with {@code TopologyTestDriver}.
 */
public final class EnrichTopology {
  /** Name of the repartition topic (prefixed with the application id) feeding the dedup task. */
  public static final String DEDUP_REPARTITION = "dedup";

  private EnrichTopology() {}

  public static Topology build(ArticleAnalyzer analyzer, String profileName) {
    return build(analyzer, profileName, DedupSettings.defaults());
  }

  public static Topology build(ArticleAnalyzer analyzer, String profileName, DedupSettings dedup) {
    ArticleEnricher enricher = new ArticleEnricher(analyzer, profileName);
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(DedupProcessor.STORE), Serdes.String(), Serdes.ByteArray())
        // The cache absorbs the repeated rewrites of busy LSH buckets between commits.
        .withCachingEnabled());

    KStream<String, Decoded> decoded = builder
        .stream(Topics.RAW.name(), Consumed.with(Topics.KEYS, Serdes.ByteArray()).withName("read-raw-articles"))
        .processValues(DecodeRawArticle::new, Named.as("decode-raw-article"));

    decoded.split(Named.as("decoded-"))
        .branch((k, v) -> v instanceof Decoded.Bad, Branched.withConsumer(bad -> bad
            .mapValues(v -> ((Decoded.Bad) v).letter(), Named.as("to-dead-letter"))
            .to(Topics.DEAD_LETTER.name(), Produced.with(Topics.KEYS, Topics.DEAD_LETTER.valueSerde()).withName("write-dead-letters"))))
        .defaultBranch(Branched.withConsumer(ok -> {
          KStream<String, EnrichedArticle> analysed = ok
              .mapValues(v -> ((Decoded.Ok) v).article(), Named.as("article"))
              .mapValues((RawArticle a) -> enricher.enrich(a), Named.as("analyse"));
          analysed.split(Named.as("relevance-"))
              .branch((k, v) -> v.getRelevance().getRelevant(), Branched.withConsumer(rel -> rel
                  .repartition(Repartitioned.with(Topics.KEYS, Topics.ENRICHED.valueSerde())
                      .withName(DEDUP_REPARTITION).withNumberOfPartitions(1))
                  .process(() -> new DedupProcessor(dedup), Named.as("dedup"), DedupProcessor.STORE)
                  .to(Topics.ENRICHED.name(), Produced.with(Topics.KEYS, Topics.ENRICHED.valueSerde()).withName("write-enriched"))))
              .defaultBranch(Branched.withConsumer(irr -> irr
                  .to(Topics.IRRELEVANT.name(), Produced.with(Topics.KEYS, Topics.IRRELEVANT.valueSerde()).withName("write-irrelevant"))));
        }));
    return builder.build();
  }
}
