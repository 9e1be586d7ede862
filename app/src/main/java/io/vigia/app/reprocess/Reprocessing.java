package io.vigia.app.reprocess;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigia.common.config.Config;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.disk.DiskSpaceGuard;
import io.vigia.common.metrics.Metrics;
import io.vigia.common.profile.WatchProfile;
import io.vigia.enrich.ArticleAnalyzers;
import io.vigia.enrich.EnrichService;
import io.vigia.enrich.EnrichSettings;
import io.vigia.enrich.topology.EnrichMeters;
import io.vigia.enrich.topology.EnrichOutputs;
import io.vigia.enrich.topology.EnrichTopology;
import io.vigia.schemas.TopicCreator;
import io.vigia.schemas.Topics;
import io.vigia.sink.SinkService;
import io.vigia.sink.SinkSettings;
import io.vigia.sink.index.ArticleIndex;
import io.vigia.sink.lucene.LuceneIndexVersions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code vigia reprocess}, run inside {@code vigia run}: re-enriches the stored raw history with
 * the current (or a given) profile into a new index version, then switches the search alias to it.
 *
 * <p>Its merge step ({@link RawMerger}) copies the raw partitions into one topic, {@code
 * vigia.reprocess.rN.raw}, in the order the articles were stored. The same topology as the live
 * pipeline ({@link EnrichTopology#build}) runs under its own application id ({@code
 * <enrich.application-id>-reprocess-N}) on that topic, from its beginning, with fresh state stores
 * (dedup and stories rebuilt from the raw articles in the order the live run met them, so a copy
 * stays the copy) and writes its own topics ({@code vigia.reprocess.rN.*}), which only its own sink
 * reads, into index version N. The live pipeline keeps flowing meanwhile into the current version;
 * the run keeps following the raw topic past the end offsets it took at start.
 *
 * <p>It switches the alias once it has caught up with those end offsets, through the whole chain:
 * the raw offsets committed by the merge (in one transaction with the records they produced), then
 * the topology past the merged topic's last record, then the dedup step past the last record of its
 * repartition topic, then its sink durable past the last record of its enriched topic. From the
 * switch on the live sink writes into the new version; the run goes on until it has caught up with
 * the raw end offsets taken at the switch, so every article that arrived before the switch is
 * re-judged and every one after is written by the live pipeline: nothing falls in between. Then it
 * stops.
 *
 * <p>The run is recorded in {@code DATA/reprocess/run.json}; a process killed in the middle resumes
 * it at its next start from the committed offsets, the changelogged state stores and the committed
 * index version.
 */
