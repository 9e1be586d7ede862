package io.vigia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.app.reprocess.SinkHold;
import io.vigia.app.testing.BundledProfile;
import io.vigia.app.testing.SyntheticHistory;
import io.vigia.common.config.Config;
import io.vigia.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigia reprocess} end to end in one process (embedded KRaft broker, Lucene): a stored
 * history of raw articles is re-enriched with a changed profile into a new index version, the run
 * is stopped abruptly mid-way and resumed by the next start, and the alias switches to a version
 * that lists every article exactly once, with copies still linked to their originals, judged by the
 * new profile version, while not one alert is sent again.
 */
class ReprocessIT {
  private static final String CORRECTED = SyntheticHistory.article(0).getId();

  private static final int N = 1000;

  @TempDir Path tmp;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldReEnrichTheStoredHistoryIntoANewVersionAndSwitchTheAliasResumingAfterACrash()
      throws Exception {
    Path profile = BundledProfile.copyTo(tmp.resolve("profile"));
    Path data = tmp.resolve("data");
    Path config =
        Files.writeString(
            tmp.resolve("vigia.yaml"),
            """
        profile: %s
        feeds:
          - url: http://127.0.0.1:9/nothing.xml
            name: Nothing
        ingest:
          allow-private-addresses: true
        http:
          port: 0
        """
                .formatted(profile));
    int census = 0;
    for (int i = 0; i < N; i++) {
      census += SyntheticHistory.isCensusText(i) ? 1 : 0;
    }
    assertThat(census).as("the history has off-topic articles").isPositive();

    long alertsBefore;
    String alertOffsetsBefore;
    Map<TopicPartition, Long> liveEnrichedBefore;
    try (PipelineHandle p = start(config, data)) {
      p.await(
          "/healthz", h -> h.path("alerts").asText().equals("RUNNING"), Duration.ofSeconds(120));
      HttpResponse<String> sub =
          p.post("/api/subscriptions", "{\"name\": \"todo\", \"query\": {\"language\": \"es\"}}");
      assertThat(sub.statusCode()).as(sub.body()).isEqualTo(201);
      SyntheticHistory.store(p.bootstrapServers(), 0, N);
      long relevantV1 = N - census;
      p.await(
          "/api/articles?size=0&duplicates=true",
          j -> j.path("total").asLong() == relevantV1,
          Duration.ofSeconds(600));
      alertsBefore = awaitStableCount(p.bootstrapServers(), Topics.ALERTS.name());
      assertThat(alertsBefore).as("the live run alerted").isPositive();
      alertOffsetsBefore = alertOffsets(p.bootstrapServers());
      liveEnrichedBefore = endOffsets(p.bootstrapServers(), Topics.ENRICHED.name());

      // An analyst's correction made before the run: it must win over the run's new judgement.
      HttpResponse<String> corrected =
          p.post(
              "/api/articles/" + CORRECTED + "/corrections",
              "{\"stance\": {\"target\": \"maduro-government\", \"label\": \"favor\"}}");
      assertThat(corrected.statusCode()).as(corrected.body()).isBetween(200, 299);

      // The analyst's new profile version: the census now counts as a political anchor.
      SyntheticHistory.censusOnTopic(profile);
      // Its sink holds the write that would complete the run's N documents, so the run is halted
      // mid-way, before it can catch up and switch the alias, whatever the machine's load.
      SinkHold hold = p.reprocessing().holdNextRunSink(N);
      HttpResponse<String> started =
          p.post("/api/reprocess", "{\"profile\": \"" + profile.toString() + "\"}");
      assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
      assertThat(p.post("/api/reprocess", "{}").statusCode())
          .as("one run at a time")
          .isEqualTo(409);
      assertThat(hold.awaitHeld(Duration.ofSeconds(240)))
          .as("the run's sink reached its hold")
          .isTrue();
      JsonNode midway = p.get("/api/reprocess");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
      while (midway.path("done").asLong() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
        midway = p.get("/api/reprocess");
      }
      p.reprocessing().halt(); // a crash: nothing flushed, nothing committed beyond what was
      System.out.println(
          "RESULT reprocess-it halted indexed="
              + midway.path("indexed").asLong()
              + " held-after="
              + hold.written());
      assertThat(metrics(p))
          .contains("vigia_reprocess_rate")
          .contains("vigia_reprocess_eta_seconds");
      // Stopped mid-way through the run's chain: its one merged partition lets the first step
      // commit all 1,000 raw records in its first one-second commit on a quiet machine, so the
      // figure that shows the run unfinished is what its sink had written (the hold keeps it
      // below N).
      assertThat(midway.path("indexed").asLong()).as("stopped mid-way").isLessThan(N);
      assertThat(midway.path("phase").asText()).isEqualTo("catching-up");
    }

    // The next start's first attempt to resume finds the run's state directory locked, as by a run
    // stopped a moment ago in this process: it must let go of what it opened (the run's index) so
    // that its next attempt, ten seconds later, resumes the run.
    Path streamsLock = data.resolve("streams").resolve("vigia-enrich-reprocess-1").resolve(".lock");
    FileChannel lockChannel =
        FileChannel.open(streamsLock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock held = awaitLock(lockChannel); // the halted run lets go of it once its threads end
    try (PipelineHandle p = start(config, data)) {
      assertThat(p.get("/api/reprocess").has("profileVersion"))
          .as("the first attempt to resume failed on the locked state directory")
          .isFalse();
      held.release();
      lockChannel.close();
      JsonNode done =
          p.await(
              "/api/reprocess",
              j -> j.path("phase").asText().equals("done"),
              Duration.ofSeconds(300));
      assertThat(done.path("run").asInt()).isEqualTo(1);
      assertThat(done.path("indexVersion").asInt()).as("the alias switched").isEqualTo(1);
      assertThat(done.path("profileVersion").asInt()).isEqualTo(2);
      assertThat(Files.readString(data.resolve("index.alias")).trim()).isEqualTo("index-r1");

      List<JsonNode> listed = p.listAll();
      List<String> ids = listed.stream().map(a -> a.path("id").asText()).toList();
      assertThat(ids).as("every article listed exactly once").doesNotHaveDuplicates().hasSize(N);
      Set<String> expected = new HashSet<>();
      for (int i = 0; i < N; i++) {
        expected.add(SyntheticHistory.article(i).getId());
      }
      assertThat(new HashSet<>(ids)).isEqualTo(expected);
      assertThat(listed).allSatisfy(a -> assertThat(a.path("profileVersion").asInt()).isEqualTo(2));
      JsonNode stance = p.get("/api/articles/" + CORRECTED).path("stance");
      assertThat(stance.findValuesAsText("target")).contains("maduro-government");
      for (JsonNode st : stance) {
        if (st.path("target").asText().equals("maduro-government")) {
          assertThat(st.path("label").asText()).as("the correction still wins").isEqualTo("favor");
          assertThat(st.path("corrected").asBoolean()).isTrue();
        }
      }
      int reversed = 0;
      for (int i = 0; i < N; i++) {
        if (SyntheticHistory.isCopy(i)) {
          String copyId = SyntheticHistory.article(i).getId();
          String originalId = SyntheticHistory.article(SyntheticHistory.originalOf(i)).getId();
          JsonNode copy = p.get("/api/articles/" + copyId);
          JsonNode original = p.get("/api/articles/" + originalId);
          // Linked, in one story, and the copy is still the copy: the run merges the raw
          // partitions in the order the articles were stored (docs/reprocess.md, "Order").
          boolean forward = originalId.equals(copy.path("duplicateOf").asText());
          boolean backward = copyId.equals(original.path("duplicateOf").asText());
          assertThat(forward || backward).as("copy %d still linked to its original", i).isTrue();
          assertThat(copy.path("storyId").asText())
              .as("copy %d in its original's story", i)
              .isEqualTo(original.path("storyId").asText());
          reversed += forward ? 0 : 1;
        }
      }
      System.out.println("RESULT reprocess-it copies=" + N / 10 + " linked-reversed=" + reversed);
      assertThat(reversed).as("copies that became their original's original").isZero();
      Thread.sleep(3000); // an alert sent again would be on its way now
      assertThat(countRecords(p.bootstrapServers(), Topics.ALERTS.name()))
          // Fewer would mean records deleted: the log start and end offsets tell.
          .as(
              "no alert sent again (alerts' log start/end offsets before %s, after %s)",
              alertOffsetsBefore, alertOffsets(p.bootstrapServers()))
          .isEqualTo(alertsBefore);
      assertThat(endOffsets(p.bootstrapServers(), Topics.ENRICHED.name()))
          .as("nothing re-enriched reached the live topic alerts read")
          .isEqualTo(liveEnrichedBefore);
      assertThat(metrics(p))
          .contains("vigia_reprocess_phase 3")
          .contains("vigia_reprocess_articles_done " + done.path("total").asLong());
    }
  }

  private static FileLock awaitLock(FileChannel channel) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      try {
        FileLock lock = channel.tryLock();
        if (lock != null) {
          return lock;
        }
      } catch (OverlappingFileLockException stillHeldInThisProcess) {
        // the halted run's stream threads are still ending
      }
      assertThat(System.nanoTime())
          .as("the halted run let go of its state directory")
          .isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static PipelineHandle start(Path config, Path data) {
    return PipelineHandle.start(
        Config.builder().file(config).set("data-dir", data.toString()).build(), false);
  }

  private String metrics(PipelineHandle p) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(p.httpUrl() + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static Map<TopicPartition, Long> endOffsets(String bootstrap, String topic) {
    try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap)) {
      List<TopicPartition> tps = new ArrayList<>();
      for (PartitionInfo i : c.partitionsFor(topic, Duration.ofSeconds(30))) {
        tps.add(new TopicPartition(topic, i.partition()));
      }
      return c.endOffsets(tps, Duration.ofSeconds(30));
    }
  }

