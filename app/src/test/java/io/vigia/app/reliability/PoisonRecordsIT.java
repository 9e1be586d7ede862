package io.vigia.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.app.PipelineHandle;
import io.vigia.common.http.Json;
import io.vigia.schemas.DeadLetter;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Topics;
import io.vigia.schemas.testing.SampleArticles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
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
 * Poison on every topic of a running pipeline: bytes that are not Avro, and records written with
 * a schema from the future (a field this build does not know, never registered). Records a stage
 * reads as articles go to the dead-letter topic with the reason and origin; the rest (the
 * memory of fetched URLs, the feed list, the schema log, the dead letters themselves) are
 * ignored by their readers. Either way the stage keeps going, and a restart over the same data
 * comes up clean.
 */
class PoisonRecordsIT {
  private static final byte[] NOT_AVRO = {0, 1, 2, (byte) 0xC3, (byte) 0x28, 'n', 'o', 't', ' ', 'a', 'v', 'r', 'o'};

  @TempDir Path data;

  @Test
  void shouldDeadLetterPoisonAndKeepIndexing() throws Exception {
    try (PipelineHandle p = PipelineHandle.start(data)) {
      String bootstrap = p.bootstrapServers();
      try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
        for (String topic : List.of(Topics.RAW.name(), Topics.ENRICHED.name(), Topics.IRRELEVANT.name(), Topics.INGEST_SEEN.name(),
            Topics.INGEST_FEEDS.name(), Topics.INGEST_FEED_STATE.name(), Topics.SCHEMAS.name(), Topics.DEAD_LETTER.name())) {
          producer.send(new ProducerRecord<>(topic, "poison-" + topic, NOT_AVRO)).get();
        }
        producer.send(new ProducerRecord<>(Topics.RAW.name(), "future-raw", fromTheFuture(RawArticle.getClassSchema()))).get();
        producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), "future-enriched",
            fromTheFuture(EnrichedArticle.getClassSchema()))).get();
        // A good article after the poison: the stages must still be working.
        RawArticle good = SampleArticles.raw("https://diario.example/2024/07/29/cne-resultados",
                "El CNE de Venezuela proclama resultados de las elecciones presidenciales",
                "Caracas. El Consejo Nacional Electoral de Venezuela proclamó los resultados de las elecciones presidenciales "
                    + "del domingo. La oposición venezolana reclamó las actas de escrutinio mesa por mesa y observadores "
                    + "internacionales pidieron la publicación de los resultados desagregados de la votación.")
            .setFetchedAt(java.time.Instant.now()).build();
        producer.send(new ProducerRecord<>(Topics.RAW.name(), good.getId(), Topics.RAW.valueSerde().serializer().serialize(Topics.RAW.name(), good))).get();

        JsonNode found = p.await("/api/articles/" + good.getId(), j -> j.has("id"), Duration.ofSeconds(90));
        assertThat(found.path("title").asText()).contains("CNE");
      }

      Map<String, DeadLetter> letters = deadLetters(bootstrap, 4, Duration.ofSeconds(60));
      assertThat(letters).containsKeys("poison-" + Topics.RAW.name(), "future-raw", "poison-" + Topics.ENRICHED.name(), "future-enriched");
      DeadLetter raw = letters.get("poison-" + Topics.RAW.name());
      assertThat(raw.getStage()).isEqualTo("enrich");
      assertThat(raw.getTopic()).isEqualTo(Topics.RAW.name());
      assertThat(raw.getError()).isNotBlank();
      assertThat(raw.getValue().array()).as("the original bytes are kept for replay").isEqualTo(NOT_AVRO);
      assertThat(letters.get("future-enriched").getStage()).isEqualTo("sink");
      assertThat(letters.get("future-raw").getError()).as("says why").containsIgnoringCase("schema");
      assertThat(p.health().path("enrich").asText()).isEqualTo("RUNNING");
    }
    // The schema log, the feed list and the fetched-URL memory all hold poison now.
    try (PipelineHandle p = PipelineHandle.start(data)) {
      assertThat(p.await("/healthz", j -> "RUNNING".equals(j.path("enrich").asText()), Duration.ofSeconds(90))
          .path("status").asText()).isEqualTo("ok");
    }
  }

  /**
   * Poison on the alerts topics: alert records that are not JSON, JSON that is not an object,
   * no key; subscriptions that are not JSON or not objects. Each unreadable alert is
   * dead-lettered with the reason, the subscriptions are ignored, and the deliverer keeps
   * delivering the good alerts that follow (its loop neither dies nor stalls on them).
   */
  @Test
  void shouldDeadLetterPoisonAlertsAndKeepDelivering() throws Exception {
    java.util.concurrent.CopyOnWriteArrayList<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    com.sun.net.httpserver.HttpServer hook = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 4);
    hook.createContext("/hook", ex -> {
      received.add(Json.MAPPER.readTree(ex.getRequestBody().readAllBytes()).path("id").asText());
      ex.sendResponseHeaders(204, -1);
      ex.close();
    });
    hook.start();
    io.vigia.common.config.Config config = io.vigia.common.config.Config.builder().yaml("""
        http:
          port: 0
        alerts:
          webhook:
            allow-private-addresses: true
        """).set("data-dir", data.toString()).build();
    try (PipelineHandle p = PipelineHandle.start(config, true)) {
      java.net.http.HttpResponse<String> created = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create(p.httpUrl() + "/api/subscriptions"))
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"id\": \"poison-check\", \"name\": \"poison check\", "
              + "\"query\": {\"q\": \"zzzz-no-article-says-this\"}, \"webhook\": {\"url\": \"http://127.0.0.1:"
              + hook.getAddress().getPort() + "/hook\", \"secret\": \"poison-secret-1\"}}")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      Properties props = new Properties();
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, p.bootstrapServers());
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
        for (String[] kv : new String[][] {{"poison-sub", "{not json"}, {"poison-array", "[1]"}, {"poison-string", "\"x\""},
            {"poison-object", "{\"name\": 5, \"query\": []}"}}) {
          producer.send(new ProducerRecord<>("vigia.alerts.subscriptions", kv[0], kv[1])).get();
        }
        producer.send(new ProducerRecord<>("vigia.alerts", "poison-check", "{\"id\": \"good-1\", \"article\": {\"title\": \"ok\"}}")).get();
        for (String[] kv : new String[][] {{"poison-check", "not json at all"}, {"poison-check", "[1, 2]"}, {"poison-check", "\"a string\""},
            {null, "{}"}}) {
          producer.send(new ProducerRecord<>("vigia.alerts", kv[0], kv[1])).get();
        }
        producer.send(new ProducerRecord<>("vigia.alerts", "poison-check", "{\"id\": \"good-2\", \"article\": {\"title\": \"ok\"}}")).get();
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!received.contains("good-2") && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(received).as("the alerts around the poison are delivered").contains("good-1", "good-2");
      List<DeadLetter> letters = alertDeadLetters(p.bootstrapServers(), 4, Duration.ofSeconds(30));
      assertThat(letters).extracting(d -> d.getError().toString()).anySatisfy(e -> assertThat(e).contains("not valid JSON"))
          .anySatisfy(e -> assertThat(e).contains("not a JSON object")).anySatisfy(e -> assertThat(e).contains("without a subscription id"));
      assertThat(letters).hasSizeGreaterThanOrEqualTo(4);
      assertThat(p.health().path("stages").path("alerts").path("state").asText()).as("the deliverer is alive").isEqualTo("up");
      assertThat(p.get("/api/subscriptions").path("subscriptions")).extracting(n -> n.path("id").asText()).containsExactly("poison-check");
    } finally {
      hook.stop(0);
    }
  }

  private static List<DeadLetter> alertDeadLetters(String bootstrap, int atLeast, Duration timeout) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    List<DeadLetter> letters = new java.util.ArrayList<>();
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, Topics.KEYS.deserializer(),
        new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      List<TopicPartition> parts = c.partitionsFor(Topics.DEAD_LETTER.name()).stream()
          .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (letters.size() < atLeast && System.nanoTime() < deadline) {
        c.poll(Duration.ofMillis(300)).forEach(r -> {
          DeadLetter d = Topics.DEAD_LETTER.valueSerde().deserializer().deserialize(r.topic(), r.value());
          if ("alerts".contentEquals(d.getStage())) {
            letters.add(d);
          }
        });
      }
    }
    return letters;
  }

  /** The current schema plus a field this build has never seen, encoded with its unknown fingerprint. */
  private static byte[] fromTheFuture(Schema current) throws Exception {
    Schema future = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false,
        new java.util.ArrayList<>(current.getFields().stream()
            .map(f -> new Schema.Field(f.name(), f.schema(), f.doc(), f.defaultVal())).toList()) {{
          add(new Schema.Field("fromTheFuture", Schema.create(Schema.Type.STRING), "added by a newer writer", "x"));
        }});
    GenericRecord r = new GenericData.Record(future);
    for (Schema.Field f : future.getFields()) {
      r.put(f.name(), defaultFor(f.schema()));
    }
    return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), future).encode(r).array();
  }

  private static Object defaultFor(Schema s) {
    switch (s.getType()) {
      case UNION:
        return s.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL) ? null : defaultFor(s.getTypes().get(0));
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
      case RECORD: {
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

  private static Map<String, DeadLetter> deadLetters(String bootstrap, int atLeast, Duration timeout) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Map<String, DeadLetter> letters = new HashMap<>();
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, Topics.KEYS.deserializer(),
        new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      List<TopicPartition> parts = c.partitionsFor(Topics.DEAD_LETTER.name()).stream()
          .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (letters.size() < atLeast && System.nanoTime() < deadline) {
        c.poll(Duration.ofMillis(300)).forEach(r -> {
          if (r.key() != null && !r.key().startsWith("poison-" + Topics.DEAD_LETTER.name())) {
            letters.put(r.key(), Topics.DEAD_LETTER.valueSerde().deserializer().deserialize(r.topic(), r.value()));
          }
        });
      }
    }
    return letters;
  }
}
