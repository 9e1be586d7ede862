package io.vigia.enrich.topology;

import io.vigia.enrich.analysis.ArticleAnalysis;
import io.vigia.enrich.analysis.ArticleAnalyzer;
import io.vigia.enrich.dedup.CanonicalUrlDeduplicator;
import io.vigia.schemas.DeadLetter;
import io.vigia.schemas.Dedup;
import io.vigia.schemas.DedupStatus;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Topics;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrichment topology, from raw articles to enriched ones:
 *
 * <pre>
 * vigia.articles.raw ─ decode ─┬─ (unreadable) ─────────────────────────────── vigia.deadletter
 *                              └─ canonical-url dedup ─ analyse ─┬─ relevant ── vigia.articles.enriched
 *                                                                 └─ irrelevant ─ vigia.articles.irrelevant
 * </pre>
 *
 * Built by this one method from its collaborators; {@code main} only wires and starts it, and
 * the tests drive the same topology with {@code TopologyTestDriver}.
 */
public final class EnrichTopology {
  private EnrichTopology() {}

  public static Topology build(ArticleAnalyzer analyzer, String profileName) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(CanonicalUrlDeduplicator.STORE), Serdes.String(), Serdes.Long()));

    KStream<String, Decoded> decoded = builder
        .stream(Topics.RAW.name(), Consumed.with(Topics.KEYS, Serdes.ByteArray()).withName("read-raw-articles"))
        .processValues(DecodeRawArticle::new, Named.as("decode-raw-article"));

    decoded.split(Named.as("decoded-"))
        .branch((k, v) -> v instanceof Decoded.Bad, Branched.withConsumer(bad -> bad
            .mapValues(v -> ((Decoded.Bad) v).letter(), Named.as("to-dead-letter"))
            .to(Topics.DEAD_LETTER.name(), Produced.with(Topics.KEYS, Topics.DEAD_LETTER.valueSerde()).withName("write-dead-letters"))))
        .defaultBranch(Branched.withConsumer(ok -> {
          KStream<String, RawArticle> articles = ok
              .mapValues(v -> ((Decoded.Ok) v).article(), Named.as("article"))
              .processValues(CanonicalUrlDeduplicator::new, Named.as("drop-repeated-canonical-urls"), CanonicalUrlDeduplicator.STORE);
          KStream<String, EnrichedArticle> enriched = articles
              .mapValues(a -> enrich(a, analyzer.analyze(a), profileName), Named.as("analyse"));
          enriched.split(Named.as("relevance-"))
              .branch((k, v) -> v.getRelevance().getRelevant(), Branched.withConsumer(rel -> rel
                  .to(Topics.ENRICHED.name(), Produced.with(Topics.KEYS, Topics.ENRICHED.valueSerde()).withName("write-enriched"))))
              .defaultBranch(Branched.withConsumer(irr -> irr
                  .to(Topics.IRRELEVANT.name(), Produced.with(Topics.KEYS, Topics.IRRELEVANT.valueSerde()).withName("write-irrelevant"))));
        }));
    return builder.build();
  }

  static EnrichedArticle enrich(RawArticle a, ArticleAnalysis analysis, String profileName) {
    return EnrichedArticle.newBuilder()
        .setArticle(a)
        .setEnrichmentVersion(ArticleAnalyzer.ENRICHMENT_VERSION)
        .setEnrichedAt(Instant.now())
        .setProfile(profileName)
        .setRelevance(analysis.relevance())
        .setDedup(Dedup.newBuilder().setStatus(DedupStatus.ORIGINAL).setStoryId(a.getId()).setStorySources(1).build())
        .setEntities(analysis.entities())
        .setStance(analysis.stance())
        .build();
  }
}
