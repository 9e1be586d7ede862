package io.vigia.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.vigia.app.PipelineHandle;
import io.vigia.common.config.Config;
import io.vigia.common.http.Json;
import io.vigia.schemas.DeadLetter;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Topic;
import io.vigia.schemas.Topics;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poison on every topic of a running pipeline (the alerts topics have their own test): bytes that
 * are not Avro (nor JSON, nor a timestamp), and records of a newer writer (an Avro schema from the
 * future, never registered; feed-state JSON with fields this build does not know). What each reader
 * does with them is documented in docs/RELIABILITY.md ("Poison"): readers of articles (enrich on
 * raw, the sink on enriched, the relevance tally on irrelevant) send them to the dead-letter topic,
 * once each, with the reason and origin; the compacted memories of ingest and the schema log skip
 * and count them ({@code vigia_records_unreadable_total}); newer-shape JSON is read. Then the
 * pipeline is restarted over the same data, with every poisoned topic read again from the
 * beginning, and a real ingest of the demo site must still produce and index articles while {@code
 * /healthz} says "ok".
 */
class PoisonRecordsIT {
  private static final byte[] NOT_AVRO = {
    0, 1, 2, (byte) 0xC3, (byte) 0x28, 'n', 'o', 't', ' ', 'a', 'v', 'r', 'o'
  };

  /**
   * A feed state as a newer ingest might write it: fields this build does not know, at the top and
   * nested.
   */
  private static final String FUTURE_FEED_STATE =
      """
      {"version":3,"owner":{"instance":"ingest-9"},"poll":{"etag":"W/v9","errorStreak":0,"intervalMillis":60000,
       "jitterMillis":250},"status":{"state":"ok","itemsSeen":3,"articlesProduced":1,"health":{"score":1.0}}}""";

  @TempDir Path data;

  @Test
  void shouldDeadLetterPoisonAndKeepIndexing() throws Exception {
    Map<String, Double> before;
    HttpServer emptySite = emptySite();
    try (PipelineHandle p = PipelineHandle.start(configPolling(emptySite), false)) {
      p.await("/healthz", h -> "ok".equals(h.path("status").asText()), Duration.ofSeconds(120));
      before = unreadableCounts(p);
      String bootstrap = p.bootstrapServers();
      try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
        for (Topic<?, ?> topic : Topics.all()) {
          producer
              .send(new ProducerRecord<>(topic.name(), "poison-" + topic.name(), NOT_AVRO))
              .get();
        }
        producer
            .send(
                new ProducerRecord<>(
                    Topics.RAW.name(), "future-raw", fromTheFuture(RawArticle.getClassSchema())))
            .get();
        for (Topic<?, ?> t : List.of(Topics.ENRICHED, Topics.IRRELEVANT)) {
          producer
              .send(
                  new ProducerRecord<>(
                      t.name(),
                      "future-" + t.name(),
                      fromTheFuture(EnrichedArticle.getClassSchema())))
              .get();
        }
        producer
            .send(
                new ProducerRecord<>(
                    Topics.DEAD_LETTER.name(),
                    "future-" + Topics.DEAD_LETTER.name(),
                    fromTheFuture(DeadLetter.getClassSchema())))
            .get();
        producer
            .send(
                new ProducerRecord<>(
                    Topics.INGEST_FEED_STATE.name(),
                    "https://future.example/feed.xml",
                    FUTURE_FEED_STATE.getBytes(StandardCharsets.UTF_8)))
            .get();
      }

      Map<String, List<DeadLetter>> letters =
          deadLettersByKey(bootstrap, DEAD_LETTERED.size(), Duration.ofSeconds(90));
      assertThat(letters).containsKeys(DEAD_LETTERED.keySet().toArray(String[]::new));
      DEAD_LETTERED.forEach(
          (key, expected) -> {
            DeadLetter d = letters.get(key).get(0);
            assertThat(d.getStage())
                .as("stage that dead-lettered %s", key)
                .isEqualTo(expected.stage());
            assertThat(d.getTopic()).as("origin of %s", key).isEqualTo(expected.topic());
            assertThat(d.getOffset()).as("offset of %s", key).isNotNull();
            assertThat(d.getError()).as("why %s", key).isNotBlank();
          });
      assertThat(letters.get("poison-" + Topics.RAW.name()).get(0).getValue().array())
          .as("the original bytes are kept for replay")
          .isEqualTo(NOT_AVRO);
      assertThat(letters.get("future-raw").get(0).getError())
          .as("says why")
          .containsIgnoringCase("schema");

      // Skipped and counted: the memory of fetched URLs, the feed state (not the newer-shape one),
      // the tally of enriched.
      Map<String, Double> skipped =
          awaitUnreadable(
              p,
              before,
              Map.of(
                  "ingest|" + Topics.INGEST_SEEN.name(), 1.0,
                  "ingest|" + Topics.INGEST_FEED_STATE.name(), 1.0,
                  "relevance-tally|" + Topics.ENRICHED.name(), 2.0));
      assertThat(skipped)
          .as("skipped records")
          .containsEntry("ingest|" + Topics.INGEST_FEED_STATE.name(), 1.0);
      JsonNode health = p.health();
      assertThat(health.path("status").asText())
          .as("healthz after the poison: %s", health)
          .isEqualTo("ok");
    } finally {
      emptySite.stop(0);
    }

