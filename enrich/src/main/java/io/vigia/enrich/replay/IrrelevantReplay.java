package io.vigia.enrich.replay;

import io.vigia.common.config.KafkaSettings;
import io.vigia.common.kafka.TopicFollower;
import io.vigia.enrich.topology.ArticleEnricher;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Sends the articles enrich judged off-topic back through the pipeline after a change to the watch
 * profile ({@code vigia replay-irrelevant}).
 *
 * <p>It reads {@code vigia.articles.irrelevant} up to its end at the start (from {@code since} on),
 * judges each article again with the analyzer it is given, and produces the ones now relevant (all
 * of them with {@code all}) to {@code vigia.articles.raw} as they were fetched: the running enrich
 * stage, restarted with the new profile, enriches and indexes them. Irrelevant articles never
 * entered the dedup state, so a replayed one is new to it; replaying twice is harmless (the second
 * copy is a replay of an id already seen and is dropped).
 */
public final class IrrelevantReplay {
  /**
   * The replay runs until it has read the topic up to its end at the start, however long that
   * takes; it stops early only if reading fails.
   */
  private static final Duration UNTIL_DONE = Duration.ofDays(365);

  /**
   * What to replay: from {@code since} on (null: everything kept), every article ({@code all}) or
   * only those now relevant; {@code dryRun} produces nothing.
   */
  public record Options(Instant since, boolean all, boolean dryRun) {}

  /** One article replayed (or that would be, in a dry run), judged now and before. */
  public record Replayed(
      String id,
      String url,
      String title,
      boolean relevantNow,
      double score,
      double scoreBefore,
      List<String> reasons) {}

  /**
   * What a replay did: articles read, records it could not read (skipped: the running pipeline
   * dead-letters them), articles replayed.
   */
  public record Summary(long read, long unreadable, long replayed) {}

  private final KafkaSettings kafka;
  private final ArticleEnricher judge;

  public IrrelevantReplay(KafkaSettings kafka, ArticleEnricher judge) {
    this.kafka = Objects.requireNonNull(kafka, "kafka");
    this.judge = Objects.requireNonNull(judge, "judge");
  }

  /**
   * Replays, telling {@code each} about every article replayed as it goes (on the reader's thread),
   * and returns once the topic is read up to its end at the start and everything is produced.
   */
  public Summary run(Options options, Consumer<Replayed> each) {
    Properties pp = kafka.clientProperties();
    pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    pp.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, RawArticle> producer =
        options.dryRun()
            ? null
            : new KafkaProducer<>(
                pp, Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer())) {
      Pass pass = new Pass(options.all(), producer, each);
      TopicFollower<String, byte[]> reader =
          TopicFollower.builder(
                  "vigia-replay-irrelevant",
                  kafka,
                  Topics.IRRELEVANT.keySerde().deserializer(),
                  new ByteArrayDeserializer())
              .topics(Topics.IRRELEVANT.name())
              .startAt(
                  options.since() == null
                      ? TopicFollower.StartAt.beginning()
                      : TopicFollower.StartAt.since(options.since()))
              .onRecord(pass::accept)
              .build();
      pass.reader = reader;
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
      // Closing the reader joined its thread: the counts are final and visible here.
      return new Summary(pass.read, pass.unreadable, pass.replayed);
    }
  }

  /** One replay's reading, on the reader's thread. */
  private final class Pass {
    private final boolean all;
    private final KafkaProducer<String, RawArticle> producer;
    private final Consumer<Replayed> each;
    TopicFollower<String, byte[]> reader;
    long read;
    long replayed;
    long unreadable;

    Pass(boolean all, KafkaProducer<String, RawArticle> producer, Consumer<Replayed> each) {
      this.all = all;
      this.producer = producer;
      this.each = each;
    }

    void accept(ConsumerRecord<String, byte[]> r) {
      Long end = reader.endOffsetsAtStart().get(new TopicPartition(r.topic(), r.partition()));
      if (end == null || r.offset() >= end || r.value() == null) {
        return; // written after the start: not this replay's
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
      each.accept(
          new Replayed(
              article.getId().toString(),
              article.getCanonicalUrl().toString(),
              article.getTitle() == null ? "" : article.getTitle().toString(),
              relevantNow,
              now.getRelevance().getScore(),
              judged.getRelevance().getScore(),
              now.getRelevance().getReasons().stream().map(CharSequence::toString).toList()));
      if (producer != null) {
        producer.send(new ProducerRecord<>(Topics.RAW.name(), article.getId().toString(), article));
      }
    }
  }
}
