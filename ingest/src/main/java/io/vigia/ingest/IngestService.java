package io.vigia.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.disk.DiskSpaceGuard;
import io.vigia.common.health.HealthReporting;
import io.vigia.common.health.StageHealth;
import io.vigia.common.kafka.TopicPartitions;
import io.vigia.common.metrics.Metrics;
import io.vigia.common.metrics.SecondsHistogram;
import io.vigia.common.profile.FeedSpec;
import io.vigia.common.text.TextNormalizer;
import io.vigia.common.url.CanonicalUrl;
import io.vigia.ingest.cluster.FeedOwnership;
import io.vigia.ingest.cluster.SharedFeedList;
import io.vigia.ingest.extract.ArticleExtractor;
import io.vigia.ingest.extract.ExtractedPage;
import io.vigia.ingest.feed.FeedDocument;
import io.vigia.ingest.feed.FeedItem;
import io.vigia.ingest.feed.FeedItemMemory;
import io.vigia.ingest.feed.FeedPollState;
import io.vigia.ingest.feed.FeedReader;
import io.vigia.ingest.feed.GoogleNewsLink;
import io.vigia.ingest.feed.ItemRetries;
import io.vigia.ingest.fetch.FetchResult;
import io.vigia.ingest.fetch.HostGate;
import io.vigia.ingest.fetch.PageFetcher;
import io.vigia.ingest.fetch.RobotsPolicy;
import io.vigia.schemas.FeedState;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
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
 * Polls every feed of the shared feed list that this instance owns, fetches each item new to a feed
 * once (across feeds and instances: the fetched URLs are kept in a compacted topic), extracts it
 * and produces a raw article. Each feed keeps, in the compacted feed-state topic, what it listed,
 * the items waiting for a retry and its health, so a restart or a hand-over continues from there. A
 * crash between producing an article and remembering it refetches that page (never loses it);
 * enrich drops the repeat by its id.
 */
public final class IngestService implements AutoCloseable, HealthReporting {
  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

  /** How often URLs past {@code ingest.seen-retention} are forgotten. */
  private static final Duration SEEN_SWEEP = Duration.ofHours(1);

  private final IngestSettings settings;
  private final KafkaSettings kafka;
  private final ArticleExtractor extractor;
  private final PageFetcher fetcher;
  private final RobotsPolicy robots;
  private final Set<String> polling = ConcurrentHashMap.newKeySet();
  private java.util.concurrent.ExecutorService pollers;
  private final FeedReader feedReader = new FeedReader();
  private final SeenUrls seen;
  private final Set<String> claimed = ConcurrentHashMap.newKeySet();
  private final Map<String, SourceStatus> sources = new ConcurrentHashMap<>();
  private final Map<String, FeedPollState> pollStates = new ConcurrentHashMap<>();
  private final Map<String, FeedItemMemory> memories = new ConcurrentHashMap<>();
  private final Map<String, ItemRetries> retries = new ConcurrentHashMap<>();

  /** Per feed: what went wrong for good with its items, shown until it produces again. */
  private final Map<String, String> itemProblems = new ConcurrentHashMap<>();

  /**
   * What the last read of each feed's document said about it (too many items, none readable): a 304
   * says the same again.
   */
  private final Map<String, String> documentNotes = new ConcurrentHashMap<>();

  /** The latest persisted state per feed (or sitemap) URL, whoever polled it. */
  private final Map<String, FeedState> sharedStates = new ConcurrentHashMap<>();

  private final Map<String, List<Meter>> gauges = new ConcurrentHashMap<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final DiskSpaceGuard disk;
  private volatile String pausedBecause;

  /** Why the polling loop stopped, once it has. */
  private volatile Throwable failure;

  private final Counter fetched =
      Counter.builder("vigia.ingest.articles.fetched")
          .description(
              "Article pages fetched (HTTP 200), before extraction decides whether they are articles")
          .register(Metrics.registry());
  private final Counter produced =
      Counter.builder("vigia.ingest.articles.produced")
          .description("Raw articles the broker acknowledged")
          .register(Metrics.registry());
  private final Counter notProduced =
      Counter.builder("vigia.ingest.articles.not.produced")
          .description(
              "Raw articles the broker refused or never acknowledged (fetched again at the next poll)")
          .register(Metrics.registry());
  private final SecondsHistogram publishedToFetched =
      SecondsHistogram.register(
          Metrics.registry(),
          "vigia.freshness.published.to.fetched",
          "Seconds from an article's publication to its fetch",
          SecondsHistogram.FRESHNESS_BUCKETS);
  private volatile boolean running;
  private KafkaProducer<String, RawArticle> producer;
  private KafkaProducer<String, String> seenProducer;
  private Thread thread;
  private FeedOwnership ownership;
  private volatile SharedFeedList feedList;

  public IngestService(IngestSettings settings, KafkaSettings kafka, ArticleExtractor extractor) {
    this(settings, kafka, extractor, DiskSpaceGuard.none());
  }

