package io.vigia.ingest;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.disk.DiskSpaceGuard;
import io.vigia.common.health.HealthReporting;
import io.vigia.common.health.LoopHealth;
import io.vigia.common.health.StageHealth;
import io.vigia.common.kafka.TopicFollower;
import io.vigia.common.kafka.UnreadableRecords;
import io.vigia.common.metrics.Metrics;
import io.vigia.common.profile.FeedSpec;
import io.vigia.ingest.cluster.FeedOwnership;
import io.vigia.ingest.cluster.SharedFeedList;
import io.vigia.ingest.extract.ArticleExtractor;
import io.vigia.ingest.fetch.HostGate;
import io.vigia.ingest.fetch.HostResolver;
import io.vigia.ingest.fetch.PageFetcher;
import io.vigia.ingest.fetch.RobotsPolicy;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Topic;
import io.vigia.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every feed of the shared feed list that this instance owns, fetches each item new to a feed
 * once (across feeds and instances: the fetched URLs are kept in a compacted topic), extracts it
 * and produces a raw article. Each feed keeps, in the compacted feed-state topic, what it listed,
 * the items waiting for a retry and its health, so a restart or a hand-over continues from there. A
 * crash between producing an article and remembering it refetches that page (never loses it);
 * enrich drops the repeat by its id.
 *
 * <p>This class wires the stage and runs its life cycle. An article's way runs forward through
 * {@link PollingLoop} (when each feed is due), {@link FeedPoller} (one poll of one feed, with
 * {@link SitemapIndexWalk} for sitemap indexes), {@link ItemIngestion} (one item, fetched and
 * extracted), {@link RawArticles} (the article built) and {@link ArticleProducer} (produced, then
 * remembered in {@link FetchedUrlLog}). Each feed's state lives in {@link FeedStates}, is persisted
 * by {@link FeedStateLog}, and its health is kept by {@link SourceStatuses}.
 */
public final class IngestService implements AutoCloseable, HealthReporting {
  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

  /**
   * Longest wait for the fetched URLs and the feed states to be read at start: a month of a busy
   * deployment's URLs reads in seconds, so this is a broker that stopped answering.
   */
  private static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(10);

  private final IngestSettings settings;
  private final KafkaSettings kafka;
  private final ArticleExtractor extractor;
  private final PageFetcher fetcher;
  private final RobotsPolicy robots;
  private final DiskSpaceGuard disk;
  private final FeedStates states = new FeedStates();
  private final SourceStatuses sources;
  private final LoopHealth health = new LoopHealth("ingest", "the polling loop");
  private volatile boolean running;
  private KafkaProducer<String, RawArticle> producer;
  private KafkaProducer<String, String> stateProducer;
  private FeedOwnership ownership;
  private volatile SharedFeedList feedList;
  private PollingLoop loop;
  private TopicFollower<String, String> seenFollower;
  private TopicFollower<String, String> stateFollower;

  public IngestService(IngestSettings settings, KafkaSettings kafka, ArticleExtractor extractor) {
    this(settings, kafka, extractor, DiskSpaceGuard.none());
  }

  public IngestService(
      IngestSettings settings,
      KafkaSettings kafka,
      ArticleExtractor extractor,
      DiskSpaceGuard disk) {
    this(settings, kafka, extractor, disk, HostResolver.SYSTEM);
  }

  /**
   * As above, host names resolved by {@code resolver}: tests that stand a loopback server in for a
   * real host.
   */
  IngestService(
      IngestSettings settings,
      KafkaSettings kafka,
      ArticleExtractor extractor,
      DiskSpaceGuard disk,
      HostResolver resolver) {
    this.disk = disk;
    this.settings = settings;
    this.kafka = kafka;
    this.extractor = extractor;
    HostGate gate = new HostGate(settings.hostDelay(), settings.maxInFlightPerHost());
    this.fetcher =
        PageFetcher.builder(
                settings.userAgent(),
                settings.maxBodyBytes(),
                settings.connectTimeout(),
                settings.readTimeout())
            .allowPrivate(settings.allowPrivateAddresses())
            .totalTimeout(settings.totalTimeout())
            .exempt(Set.copyOf(settings.privateAddressExceptions()))
            .gate(gate)
            .resolver(resolver)
            .build();
    this.robots = new RobotsPolicy(fetcher, "vigia", Clock.systemUTC());
    this.sources = new SourceStatuses(states, settings.pollInterval());
    for (FeedSpec f : settings.feeds()) {
      sources.add(f);
    }
  }

