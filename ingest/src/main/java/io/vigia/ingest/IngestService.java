package io.vigia.ingest;

import io.vigia.common.kafka.TopicPartitions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.health.HealthReporting;
import io.vigia.common.health.StageHealth;
import io.vigia.common.disk.DiskSpaceGuard;
import io.vigia.common.metrics.Metrics;
import io.vigia.common.metrics.SecondsHistogram;
import io.vigia.common.profile.FeedSpec;
import io.vigia.common.text.TextNormalizer;
import io.vigia.common.url.CanonicalUrl;
import io.vigia.ingest.cluster.FeedOwnership;
import io.vigia.ingest.extract.ArticleExtractor;
import io.vigia.ingest.extract.ExtractedPage;
import io.vigia.ingest.feed.FeedDocument;
import io.vigia.ingest.feed.FeedItem;
import io.vigia.ingest.feed.GoogleNewsLink;
import io.vigia.ingest.feed.FeedPollState;
import io.vigia.ingest.feed.FeedReader;
import io.vigia.ingest.fetch.FetchResult;
import io.vigia.ingest.fetch.HostGate;
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
public final class IngestService implements AutoCloseable, HealthReporting {
  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

  private final IngestSettings settings;
  private final KafkaSettings kafka;
  private final ArticleExtractor extractor;
  private final PageFetcher fetcher;
  private final RobotsPolicy robots;
  private final Set<String> polling = ConcurrentHashMap.newKeySet();
  private java.util.concurrent.ExecutorService pollers;
  private final FeedReader feedReader = new FeedReader();
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final Set<String> claimed = ConcurrentHashMap.newKeySet();
  private final Map<String, SourceStatus> sources = new ConcurrentHashMap<>();
  private final Map<String, FeedPollState> pollStates = new ConcurrentHashMap<>();
  /** The latest persisted state per feed (or sitemap) URL, whoever polled it. */
  private final Map<String, FeedStateRecord> sharedStates = new ConcurrentHashMap<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final DiskSpaceGuard disk;
  private volatile String pausedBecause;
  /** Why the polling loop stopped, once it has. */
  private volatile Throwable failure;
  private final Counter fetched = Counter.builder("vigia.ingest.articles.fetched")
      .description("Article pages fetched (HTTP 200), before extraction decides whether they are articles").register(Metrics.registry());
  private final Counter produced = Counter.builder("vigia.ingest.articles.produced")
      .description("Raw articles the broker acknowledged").register(Metrics.registry());
  private final Counter notProduced = Counter.builder("vigia.ingest.articles.not.produced")
      .description("Raw articles the broker refused or never acknowledged (fetched again at the next poll)").register(Metrics.registry());
  private final SecondsHistogram publishedToFetched = SecondsHistogram.register(Metrics.registry(), "vigia.freshness.published.to.fetched",
      "Seconds from an article's publication to its fetch", SecondsHistogram.FRESHNESS_BUCKETS);
  private volatile boolean running;
  private KafkaProducer<String, RawArticle> producer;
  private KafkaProducer<String, String> seenProducer;
  private Thread thread;
  private FeedOwnership ownership;
  private Thread seenTail;