  public IngestService(
      IngestSettings settings,
      KafkaSettings kafka,
      ArticleExtractor extractor,
      DiskSpaceGuard disk) {
    this(settings, kafka, extractor, disk, PageFetcher.HostResolver.SYSTEM);
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
      PageFetcher.HostResolver resolver) {
    this.disk = disk;
    this.settings = settings;
    this.kafka = kafka;
    this.extractor = extractor;
    this.seen = new SeenUrls(settings.seenRetention());
    HostGate gate = new HostGate(settings.hostDelay(), settings.maxInFlightPerHost());
    this.fetcher =
        new PageFetcher(
            settings.userAgent(),
            settings.allowPrivateAddresses(),
            settings.maxBodyBytes(),
            settings.connectTimeout(),
            settings.readTimeout(),
            settings.totalTimeout(),
            Set.copyOf(settings.privateAddressExceptions()),
            gate,
            resolver);
    this.robots = new RobotsPolicy(fetcher, "vigia", java.time.Clock.systemUTC());
    for (FeedSpec f : settings.feeds()) {
      addSource(f);
    }
  }

  public void start() {
    restoreState();
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
    seenProducer =
        new KafkaProducer<>(
            p,
            Topics.INGEST_SEEN.keySerde().serializer(),
            Topics.INGEST_SEEN.valueSerde().serializer());
    forgetOldUrls();
    SharedFeedList list = new SharedFeedList(kafka, settings.instanceId());
    List<String> removed = list.start(settings.feeds(), this::feedListChanged);
    for (String url : removed) {
      seenProducer.send(
          new ProducerRecord<>(
              Topics.INGEST_FEED_STATE.name(), url, null)); // no instance polls it any more
    }
    feedList = list;
    feedListChanged();
    ownership = new FeedOwnership(kafka, settings.groupId(), settings.instanceId()).start();
    running = true;
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    pollers =
        java.util.concurrent.Executors.newFixedThreadPool(
            settings.fetchThreads(),
            r -> {
              Thread t = new Thread(r, "vigia-ingest-poll-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    thread = new Thread(this::loop, "vigia-ingest");
    thread.setDaemon(true);
    thread.start();
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
  private void restoreState() {
    io.vigia.common.kafka.UnreadableRecords.skipped("ingest", Topics.INGEST_SEEN.name(), 0);
    io.vigia.common.kafka.UnreadableRecords.skipped("ingest", Topics.INGEST_FEED_STATE.name(), 0);
    follow(Topics.INGEST_SEEN, this::learnSeen, "vigia-ingest-seen");
    LOG.info(
        "ingest remembers {} fetched articles (of the last {})",
        seen.size(),
        settings.seenRetention());
    follow(Topics.INGEST_FEED_STATE, this::learnFeedState, "vigia-ingest-feed-state");
    LOG.info("ingest restored the polling state of {} feeds and sitemaps", sharedStates.size());
  }

  /**
   * Forgets (and deletes from the topic) the URLs fetched longer than {@code ingest.seen-retention}
   * ago.
   */
  private void forgetOldUrls() {
    List<String> gone = seen.expire(Instant.now());
    for (String url : gone) {
      seenProducer.send(new ProducerRecord<>(Topics.INGEST_SEEN.name(), url, null));
    }
    if (!gone.isEmpty()) {
      LOG.info(
          "forgot {} article URLs fetched more than {} ago (ingest.seen-retention)",
          gone.size(),
          settings.seenRetention());
    }
  }

  private void follow(
      io.vigia.schemas.Topic<String, String> topic,
      java.util.function.BiConsumer<String, String> apply,
      String threadName) {
    Properties p = kafka.clientProperties();
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "vigia-ingest-restore-" + UUID.randomUUID());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaConsumer<String, String> c =
        new KafkaConsumer<>(p, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
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
   * Poison in these compacted topics is skipped and counted ({@code
   * vigia_records_unreadable_total}), not dead-lettered: they are re-read from the beginning at
   * every start (a dead letter would be sent again each time), and a skipped record costs at most
   * one refetch (enrich drops the repeat by id) or one poll from a fresh state, never an article.
   */
  private static void applySafely(
      java.util.function.BiConsumer<String, String> apply, ConsumerRecord<String, String> r) {
    try {
      if (r.key() == null) {
        throw new IllegalArgumentException("no key");
      }
      apply.accept(r.key(), r.value());
    } catch (RuntimeException e) {
      io.vigia.common.kafka.UnreadableRecords.skipped("ingest", r.topic());
      LOG.warn(
          "skipped an unreadable record of {} (partition {}, offset {}, key {}): {}",
          r.topic(),
          r.partition(),
          r.offset(),
          r.key(),
          e.toString());
    }
  }

  /**
   * A fetched URL: its value is the fetch time (a tombstone, as before, still counts as fetched).
   */
  /**
   * A fetched-URL record: its value must be a fetch time (else it is skipped and counted); null is
   * a forgotten URL.
   */
  private void learnSeen(String url, String fetchedAt) {
    if (fetchedAt != null) {
      try {
        Instant.parse(fetchedAt);
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("not a fetch time: " + e.getMessage(), e);
      }
    }
    seen.learn(url, fetchedAt, Instant.now());
  }

  private void tail(
      KafkaConsumer<String, String> c, java.util.function.BiConsumer<String, String> apply) {
    try (c) {
      while (running || stopped.getCount() > 0) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
          applySafely(apply, r);
        }
      }
    } catch (org.apache.kafka.common.errors.WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.warn(
          "stopped following {}: {}",
          c.subscription().isEmpty() ? "a topic" : c.subscription(),
          e.toString());
    }
  }

  private void learnFeedState(String url, String json) {
    if (json == null) {
      sharedStates.remove(url);
      return;
    }
    FeedState r = FeedState.parse(json);
    sharedStates.put(url, r);
    SourceStatus known = sources.get(url);
    if (r.status() != null && known != null && !pollStates.containsKey(url)) {
      // Not polled here (yet): show what its poller last saw.
      sources.put(
          url,
          SourceStatus.restored(url, known.name(), r.status(), r.poll(), settings.pollInterval()));
      if (r.status().itemProblem() == null) {
        itemProblems.remove(url);
      } else {
        itemProblems.put(url, r.status().itemProblem());
      }
    }
  }

  private void persistFeedState(String url) {
    FeedPollState st = pollStates.get(url);
    if (st == null || seenProducer == null) {
      return;
    }
    SourceStatus status = sources.get(url);
    FeedItemMemory memory = memories.get(url);
    ItemRetries waiting = retries.get(url);
    String json =
        new FeedState(
                st.snapshot(),
                memory == null ? null : memory.snapshot(),
                waiting == null ? List.of() : waiting.snapshot(),
                status == null ? null : status.persisted(itemProblems.get(url)))
            .toJson();
    seenProducer.send(new ProducerRecord<>(Topics.INGEST_FEED_STATE.name(), url, json));
  }

  /**
   * A feed joined the list (configured here or by another instance): it gets its health entry and
   * gauges.
   */
  private void addSource(FeedSpec f) {
    sources.computeIfAbsent(
        f.url(),
        u -> {
          FeedState r = sharedStates.get(u);
          return r != null && r.status() != null
              ? SourceStatus.restored(u, f.name(), r.status(), r.poll(), settings.pollInterval())
              : SourceStatus.pending(u, f.name());
        });
    gauges.computeIfAbsent(f.url(), u -> registerSourceGauges(f));
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
      addSource(f);
    }
    for (String url : List.copyOf(sources.keySet())) {
      if (!urls.contains(url)) {
        sources.remove(url);
        if (!polling.contains(url)) {
          pollStates.remove(url);
        }
        memories.remove(url);
        retries.remove(url);
        itemProblems.remove(url);
        List<Meter> meters = gauges.remove(url);
        if (meters != null) {
          meters.forEach(Metrics.registry()::remove);
        }
        LOG.info("feed {} left the shared feed list: no longer polled", url);
      }
    }
  }

  /** The feeds to poll: the shared list once started, the configured ones before. */
  private List<FeedSpec> feeds() {
    SharedFeedList list = feedList;
    return list == null ? settings.feeds() : list.feeds();
  }

  /**
   * Hands every owned feed that is due to the polling threads, then sleeps until the next one is
   * due (at most the shortest interval). A feed is never polled twice at once.
   */
  private void loop() {
    try {
      if (!ownership.awaitAssignment(Duration.ofSeconds(60))) {
        LOG.warn(
            "no feed partitions assigned after 60 s; is another ingest instance of group '{}' polling them all?",
            settings.groupId());
      }
      Instant nextSweep = Instant.now().plus(SEEN_SWEEP);
      while (running) {
        Instant next = Instant.now().plus(settings.pollInterval());
        if (Instant.now().isAfter(nextSweep)) {
          forgetOldUrls();
          nextSweep = Instant.now().plus(SEEN_SWEEP);
        }
        for (FeedSpec feed : feeds()) {
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
              // another instance polls it now; its state comes back through the topic
              pollStates.remove(feed.url());
              memories.remove(feed.url());
              retries.remove(feed.url());
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
            pollers.execute(
                () -> {
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
    return pollStates.computeIfAbsent(
        url,
        u -> {
          FeedState r = sharedStates.get(u);
          return r == null ? new FeedPollState() : new FeedPollState(r.poll());
        });
  }

  /** The items the feed listed: ours, else as last persisted, else none. */
  private FeedItemMemory memoryOf(String url) {
    return memories.computeIfAbsent(
        url,
        u -> {
          FeedState r = sharedStates.get(u);
          return r == null || r.items() == null
              ? new FeedItemMemory()
              : new FeedItemMemory(r.items());
        });
  }

  /** The feed's items waiting for a retry: ours, else as last persisted, else none. */
  private ItemRetries retriesOf(String url) {
    return retries.computeIfAbsent(
        url,
        u -> {
          FeedState r = sharedStates.get(u);
          return r == null ? new ItemRetries() : new ItemRetries(r.retries());
        });
  }

  /** One source's failure, whatever it is, stays that source's: the others are still polled. */
  private void pollOneIsolated(FeedSpec feed) {
    try {
      pollFeed(feed);
      producer.flush();
    } catch (RuntimeException | StackOverflowError e) {
      LOG.error("feed {} broke its poll", feed.url(), e);
      update(feed, "failing", "internal error while polling: " + e, null);
    }
    persistFeedState(feed.url());
  }

  /** What one poll of a feed found, for its health entry. */
  private static final class PollReport {
    int read;
    int fresh;
    int produced;
    int failedForGood;
    String firstFailedForGood;
    int gaveUp;
    String firstGaveUp;
    final List<String> notes = new ArrayList<>();

    void failedForGood(String link, String reason) {
      if (failedForGood++ == 0) {
        firstFailedForGood = link + ": " + reason;
      }
    }

    void gaveUp(ItemRetries.Entry e) {
      if (gaveUp++ == 0) {
        firstGaveUp = e.item().link() + ": " + e.reason();
      }
    }

    /** What went wrong for good with items in this poll, or null. */
    String itemProblem() {
      List<String> parts = new ArrayList<>();
      if (failedForGood > 0) {
        parts.add(
            failedForGood
                + " of "
                + fresh
                + " new items not ingested (first: "
                + firstFailedForGood
                + ")");
      }
      if (gaveUp > 0) {
        parts.add(
            "gave up on "
                + gaveUp
                + " items after "
                + ItemRetries.MAX_ATTEMPTS
                + " attempts (first: "
                + firstGaveUp
                + ")");
      }
      return parts.isEmpty() ? null : String.join("; ", parts);
    }
  }

  void pollFeed(FeedSpec feed) {
    SourceStatus before = sources.get(feed.url());
    FeedPollState st = stateOf(feed.url());
    Instant now = Instant.now();
    if (!st.due(now)) {
      return; // backing off (error streak or Retry-After) or not yet time: this source waits, the
      // others go on
    }
    FetchResult r = politely(feed.url(), st.validatorsFor());
    st.afterFetch(r, now, settings.pollInterval());
    PollReport report = new PollReport();
    if (r instanceof FetchResult.Failed f) {
      update(feed, "failing", f.reason(), null);
    } else if (r instanceof FetchResult.NotModified) {
      retryDue(feed, report);
      st.afterItems(now, false, settings.pollInterval(), settings.maxPollInterval());
      update(feed, "not-modified", documentNotes.get(feed.url()), report);
    } else if (r instanceof FetchResult.Fetched f) {
      FeedDocument doc;
      try {
        doc = feedReader.readDocument(f.finalUrl(), f.body(), f.contentType());
      } catch (FeedReader.FeedException e) {
        update(feed, "failing", e.getMessage(), null);
        return;
      }
      if (doc instanceof FeedDocument.SitemapIndex) {
        st.forgetValidators(); // its 304 would hide its sitemaps' changes (see FeedPollState)
      }
      List<FeedItem> items =
          doc instanceof FeedDocument.SitemapIndex index
              ? itemsOfIndex(feed.url(), index, report.notes)
              : ((FeedDocument.Items) doc).items();
      List<FeedItem> read =
          items.size() > settings.maxItemsPerFeed()
              ? newest(items, settings.maxItemsPerFeed())
              : items;
      report.read = read.size();
      ingestNewItems(feed, read, report);
      retryDue(feed, report);
      st.afterItems(now, report.fresh > 0, settings.pollInterval(), settings.maxPollInterval());
      if (items.isEmpty()) {
        report.notes.add(
            0,
            doc instanceof FeedDocument.SitemapIndex
                ? "the sitemap index lists no readable sitemap with items"
                : "the feed lists no items");
      }
      if (read.size() < items.size()) {
        report.notes.add(
            "feed lists "
                + items.size()
                + " items, only the newest "
                + read.size()
                + " are read (ingest.max-items-per-feed)");
      }
      if (report.notes.isEmpty()) {
        documentNotes.remove(feed.url());
      } else {
        documentNotes.put(feed.url(), String.join("; ", report.notes));
      }
      update(feed, "ok", documentNotes.get(feed.url()), report);
    }
    if (before != null && "failing".equals(sources.get(feed.url()).state())) {
      LOG.warn("feed {} failing: {}", feed.url(), sources.get(feed.url()).lastError());
    }
  }

  /**
   * Ingests the items this feed has not listed before (whether or not another feed already
   * delivered them: that is for the fetch to decide), then remembers everything it listed.
   */
  private void ingestNewItems(FeedSpec feed, List<FeedItem> read, PollReport report) {
    FeedItemMemory memory = memoryOf(feed.url());
    List<String> listed = new ArrayList<>(read.size());
    for (FeedItem listedItem : read) {
      if (!stillOurs(feed)) {
        break; // the items not reached stay new to this feed's memory: its new owner fetches them
      }
      // A Google News link names Google, not the outlet: key and fetch by the publisher's URL when
      // it carries one.
      FeedItem item =
          GoogleNewsLink.publisherUrl(listedItem.link())
              .map(listedItem::withLink)
              .orElse(listedItem);
      String key = CanonicalUrl.normalise(item.link()).orElse("unfetchable:" + item.link());
      listed.add(key);
      if (!memory.isNew(key)) {
        continue; // listed before: dealt with then, or waiting in its retry list
      }
      report.fresh++;
      settle(
          feed,
          item,
          key,
          key.startsWith("unfetchable:")
              ? ItemOutcome.failed("not an http(s) article URL", false, null)
              : ingestIsolated(feed, item, key),
          report);
    }
    memory.listed(listed);
  }

  /** Retries the feed's items whose retry is due. */
  private void retryDue(FeedSpec feed, PollReport report) {
    ItemRetries waiting = retriesOf(feed.url());
    for (ItemRetries.Entry e : waiting.due(Instant.now())) {
      if (!stillOurs(feed)) {
        break;
      }
      settle(feed, e.item(), e.key(), ingestIsolated(feed, e.item(), e.key()), report);
    }
  }

  /**
   * Checked before each item, not once per poll: when another instance joins, the feeds handed to
   * it move in the middle of our polls, and a poll that went on to its last item would fetch what
   * the new owner, starting that feed afresh, fetches too.
   */
  private boolean stillOurs(FeedSpec feed) {
    return running && (ownership == null || ownership.owns(feed));
  }

  /** Records what became of an item: done, waiting for a retry, or failed for good. */
  private void settle(FeedSpec feed, FeedItem item, String key, ItemOutcome o, PollReport report) {
    ItemRetries waiting = retriesOf(feed.url());
    if (o instanceof ItemOutcome.Produced) {
      report.produced++;
      waiting.done(key);
    } else if (o instanceof ItemOutcome.AlreadySeen) {
      waiting.done(key);
    } else if (o instanceof ItemOutcome.Failed failed) {
      if (failed.retryable()) {
        for (ItemRetries.Outcome out :
            waiting.failed(
                item,
                key,
                failed.reason(),
                failed.retryAfter(),
                Instant.now(),
                settings.pollInterval())) {
          if (out instanceof ItemRetries.Outcome.GaveUp g) {
            report.gaveUp(g.entry());
          }
        }
      } else {
        waiting.done(key);
        report.failedForGood(item.link(), failed.reason());
      }
    }
  }

  /**
   * One item's failure, whatever it is (even an extractor bug), stays that item's: the feed's other
   * items go on.
   */
  private ItemOutcome ingestIsolated(FeedSpec feed, FeedItem item, String feedKey) {
    try {
      return ingestItem(feed, item, feedKey);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.warn("item {} of {} broke its ingestion", item.link(), feed.url(), e);
      return ItemOutcome.failed("internal error while ingesting: " + e, false, null);
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
    List<FeedItem> byDate = new ArrayList<>(items);
    byDate.sort(
        java.util.Comparator.comparing(
            FeedItem::publishedAt,
            java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
    return byDate.subList(0, n);
  }

  /**
   * The items of a sitemap index's most recently modified sitemaps (news sitemap indexes list one
   * per day or per hour, newest first or last). Each sitemap has its own validators and backoff;
   * one that fails is reported with the index and the others are still read.
   *
   * <p>Some outlets nest indexes (a root index of yearly or per-section indexes) although
   * sitemaps.org does not provide for it, so a nested index is followed too, newest first, down to
   * {@link #MAX_SITEMAP_INDEX_DEPTH} levels. One poll reads at most {@code max-sitemaps-per-index}
   * sitemaps of articles and walks into at most as many nested indexes (each read lists at most
   * that many entries, so a poll makes at most {@code (max + 1)²} requests), whatever the shape of
   * the tree: the configuration, not the shape of an index, bounds what one poll costs its host. An
   * index that lists itself or one of the indexes above it is reported, not followed.
   */
  private List<FeedItem> itemsOfIndex(
      String indexUrl, FeedDocument.SitemapIndex index, List<String> problems) {
    IndexWalk walk = new IndexWalk(settings.maxSitemapsPerIndex(), new ArrayList<>(), problems);
    walk.path.add(indexUrl);
    walk(index, 1, walk);
    return walk.items;
  }

  /** How deep nested sitemap indexes are followed: the configured index and two levels below it. */
  static final int MAX_SITEMAP_INDEX_DEPTH = 3;

  /** One poll's walk through a sitemap index tree: what it may still fetch and what it found. */
  private static final class IndexWalk {
    int sitemapsLeft;
    int indexesLeft;
    final List<FeedItem> items;
    final List<String> problems;

    /** The indexes from the configured one down to the one being read: a loop back is refused. */
    final List<String> path = new ArrayList<>();

    IndexWalk(int budget, List<FeedItem> items, List<String> problems) {
      this.sitemapsLeft = budget;
      this.indexesLeft = budget;
      this.items = items;
      this.problems = problems;
    }
  }

  private void walk(FeedDocument.SitemapIndex index, int depth, IndexWalk walk) {
    List<FeedDocument.Sitemap> newest = new ArrayList<>(index.sitemaps());
    newest.sort(
        java.util.Comparator.comparing(
            FeedDocument.Sitemap::lastModified,
            java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
    for (FeedDocument.Sitemap sm :
        newest.subList(0, Math.min(newest.size(), settings.maxSitemapsPerIndex()))) {
      if (walk.sitemapsLeft <= 0) {
        return;
      }
      if (walk.path.contains(sm.url())) {
        walk.problems.add(
            "sitemap "
                + sm.url()
                + ": the index lists itself or an index above it; not followed again");
        continue;
      }
      FeedPollState st = stateOf(sm.url());
      Instant now = Instant.now();
      if (!st.due(now)) {
        continue;
      }
      FetchResult r = politely(sm.url(), st.validatorsFor());
      st.afterFetch(r, now, settings.pollInterval());
      persistFeedState(sm.url());
      if (r instanceof FetchResult.Failed f) {
        walk.problems.add("sitemap " + sm.url() + ": " + f.reason());
      } else if (r instanceof FetchResult.Fetched f) {
        try {
          FeedDocument d = feedReader.readDocument(f.finalUrl(), f.body(), f.contentType());
          if (d instanceof FeedDocument.Items its) {
            walk.sitemapsLeft--;
            walk.items.addAll(its.items());
          } else {
            st.forgetValidators(); // read in full at every poll, like the configured index (see
            // FeedPollState)
            persistFeedState(sm.url());
            if (depth >= MAX_SITEMAP_INDEX_DEPTH) {
              walk.problems.add(
                  "sitemap "
                      + sm.url()
                      + ": an index "
                      + depth
                      + " levels below the configured one is not followed");
            } else if (walk.indexesLeft <= 0) {
              walk.problems.add(
                  "sitemap "
                      + sm.url()
                      + ": nested index not read this poll (at most "
                      + settings.maxSitemapsPerIndex()
                      + " nested indexes a poll, ingest.max-sitemaps-per-index)");
            } else {
              walk.indexesLeft--;
              walk.path.add(sm.url());
              walk((FeedDocument.SitemapIndex) d, depth + 1, walk);
              walk.path.remove(walk.path.size() - 1);
            }
          }
        } catch (FeedReader.FeedException e) {
          walk.problems.add("sitemap " + sm.url() + ": " + e.getMessage());
        }
      }
    }
  }

  /**
   * A request through the host rules (the fetcher's gate: delay, in-flight cap, the site's
   * Crawl-delay).
   */
  private FetchResult politely(String url, FetchResult.Validators validators) {
    return politely(url, validators, null);
  }

  private FetchResult politely(String url, FetchResult.Validators validators, Duration crawlDelay) {
    return fetcher.fetch(
        url,
        validators,
        crawlDelay == null || crawlDelay.compareTo(MAX_CRAWL_DELAY) <= 0
            ? crawlDelay
            : MAX_CRAWL_DELAY);
  }

  /** Longest article text produced; longer extracted text is refused. */
  static final int MAX_ARTICLE_CHARS = 300_000;

  /** A robots.txt Crawl-delay longer than this is honoured as this. */
  private static final Duration MAX_CRAWL_DELAY = Duration.ofMinutes(1);

  /** What became of one feed item. */
  private sealed interface ItemOutcome {
    ItemOutcome PRODUCED = new Produced();
    ItemOutcome ALREADY_SEEN = new AlreadySeen();

    record Produced() implements ItemOutcome {}

    record AlreadySeen() implements ItemOutcome {}

    /**
     * Not ingested: {@code retryable} when the reason may pass (then retried, not before {@code
     * retryAfter}).
     */
    record Failed(String reason, boolean retryable, Duration retryAfter) implements ItemOutcome {}

    static ItemOutcome failed(String reason, boolean retryable, Duration retryAfter) {
      return new Failed(reason, retryable, retryAfter);
    }

    static ItemOutcome failed(FetchResult.Failed f) {
      return new Failed(f.reason(), f.retryable(), f.retryAfter());
    }
  }

  /**
   * Fetches, extracts and produces one item (its link already the publisher's when the Google News
   * link carried it). A Google News link that does not carry it is asked where it redirects first,
   * without following: the article is then keyed, deduplicated and fetched by the publisher's URL.
   */
  private ItemOutcome ingestItem(FeedSpec feed, FeedItem item, String feedKey) {
    FetchResult.Fetched servedByGoogle = null;
    if (GoogleNewsLink.isGoogleNews(item.link())) {
      RobotsPolicy.Verdict robotsSay = robots.check(item.link());
      if (!robotsSay.allowed()) {
        return ItemOutcome.failed(robotsSay.reason(), robotsSay.temporary(), null);
      }
      PageFetcher.FirstHop hop = fetcher.firstHop(item.link());
      if (hop instanceof PageFetcher.FirstHop.Redirect redirect) {
        item = item.withLink(redirect.location());
      } else {
        FetchResult answer = ((PageFetcher.FirstHop.Answer) hop).result();
        if (answer instanceof FetchResult.Failed f) {
          return ItemOutcome.failed(f);
        }
        if (!(answer instanceof FetchResult.Fetched f)) {
          return ItemOutcome.failed(
              "Google News answered " + answer + " instead of a redirect", true, null);
        }
        servedByGoogle =
            f; // a page of Google's own (the current link format resolves by script): taken as that
        // page
      }
    }
    String key = CanonicalUrl.normalise(item.link()).orElse(null);
    if (key == null) {
      return ItemOutcome.failed("not an http(s) article URL", false, null);
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
      return fetchClaimed(feed, item, key, feedKey, servedByGoogle);
    } finally {
      claimed.remove(key);
    }
  }

  private ItemOutcome fetchClaimed(
      FeedSpec feed, FeedItem item, String key, String feedKey, FetchResult.Fetched prefetched) {
    FetchResult.Fetched f;
    if (prefetched != null) {
      f = prefetched;
    } else {
      RobotsPolicy.Verdict robotsSay = robots.check(item.link());
      if (!robotsSay.allowed()) {
        if (!robotsSay.temporary()) {
          remember(key); // the site asked us not to: do not ask again every poll
        }
        return ItemOutcome.failed(robotsSay.reason(), robotsSay.temporary(), null);
      }
      FetchResult r = politely(item.link(), FetchResult.Validators.NONE, robotsSay.crawlDelay());
      if (r instanceof FetchResult.Failed failed) {
        LOG.info("article {} not fetched: {}", item.link(), failed.reason());
        return ItemOutcome.failed(failed);
      }
      if (!(r instanceof FetchResult.Fetched fetched)) {
        return ItemOutcome.failed("unexpected answer without validators: " + r, true, null);
      }
      f = fetched;
    }
    fetched.increment();
    ExtractedPage page;
    try {
      page = extractor.extract(f.finalUrl(), f.body(), f.charset().orElse(null));
    } catch (RuntimeException | StackOverflowError e) {
      // A page the extractor cannot digest is that page's problem, not the feed's or the process's.
      LOG.warn("{} could not be extracted: {}", item.link(), e.toString());
      remember(key);
      return ItemOutcome.failed("extraction failed: " + e, false, null);
    }
    if (!page.isArticle()) {
      page = withTheFeedsText(page, item);
    }
    if (!page.isArticle()) {
      LOG.info("{} is not an article: {}", item.link(), page.notArticleReason());
      remember(key);
      return ItemOutcome.failed("not an article: " + page.notArticleReason(), false, null);
    }
    if (page.text().length() > MAX_ARTICLE_CHARS) {
      // No news article is this long (long reads run to some 50,000); such text is a dump or an
      // attack, and enrich's shingling and the index would pay for it.
      remember(key);
      return ItemOutcome.failed(
          "not an article: "
              + page.text().length()
              + " characters of text, more than any article (at most "
              + MAX_ARTICLE_CHARS
              + ")",
          false,
          null);
    }
    String canonical =
        CanonicalUrl.normalise(page.canonicalUrl())
            .orElse(CanonicalUrl.normalise(f.finalUrl()).orElse(key));
    String id = CanonicalUrl.idOf(canonical);
    RawArticle a =
        RawArticle.newBuilder()
            .setId(id)
            .setUrl(f.finalUrl())
            .setCanonicalUrl(canonical)
            .setSource(feed.name())
            .setFeedUrl(feed.url())
            .setGuid(item.guid())
            .setTitle(page.title().isBlank() && item.title() != null ? item.title() : page.title())
            .setByline(page.byline())
            .setPublishedAt(
                page.publishedAt() != null ? page.publishedAt().toInstant() : item.publishedAt())
            .setModifiedAt(page.modifiedAt() == null ? null : page.modifiedAt().toInstant())
            .setFetchedAt(Instant.now())
            .setLanguage(
                page.language() != null
                    ? page.language()
                    : item.language() != null ? item.language() : feed.language())
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
    // acknowledgement refetches the page instead, and enrich drops the repeat by its id. An article
    // the broker refused goes to its feed's retry list.
    List<String> keys = canonical.equals(key) ? List.of(key) : List.of(key, canonical);
    Instant fetchedAt = Instant.now();
    keys.forEach(k -> seen.add(k, fetchedAt)); // this process does not fetch it again meanwhile
    FeedItem listed = item;
    producer.send(
        new ProducerRecord<>(Topics.RAW.name(), id, a),
        (metadata, error) -> {
          if (error == null) {
            produced.increment(); // counted once the broker has it, not at send()
            keys.forEach(this::persistSeen);
          } else {
            notProduced.increment();
            LOG.warn(
                "article {} not produced ({}); it will be fetched again",
                a.getUrl(),
                error.toString());
            keys.forEach(seen::remove);
            retriesOf(feed.url())
                .failed(
                    listed,
                    feedKey,
                    "not produced: " + error,
                    null,
                    Instant.now(),
                    settings.pollInterval());
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
    if (item.content() == null
        || !(why.startsWith("no body text") || why.startsWith("too little body text"))) {
      return page;
    }
    ExtractedPage fromFeed =
        extractor.extract(
            page.url(),
            ("<html><body><article>" + item.content() + "</article></body></html>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            java.nio.charset.StandardCharsets.UTF_8);
    if (!fromFeed.isArticle()) {
      return page;
    }
    return new ExtractedPage(
        page.url(),
        page.canonicalUrl(),
        page.title().isBlank() ? fromFeed.title() : page.title(),
        page.byline(),
        page.publishedAt(),
        page.modifiedAt(),
        page.language() != null ? page.language() : fromFeed.language(),
        fromFeed.text(),
        page.description(),
        page.siteName(),
        page.leadImage(),
        true,
        null);
  }

  private void remember(String canonicalUrl) {
    seen.add(canonicalUrl, Instant.now());
    persistSeen(canonicalUrl);
  }

  private void persistSeen(String canonicalUrl) {
    seenProducer.send(
        new ProducerRecord<>(Topics.INGEST_SEEN.name(), canonicalUrl, Instant.now().toString()));
  }

  /** Why ingest is paused (e.g. the disk is nearly full), or null while it works. */
  public String pausedBecause() {
    return pausedBecause;
  }

  /**
   * Down once the polling loop or the feed ownership stopped; paused while the disk is nearly full.
   */
  @Override
  public StageHealth health() {
    Throwable f = failure;
    if (f != null) {
      return StageHealth.down("ingest", "the polling loop stopped", f);
    }
    if (ownership != null && ownership.failure() != null) {
      return StageHealth.down(
          "ingest", "feed ownership stopped: this instance polls no feeds", ownership.failure());
    }
    if (!running) {
      return StageHealth.starting("ingest", "not started");
    }
    String paused = pausedBecause;
    return paused != null ? StageHealth.paused("ingest", paused) : StageHealth.up("ingest");
  }

  /**
   * Updates the source's health after a poll. {@code report} is null for a poll that failed; else
   * the items' problems join {@code feedError}: what failed for good stays until the source
   * produces again (such items are not retried, so later polls would otherwise hide it), and the
   * items waiting for a retry are listed while they wait.
   */
  private void update(FeedSpec feed, String state, String feedError, PollReport report) {
    Metrics.registry().counter("vigia.ingest.feeds.polled", "outcome", state).increment();
    String url = feed.url();
    FeedPollState st = pollStates.get(url);
    Instant now = Instant.now();
    String error = feedError;
    if (report != null) {
      String itemProblem = report.itemProblem();
      if (itemProblem != null) {
        itemProblems.put(url, itemProblem);
      } else if (report.produced > 0) {
        itemProblems.remove(url);
      }
      List<String> parts = new ArrayList<>();
      if (feedError != null) {
        parts.add(feedError);
      }
      if (itemProblems.get(url) != null) {
        parts.add(itemProblems.get(url));
      }
      ItemRetries waiting = retries.get(url);
      if (waiting != null && waiting.size() > 0) {
        ItemRetries.Entry first = waiting.entries().get(0);
        parts.add(
            waiting.size()
                + " items waiting for a retry (first: "
                + first.item().link()
                + ": "
                + first.reason()
                + "; attempt "
                + (first.attempts() + 1)
                + " of "
                + ItemRetries.MAX_ATTEMPTS
                + " not before "
                + first.due()
                + ")");
      }
      error = parts.isEmpty() ? null : String.join("; ", parts);
    }
    int producedNow = report == null ? 0 : report.produced;
    boolean fresh = report != null && report.fresh > 0;
    FeedItemMemory memory = memories.get(url);
    String shown = error;
    sources.compute(
        url,
        (k, old) ->
            new SourceStatus(
                url,
                feed.name(),
                state,
                shown,
                now,
                memory != null
                    ? (int) Math.min(Integer.MAX_VALUE, memory.distinctSeen())
                    : old == null ? 0 : old.itemsSeen(),
                (old == null ? 0 : old.articlesProduced()) + producedNow,
                st == null ? 0 : st.errorStreak(),
                st == null ? null : st.notBefore(),
                fresh ? now : old == null ? null : old.lastNewItemAt(),
                st == null ? null : st.interval(settings.pollInterval())));
  }

  /**
   * Source health as metrics too, tagged with the source's name: what /api/sources shows, for
   * dashboards and alerting rules.
   */
  private List<Meter> registerSourceGauges(FeedSpec f) {
    String url = f.url();
    Tags tags = Tags.of("source", f.name() == null ? url : f.name());
    List<Meter> meters = new ArrayList<>();
    meters.add(
        Gauge.builder(
                "vigia.ingest.source.failing",
                sources,
                m -> m.get(url) != null && "failing".equals(m.get(url).state()) ? 1 : 0)
            .tags(tags)
            .description("1 while the source's last poll failed")
            .register(Metrics.registry()));
    for (String state : List.of("pending", "ok", "not-modified", "failing")) {
      meters.add(
          Gauge.builder(
                  "vigia.ingest.source.state",
                  sources,
                  m -> m.get(url) != null && state.equals(m.get(url).state()) ? 1 : 0)
              .tags(tags.and("state", state))
              .description("1 for the state the source is in (pending, ok, not-modified, failing)")
              .register(Metrics.registry()));
    }
    meters.add(
        Gauge.builder(
                "vigia.ingest.source.error.streak",
                sources,
                m -> m.get(url) == null ? 0 : m.get(url).errorStreak())
            .tags(tags)
            .description("Failed polls in a row")
            .register(Metrics.registry()));
    meters.add(
        Gauge.builder(
                "vigia.ingest.source.articles",
                sources,
                m -> m.get(url) == null ? 0 : m.get(url).articlesProduced())
            .tags(tags)
            .description("Articles produced from the source")
            .register(Metrics.registry()));
    meters.add(
        Gauge.builder(
                "vigia.ingest.source.items.seen",
                sources,
                m -> m.get(url) == null ? 0 : m.get(url).itemsSeen())
            .tags(tags)
            .description("Distinct items the source has listed")
            .register(Metrics.registry()));
    meters.add(
        Gauge.builder(
                "vigia.ingest.source.retries",
                retries,
                m -> m.get(url) == null ? 0 : m.get(url).size())
            .tags(tags)
            .description("Items of the source waiting for a retry")
            .register(Metrics.registry()));
    meters.add(
        Gauge.builder(
                "vigia.ingest.source.poll.interval.seconds",
                sources,
                m -> {
                  SourceStatus s = m.get(url);
                  return s == null || s.pollInterval() == null
                      ? Double.NaN
                      : s.pollInterval().toSeconds();
                })
            .tags(tags)
            .description("The source's current adaptive polling interval")
            .register(Metrics.registry()));
    meters.add(
        Gauge.builder(
                "vigia.ingest.source.silent.seconds",
                sources,
                m -> {
                  SourceStatus s = m.get(url);
                  Duration d = s == null ? null : s.silentFor(Instant.now());
                  return d == null ? Double.NaN : d.toSeconds();
                })
            .tags(tags)
            .description("Seconds since the source last listed an item new to it")
            .register(Metrics.registry()));
    return meters;
  }

  /** Source health, one entry per feed of the shared list (before start: per configured feed). */
  public List<SourceStatus> sources() {
    return feeds().stream()
        .map(f -> sources.get(f.url()))
        .filter(java.util.Objects::nonNull)
        .toList();
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
    if (feedList != null) {
      feedList.close();
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(10));
      seenProducer.close(Duration.ofSeconds(10));
    }
    fetcher.close();
  }
}