  private static String alertOffsets(String bootstrap) {
    try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap)) {
      List<TopicPartition> tps = new ArrayList<>();
      for (PartitionInfo i : c.partitionsFor(Topics.ALERTS.name(), Duration.ofSeconds(30))) {
        tps.add(new TopicPartition(Topics.ALERTS.name(), i.partition()));
      }
      return c.beginningOffsets(tps, Duration.ofSeconds(30))
          + " / "
          + c.endOffsets(tps, Duration.ofSeconds(30));
    }
  }

  private static long countRecords(String bootstrap, String topic) {
    try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap)) {
      List<TopicPartition> tps = new ArrayList<>();
      for (PartitionInfo i : c.partitionsFor(topic, Duration.ofSeconds(30))) {
        tps.add(new TopicPartition(topic, i.partition()));
      }
      c.assign(tps);
      c.seekToBeginning(tps);
      Map<TopicPartition, Long> ends = c.endOffsets(tps, Duration.ofSeconds(30));
      long n = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (tps.stream().anyMatch(tp -> c.position(tp) < ends.get(tp))
          && System.nanoTime() < deadline) {
        n += c.poll(Duration.ofMillis(500)).count();
      }
      return n;
    }
  }

  /** The count of records once it has not changed for 5 s. */
  private static long awaitStableCount(String bootstrap, String topic) throws Exception {
    long last = -1;
    for (int stable = 0; stable < 5; ) {
      long n = countRecords(bootstrap, topic);
      stable = n == last && n > 0 ? stable + 1 : 0;
      last = n;
      Thread.sleep(1000);
    }
    return last;
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