public final class Reprocessing implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Reprocessing.class);
  private static final AtomicReference<ReprocessProgress> SHOWN =
      new AtomicReference<>(new ReprocessProgress());

  static {
    ReprocessProgress.register(Metrics.registry(), SHOWN::get);
  }

  private final Config config;
  private final KafkaSettings kafka;
  private final IndexVersions versions;
  private final Path dataDir;
  private final ReprocessProgress progress = new ReprocessProgress();
  private volatile ReprocessRun run;
  private Running running;

  /** What one run started: closed together. */
  private record Running(
      RawMerger merger,
      EnrichService enrich,
      SinkService sink,
      ArticleIndex target,
      MeterRegistry meters,
      Thread monitor,
      RunTopics topics,
      WatchProfile profile,
      SinkHold hold) {}

  /**
   * @param versions the alias the live sink and the search API use (embedded Lucene)
   */
  public Reprocessing(Config config, KafkaSettings kafka, LuceneIndexVersions versions) {
    this(config, kafka, IndexVersions.lucene(versions, SinkSettings.from(config).luceneDir()));
  }

  /**
   * @param versions the versions behind the alias the live sink and the search API use
   */
  public Reprocessing(Config config, KafkaSettings kafka, IndexVersions versions) {
    this.config = config;
    this.kafka = kafka;
    this.versions = versions;
    this.dataDir = Path.of(config.string("data-dir"));
    SHOWN.set(progress);
  }

  /**
   * What runs once the alias points at the new version, and again when the run is done: the live
   * pipeline puts analysts' corrections back over what the run wrote (its own sink writes the
   * machine's judgement), so corrections still win over the new judgements.
   */
  public synchronized Reprocessing afterEachSwitchedWrite(Runnable reapplyCorrections) {
    this.afterSwitch = java.util.Objects.requireNonNull(reapplyCorrections);
    return this;
  }

  private Runnable afterSwitch = () -> {};

  private SinkHold sinkHold;

  /**
   * For tests of resuming only (no configuration or HTTP request reaches it): the next run this
   * launches has its sink hold the write that would bring its documents to {@code documents}, so
   * the run stays catching up, the alias unswitched, until {@link #halt} or {@link #close}.
   */
  public synchronized SinkHold holdNextRunSink(long documents) {
    sinkHold = new SinkHold(documents);
    return sinkHold;
  }

  /** Resumes the run recorded in the data folder when it did not finish (after a crash or stop). */
  public synchronized void resumeIfUnfinished() {
    Optional<ReprocessRun> last = ReprocessRun.read(dataDir);
    if (last.isPresent()) {
      run = last.get();
      if (run.phase() != ReprocessRun.Phase.DONE) {
        LOG.info("resuming reprocessing run {} ({})", run.run(), run.phase());
        try {
          launch(run);
        } catch (RuntimeException e) {
          // The search engine may be away at start (OpenSearch): the live pipeline starts anyway
          // and the run resumes once its index can be opened.
          LOG.warn("reprocessing run {} cannot resume yet: {}", run.run(), e.getMessage());
          Thread retry = new Thread(this::resumeLater, "vigia-reprocess-resume");
          retry.setDaemon(true);
          retry.start();
        }
      }
    }
  }

  private volatile boolean closed;

  /** Every 10 s, tries to resume the recorded run until it starts or this is closed. */
  private void resumeLater() {
    while (!closed) {
      try {
        TimeUnit.SECONDS.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      synchronized (this) {
        if (closed || running != null) {
          return;
        }
        try {
          launch(run);
          LOG.info("reprocessing run {} resumed", run.run());
          return;
        } catch (RuntimeException e) {
          LOG.warn("reprocessing run {} cannot resume yet: {}", run.run(), e.getMessage());
        }
      }
    }
  }

  /** Thrown when a run is asked for while one is going. */
  public static final class AlreadyRunning extends IllegalStateException {
    AlreadyRunning(int run) {
      super("reprocessing run " + run + " is still going; follow it with GET /api/reprocess");
    }
  }

  /**
   * Starts a run with the profile at {@code profileRef} (null: the configured one), judging only
   * articles published since {@code since} (null: all; older ones are copied from the current
   * version as they are).
   */
  public synchronized ReprocessRun start(String profileRef, Instant since) {
    if (run != null && run.phase() != ReprocessRun.Phase.DONE) {
      throw new AlreadyRunning(run.run());
    }
    WatchProfile.load(profileRef != null ? profileRef : config.string("profile")); // fail early
    int n = Math.max(versions.newestVersion(), run == null ? 0 : run.run()) + 1;
    Map<Integer, Long> targets = new HashMap<>();
    Map<Integer, Long> beginnings = new HashMap<>();
    try (TopicOffsets offsets = new TopicOffsets(kafka)) {
      offsets.ends(Topics.RAW.name()).forEach((tp, o) -> targets.put(tp.partition(), o));
      offsets.beginnings(Topics.RAW.name()).forEach((tp, o) -> beginnings.put(tp.partition(), o));
      if (since != null) { // no need to read what was stored before since (less a day's margin)
        offsets
            .offsetsForTime(Topics.RAW.name(), since.minus(SINCE_MARGIN).toEpochMilli())
            .forEach((tp, o) -> beginnings.merge(tp.partition(), o, Math::max));
      }
    }
    ReprocessRun r =
        new ReprocessRun(
            n,
            profileRef,
            since,
            targets,
            beginnings,
            ReprocessRun.Phase.CATCHING_UP,
            Instant.now(),
            null,
            null);
    r.write(dataDir);
    run = r;
    LOG.info(
        "reprocessing run {}: {} raw articles to re-enrich into index version {} ({})",
        n,
        r.total(),
        n,
        versions.name(n));
    launch(r);
    return r;
  }

  /**
   * With {@code --since}, the merge starts at the first raw record stored this long before it: an
   * article is judged by its publication time, which a source may give later than the time it was
   * stored (a wrong time zone is off by up to 14 hours).
   */
  static final java.time.Duration SINCE_MARGIN = java.time.Duration.ofDays(1);

  private void launch(ReprocessRun r) {
    WatchProfile profile =
        WatchProfile.load(r.profile() != null ? r.profile() : config.string("profile"));
    EnrichSettings live = EnrichSettings.from(config, profile);
    String appId = live.applicationId() + "-reprocess-" + r.run();
    String raw = Topics.reprocessRaw(r.run()).name();
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      TopicCreator.ensure(
          admin, Topics.reprocessTopics(r.run()), kafka.partitions(), kafka.replicationFactor());
      RawMerger.ensureTopic(admin, raw, kafka.replicationFactor());
      RawMerger.keepUntilDeleted(
          admin, Topics.reprocessTopics(r.run()).stream().map(t -> t.name()).toList());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the run's topics", e);
    }
    MeterRegistry meters = new SimpleMeterRegistry();
    String enriched = Topics.reprocessEnriched(r.run()).name();
    // Built before the run's index is opened: its state directory may still be held by a run
    // stopped a moment ago, and the attempt then fails without holding anything.
    EnrichService enrich =
        new EnrichService(
            live.withApplicationId(appId),
            kafka,
            ArticleAnalyzers.fromProfile(profile),
            new EnrichOutputs(
                raw,
                enriched,
                Topics.reprocessIrrelevant(r.run()).name(),
                Topics.reprocessDeadLetter(r.run()).name(),
                r.since()),
            new EnrichMeters(meters));
    ArticleIndex target;
    try {
      target = versions.openForRun(r.run(), r.since());
    } catch (RuntimeException e) {
      enrich.close();
      throw e;
    }
    SinkService sink;
    try {
      sink =
          new SinkService(
                  new SinkSettings(
                      SinkSettings.Backend.LUCENE,
                      config.string("sink.group-id") + "-reprocess-" + r.run(),
                      LuceneIndexVersions.dir(baseDir(), r.run()),
                      ""),
                  kafka,
                  sinkHold == null ? target : sinkHold.wrap(target),
                  DiskSpaceGuard.none(),
                  enriched,
                  meters)
              .batchedForBulkLoad(); // one index commit a second or per 5,000 documents
    } catch (RuntimeException e) {
      // A failed attempt lets go of what it opened, or every later attempt to resume fails on
      // the index lock it still holds.
      enrich.close();
      versions.release(r.run(), target);
      throw e;
    }
    Thread monitor = new Thread(this::monitor, "vigia-reprocess-" + r.run());
    monitor.setDaemon(true);
    RawMerger merger =
        new RawMerger(kafka, Topics.RAW.name(), raw, mergeGroup(appId), r.rawBeginnings());
    running =
        new Running(
            merger,
            enrich,
            sink,
            target,
            meters,
            monitor,
            new RunTopics(appId, raw, enriched),
            profile,
            sinkHold);
    sinkHold = null; // one run's
    sink.start();
    merger.start();
    enrich.start();
    monitor.start();
  }

  /** The consumer group (and transactional id) of a run's merge step. */
  static String mergeGroup(String applicationId) {
    return applicationId + "-merge";
  }

  private Path baseDir() {
    return SinkSettings.from(config).luceneDir();
  }

  /** Four times a second: progress, and the switch or the end when the run has caught up. */
  private void monitor() {
    try (TopicOffsets offsets = new TopicOffsets(kafka)) {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          if (step(offsets)) {
            return;
          }
        } catch (RuntimeException e) {
          LOG.warn("reprocessing run {}: {}; trying again", run.run(), e.getMessage());
        }
        TimeUnit.MILLISECONDS.sleep(250);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One look; true when the run is done. */
  private boolean step(TopicOffsets offsets) {
    ReprocessRun r = run;
    Running on = running;
    Map<TopicPartition, Long> committed =
        offsets.committed(mergeGroup(on.topics().applicationId()), Topics.RAW.name());
    Map<Integer, Long> read = on.topics().rawReadByTopology(offsets);
    long done = 0;
    for (Map.Entry<Integer, Long> e : r.rawTargets().entrySet()) {
      long begin = r.rawBeginnings().getOrDefault(e.getKey(), 0L);
      long at = read.getOrDefault(e.getKey(), begin);
      done += Math.max(0, Math.min(at, e.getValue()) - begin);
    }
    progress.update(
        r.total(), done, on.sink().indexed(), r.phase().ordinal() + 1, System.nanoTime());
    if (!on.topics().caughtUp(offsets, r, committed, on.sink())) {
      return false;
    }
    synchronized (this) {
      if (r.phase() == ReprocessRun.Phase.CATCHING_UP) {
        versions.switchTo(r.run(), on.target());
        Map<Integer, Long> now = new HashMap<>();
        offsets.ends(Topics.RAW.name()).forEach((tp, o) -> now.put(tp.partition(), o));
        run = r.switched(Instant.now(), now);
        run.write(dataDir);
        afterSwitch.run();
        LOG.info(
            "reprocessing run {}: caught up; the search alias now points at index version {}",
            r.run(),
            r.run());
        return false;
      }
      on.merger().close();
      on.enrich().close();
      on.sink().close();
      versions.release(r.run(), on.target());
      run = r.done(Instant.now());
      run.write(dataDir);
      afterSwitch.run();
      progress.update(run.total(), run.total(), on.sink().indexed(), 3, System.nanoTime());
      LOG.info("reprocessing run {} done: {} documents written", r.run(), on.sink().indexed());
      return true;
    }
  }

  /** The run as {@code GET /api/reprocess} shows it. */
  public synchronized Map<String, Object> status() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("indexVersion", versions.currentVersion());
    if (run == null) {
      s.put("phase", "none");
      return s;
    }
    s.put("run", run.run());
    s.put("phase", run.phase().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    s.put("profile", run.profile() != null ? run.profile() : config.string("profile"));
    if (running != null) {
      s.put("profileVersion", running.profile().version());
    }
    s.put("since", run.since() == null ? null : run.since().toString());
    s.put("total", progress.total());
    s.put("done", progress.done());
    s.put("rate", Math.round(progress.rate() * 10) / 10.0);
    s.put("etaSeconds", progress.etaSeconds());
    s.put("indexed", progress.indexed());
    s.put("startedAt", String.valueOf(run.startedAt()));
    s.put("switchedAt", run.switchedAt() == null ? null : run.switchedAt().toString());
    s.put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString());
    if (running != null) {
      s.put("stepSeconds", stepSeconds(running.meters()));
    }
    return s;
  }

  /** Where the time went, in seconds summed over every article: analysis, dedup, index writes. */
  private static Map<String, Double> stepSeconds(MeterRegistry m) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String step : new String[] {"analyse", "dedup"}) {
      Timer t = m.find("vigia.enrich.step").tag("step", step).timer();
      out.put(step, t == null ? 0 : round(t.totalTime(TimeUnit.SECONDS)));
    }
    Timer w = m.find("vigia.sink.write").timer();
    out.put("index", w == null ? 0 : round(w.totalTime(TimeUnit.SECONDS)));
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** For tests of resuming: stops the run at once, as a crash would, leaving it unfinished. */
  public synchronized void halt() {
    if (running == null) {
      return;
    }
    running.monitor().interrupt();
    running.merger().halt();
    running.enrich().halt();
    if (running.hold() != null) {
      running.hold().refuse(); // its sink's thread ends only once its held write returns
    }
    running.sink().close();
    if (run.phase() != ReprocessRun.Phase.DONE) {
      versions.release(run.run(), running.target());
    }
    running = null;
  }

  /** Stops cleanly; an unfinished run stays recorded and resumes at the next start. */
  @Override
  public synchronized void close() {
    closed = true;
    if (running == null) {
      return;
    }
    running.monitor().interrupt();
    if (running.hold() != null) {
      running.hold().refuse();
    }
    if (run.phase() != ReprocessRun.Phase.DONE) {
      running.merger().close();
      running.enrich().close();
      running.sink().close();
      versions.release(run.run(), running.target());
    }
    running = null;
  }
}
