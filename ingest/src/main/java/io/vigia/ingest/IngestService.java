package io.vigia.ingest;

import io.vigia.common.kafka.TopicPartitions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.disk.DiskSpaceGuard;
import io.vigia.common.metrics.Metrics;
import io.vigia.common.profile.FeedSpec;
import io.vigia.common.text.TextNormalizer;
import io.vigia.common.url.CanonicalUrl;
import io.vigia.ingest.cluster.FeedOwnership;
import io.vigia.ingest.extract.ArticleExtractor;
import io.vigia.ingest.extract.ExtractedPage;
import io.vigia.ingest.feed.FeedItem;
import io.vigia.ingest.feed.FeedPollState;
import io.vigia.ingest.feed.FeedReader;
import io.vigia.ingest.fetch.FetchResult;
import io.vigia.ingest.fetch.PageFetcher;
import io.vigia.ingest.fetch.RobotsPolicy;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every feed, fetches each new item's page once, extracts it and produces a raw article.
 * What was fetched is remembered in a compacted topic, so a restart fetches nothing twice.
 */
public final class IngestService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

  private final IngestSettings settings;
  private final KafkaSettings kafka;
  private final ArticleExtractor extractor;
  private final PageFetcher fetcher;
  private final RobotsPolicy robots;
  private final Map<String, Long> lastRequestToHost = new ConcurrentHashMap<>();
  private final FeedReader feedReader = new FeedReader();
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final Map<String, SourceStatus> sources = new ConcurrentHashMap<>();
  private final Map<String, FeedPollState> pollStates = new ConcurrentHashMap<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final DiskSpaceGuard disk;
  private volatile String pausedBecause;
  private final Counter produced = Counter.builder("vigia.ingest.articles.produced").description("Raw articles produced").register(Metrics.registry());
  private final DistributionSummary publishedToFetched = DistributionSummary.builder("vigia.freshness.published.to.fetched")
      .baseUnit("seconds").description("Seconds from an article's publication to its fetch").publishPercentiles(0.5, 0.9, 0.99)
      .register(Metrics.registry());
  private volatile boolean running;
  private KafkaProducer<String, RawArticle> producer;
  private KafkaProducer<String, String> seenProducer;
  private Thread thread;
  private FeedOwnership ownership;
  private Thread seenTail;

  /** Health of one source, as shown by {@code GET /api/sources}. */
  public record SourceStatus(String url, String name, String state, String lastError, Instant lastPoll, int itemsSeen,
      int articlesProduced, int errorStreak, Instant nextPollNotBefore) {
    SourceStatus(String url, String name, String state, String lastError, Instant lastPoll, int itemsSeen, int articlesProduced) {
      this(url, name, state, lastError, lastPoll, itemsSeen, articlesProduced, 0, null);
    }
  }

  public IngestService(IngestSettings settings, KafkaSettings kafka, ArticleExtractor extractor) {
    this(settings, kafka, extractor, DiskSpaceGuard.none());
  }

  public IngestService(IngestSettings settings, KafkaSettings kafka, ArticleExtractor extractor, DiskSpaceGuard disk) {
    this.disk = disk;
    this.settings = settings;
    this.kafka = kafka;
    this.extractor = extractor;
    this.fetcher = new PageFetcher(settings.userAgent(), settings.allowPrivateAddresses(), settings.maxBodyBytes(),
        settings.connectTimeout(), settings.readTimeout(), java.util.Set.copyOf(settings.privateAddressExceptions()));
    this.robots = new RobotsPolicy(fetcher, "vigia", java.time.Clock.systemUTC());
    for (FeedSpec f : settings.feeds()) {
      sources.put(f.url(), new SourceStatus(f.url(), f.name(), "pending", null, null, 0, 0));
    }
  }

  public void start() {
    restoreSeen();
    ownership = new FeedOwnership(kafka, settings.groupId(), settings.instanceId()).start(settings.feeds());
    Properties p = kafka.clientProperties();
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    producer = new KafkaProducer<>(p, Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
    seenProducer = new KafkaProducer<>(p, Topics.INGEST_SEEN.keySerde().serializer(), Topics.INGEST_SEEN.valueSerde().serializer());
    running = true;
    thread = new Thread(this::loop, "vigia-ingest");
    thread.setDaemon(true);
    thread.start();
    LOG.info("ingest polling {} feeds every {}", settings.feeds().size(), settings.pollInterval());
  }

  /** Reads the compacted topic of fetched URLs from the beginning. */
  private void restoreSeen() {
    Properties p = kafka.clientProperties();
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "vigia-ingest-restore-" + UUID.randomUUID());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaConsumer<String, String> c = new KafkaConsumer<>(p, Topics.INGEST_SEEN.keySerde().deserializer(),
        Topics.INGEST_SEEN.valueSerde().deserializer());
    try {
      List<TopicPartition> parts = TopicPartitions.of(c, Topics.INGEST_SEEN.name(), Duration.ofSeconds(60));
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
          seen.add(r.key());
        }
      }
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
    LOG.info("ingest remembers {} fetched articles", seen.size());
    // Keep following it: other ingest instances fetch too, and what they fetched is not ours to fetch again.
    seenTail = new Thread(() -> tailSeen(c), "vigia-ingest-seen");
    seenTail.setDaemon(true);
    seenTail.start();
  }

  private void tailSeen(KafkaConsumer<String, String> c) {
    try (c) {
      while (running || stopped.getCount() > 0) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
          seen.add(r.key());
        }
      }
    } catch (org.apache.kafka.common.errors.WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.warn("stopped following the fetched-URL log: {}", e.toString());
    }
  }

  private void loop() {
    try {
      if (!ownership.awaitAssignment(Duration.ofSeconds(60))) {
        LOG.warn("no feed partitions assigned after 60 s; is another ingest instance of group '{}' polling them all?",
            settings.groupId());
      }
      while (running) {
        for (FeedSpec feed : settings.feeds()) {
          if (!running) {
            break;
          }
          while (running && (pausedBecause = disk.pauseReason().orElse(null)) != null) {
            LOG.warn("ingest paused: {}", pausedBecause);
            if (stopped.await(5, TimeUnit.SECONDS)) {
              return;
            }
          }
          if (ownership.owns(feed)) {
            pollOneIsolated(feed);
          }
        }
        producer.flush();
        seenProducer.flush();
        if (stopped.await(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("ingest loop stopped", e);
    }
  }

  /** One source's failure, whatever it is, stays that source's: the others are still polled. */
  private void pollOneIsolated(FeedSpec feed) {
    try {
      pollFeed(feed);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.error("feed {} broke its poll", feed.url(), e);
      update(feed, "failing", "internal error while polling: " + e, 0, 0);
    }
  }

  void pollFeed(FeedSpec feed) {
    SourceStatus before = sources.get(feed.url());
    FeedPollState st = pollStates.computeIfAbsent(feed.url(), u -> new FeedPollState());
    Instant now = Instant.now();
    if (!st.due(now)) {
      return; // backing off (error streak or Retry-After): this source waits, the others go on
    }
    FetchResult r = fetcher.fetch(feed.url(), st.validatorsFor());
    st.afterFetch(r, now, settings.pollInterval());
    if (r instanceof FetchResult.Failed f) {
      update(feed, "failing", f.reason(), 0, 0);
    } else if (r instanceof FetchResult.NotModified) {
      update(feed, "not-modified", null, 0, 0);
    } else if (r instanceof FetchResult.Fetched f) {
      List<FeedItem> items;
      try {
        items = feedReader.read(f.finalUrl(), f.body());
      } catch (FeedReader.FeedException e) {
        update(feed, "failing", e.getMessage(), 0, 0);
        return;
      }
      int produced = 0;
      int failed = 0;
      String firstFailure = null;
      List<FeedItem> read = items.size() > settings.maxItemsPerFeed() ? items.subList(0, settings.maxItemsPerFeed()) : items;
      for (FeedItem item : read) {
        if (!running) {
          break;
        }
        ItemOutcome o = fetchArticle(feed, item);
        if (o == ItemOutcome.PRODUCED) {
          produced++;
        } else if (o instanceof ItemOutcome.Failed itemFailure) {
          failed++;
          firstFailure = firstFailure == null ? item.link() + ": " + itemFailure.reason() : firstFailure;
        }
      }
      // The feed itself is fine; what went wrong with its items is still the source's news.
      String problem = null;
      if (failed > 0) {
        problem = failed + " of " + read.size() + " items not ingested (first: " + firstFailure + ")";
      }
      if (items.isEmpty()) {
        problem = "the feed lists no items";
      }
      if (read.size() < items.size()) {
        problem = (problem == null ? "" : problem + "; ") + "feed lists " + items.size() + " items, only the first "
            + read.size() + " are read (ingest.max-items-per-feed)";
      }
      update(feed, "ok", problem, items.size(), produced);
    }
    if (before != null && "failing".equals(sources.get(feed.url()).state())) {
      LOG.warn("feed {} failing: {}", feed.url(), sources.get(feed.url()).lastError());
    }
  }

  /** What became of one feed item. */
  private sealed interface ItemOutcome {
    ItemOutcome PRODUCED = new Produced();
    ItemOutcome ALREADY_SEEN = new AlreadySeen();

    record Produced() implements ItemOutcome {}

    record AlreadySeen() implements ItemOutcome {}

    record Failed(String reason) implements ItemOutcome {}
  }

  private ItemOutcome fetchArticle(FeedSpec feed, FeedItem item) {
    String key = CanonicalUrl.normalise(item.link()).orElse(null);
    if (key == null) {
      return new ItemOutcome.Failed("not an http(s) article URL");
    }
    if (seen.contains(key)) {
      return ItemOutcome.ALREADY_SEEN;
    }
    RobotsPolicy.Verdict robotsSay = robots.check(item.link());
    if (!robotsSay.allowed()) {
      if (!robotsSay.temporary()) {
        remember(key); // the site asked us not to: do not ask again every poll
      }
      return new ItemOutcome.Failed(robotsSay.reason());
    }
    paceFor(item.link(), robotsSay.crawlDelay());
    FetchResult r = fetcher.fetch(item.link());
    if (!(r instanceof FetchResult.Fetched f)) {
      LOG.info("article {} not fetched: {}", item.link(), r);
      return new ItemOutcome.Failed(r instanceof FetchResult.Failed failed ? failed.reason() : String.valueOf(r));
    }
    ExtractedPage page;
    try {
      page = extractor.extract(f.finalUrl(), f.body(), f.charset().orElse(null));
    } catch (RuntimeException | StackOverflowError e) {
      // A page the extractor cannot digest is that page's problem, not the feed's or the process's.
      LOG.warn("{} could not be extracted: {}", item.link(), e.toString());
      remember(key);
      return new ItemOutcome.Failed("extraction failed: " + e);
    }
    if (!page.isArticle()) {
      LOG.info("{} is not an article: {}", item.link(), page.notArticleReason());
      remember(key);
      return new ItemOutcome.Failed("not an article: " + page.notArticleReason());
    }
    String canonical = CanonicalUrl.normalise(page.canonicalUrl()).orElse(CanonicalUrl.normalise(f.finalUrl()).orElse(key));
    String id = CanonicalUrl.idOf(canonical);
    RawArticle a = RawArticle.newBuilder()
        .setId(id)
        .setUrl(f.finalUrl())
        .setCanonicalUrl(canonical)
        .setSource(feed.name())
        .setFeedUrl(feed.url())
        .setGuid(item.guid())
        .setTitle(page.title().isBlank() && item.title() != null ? item.title() : page.title())
        .setByline(page.byline())
        .setPublishedAt(page.publishedAt() != null ? page.publishedAt().toInstant() : item.publishedAt())
        .setModifiedAt(page.modifiedAt() == null ? null : page.modifiedAt().toInstant())
        .setFetchedAt(Instant.now())
        .setLanguage(page.language() != null ? page.language() : feed.language())
        .setText(page.text())
        .setContentHash(TextNormalizer.contentHash(page.text()))
        .setDescription(page.description())
        .setSiteName(page.siteName())
        .setLeadImage(page.leadImage())
        .setExtractor(extractor.version())
        .build();
    // Produce first, remember second, and only once the broker has the article: the fetched-URL
    // log is written from the send's acknowledgement. Two producers give no order between their
    // topics, so remembering right after send() could persist the URL while the article still sat
    // in the other producer's buffer, and a kill -9 then would lose it for good. A crash before the
    // acknowledgement refetches the page instead, and enrich drops the repeat by its id.
    List<String> keys = canonical.equals(key) ? List.of(key) : List.of(key, canonical);
    seen.addAll(keys); // this process does not fetch it again meanwhile
    producer.send(new ProducerRecord<>(Topics.RAW.name(), id, a), (metadata, error) -> {
      if (error == null) {
        keys.forEach(this::persistSeen);
      } else {
        LOG.warn("article {} not produced ({}); it will be fetched again", a.getUrl(), error.toString());
        keys.forEach(seen::remove);
      }
    });
    produced.increment();
    if (a.getPublishedAt() != null) {
      publishedToFetched.record(Math.max(0, Duration.between(a.getPublishedAt(), a.getFetchedAt()).toMillis() / 1000.0));
    }
    return ItemOutcome.PRODUCED;
  }

  /** Waits out a site's Crawl-delay (at most a minute) since our last request to it. */
  private void paceFor(String url, Duration crawlDelay) {
    if (crawlDelay == null || crawlDelay.isZero()) {
      return;
    }
    String host;
    try {
      host = java.net.URI.create(url).getRawAuthority();
    } catch (IllegalArgumentException e) {
      return;
    }
    long delay = Math.min(crawlDelay.toMillis(), 60_000);
    long now = System.currentTimeMillis();
    Long last = lastRequestToHost.get(host);
    long wait = last == null ? 0 : last + delay - now;
    if (wait > 0) {
      try {
        stopped.await(wait, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    lastRequestToHost.put(host, System.currentTimeMillis());
  }

  private void remember(String canonicalUrl) {
    seen.add(canonicalUrl);
    persistSeen(canonicalUrl);
  }

  private void persistSeen(String canonicalUrl) {
    seenProducer.send(new ProducerRecord<>(Topics.INGEST_SEEN.name(), canonicalUrl, Instant.now().toString()));
  }

  /** Why ingest is paused (e.g. the disk is nearly full), or null while it works. */
  public String pausedBecause() {
    return pausedBecause;
  }

  private void update(FeedSpec feed, String state, String error, int items, int produced) {
    Metrics.registry().counter("vigia.ingest.feeds.polled", "outcome", state).increment();
    FeedPollState st = pollStates.get(feed.url());
    sources.compute(feed.url(), (k, old) -> new SourceStatus(feed.url(), feed.name(), state, stickyItemProblem(old, state, error, produced),
        Instant.now(),
        (old == null ? 0 : old.itemsSeen()) + items, (old == null ? 0 : old.articlesProduced()) + produced,
        st == null ? 0 : st.errorStreak(), st == null ? null : st.notBefore()));
  }

  /**
   * Items that could not be ingested are remembered and not retried, so the polls after the one
   * that met them see nothing new: their problem stays on the source until it produces again.
   */
  private static String stickyItemProblem(SourceStatus old, String state, String error, int produced) {
    if (error == null && "ok".equals(state) && produced == 0 && old != null && "ok".equals(old.state())) {
      return old.lastError();
    }
    return error;
  }

  /** Source health, one entry per configured feed. */
  public List<SourceStatus> sources() {
    return settings.feeds().stream().map(f -> sources.get(f.url())).toList();
  }

  @Override
  public void close() {
    running = false;
    stopped.countDown();
    if (ownership != null) {
      ownership.close();
    }
    if (thread != null) {
      try {
        thread.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(10));
      seenProducer.close(Duration.ofSeconds(10));
    }
  }
}
