package io.vigia.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.app.reprocess.Reprocessing;
import io.vigia.app.testing.SyntheticHistory;
import io.vigia.broker.EmbeddedKafka;
import io.vigia.common.config.Config;
import io.vigia.common.config.KafkaSettings;
import io.vigia.schemas.TopicCreator;
import io.vigia.schemas.Topics;
import io.vigia.search.ArticleDocument;
import io.vigia.sink.lucene.LuceneIndexVersions;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reprocessing throughput, end to end into Lucene: {@code vigia.articles.raw} holds a synthetic
 * varied history ({@link SyntheticHistory}: election news, census reports, one copy in ten), a run
 * re-enriches it with the shipped profile through the same topology as the live pipeline, its sink
 * writes a new Lucene version, and the clock stops when the alias has switched and the run is done
 * (Streams start-up included). Prints {@code RESULT reprocess} with articles/s and where the time
 * went (the run's own step timers), then checks the outcome: every on-topic article listed exactly
 * once and every copy still linked to its original, in its story (it fails otherwise). Only the run
 * works here (no live stages), on the embedded broker (3 partitions). Not part of the suite; run
 * with {@code bench/reprocess.sh [ARTICLES]}.
 */
class ReprocessBench {
  private static final int ARTICLES = Integer.getInteger("vigia.bench.articles", 100_000);

  @TempDir Path tmp;

  @Test
  @Timeout(value = 35, unit = TimeUnit.MINUTES) // 100,000 articles on a loaded machine
  void measureReprocessing() throws Exception {
    try (EmbeddedKafka broker = new EmbeddedKafka(tmp.resolve("kafka"), 0).start()) {
      KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(), 3, (short) 1);
      try (Admin admin = Admin.create(kafka.clientProperties())) {
        TopicCreator.ensure(admin, Topics.all(), 3, (short) 1);
      }
      long p0 = System.nanoTime();
      Properties p = kafka.clientProperties();
      p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
      p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
      // On a loaded machine the embedded broker can take minutes to take them all in, and
      // retried requests in flight side by side came back out of sequence
      // (OutOfOrderSequenceException): one request at a time, in big batches.
      p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 900_000);
      p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
      p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
      SyntheticHistory.store(p, 0, ARTICLES);
      System.out.printf(
          Locale.ROOT,
          "STORED %d raw articles in %.1f s%n",
          ARTICLES,
          (System.nanoTime() - p0) / 1e9);

      Config config =
          Config.builder()
              .set("data-dir", tmp.resolve("data").toString())
              .set("kafka.bootstrap-servers", broker.bootstrapServers())
              .build();
      try (LuceneIndexVersions versions =
              LuceneIndexVersions.open(tmp.resolve("data").resolve("index"));
          Reprocessing run = new Reprocessing(config, kafka, versions)) {
        ThreadCpu cpu = new ThreadCpu();
        long t0 = System.nanoTime();
        run.start(null, null);
        Map<String, Object> s = run.status();
        double switchedAfter = -1;
        while (!"done".equals(s.get("phase"))) {
          Thread.sleep(5000);
          cpu.sample();
          s = run.status();
          if (switchedAfter < 0 && s.get("switchedAt") != null) {
            switchedAfter = (System.nanoTime() - t0) / 1e9;
          }
          System.out.printf(
              Locale.ROOT,
              "PROGRESS %.0f s: %s/%s done, %s/s, ETA %s s, %s indexed%n",
              (System.nanoTime() - t0) / 1e9,
              s.get("done"),
              s.get("total"),
              s.get("rate"),
              s.get("etaSeconds"),
              s.get("indexed"));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "RESULT reprocess articles=%d seconds=%.1f articles_per_s=%.0f switched_after_s=%.1f"
                + " indexed=%s index_version=%s step_seconds=%s cores=%d load=%.1f%n",
            ARTICLES,
            seconds,
            ARTICLES / seconds,
            switchedAfter,
            s.get("indexed"),
            s.get("indexVersion"),
            s.get("stepSeconds"),
            Runtime.getRuntime().availableProcessors(),
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "RESULT reprocess-cpu %s%n", cpu.summary());
        checkOutcome(versions);
      }
    }
  }

  /**
   * Every on-topic article (all but the census reports and their copies, off-topic for the shipped
   * profile) listed exactly once, and every copy linked to its original (one the duplicate of the
   * other) in the same story, the copy still the copy (docs/reprocess.md "Order").
   */
  private static void checkOutcome(LuceneIndexVersions index) {
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < ARTICLES; i++) {
      if (!SyntheticHistory.isCensusText(i)) {
        expected.add(SyntheticHistory.article(i).getId());
      }
    }
    long missing = expected.stream().filter(id -> index.get(id).isEmpty()).count();
    int copies = 0;
    int reversed = 0;
    int unlinked = 0;
    for (int i = 0; i < ARTICLES; i++) {
      if (!SyntheticHistory.isCopy(i) || SyntheticHistory.isCensusText(i)) {
        continue;
      }
      copies++;
      String copyId = SyntheticHistory.article(i).getId();
      String originalId = SyntheticHistory.article(SyntheticHistory.originalOf(i)).getId();
      Optional<ArticleDocument> copy = index.get(copyId);
      Optional<ArticleDocument> original = index.get(originalId);
      boolean forward = copy.map(c -> originalId.equals(c.duplicateOf())).orElse(false);
      boolean backward = original.map(o -> copyId.equals(o.duplicateOf())).orElse(false);
      boolean sameStory =
          copy.isPresent()
              && original.isPresent()
              && Objects.equals(copy.get().storyId(), original.get().storyId());
      if (!(forward || backward) || !sameStory) {
        unlinked++;
      }
      reversed += forward ? 0 : 1;
    }
    System.out.printf(
        Locale.ROOT,
        "RESULT reprocess-check documents=%d expected=%d missing=%d copies=%d unlinked=%d"
            + " linked-reversed=%d%n",
        index.count(),
        expected.size(),
        missing,
        copies,
        unlinked,
        reversed);
    assertThat(missing).as("on-topic articles not listed").isZero();
    assertThat(index.count()).as("every article listed exactly once").isEqualTo(expected.size());
    assertThat(unlinked).as("copies not linked to their original").isZero();
    assertThat(reversed).as("copies that became their original's original").isZero();
  }
}