    // Restarted over the same data: every poisoned topic is read again from its beginning at start.
    try (PipelineHandle p = PipelineHandle.start(data)) {
      JsonNode found =
          p.await(
              "/api/articles?size=5", j -> j.path("total").asLong() > 0, Duration.ofSeconds(180));
      assertThat(found.path("articles").get(0).path("url").asText())
          .as("a demo-site article, fetched after the poison")
          .startsWith("http://127.0.0.1:");
      assertThat(
              p.await(
                      "/healthz",
                      j -> "ok".equals(j.path("status").asText()),
                      Duration.ofSeconds(90))
                  .path("status")
                  .asText())
          .isEqualTo("ok");
      awaitUnreadable(
          p,
          before,
          Map.of(
              "ingest|" + Topics.INGEST_SEEN.name(), 2.0,
              "ingest|" + Topics.INGEST_FEED_STATE.name(), 2.0,
              "schema-check|" + Topics.SCHEMAS.name(), 1.0));
      Thread.sleep(3000); // a second dead letter for the same record would be written by now
      Map<String, List<DeadLetter>> letters =
          deadLettersByKey(p.bootstrapServers(), DEAD_LETTERED.size(), Duration.ofSeconds(30));
      DEAD_LETTERED
          .keySet()
          .forEach(
              key ->
                  assertThat(letters.get(key))
                      .as("%s dead-lettered once, not again at the restart", key)
                      .hasSize(1));
    }
  }

  /**
   * Poison on the alerts topics: alert records that are not JSON, JSON that is not an object, no
   * key; subscriptions that are not JSON or not objects. Each unreadable alert is dead-lettered
   * with the reason, the subscriptions are ignored, and the deliverer keeps delivering the good
   * alerts that follow (its loop neither dies nor stalls on them).
   */
  @Test
  void shouldDeadLetterPoisonAlertsAndKeepDelivering() throws Exception {
    java.util.concurrent.CopyOnWriteArrayList<String> received =
        new java.util.concurrent.CopyOnWriteArrayList<>();
    com.sun.net.httpserver.HttpServer hook =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 4);
    hook.createContext(
        "/hook",
        ex -> {
          received.add(
              Json.MAPPER.readTree(ex.getRequestBody().readAllBytes()).path("id").asText());
          ex.sendResponseHeaders(204, -1);
          ex.close();
        });
    hook.start();
    io.vigia.common.config.Config config =
        io.vigia.common.config.Config.builder()
            .yaml(
                """
        http:
          port: 0
        alerts:
          webhook:
            allow-private-addresses: true
        """)
            .set("data-dir", data.toString())
            .build();
    try (PipelineHandle p = PipelineHandle.start(config, true)) {
      java.net.http.HttpResponse<String> created =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(p.httpUrl() + "/api/subscriptions"))
                      .POST(
                          java.net.http.HttpRequest.BodyPublishers.ofString(
                              "{\"id\": \"poison-check\", \"name\": \"poison check\", "
                                  + "\"query\": {\"q\": \"zzzz-no-article-says-this\"}, \"webhook\": {\"url\": \"http://127.0.0.1:"
                                  + hook.getAddress().getPort()
                                  + "/hook\", \"secret\": \"poison-secret-1\"}}"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      Properties props = new Properties();
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, p.bootstrapServers());
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
        for (String[] kv :
            new String[][] {
              {"poison-sub", "{not json"},
              {"poison-array", "[1]"},
              {"poison-string", "\"x\""},
              {"poison-object", "{\"name\": 5, \"query\": []}"}
            }) {
          producer.send(new ProducerRecord<>("vigia.alerts.subscriptions", kv[0], kv[1])).get();
        }
        producer
            .send(
                new ProducerRecord<>(
                    "vigia.alerts",
                    "poison-check",
                    "{\"id\": \"good-1\", \"article\": {\"title\": \"ok\"}}"))
            .get();
        for (String[] kv :
            new String[][] {
              {"poison-check", "not json at all"},
              {"poison-check", "[1, 2]"},
              {"poison-check", "\"a string\""},
              {null, "{}"}
            }) {
          producer.send(new ProducerRecord<>("vigia.alerts", kv[0], kv[1])).get();
        }
        producer
            .send(
                new ProducerRecord<>(
                    "vigia.alerts",
                    "poison-check",
                    "{\"id\": \"good-2\", \"article\": {\"title\": \"ok\"}}"))
            .get();
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!received.contains("good-2") && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(received)
          .as("the alerts around the poison are delivered")
          .contains("good-1", "good-2");
      List<DeadLetter> letters = alertDeadLetters(p.bootstrapServers(), 4, Duration.ofSeconds(30));
      assertThat(letters)
          .extracting(d -> d.getError().toString())
          .anySatisfy(e -> assertThat(e).contains("not valid JSON"))
          .anySatisfy(e -> assertThat(e).contains("not a JSON object"))
          .anySatisfy(e -> assertThat(e).contains("without a subscription id"));
      assertThat(letters).hasSizeGreaterThanOrEqualTo(4);
      assertThat(p.health().path("stages").path("alerts").path("state").asText())
          .as("the deliverer is alive")
          .isEqualTo("up");
      assertThat(p.get("/api/subscriptions").path("subscriptions"))
          .extracting(n -> n.path("id").asText())
          .containsExactly("poison-check");
    } finally {
      hook.stop(0);
    }
  }

  private static List<DeadLetter> alertDeadLetters(
      String bootstrap, int atLeast, Duration timeout) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    List<DeadLetter> letters = new java.util.ArrayList<>();
    try (KafkaConsumer<String, byte[]> c =
        new KafkaConsumer<>(
            p,
            Topics.KEYS.deserializer(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      List<TopicPartition> parts =
          c.partitionsFor(Topics.DEAD_LETTER.name()).stream()
              .map(i -> new TopicPartition(i.topic(), i.partition()))
              .toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (letters.size() < atLeast && System.nanoTime() < deadline) {
        c.poll(Duration.ofMillis(300))
            .forEach(
                r -> {
                  DeadLetter d =
                      Topics.DEAD_LETTER
                          .valueSerde()
                          .deserializer()
                          .deserialize(r.topic(), r.value());
                  if ("alerts".contentEquals(d.getStage())) {
                    letters.add(d);
                  }
                });
      }
    }
    return letters;
  }

  /**
   * Where a dead letter must come from: the stage that wrote it and the topic it read the record
   * in.
   */
  private record Origin(String stage, String topic) {}

  /** Records that must be dead-lettered, by the key they were written with. */
  private static final Map<String, Origin> DEAD_LETTERED =
      Map.of(
          "poison-" + Topics.RAW.name(),
          new Origin("enrich", Topics.RAW.name()),
          "future-raw",
          new Origin("enrich", Topics.RAW.name()),
          "poison-" + Topics.ENRICHED.name(),
          new Origin("sink", Topics.ENRICHED.name()),
          "future-" + Topics.ENRICHED.name(),
          new Origin("sink", Topics.ENRICHED.name()),
          "poison-" + Topics.IRRELEVANT.name(),
          new Origin("relevance-tally", Topics.IRRELEVANT.name()),
          "future-" + Topics.IRRELEVANT.name(),
          new Origin("relevance-tally", Topics.IRRELEVANT.name()));

  /**
   * A site with one feed that lists nothing: ingest runs (its memories followed live) but fetches
   * no article.
   */
  private static HttpServer emptySite() throws java.io.IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    s.createContext(
        "/feed.xml",
        ex -> {
          byte[] body =
              "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Empty</title><link>http://127.0.0.1/</link><description>nothing yet</description></channel></rss>"
                  .getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
          ex.sendResponseHeaders(200, body.length);
          try (var out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    s.start();
    return s;
  }

  private Config configPolling(HttpServer site) {
    return Config.builder()
        .yaml(
            """
        feeds:
          - url: http://127.0.0.1:%d/feed.xml
            name: Empty
        ingest:
          allow-private-addresses: true
          poll-interval: 1s
          max-poll-interval: 1s
        http:
          port: 0
        """
                .formatted(site.getAddress().getPort()))
        .set("data-dir", data.toString())
        .build();
  }

  /** {@code vigia_records_unreadable_total} by "reader|topic", from the process's /metrics. */
  private static Map<String, Double> unreadableCounts(PipelineHandle p) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(p.httpUrl() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    Map<String, Double> out = new HashMap<>();
    Pattern line =
        Pattern.compile("^vigia_records_unreadable_total\\{(.*)\\}\\s+(\\S+)$", Pattern.MULTILINE);
    Matcher m = line.matcher(r.body());
    while (m.find()) {
      Matcher reader = Pattern.compile("reader=\"([^\"]*)\"").matcher(m.group(1));
      Matcher topic = Pattern.compile("topic=\"([^\"]*)\"").matcher(m.group(1));
      if (reader.find() && topic.find()) {
        out.put(reader.group(1) + "|" + topic.group(1), Double.parseDouble(m.group(2)));
      }
    }
    return out;
  }

  /**
   * Waits until each count grew by (at least) the expected amount since {@code before}; returns the
   * growth.
   */
  private static Map<String, Double> awaitUnreadable(
      PipelineHandle p, Map<String, Double> before, Map<String, Double> expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Map<String, Double> grown = new HashMap<>();
    while (true) {
      Map<String, Double> now = unreadableCounts(p);
      grown.clear();
      now.forEach((k, v) -> grown.put(k, v - before.getOrDefault(k, 0.0)));
      boolean reached =
          expected.entrySet().stream()
              .allMatch(e -> grown.getOrDefault(e.getKey(), 0.0) >= e.getValue());
      if (reached || System.nanoTime() > deadline) {
        break;
      }
      Thread.sleep(500);
    }
    expected.forEach(
        (k, v) ->
            assertThat(grown.getOrDefault(k, 0.0))
                .as("records skipped and counted by %s", k)
                .isEqualTo(v));
    return grown;
  }

  /**
   * The current schema plus a field this build has never seen, encoded with its unknown
   * fingerprint.
   */
  private static byte[] fromTheFuture(Schema current) throws Exception {
    Schema future =
        Schema.createRecord(
            current.getName(),
            current.getDoc(),
            current.getNamespace(),
            false,
            new java.util.ArrayList<>(
                current.getFields().stream()
                    .map(f -> new Schema.Field(f.name(), f.schema(), f.doc(), f.defaultVal()))
                    .toList()) {
              {
                add(
                    new Schema.Field(
                        "fromTheFuture",
                        Schema.create(Schema.Type.STRING),
                        "added by a newer writer",
                        "x"));
              }
            });
    GenericRecord r = new GenericData.Record(future);
    for (Schema.Field f : future.getFields()) {
      r.put(f.name(), defaultFor(f.schema()));
    }
    return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), future).encode(r).array();
  }

  private static Object defaultFor(Schema s) {
    switch (s.getType()) {
      case UNION:
        return s.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL)
            ? null
            : defaultFor(s.getTypes().get(0));
      case STRING:
        return "x";
      case LONG:
        return 0L;
      case INT:
        return 0;
      case DOUBLE:
        return 0.0;
      case FLOAT:
        return 0.0f;
      case BOOLEAN:
        return false;
      case ARRAY:
        return new GenericData.Array<>(s, List.of());
      case MAP:
        return Map.of();
      case ENUM:
        return new GenericData.EnumSymbol(s, s.getEnumSymbols().get(0));
      case BYTES:
        return java.nio.ByteBuffer.wrap(new byte[0]);
      case RECORD:
        {
          GenericRecord r = new GenericData.Record(s);
          s.getFields().forEach(f -> r.put(f.name(), defaultFor(f.schema())));
          return r;
        }
      default:
        throw new IllegalArgumentException("no default for " + s);
    }
  }

  private static KafkaProducer<String, byte[]> producer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  /** Every dead letter so far, by key (a record dead-lettered twice shows twice). */
  private static Map<String, List<DeadLetter>> deadLettersByKey(
      String bootstrap, int atLeastKeys, Duration timeout) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Map<String, List<DeadLetter>> letters = new HashMap<>();
    try (KafkaConsumer<String, byte[]> c =
        new KafkaConsumer<>(
            p,
            Topics.KEYS.deserializer(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      List<TopicPartition> parts =
          c.partitionsFor(Topics.DEAD_LETTER.name()).stream()
              .map(i -> new TopicPartition(i.topic(), i.partition()))
              .toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline
          && (letters.size() < atLeastKeys
              || parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)))) {
        c.poll(Duration.ofMillis(300))
            .forEach(
                r -> {
                  if (r.key() != null
                      && !r.key()
                          .endsWith(
                              Topics.DEAD_LETTER.name())) { // the poison we wrote there ourselves
                    letters
                        .computeIfAbsent(r.key(), k -> new java.util.ArrayList<>())
                        .add(
                            Topics.DEAD_LETTER
                                .valueSerde()
                                .deserializer()
                                .deserialize(r.topic(), r.value()));
                  }
                });
        if (letters.size() < atLeastKeys) {
          end.putAll(c.endOffsets(parts));
        }
      }
    }
    return letters;
  }

  /**
   * The latest dead letter of each key, once at least {@code atLeast} keys have one (or the time is
   * up).
   */
  private static Map<String, DeadLetter> deadLetters(
      String bootstrap, int atLeast, Duration timeout) {
    Map<String, DeadLetter> latest = new HashMap<>();
    deadLettersByKey(bootstrap, atLeast, timeout)
        .forEach((k, v) -> latest.put(k, v.get(v.size() - 1)));
    return latest;
  }
}
