package io.vigia.schemas;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of Vigía, each declared once with its serdes. The stages meet through the shared ones
 * and never call each other: ingest produces {@link #RAW}, enrich turns it into {@link #ENRICHED}
 * (and {@link #IRRELEVANT}), the sink indexes enriched articles; anything a stage cannot process
 * goes to {@link #DEAD_LETTER}. A stage's private topics ({@code vigia.ingest.*}, {@code
 * vigia.alerts*}) are declared here too: only their stage writes them, but other processes read
 * some of them (the sink run alone shows feed states and recent alerts), and every reader must
 * agree with the writer on name and format. Kafka Streams' own topics (changelogs, repartitions)
 * are named by Streams after the application id and the store and step names of each topology.
 */
public final class Topics {
  private Topics() {}

  public static final Serde<String> KEYS = Serdes.String();

  /**
   * Raw articles keyed by article id (derived from the canonical URL). Compacted, so the history is
   * kept (the latest record of each article, for good): {@code vigia reprocess} reads it back to
   * re-enrich everything with a new profile. An existing topic with the delete policy is switched
   * to compact at start ({@link TopicCreator}).
   */
  public static final Topic<String, RawArticle> RAW =
      new Topic<>("vigia.articles.raw", KEYS, AvroSerde.of(RawArticle.class), true);

  /** Relevant, enriched articles keyed by the id of the index document they write. */
  public static final Topic<String, EnrichedArticle> ENRICHED =
      new Topic<>("vigia.articles.enriched", KEYS, AvroSerde.of(EnrichedArticle.class), false);

  /**
   * Articles the relevance stage judged off-topic, with score and reasons, for audit and replay.
   */
  public static final Topic<String, EnrichedArticle> IRRELEVANT =
      new Topic<>("vigia.articles.irrelevant", KEYS, AvroSerde.of(EnrichedArticle.class), false);

  /**
   * Ingest's memory of what it already fetched, keyed by canonical URL (value: fetch time).
   * Compacted, so it survives restarts and is shared by every ingest instance.
   */
  public static final Topic<String, String> INGEST_SEEN =
      new Topic<>("vigia.ingest.seen", KEYS, Serdes.String(), true);

  /**
   * The feed list, keyed by feed URL and compacted. Ingest instances share the feeds through a
   * consumer group on this topic: an instance polls the feeds whose key falls in the partitions it
   * is assigned, so Kafka's group protocol (not a coordinator of ours) splits and hands over the
   * work when instances come and go.
   */
  public static final Topic<String, String> INGEST_FEEDS =
      new Topic<>("vigia.ingest.feeds", KEYS, Serdes.String(), true);

  /**
   * Ingest's per-feed polling state (validators, interval, error streak, health figures), keyed by
   * feed URL, JSON values, compacted: a restarted or newly assigned instance picks up where the
   * feed's previous poller left it.
   */
  public static final Topic<String, String> INGEST_FEED_STATE =
      new Topic<>("vigia.ingest.feed-state", KEYS, Serdes.String(), true);

  /**
   * The alerts stage's subscriptions as JSON keyed by id, a null value deleting one. Compacted, so
   * every instance (and every restart) reads the whole current set from the beginning. Holds
   * webhook secrets: restrict it with ACLs on a shared cluster.
   */
  public static final Topic<String, String> ALERT_SUBSCRIPTIONS =
      new Topic<>("vigia.alerts.subscriptions", KEYS, Serdes.String(), true);

  /**
   * The alerts stage's alerts: one per subscription and article (or story), JSON, keyed by
   * subscription id.
   */
  public static final Topic<String, String> ALERTS =
      new Topic<>("vigia.alerts", KEYS, Serdes.String(), false);

  /** Records a stage could not process, with the reason and their origin. */
  public static final Topic<String, DeadLetter> DEAD_LETTER =
      new Topic<>("vigia.deadletter", KEYS, AvroSerde.of(DeadLetter.class), false);

  /**
   * Analysts' corrections of the pipeline's judgements, keyed by article id and field ({@link
   * #correctionKey}), compacted: the latest correction of each field is kept, a null value takes it
   * back. The sink overlays them on the indexed articles; learning reads them as labelled examples.
   */
  public static final Topic<String, Correction> CORRECTIONS =
      new Topic<>("vigia.corrections", KEYS, AvroSerde.of(Correction.class), true);

  /**
   * The key of a correction in {@link #CORRECTIONS}: the article id, a space, the field ({@code
   * stance:TARGET}, {@code relevant}, {@code entity:ID}, {@code story}).
   */
  public static String correctionKey(String articleId, String field) {
    return articleId + " " + field;
  }

  /**
   * The schema log: every schema a stage writes, keyed by name@fingerprint (see {@link
   * SchemaCheck}).
   */
  public static final Topic<String, String> SCHEMAS =
      new Topic<>("vigia.schemas", KEYS, Serdes.String(), true);

  /**
   * What reprocessing run {@code run} ({@code vigia reprocess}) writes instead of the live topics:
   * its relevant articles, read by its own sink into a new index version. Nothing of the live
   * pipeline reads it, so alerts (which read only {@link #ENRICHED}) never see a re-judged article.
   */
  public static Topic<String, EnrichedArticle> reprocessEnriched(int run) {
    return new Topic<>(
        "vigia.reprocess.r" + run + ".enriched", KEYS, AvroSerde.of(EnrichedArticle.class), false);
  }

  /** Off-topic articles of reprocessing run {@code run}, kept apart from the live ones. */
  public static Topic<String, EnrichedArticle> reprocessIrrelevant(int run) {
    return new Topic<>(
        "vigia.reprocess.r" + run + ".irrelevant",
        KEYS,
        AvroSerde.of(EnrichedArticle.class),
        false);
  }

  /**
   * Unreadable raw records met again by reprocessing run {@code run} (the live run already
   * dead-lettered them once).
   */
  public static Topic<String, DeadLetter> reprocessDeadLetter(int run) {
    return new Topic<>(
        "vigia.reprocess.r" + run + ".deadletter", KEYS, AvroSerde.of(DeadLetter.class), false);
  }

  /**
   * The raw records reprocessing run {@code run} reads, all raw partitions merged into one in order
   * of record timestamp (the time ingest stored each article), byte for byte: its topology reads
   * this instead of {@link #RAW}, so its one dedup task meets articles in the order they were
   * stored. One partition, created by the run (not in {@link #reprocessTopics}).
   */
  public static Topic<String, RawArticle> reprocessRaw(int run) {
    return new Topic<>(
        "vigia.reprocess.r" + run + ".raw", KEYS, AvroSerde.of(RawArticle.class), false);
  }

  /** Every topic of reprocessing run {@code run}, created when it starts. */
  public static java.util.List<Topic<?, ?>> reprocessTopics(int run) {
    return java.util.List.of(
        reprocessEnriched(run), reprocessIrrelevant(run), reprocessDeadLetter(run));
  }

  /**
   * The topics the alerts stage writes, created when it starts (it reads {@link #ENRICHED} as
   * well).
   */
  public static java.util.List<Topic<?, ?>> alertTopics() {
    return java.util.List.of(ALERT_SUBSCRIPTIONS, ALERTS, DEAD_LETTER);
  }

  /** Every topic of the pipeline but the alerts stage's, for creation at start. */
  public static java.util.List<Topic<?, ?>> all() {
    return java.util.List.of(
        RAW,
        ENRICHED,
        IRRELEVANT,
        INGEST_SEEN,
        INGEST_FEEDS,
        INGEST_FEED_STATE,
        DEAD_LETTER,
        SCHEMAS,
        CORRECTIONS);
  }
}
