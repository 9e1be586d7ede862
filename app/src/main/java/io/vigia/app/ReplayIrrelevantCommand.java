package io.vigia.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.common.config.Config;
import io.vigia.common.config.ConfigException;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.http.Json;
import io.vigia.common.kafka.TopicPartitions;
import io.vigia.common.profile.WatchProfile;
import io.vigia.enrich.analysis.ArticleAnalyzer;
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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
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
        new ArticleEnricher(ArticleAnalyzer.fromProfile(profile), profile.name());

    long read = 0;
    long replayed = 0;
    Properties pp = kafka.clientProperties();
    pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    pp.put(ProducerConfig.ACKS_CONFIG, "all");
    long unreadable = 0;
    try (KafkaConsumer<String, byte[]> consumer = consumer(kafka);
        KafkaProducer<String, RawArticle> producer =
            dryRun
                ? null
                : new KafkaProducer<>(
                    pp, Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer())) {
      List<TopicPartition> parts =
          TopicPartitions.of(consumer, Topics.IRRELEVANT.name(), Duration.ofSeconds(30));
      consumer.assign(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      seek(consumer, parts, from, end);
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))
              || r.value() == null) {
            continue;
          }
          EnrichedArticle judged;
          try {
            judged =
                Topics.IRRELEVANT.valueSerde().deserializer().deserialize(r.topic(), r.value());
          } catch (RuntimeException e) {
            // Not an article this build reads: the running pipeline dead-letters it
            // (RelevanceTally); the replay goes on.
            unreadable++;
            continue;
          }
          read++;
          RawArticle article = judged.getArticle();
          EnrichedArticle now = judge.enrich(article);
          boolean relevantNow = now.getRelevance().getRelevant();
          if (!relevantNow && !all) {
            continue;
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
          line.putPOJO(
              "reasons",
              now.getRelevance().getReasons().stream().map(CharSequence::toString).toList());
          out.println(Json.MAPPER.writeValueAsString(line));
          if (producer != null) {
            producer.send(
                new ProducerRecord<>(Topics.RAW.name(), article.getId().toString(), article));
          }
        }
      }
      if (producer != null) {
        producer.flush();
      }
    }
    Map<String, Object> summary = new HashMap<>();
    summary.put("summary", true);
    summary.put("read", read);
    summary.put("unreadable", unreadable);
    summary.put(dryRun ? "wouldReplay" : "replayed", replayed);
    summary.put("profile", profile.name());
    out.println(Json.MAPPER.writeValueAsString(summary));
    return 0;
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

  private static KafkaConsumer<String, byte[]> consumer(KafkaSettings kafka) {
    Properties p = kafka.clientProperties();
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(
        p,
        Topics.IRRELEVANT.keySerde().deserializer(),
        new org.apache.kafka.common.serialization.ByteArrayDeserializer());
  }

  private static void seek(
      KafkaConsumer<String, byte[]> consumer,
      List<TopicPartition> parts,
      Instant from,
      Map<TopicPartition, Long> end) {
    if (from == null) {
      consumer.seekToBeginning(parts);
      return;
    }
    Map<TopicPartition, Long> query = new HashMap<>();
    parts.forEach(tp -> query.put(tp, from.toEpochMilli()));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
    for (TopicPartition tp : parts) {
      OffsetAndTimestamp o = found.get(tp);
      consumer.seek(tp, o == null ? end.get(tp) : o.offset());
    }
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