  /**
   * Health of one source, as shown by {@code GET /api/sources}: {@code lastNewItemAt} is when a
   * poll last found an item it had not seen (null: never), {@code pollInterval} its current
   * adaptive interval.
   */
  public record SourceStatus(String url, String name, String state, String lastError, Instant lastPoll, int itemsSeen,
      int articlesProduced, int errorStreak, Instant nextPollNotBefore, Instant lastNewItemAt, Duration pollInterval) {
    public SourceStatus(String url, String name, String state, String lastError, Instant lastPoll, int itemsSeen, int articlesProduced,
        Instant lastNewItemAt) {
      this(url, name, state, lastError, lastPoll, itemsSeen, articlesProduced, 0, null, lastNewItemAt, null);
    }

    /** How long the source has listed nothing new (since its first poll when it never has), or null before any poll. */
    public Duration silentFor(Instant now) {
      Instant since = lastNewItemAt != null ? lastNewItemAt : lastPoll;
      return since == null ? null : Duration.between(since, now);
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
    HostGate gate = new HostGate(settings.hostDelay(), settings.maxInFlightPerHost());
    this.fetcher = new PageFetcher(settings.userAgent(), settings.allowPrivateAddresses(), settings.maxBodyBytes(),
        settings.connectTimeout(), settings.readTimeout(), java.util.Set.copyOf(settings.privateAddressExceptions()), gate);
    this.robots = new RobotsPolicy(fetcher, "vigia", java.time.Clock.systemUTC());
    for (FeedSpec f : settings.feeds()) {
      sources.put(f.url(), new SourceStatus(f.url(), f.name(), "pending", null, null, 0, 0, null));
      registerSourceGauges(f);
    }
  }

  public void start() {
    restoreState();
    ownership = new FeedOwnership(kafka, settings.groupId(), settings.instanceId()).start(settings.feeds());
    Properties p = kafka.clientProperties();
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    producer = new KafkaProducer<>(p, Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
    new KafkaClientMetrics(producer).bindTo(Metrics.registry()); // send rates, errors, retries of the raw producer
    // Writes both compacted String topics: the fetched-URL log and the per-feed state.
    seenProducer = new KafkaProducer<>(p, Topics.INGEST_SEEN.keySerde().serializer(), Topics.INGEST_SEEN.valueSerde().serializer());
    running = true;
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    pollers = java.util.concurrent.Executors.newFixedThreadPool(settings.fetchThreads(), r -> {
      Thread t = new Thread(r, "vigia-ingest-poll-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    thread = new Thread(this::loop, "vigia-ingest");
    thread.setDaemon(true);
    thread.start();
    LOG.info("ingest polling {} feeds every {} to {} ({} at once; {} between requests to a host, at most {} in flight)",
        settings.feeds().size(), settings.pollInterval(), settings.maxPollInterval(), settings.fetchThreads(),
        settings.hostDelay(), settings.maxInFlightPerHost());
  }

  /**
   * Reads the compacted topic of fetched URLs, and the one of per-feed state, from the beginning,
   * then keeps following both: other ingest instances fetch and poll too, and what they fetched
   * is not ours to fetch again; a feed handed over to us continues from its last state.
   */
  private void restoreState() {
    io.vigia.common.kafka.UnreadableRecords.skipped("ingest", Topics.INGEST_SEEN.name(), 0);
    io.vigia.common.kafka.UnreadableRecords.skipped("ingest", Topics.INGEST_FEED_STATE.name(), 0);
    follow(Topics.INGEST_SEEN, this::learnSeen, "vigia-ingest-seen");
    LOG.info("ingest remembers {} fetched articles", seen.size());
    follow(Topics.INGEST_FEED_STATE, this::learnFeedState, "vigia-ingest-feed-state");
    LOG.info("ingest restored the polling state of {} feeds and sitemaps", sharedStates.size());
  }

  private void follow(io.vigia.schemas.Topic<String, String> topic, java.util.function.BiConsumer<String, String> apply,
      String threadName) {
    Properties p = kafka.clientProperties();
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "vigia-ingest-restore-" + UUID.randomUUID());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaConsumer<String, String> c = new KafkaConsumer<>(p, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    try {
      List<TopicPartition> parts = TopicPartitions.of(c, topic.name(), Duration.ofSeconds(60));
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
          applySafely(apply, r);
        }
      }
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
    Thread tail = new Thread(() -> tail(c, apply), threadName);
    tail.setDaemon(true);
    tail.start();
  }

  /**
   * Poison in these compacted topics is skipped and counted ({@code vigia_records_unreadable_total}),
   * not dead-lettered: they are re-read from the beginning at every start (a dead letter would be
   * sent again each time), and a skipped record costs at most one refetch (enrich drops the repeat
   * by id) or one poll from a fresh state, never an article.
   */
  private static void applySafely(java.util.function.BiConsumer<String, String> apply, ConsumerRecord<String, String> r) {
    try {
      if (r.key() == null) {
        throw new IllegalArgumentException("no key");
      }
      apply.accept(r.key(), r.value());
    } catch (RuntimeException e) {
      io.vigia.common.kafka.UnreadableRecords.skipped("ingest", r.topic());
      LOG.warn("skipped an unreadable record of {} (partition {}, offset {}, key {}): {}", r.topic(), r.partition(), r.offset(),
          r.key(), e.toString());
    }
  }

  /** A fetched URL: its value is the fetch time (a tombstone, as before, still counts as fetched). */
  private void learnSeen(String url, String fetchedAt) {
    if (fetchedAt != null) {
      try {
        Instant.parse(fetchedAt);
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("not a fetch time: " + e.getMessage(), e);
      }
    }
    seen.add(url);
  }

  private void tail(KafkaConsumer<String, String> c, java.util.function.BiConsumer<String, String> apply) {
    try (c) {
      while (running || stopped.getCount() > 0) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
          applySafely(apply, r);
        }
      }
    } catch (org.apache.kafka.common.errors.WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.warn("stopped following {}: {}", c.subscription().isEmpty() ? "a topic" : c.subscription(), e.toString());
    }
  }

  private void learnFeedState(String url, String json) {
    if (json == null) {
      sharedStates.remove(url);
      return;
    }
    FeedStateRecord r = FeedStateRecord.parse(json);
    sharedStates.put(url, r);
    if (r.status() != null && sources.containsKey(url) && !pollStates.containsKey(url)) {
      // Not polled here (yet): show what its poller last saw.
      sources.put(url, r.status().toStatus(url, sources.get(url).name()));
    }
  }

  private void persistFeedState(String url) {
    FeedPollState st = pollStates.get(url);
    if (st == null || seenProducer == null) {
      return;
    }
    SourceStatus status = sources.get(url);
    String json = new FeedStateRecord(st.snapshot(), status == null ? null : FeedStateRecord.Status.of(status)).toJson();
    seenProducer.send(new ProducerRecord<>(Topics.INGEST_FEED_STATE.name(), url, json));
  }

  /**
   * Hands every owned feed that is due to the polling threads, then sleeps until the next one is
   * due (at most the shortest interval). A feed is never polled twice at once.
   */
  private void loop() {
    try {
      if (!ownership.awaitAssignment(Duration.ofSeconds(60))) {
        LOG.warn("no feed partitions assigned after 60 s; is another ingest instance of group '{}' polling them all?",
            settings.groupId());
      }
      while (running) {
        Instant next = Instant.now().plus(settings.pollInterval());
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
          if (!ownership.owns(feed)) {
            if (!polling.contains(feed.url())) {
              pollStates.remove(feed.url()); // another instance polls it now; its state comes back through the topic
            }
            continue;
          }
          FeedPollState st = stateOf(feed.url());
          if (!st.due(Instant.now())) {
            if (st.notBefore() != null && st.notBefore().isBefore(next)) {
              next = st.notBefore();
            }
            continue;
          }
          if (polling.add(feed.url())) {
            pollers.execute(() -> {
              try {
                pollOneIsolated(feed);
              } finally {
                polling.remove(feed.url());
              }
            });
          }
        }
        long sleep = Math.max(50, Duration.between(Instant.now(), next).toMillis());
        if (stopped.await(sleep, TimeUnit.MILLISECONDS)) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing
    } catch (RuntimeException | Error e) {
      failure = e;
      LOG.error("ingest loop stopped", e);
    }
  }

  /** The feed's polling state: ours, else the last one persisted by whoever polled it, else new. */
  private FeedPollState stateOf(String url) {
    return pollStates.computeIfAbsent(url, u -> {
      FeedStateRecord r = sharedStates.get(u);
      return r == null ? new FeedPollState() : new FeedPollState(r.poll());
    });
  }

  /** One source's failure, whatever it is, stays that source's: the others are still polled. */
  private void pollOneIsolated(FeedSpec feed) {
    try {
      pollFeed(feed);
      producer.flush();
    } catch (RuntimeException | StackOverflowError e) {
      LOG.error("feed {} broke its poll", feed.url(), e);
      update(feed, "failing", "internal error while polling: " + e, 0, 0, 0);
    }
    persistFeedState(feed.url());
  }

  void pollFeed(FeedSpec feed) {
    SourceStatus before = sources.get(feed.url());
    FeedPollState st = stateOf(feed.url());
    Instant now = Instant.now();
    if (!st.due(now)) {
      return; // backing off (error streak or Retry-After) or not yet time: this source waits, the others go on
    }
    FetchResult r = politely(feed.url(), st.validatorsFor());
    st.afterFetch(r, now, settings.pollInterval());
    if (r instanceof FetchResult.Failed f) {
      update(feed, "failing", f.reason(), 0, 0, 0);
    } else if (r instanceof FetchResult.NotModified) {
      st.afterItems(now, false, settings.pollInterval(), settings.maxPollInterval());
      update(feed, "not-modified", null, 0, 0, 0);
    } else if (r instanceof FetchResult.Fetched f) {
      FeedDocument doc;
      try {
        doc = feedReader.readDocument(f.finalUrl(), f.body(), f.contentType());
      } catch (FeedReader.FeedException e) {
        update(feed, "failing", e.getMessage(), 0, 0, 0);
        return;
      }
      List<String> problems = new java.util.ArrayList<>();
      List<FeedItem> items = doc instanceof FeedDocument.SitemapIndex index ? itemsOfIndex(index, problems)
          : ((FeedDocument.Items) doc).items();
      int produced = 0;
      int failed = 0;
      int fresh = 0;
      String firstFailure = null;
      List<FeedItem> read = items.size() > settings.maxItemsPerFeed() ? newest(items, settings.maxItemsPerFeed()) : items;
      for (FeedItem item : read) {
        if (!running) {
          break;
        }
        ItemOutcome o = fetchArticle(feed, item);
        if (o != ItemOutcome.ALREADY_SEEN) {
          fresh++;
        }
        if (o == ItemOutcome.PRODUCED) {
          produced++;
        } else if (o instanceof ItemOutcome.Failed itemFailure) {
          failed++;
          firstFailure = firstFailure == null ? item.link() + ": " + itemFailure.reason() : firstFailure;
        }
      }
      st.afterItems(now, fresh > 0, settings.pollInterval(), settings.maxPollInterval());
      // The feed itself is fine; what went wrong with its items is still the source's news.
      if (failed > 0) {
        problems.add(0, failed + " of " + read.size() + " items not ingested (first: " + firstFailure + ")");
      }
      if (items.isEmpty()) {
        problems.add(0, doc instanceof FeedDocument.SitemapIndex ? "the sitemap index lists no readable sitemap with items"
            : "the feed lists no items");
      }
      if (read.size() < items.size()) {
        problems.add("feed lists " + items.size() + " items, only the newest " + read.size() + " are read (ingest.max-items-per-feed)");
      }
      update(feed, "ok", problems.isEmpty() ? null : String.join("; ", problems), items.size(), produced, fresh);
    }
    if (before != null && "failing".equals(sources.get(feed.url()).state())) {
      LOG.warn("feed {} failing: {}", feed.url(), sources.get(feed.url()).lastError());
    }
  }

  /**
   * The {@code n} newest items by date when the items carry dates (sitemaps often list oldest
   * first), else the first {@code n} as listed (feeds list newest first).
   */
  static List<FeedItem> newest(List<FeedItem> items, int n) {
    if (items.stream().noneMatch(i -> i.publishedAt() != null)) {
      return items.subList(0, n);
    }
    List<FeedItem> byDate = new java.util.ArrayList<>(items);
    byDate.sort(java.util.Comparator.comparing(FeedItem::publishedAt, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
    return byDate.subList(0, n);
  }

  /**
   * The items of a sitemap index's most recently modified sitemaps (news sitemap indexes list one
   * per day or per hour, newest first or last). Each sitemap has its own validators and backoff;
   * one that fails is reported with the index and the others are still read.
   */
  private List<FeedItem> itemsOfIndex(FeedDocument.SitemapIndex index, List<String> problems) {
    List<FeedDocument.Sitemap> newest = new java.util.ArrayList<>(index.sitemaps());
    newest.sort(java.util.Comparator.comparing(FeedDocument.Sitemap::lastModified,
        java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
    List<FeedItem> items = new java.util.ArrayList<>();
    for (FeedDocument.Sitemap sm : newest.subList(0, Math.min(newest.size(), settings.maxSitemapsPerIndex()))) {
      FeedPollState st = stateOf(sm.url());
      Instant now = Instant.now();
      if (!st.due(now)) {
        continue;
      }
      FetchResult r = politely(sm.url(), st.validatorsFor());
      st.afterFetch(r, now, settings.pollInterval());
      persistFeedState(sm.url());
      if (r instanceof FetchResult.Failed f) {
        problems.add("sitemap " + sm.url() + ": " + f.reason());
      } else if (r instanceof FetchResult.Fetched f) {
        try {
          FeedDocument d = feedReader.readDocument(f.finalUrl(), f.body(), f.contentType());
          if (d instanceof FeedDocument.Items its) {
            items.addAll(its.items());
          } else {
            problems.add("sitemap " + sm.url() + ": an index inside an index is not followed");
          }
        } catch (FeedReader.FeedException e) {
          problems.add("sitemap " + sm.url() + ": " + e.getMessage());
        }
      }
    }
    return items;
  }

  /** A request through the host rules (the fetcher's gate: delay, in-flight cap, the site's Crawl-delay). */
  private FetchResult politely(String url, FetchResult.Validators validators) {
    return politely(url, validators, null);
  }

  private FetchResult politely(String url, FetchResult.Validators validators, Duration crawlDelay) {
    return fetcher.fetch(url, validators, crawlDelay == null || crawlDelay.compareTo(MAX_CRAWL_DELAY) <= 0 ? crawlDelay : MAX_CRAWL_DELAY);
  }

  /** A robots.txt Crawl-delay longer than this is honoured as this. */
  private static final Duration MAX_CRAWL_DELAY = Duration.ofMinutes(1);

  /** What became of one feed item. */
  private sealed interface ItemOutcome {
    ItemOutcome PRODUCED = new Produced();
    ItemOutcome ALREADY_SEEN = new AlreadySeen();

    record Produced() implements ItemOutcome {}

    record AlreadySeen() implements ItemOutcome {}

    record Failed(String reason) implements ItemOutcome {}
  }

  private ItemOutcome fetchArticle(FeedSpec feed, FeedItem listed) {
    // A Google News link names Google, not the outlet: key and fetch by the publisher's URL when it carries one.
    FeedItem item = GoogleNewsLink.publisherUrl(listed.link()).map(listed::withLink).orElse(listed);
    String key = CanonicalUrl.normalise(item.link()).orElse(null);
    if (key == null) {
      return new ItemOutcome.Failed("not an http(s) article URL");
    }
    // Feeds are polled in parallel and one article is often listed by several: one thread claims
    // it, and checks again once it holds the claim (a claim is released only after the URL is in
    // `seen`, so the re-check sees what the previous holder fetched).
    if (seen.contains(key) || !claimed.add(key)) {
      return ItemOutcome.ALREADY_SEEN;
    }
    try {
      if (seen.contains(key)) {
        return ItemOutcome.ALREADY_SEEN;
      }
      return fetchClaimed(feed, item, key);
    } finally {
      claimed.remove(key);
    }
  }

  private ItemOutcome fetchClaimed(FeedSpec feed, FeedItem item, String key) {
    RobotsPolicy.Verdict robotsSay = robots.check(item.link());
    if (!robotsSay.allowed()) {
      if (!robotsSay.temporary()) {
        remember(key); // the site asked us not to: do not ask again every poll
      }
      return new ItemOutcome.Failed(robotsSay.reason());
    }
    FetchResult r = politely(item.link(), FetchResult.Validators.NONE, robotsSay.crawlDelay());
    if (!(r instanceof FetchResult.Fetched f)) {
      LOG.info("article {} not fetched: {}", item.link(), r);
      return new ItemOutcome.Failed(r instanceof FetchResult.Failed failed ? failed.reason() : String.valueOf(r));
    }
    fetched.increment();
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
      page = withTheFeedsText(page, item);
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
        .setLanguage(page.language() != null ? page.language() : item.language() != null ? item.language() : feed.language())
        .setText(page.text())
        .setContentHash(TextNormalizer.contentHash(page.text()))
        .setDescription(page.description())
        .setSiteName(page.siteName())
        .setLeadImage(page.leadImage() != null ? page.leadImage() : item.image())
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
        produced.increment(); // counted once the broker has it, not at send()
        keys.forEach(this::persistSeen);
      } else {
        notProduced.increment();
        LOG.warn("article {} not produced ({}); it will be fetched again", a.getUrl(), error.toString());
        keys.forEach(seen::remove);
      }
    });
    if (a.getPublishedAt() != null) {
      publishedToFetched.recordBetween(a.getPublishedAt(), a.getFetchedAt());
    }
    return ItemOutcome.PRODUCED;
  }

  /**
   * A page that shows too little text (rendered by script, or cut short) keeps its metadata but
   * takes the text its feed carried ({@code content:encoded}, Atom content) when that reads as an
   * article. Paywalls, videos and section fronts stay what they are: their feeds' teasers are not
   * the story.
   */
  private ExtractedPage withTheFeedsText(ExtractedPage page, FeedItem item) {
    String why = page.notArticleReason() == null ? "" : page.notArticleReason();
    if (item.content() == null || !(why.startsWith("no body text") || why.startsWith("too little body text"))) {
      return page;
    }
    ExtractedPage fromFeed = extractor.extract(page.url(),
        ("<html><body><article>" + item.content() + "</article></body></html>").getBytes(java.nio.charset.StandardCharsets.UTF_8),
        java.nio.charset.StandardCharsets.UTF_8);
    if (!fromFeed.isArticle()) {
      return page;
    }
    return new ExtractedPage(page.url(), page.canonicalUrl(), page.title().isBlank() ? fromFeed.title() : page.title(), page.byline(),
        page.publishedAt(), page.modifiedAt(), page.language() != null ? page.language() : fromFeed.language(), fromFeed.text(),
        page.description(), page.siteName(), page.leadImage(), true, null);
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

  /** Down once the polling loop or the feed ownership stopped; paused while the disk is nearly full. */
  @Override
  public StageHealth health() {
    Throwable f = failure;
    if (f != null) {
      return StageHealth.down("ingest", "the polling loop stopped", f);
    }
    if (ownership != null && ownership.failure() != null) {
      return StageHealth.down("ingest", "feed ownership stopped: this instance polls no feeds", ownership.failure());
    }
    if (!running) {
      return StageHealth.starting("ingest", "not started");
    }
    String paused = pausedBecause;
    return paused != null ? StageHealth.paused("ingest", paused) : StageHealth.up("ingest");
  }

  private void update(FeedSpec feed, String state, String error, int items, int produced, int fresh) {
    Metrics.registry().counter("vigia.ingest.feeds.polled", "outcome", state).increment();
    FeedPollState st = pollStates.get(feed.url());
    Instant now = Instant.now();
    sources.compute(feed.url(), (k, old) -> new SourceStatus(feed.url(), feed.name(), state, stickyItemProblem(old, state, error, produced),
        now,
        (old == null ? 0 : old.itemsSeen()) + items, (old == null ? 0 : old.articlesProduced()) + produced,
        st == null ? 0 : st.errorStreak(), st == null ? null : st.notBefore(),
        fresh > 0 ? now : old == null ? null : old.lastNewItemAt(), st == null ? null : st.interval(settings.pollInterval())));
  }

  /** Source health as metrics too, tagged with the source's name: what /api/sources shows, for dashboards and alerting rules. */
  private void registerSourceGauges(FeedSpec f) {
    var tags = io.micrometer.core.instrument.Tags.of("source", f.name() == null ? f.url() : f.name());
    io.micrometer.core.instrument.Gauge.builder("vigia.ingest.source.failing", sources,
        m -> m.get(f.url()) != null && "failing".equals(m.get(f.url()).state()) ? 1 : 0)
        .tags(tags).description("1 while the source's last poll failed").register(Metrics.registry());
    io.micrometer.core.instrument.Gauge.builder("vigia.ingest.source.error.streak", sources,
        m -> m.get(f.url()) == null ? 0 : m.get(f.url()).errorStreak())
        .tags(tags).description("Failed polls in a row").register(Metrics.registry());
    io.micrometer.core.instrument.Gauge.builder("vigia.ingest.source.articles", sources,
        m -> m.get(f.url()) == null ? 0 : m.get(f.url()).articlesProduced())
        .tags(tags).description("Articles produced from the source").register(Metrics.registry());
    io.micrometer.core.instrument.Gauge.builder("vigia.ingest.source.silent.seconds", sources, m -> {
      SourceStatus s = m.get(f.url());
      Duration d = s == null ? null : s.silentFor(Instant.now());
      return d == null ? Double.NaN : d.toSeconds();
    }).tags(tags).description("Seconds since the source last listed a new item").register(Metrics.registry());
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
        pollers.shutdown();
        if (!pollers.awaitTermination(30, TimeUnit.SECONDS)) {
          pollers.shutdownNow();
        }
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
