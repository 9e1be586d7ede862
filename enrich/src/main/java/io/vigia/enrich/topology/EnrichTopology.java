package io.vigia.enrich.topology;

import io.vigia.common.metrics.Metrics;
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
 * vigia.articles.raw ─ decode ─┬─ (unreadable) ───────────────────────────────────────────────── vigia.deadletter
 *                              └─ drop exact repeats ─ analyse ─┬─ irrelevant ────────────────── vigia.articles.irrelevant
 *                                 [exact-repeats]               └─ relevant ─ remember ─ (dedup repartition) ─ dedup ─ story figures ─ vigia.articles.enriched
 *                                                                             [exact-repeats]                  [dedup-state]
 * </pre>
 *
 * The first step after decoding (which needs the bytes read to know the content hash, and sends
 * poison records to the dead-letter topic) drops exact replays: an article id, the raw record's
 * key, already published with the same content hash ({@link ExactRepeats}, a changelogged store per
 * input partition, bounded by {@code enrich.dedup.retention} in article time). The same canonical
 * URL always has the same key, so always the same partition and the same store. Analysis (the
 * costly, stateless part) runs in parallel on every input partition. Relevant articles are
 * remembered for the first step, then meet in one dedup task (a one-partition repartition topic),
 * so the candidates an article is compared with never depend on the partition it landed in,
 * whichever instance runs it; its state is a changelogged store, so a restarted or moved task
 * decides the same. Irrelevant articles never reach either memory.
 *
 * <p>Built by this one method from its collaborators; {@code main} only wires and starts it, and
 * the tests drive the same topology with {@code TopologyTestDriver}.
 */
public final class EnrichTopology {
  /** Name of the repartition topic (prefixed with the application id) feeding the dedup task. */
  public static final String DEDUP_REPARTITION = "dedup";

  /** The first step's store: article id to the content hash it was published with. */
  public static final String EXACT_REPEATS_STORE = DropExactRepeats.STORE;

  private EnrichTopology() {}

  public static Topology build(ArticleAnalyzer analyzer, String profileName) {
    return build(analyzer, profileName, DedupSettings.defaults());
  }

  public static Topology build(ArticleAnalyzer analyzer, String profileName, DedupSettings dedup) {
    return build(analyzer, profileName, dedup, new EnrichMeters(Metrics.registry()));
  }

  public static Topology build(
      ArticleAnalyzer analyzer, String profileName, DedupSettings dedup, EnrichMeters meters) {
    return build(new ArticleEnricher(analyzer, profileName), dedup, meters, EnrichOutputs.LIVE);
  }

  /**
   * The topology with a given enricher (profile name and version) and outputs: the live pipeline
   * and {@code vigia reprocess} build the same steps, only the topics they write differ.
   */
  public static Topology build(
      ArticleEnricher enricher, DedupSettings dedup, EnrichMeters meters, EnrichOutputs outputs) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DropExactRepeats.STORE),
                Serdes.String(),
                Serdes.ByteArray())
            .withCachingEnabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DedupProcessor.STORE),
                Serdes.String(),
                Serdes.ByteArray())
            // The cache absorbs the repeated rewrites of busy keys (the clock, a story's sources
            // and
            // figure table) between commits.
            .withCachingEnabled());

    KStream<String, Decoded> decoded =
        builder.stream(
                outputs.rawTopic(),
                Consumed.with(Topics.KEYS, Serdes.ByteArray()).withName("read-raw-articles"))
            .processValues(() -> new DecodeRawArticle(meters), Named.as("decode-raw-article"));

    decoded
        .split(Named.as("decoded-"))
        .branch(
            (k, v) -> v instanceof Decoded.Bad,
            Branched.withConsumer(
                bad ->
                    bad.mapValues(v -> ((Decoded.Bad) v).letter(), Named.as("to-dead-letter"))
                        .peek((k, v) -> meters.deadLettered(), Named.as("count-dead-letters"))
                        .to(
                            outputs.deadLetterTopic(),
                            Produced.with(Topics.KEYS, Topics.DEAD_LETTER.valueSerde())
                                .withName("write-dead-letters"))))
        .defaultBranch(
            Branched.withConsumer(
                ok -> {
                  KStream<String, RawArticle> articles =
                      ok.mapValues(v -> ((Decoded.Ok) v).article(), Named.as("article"));
                  if (outputs.since() != null) { // only a reprocessing run limited in time
                    articles = articles.filter((k, a) -> outputs.judges(a), Named.as("since"));
                  }
                  KStream<String, EnrichedArticle> analysed =
                      articles
                          .processValues(
                              () -> new DropExactRepeats(dedup.retention(), meters),
                              Named.as("drop-exact-repeats"),
                              DropExactRepeats.STORE)
                          .mapValues(
                              (RawArticle a) -> meters.timeAnalysis(() -> enricher.enrich(a)),
                              Named.as("analyse"));
                  analysed
                      .split(Named.as("relevance-"))
                      .branch(
                          (k, v) -> v.getRelevance().getRelevant(),
                          Branched.withConsumer(
                              rel ->
                                  rel.processValues(
                                          () -> new RememberPublished(dedup.retention()),
                                          Named.as("remember-published"),
                                          DropExactRepeats.STORE)
                                      .repartition(
                                          Repartitioned.with(
                                                  Topics.KEYS, Topics.ENRICHED.valueSerde())
                                              .withName(DEDUP_REPARTITION)
                                              .withNumberOfPartitions(1))
                                      .process(
                                          () -> new TimedDedup(dedup, meters),
                                          Named.as("dedup"),
                                          DedupProcessor.STORE)
                                      .processValues(
                                          () ->
                                              new RecordFigures(enricher.conflictsAcrossStories()),
                                          Named.as("story-figures"),
                                          DedupProcessor.STORE)
                                      .peek((k, v) -> meters.enriched(), Named.as("count-enriched"))
                                      .to(
                                          outputs.enrichedTopic(),
                                          Produced.with(Topics.KEYS, Topics.ENRICHED.valueSerde())
                                              .withName("write-enriched"))))
                      .defaultBranch(
                          Branched.withConsumer(
                              irr ->
                                  irr.peek(
                                          (k, v) -> meters.irrelevant(),
                                          Named.as("count-irrelevant"))
                                      .to(
                                          outputs.irrelevantTopic(),
                                          Produced.with(Topics.KEYS, Topics.IRRELEVANT.valueSerde())
                                              .withName("write-irrelevant"))));
                }));
    return builder.build();
  }
}