  public void start() {
    Properties p = kafka.clientProperties();
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    producer =
        new KafkaProducer<>(
            p, Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
    new KafkaClientMetrics(producer)
        .bindTo(Metrics.registry()); // send rates, errors, retries of the raw producer
    // Writes both compacted String topics: the fetched-URL log and the per-feed state.
    stateProducer =
        new KafkaProducer<>(
            p,
            Topics.INGEST_SEEN.keySerde().serializer(),
            Topics.INGEST_SEEN.valueSerde().serializer());
    FetchedUrlLog fetchedUrls = new FetchedUrlLog(settings.seenRetention(), stateProducer);
    FeedStateLog stateLog = new FeedStateLog(states, sources, stateProducer);
    restoreState(fetchedUrls, stateLog);
    fetchedUrls.forgetExpired();
    SharedFeedList list = new SharedFeedList(kafka, settings.instanceId());
    List<String> removed = list.start(settings.feeds(), this::feedListChanged);
    removed.forEach(stateLog::forget); // no instance polls them any more
    feedList = list;
    feedListChanged();
    ownership = new FeedOwnership(kafka, settings.groupId(), settings.instanceId()).start();
    ArticleProducer articles =
        new ArticleProducer(producer, fetchedUrls, states, settings.pollInterval());
    ItemIngestion items = new ItemIngestion(fetcher, robots, extractor, fetchedUrls, articles);
    FeedPoller poller =
        new FeedPoller(
            settings, fetcher, items, articles, states, sources, stateLog, this::stillOurs);
    running = true;
    loop =
        new PollingLoop(settings, this::feeds, ownership, states, poller, fetchedUrls, disk, health)
            .start();
    LOG.info(
        "ingest polling its share of {} feeds ({} configured here) every {} to {} ({} at once; {} between requests to a host, "
            + "at most {} in flight)",
        list.feeds().size(),
        settings.feeds().size(),
        settings.pollInterval(),
        settings.maxPollInterval(),
        settings.fetchThreads(),
        settings.hostDelay(),
        settings.maxInFlightPerHost());
  }

  /**
   * Reads the compacted topic of fetched URLs, and the one of per-feed state, from the beginning,
   * then keeps following both: other ingest instances fetch and poll too, and what they fetched is
   * not ours to fetch again; a feed handed over to us continues from its last state.
   */
  private void restoreState(FetchedUrlLog fetchedUrls, FeedStateLog stateLog) {
    UnreadableRecords.skipped("ingest", Topics.INGEST_SEEN.name(), 0);
    UnreadableRecords.skipped("ingest", Topics.INGEST_FEED_STATE.name(), 0);
    seenFollower = restore(Topics.INGEST_SEEN, fetchedUrls::learn, "vigia-ingest-seen");
    LOG.info(
        "ingest remembers {} fetched articles (of the last {})",
        fetchedUrls.size(),
        settings.seenRetention());
    stateFollower = restore(Topics.INGEST_FEED_STATE, stateLog::learn, "vigia-ingest-feed-state");
    LOG.info("ingest restored the polling state of {} feeds and sitemaps", states.persistedCount());
  }

  /** Follows {@code topic} from its beginning, and returns once what it held at start was read. */
  private TopicFollower<String, String> restore(
      Topic<String, String> topic, BiConsumer<String, String> learn, String threadName) {
    TopicFollower<String, String> follower =
        TopicFollower.builder(
                threadName,
                kafka,
                topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())
            .topics(topic.name())
            .onRecord(PoisonSkipping.handler(learn))
            .start();
    follower.awaitCaughtUp(RESTORE_TIMEOUT);
    return follower;
  }

  /**
   * Checked before each item of a poll: this instance still runs and still owns the feed (see
   * {@link FeedPoller}).
   */
  private boolean stillOurs(FeedSpec feed) {
    return running && (ownership == null || ownership.owns(feed));
  }

  /**
   * Brings health entries and gauges in line with the shared feed list (feeds other instances added
   * or removed).
   */
  private synchronized void feedListChanged() {
    SharedFeedList list = feedList;
    if (list == null) {
      return;
    }
    Set<String> urls = new HashSet<>();
    for (FeedSpec f : list.feeds()) {
      urls.add(f.url());
      sources.add(f);
    }
    for (String url : sources.urls()) {
      if (!urls.contains(url)) {
        sources.remove(url);
        states.left(url);
        LOG.info("feed {} left the shared feed list: no longer polled", url);
      }
    }
  }

  /** The feeds to poll: the shared list once started, the configured ones before. */
  private List<FeedSpec> feeds() {
    SharedFeedList list = feedList;
    return list == null ? settings.feeds() : list.feeds();
  }

  /** Why ingest is paused (e.g. the disk is nearly full), or null while it works. */
  public String pausedBecause() {
    return health.pausedBecause().orElse(null);
  }

  /**
   * Down once the polling loop or the feed ownership stopped; paused while the disk is nearly full.
   */
  @Override
  public StageHealth health() {
    if (health.failure().isEmpty() && ownership != null && ownership.failure() != null) {
      return StageHealth.down(
          "ingest", "feed ownership stopped: this instance polls no feeds", ownership.failure());
    }
    return health.health();
  }

  /** Source health, one entry per feed of the shared list (before start: per configured feed). */
  public List<SourceStatus> sources() {
    return sources.of(feeds());
  }

  @Override
  public void close() {
    running = false;
    if (loop != null) {
      loop.stop();
    }
    if (ownership != null) {
      ownership.close();
    }
    if (loop != null) {
      loop.close();
    }
    if (feedList != null) {
      feedList.close();
    }
    if (stateFollower != null) {
      stateFollower.close();
    }
    if (seenFollower != null) {
      seenFollower.close();
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(10));
      stateProducer.close(Duration.ofSeconds(10));
    }
    fetcher.close();
  }
}
