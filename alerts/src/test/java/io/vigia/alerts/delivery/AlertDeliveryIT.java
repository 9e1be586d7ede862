package io.vigia.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.vigia.alerts.Alert;
import io.vigia.alerts.Subscription;
import io.vigia.alerts.SubscriptionRegistry;
import io.vigia.broker.EmbeddedKafka;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.http.Json;
import io.vigia.schemas.DeadLetter;
import io.vigia.schemas.TopicCreator;
import io.vigia.schemas.Topics;
import io.vigia.schemas.testing.SampleArticles;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deliverer against real servers: an embedded Kafka broker, a loopback webhook receiver and
 * GreenMail's SMTP server. An IT because it starts them.
 */
class AlertDeliveryIT {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir static Path dir;
  private static EmbeddedKafka broker;
  private static KafkaSettings kafka;

  private HttpServer receiver;
  private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
  private final List<String> signatures = new CopyOnWriteArrayList<>();
  private final AtomicInteger attempts = new AtomicInteger();
  private volatile int status = 200;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));
  private SubscriptionRegistry registry;
  private AlertDispatcher dispatcher;

  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @BeforeAll
  static void startBroker() throws Exception {
    broker = new EmbeddedKafka(dir.resolve("kafka"), 0).start();
    kafka = new KafkaSettings(broker.bootstrapServers(), 1, (short) 1);
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      // The program topic of the Kafka delivery is not created here: the dispatcher creates it.
      TopicCreator.ensure(admin, List.copyOf(Topics.alertTopics()), 1, (short) 1);
    }
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @BeforeEach
  void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    receiver.createContext(
        "/hook",
        ex -> {
          attempts.incrementAndGet();
          byte[] body = ex.getRequestBody().readAllBytes();
          if (status == 200) {
            bodies.add(body);
            signatures.add(ex.getRequestHeaders().getFirst(Signature.HEADER));
          }
          ex.sendResponseHeaders(status, -1);
          ex.close();
        });
    receiver.start();
    registry = new SubscriptionRegistry(kafka);
    registry.start();
    EmailSender email =
        new EmailSender(
            new EmailSender.SmtpSettings(
                "127.0.0.1",
                smtp.getSmtp().getPort(),
                "vigia@example.org",
                "",
                "",
                false,
                Duration.ofSeconds(5)));
    dispatcher =
        new AlertDispatcher(
            kafka,
            "it-" + UUID.randomUUID(),
            registry,
            new WebhookSender(Duration.ofSeconds(5), true),
            email,
            new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200)),
            clock);
    dispatcher.start();
  }

  @AfterEach
  void stop() {
    dispatcher.close();
    registry.close();
    receiver.stop(0);
  }

  private String hook() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  private Subscription subscribe(String json) throws Exception {
    String id = "s-" + UUID.randomUUID().toString().substring(0, 8);
    return registry.put(Subscription.fromJson(Json.MAPPER.readTree(json), id, clock.instant()));
  }

  private static void produceAlert(Subscription s, String title) {
    var e =
        SampleArticles.enriched(
            SampleArticles.raw(
                    "https://news.example/" + UUID.randomUUID(), title, "Texto sobre el CNE.")
                .build());
    Properties p = kafka.clientProperties();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      producer.send(
          new ProducerRecord<>(
              Topics.ALERTS.name(),
              s.id(),
              Alert.of(s, e, "article:" + e.getArticle().getId(), Instant.now()).toString()));
    }
  }

  private static void await(BooleanSupplier done, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 30 s: " + what);
      }
      Thread.sleep(50);
    }
  }

  @Test
  void shouldPostTheAlertSignedWithTheSubscriptionsSecret() throws Exception {
    Subscription s =
        subscribe(
            "{\"name\":\"CNE\",\"query\":{\"q\":\"CNE\"},\"webhook\":{\"url\":\""
                + hook()
                + "\",\"secret\":\"hook-secret-1\"}}");
    produceAlert(s, "El CNE anuncia");
    await(() -> bodies.size() == 1, "webhook delivery");
    assertThat(Signature.verify("hook-secret-1", bodies.get(0), signatures.get(0))).isTrue();
    assertThat(Signature.verify("another-secret", bodies.get(0), signatures.get(0))).isFalse();
    JsonNode body = Json.MAPPER.readTree(bodies.get(0));
    assertThat(body.path("article").path("title").asText()).isEqualTo("El CNE anuncia");
    assertThat(body.path("sentAt").asText()).isEqualTo(clock.instant().toString());
    assertThat(new String(bodies.get(0), StandardCharsets.UTF_8)).doesNotContain("hook-secret-1");
  }

  @Test
  void shouldRetryWithBackoffThenDeadLetterWithTheReason() throws Exception {
    status = 500;
    Subscription s =
        subscribe(
            "{\"name\":\"Down\",\"webhook\":{\"url\":\""
                + hook()
                + "\",\"secret\":\"hook-secret-2\"}}");
    produceAlert(s, "Nadie escucha");
    DeadLetter d = awaitDeadLetter(s.id());
    assertThat(attempts.get()).isEqualTo(3);
    assertThat(d.getStage()).isEqualTo("alerts");
    assertThat(d.getError())
        .isEqualTo("webhook delivery failed after 3 attempts: webhook answered HTTP 500");
    assertThat(StandardCharsets.UTF_8.decode(d.getValue()).toString())
        .contains("Nadie escucha")
        .doesNotContain("hook-secret-2");
  }

  @Test
  void shouldNotRetryAClientErrorAndRefusePrivateAddressesByDefault() {
    assertThat(WebhookSender.refusedAddress("127.0.0.1")).contains("private address");
    assertThat(
            new WebhookSender(Duration.ofSeconds(1), false)
                .send(
                    new Subscription.Webhook(java.net.URI.create(hook()), "secret-123"),
                    "x",
                    new byte[0]))
        .isEqualTo(new DeliveryResult.Failed(WebhookSender.refusedAddress("127.0.0.1"), false));
    status = 400;
    assertThat(
            new WebhookSender(Duration.ofSeconds(1), true)
                .send(
                    new Subscription.Webhook(java.net.URI.create(hook()), "secret-123"),
                    "x",
                    new byte[0]))
        .isEqualTo(new DeliveryResult.Failed("webhook answered HTTP 400", false));
  }

  @Test
  void shouldMailTheAlertThroughSmtp() throws Exception {
    Subscription s =
        subscribe("{\"name\":\"Mesa de redacción\",\"email\":{\"to\":[\"desk@example.org\"]}}");
    produceAlert(s, "Actas publicadas");
    await(() -> smtp.getReceivedMessages().length == 1, "email");
    MimeMessage m = smtp.getReceivedMessages()[0];
    assertThat(m.getSubject()).isEqualTo("Vigía: Mesa de redacción: Actas publicadas");
    assertThat(m.getAllRecipients()[0].toString()).isEqualTo("desk@example.org");
    assertThat(m.getContent().toString())
        .contains("Actas publicadas")
        .contains("Texto sobre el CNE.");
  }

  @Test
  void shouldProduceTheAlertToTheSubscriptionsKafkaTopic() throws Exception {
    Subscription s =
        subscribe("{\"name\":\"Programa\",\"kafka\":{\"topic\":\"it.program-alerts\"}}");
    produceAlert(s, "Para programas");
    Properties p = kafka.clientProperties();
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> c =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      c.subscribe(List.of("it.program-alerts"));
      List<String> got = new ArrayList<>();
      await(
          () -> {
            c.poll(Duration.ofMillis(200))
                .forEach(
                    r -> {
                      if (r.key().equals(s.id())) {
                        got.add(r.value());
                      }
                    });
            return !got.isEmpty();
          },
          "Kafka delivery");
      assertThat(Json.MAPPER.readTree(got.get(0)).path("article").path("title").asText())
          .isEqualTo("Para programas");
    }
  }

  @Test
  void shouldSendOneDigestPerPeriodWithEveryMatch() throws Exception {
    Subscription s =
        subscribe(
            "{\"name\":\"Resumen\",\"digest\":\"1h\",\"webhook\":{\"url\":\""
                + hook()
                + "\",\"secret\":\"hook-secret-3\"}}");
    produceAlert(s, "Primera");
    produceAlert(s, "Segunda");
    await(() -> dispatcher.pendingDigest(s.id()) == 2, "both matches collected");
    dispatcher.flushDueDigests();
    assertThat(bodies).as("not before the period is over").isEmpty();
    clock.advance(Duration.ofMinutes(61));
    dispatcher.flushDueDigests();
    await(() -> bodies.size() == 1, "digest");
    JsonNode digest = Json.MAPPER.readTree(bodies.get(0));
    assertThat(digest.path("kind").asText()).isEqualTo("digest");
    List<String> titles = new ArrayList<>();
    digest.path("alerts").forEach(a -> titles.add(a.path("article").path("title").asText()));
    assertThat(titles).containsExactly("Primera", "Segunda");
    assertThat(Signature.verify("hook-secret-3", bodies.get(0), signatures.get(0))).isTrue();
  }

  private static DeadLetter awaitDeadLetter(String key) throws InterruptedException {
    Properties p = kafka.clientProperties();
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, DeadLetter> c =
        new KafkaConsumer<>(
            p,
            Topics.DEAD_LETTER.keySerde().deserializer(),
            Topics.DEAD_LETTER.valueSerde().deserializer())) {
      c.subscribe(List.of(Topics.DEAD_LETTER.name()));
      List<DeadLetter> got = new ArrayList<>();
      await(
          () -> {
            c.poll(Duration.ofMillis(200))
                .forEach(
                    r -> {
                      if (key.equals(r.key())) {
                        got.add(r.value());
                      }
                    });
            return !got.isEmpty();
          },
          "dead letter");
      return got.get(0);
    }
  }
}
