package io.vigia.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.common.config.Config;
import io.vigia.common.config.ConfigException;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.http.Json;
import io.vigia.common.kafka.TopicFollower;
import io.vigia.common.profile.WatchProfile;
import io.vigia.enrich.ArticleAnalyzers;
import io.vigia.enrich.topology.ArticleEnricher;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Topics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vigia replay-irrelevant}: after a change to the watch profile, sends the articles enrich
 * had judged off-topic back through the pipeline.
 *
 * <p>It reads {@code vigia.articles.irrelevant} up to its current end (from {@code --since} on),
 * judges each article again with the profile it is given, and produces the ones now relevant (all
 * of them with {@code --all}) to {@code vigia.articles.raw} as they were fetched: the running
 * enrich stage, restarted with the new profile, enriches and indexes them. Irrelevant articles
 * never entered the dedup state, so a replayed one is new to it; replaying twice is harmless (the
 * second copy is a replay of an id already seen and is dropped).
 */
@Command(
    name = "replay-irrelevant",
    mixinStandardHelpOptions = true,
    description = {
      "Re-judges the articles enrich filtered out as off-topic with the current watch profile and sends the ones "
          + "now relevant back to vigia.articles.raw.",
      "Next to `vigia run` it finds the embedded broker through the data folder; on a cluster give --bootstrap-servers. "
          + "Prints one JSON line per article replayed and a summary line."
    })
final class ReplayIrrelevantCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description =
          "Only articles filtered out since WHEN: an ISO instant "
              + "(2024-07-01T00:00:00Z) or an age (7d, 12h).")
  String since;

  @Option(
      names = "--all",
      description =
          "Replay every filtered-out article, not only those the profile now finds relevant.")
  boolean all;

  @Option(names = "--dry-run", description = "Only list what would be replayed.")
  boolean dryRun;

  PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    Config config = options.load();
    String bootstrap = config.string("kafka.bootstrap-servers");
    if (bootstrap.isBlank()) {
      Path data = Path.of(config.string("data-dir"));
      bootstrap =
          EmbeddedAddress.read(data)
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "no Kafka to read from: no "
                              + "kafka.bootstrap-servers and no running `vigia run` recorded in "
                              + data.toAbsolutePath()
                              + "; fix: pass --bootstrap-servers HOST:PORT, or --data with the folder `vigia run` uses"));
      config = config.with("kafka.bootstrap-servers", bootstrap);
    }
    Instant from = parseSince(since);
    KafkaSettings kafka = KafkaSettings.from(config);
    requireReachable(kafka);
    WatchProfile profile = WatchProfile.load(config.string("profile"));
    ArticleEnricher judge =
        new ArticleEnricher(ArticleAnalyzers.fromProfile(profile), profile.name());

    Properties pp = kafka.clientProperties();
    pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    pp.put(ProducerConfig.ACKS_CONFIG, "all");
    Replay replay = new Replay(judge);
    try (KafkaProducer<String, RawArticle> producer =
        dryRun
            ? null
            : new KafkaProducer<>(
                pp, Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer())) {
      replay.producer = producer;
      TopicFollower<String, byte[]> reader =
          TopicFollower.builder(
                  "vigia-replay-irrelevant",
                  kafka,
                  Topics.IRRELEVANT.keySerde().deserializer(),
                  new ByteArrayDeserializer())
              .topics(Topics.IRRELEVANT.name())
              .startAt(
                  from == null
                      ? TopicFollower.StartAt.beginning()
                      : TopicFollower.StartAt.since(from))
              .onRecord(replay::accept)
              .build();
      replay.reader = reader;
      try (reader) {
        reader.start().awaitCaughtUp(UNTIL_DONE);
      } catch (IllegalStateException e) {
        // A record the replay could not handle stopped the reader: that is the error to show.
        if (reader.failure().orElse(null) instanceof RuntimeException cause) {
          throw cause;
        }
        throw e;
      }
      if (producer != null) {
        producer.flush();
      }
    }
    long read = replay.read;
    long replayed = replay.replayed;
    long unreadable = replay.unreadable;
    Map<String, Object> summary = new HashMap<>();
    summary.put("summary", true);
    summary.put("read", read);
    summary.put("unreadable", unreadable);
    summary.put(dryRun ? "wouldReplay" : "replayed", replayed);
    summary.put("profile", profile.name());
    out.println(Json.MAPPER.writeValueAsString(summary));
    return 0;
  }

  /**
   * The replay runs until it has read the topic up to its end at the start, however long that
   * takes; it stops early only if reading fails.
   */
  private static final Duration UNTIL_DONE = Duration.ofDays(365);

  /** Judges each irrelevant article again, on the reader's thread. */
  private final class Replay {
    private final ArticleEnricher judge;
    TopicFollower<String, byte[]> reader;
    KafkaProducer<String, RawArticle> producer;
    long read;
    long replayed;
    long unreadable;

    Replay(ArticleEnricher judge) {
      this.judge = judge;
    }

    void accept(ConsumerRecord<String, byte[]> r) {
      Long end = reader.endOffsetsAtStart().get(new TopicPartition(r.topic(), r.partition()));
      if (end == null || r.offset() >= end || r.value() == null) {
        return;
      }
      EnrichedArticle judged;
      try {
        judged = Topics.IRRELEVANT.valueSerde().deserializer().deserialize(r.topic(), r.value());
      } catch (RuntimeException e) {
        // Not an article this build reads: the running pipeline dead-letters it
        // (RelevanceTally); the replay goes on.
        unreadable++;
        return;
      }
      read++;
      RawArticle article = judged.getArticle();
      EnrichedArticle now = judge.enrich(article);
      boolean relevantNow = now.getRelevance().getRelevant();
      if (!relevantNow && !all) {
        return;
      }
      replayed++;
      ObjectNode line =
          Json.MAPPER
              .createObjectNode()
              .put("id", article.getId().toString())
              .put("url", article.getCanonicalUrl().toString())
              .put("title", article.getTitle() == null ? "" : article.getTitle().toString())
              .put("relevantNow", relevantNow)
              .put("score", now.getRelevance().getScore())
              .put("scoreBefore", judged.getRelevance().getScore());
      ArrayNode reasons = line.putArray("reasons");
      now.getRelevance().getReasons().forEach(reason -> reasons.add(reason.toString()));
      out.println(line.toString());
      if (producer != null) {
        producer.send(new ProducerRecord<>(Topics.RAW.name(), article.getId().toString(), article));
      }
    }
  }

  private static Instant parseSince(String since) {
    if (since == null || since.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(since);
    } catch (DateTimeParseException e) {
      // an age
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d+)([dhm])").matcher(since.trim());
    if (!m.matches()) {
      throw new ConfigException(
          "--since "
              + since
              + ": expected an ISO instant such as 2024-07-01T00:00:00Z or an age such as 7d, 12h, 30m");
    }
    long n = Long.parseLong(m.group(1));
    Duration d =
        switch (m.group(2)) {
          case "d" -> Duration.ofDays(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofMinutes(n);
        };
    return Instant.now().minus(d);
  }

  private static void requireReachable(KafkaSettings kafka) throws InterruptedException {
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      admin.describeCluster().nodes().get(15, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new ConfigException(
          "no Kafka answers at "
              + kafka.bootstrapServers()
              + " ("
              + e.getMessage()
              + "); fix: start `vigia run` (or the cluster) first, or pass the right --bootstrap-servers");
    }
  }
}
