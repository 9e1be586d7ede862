package io.vigia.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.vigia.broker.EmbeddedKafka;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.profile.FeedSpec;
import io.vigia.ingest.cluster.FeedOwnership;
import io.vigia.ingest.extract.JsoupArticleExtractor;
import io.vigia.ingest.fetch.PageFetcher;
import io.vigia.schemas.TopicCreator;
import io.vigia.schemas.Topics;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two ingest instances with different feed lists: every feed of either list is polled, also when it
 * hashes to the partition of the instance that does not configure it (each instance names itself in
 * its User-Agent, so the fixture server sees who polled what), and a feed removed from the only
 * list that had it stops being polled and leaves both instances' sources.
 */
class SharedFeedPollingIT {
  private static final String EMPTY_FEED =
      "<rss version=\"2.0\"><channel><title>t</title><link>https://x.example/</link>"
          + "<description>d</description></channel></rss>";

  @TempDir Path tmp;
  private EmbeddedKafka broker;
  private KafkaSettings kafka;
  private HttpServer site;

  /** feed path -> the instances (by User-Agent) that polled it */
  private final Map<String, Set<String>> polledBy = new ConcurrentHashMap<>();

  /** feed path -> when the site was asked for it (System.nanoTime()), in order */
  private final Map<String, List<Long>> polls = new ConcurrentHashMap<>();

  @BeforeEach
  void start() throws Exception {
    broker = new EmbeddedKafka(tmp.resolve("kafka"), 0).start();
    kafka = new KafkaSettings(broker.bootstrapServers(), 2, (short) 1);
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      TopicCreator.ensure(admin, Topics.all(), 2, (short) 1);
    }
    site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 32);
    site.setExecutor(Executors.newFixedThreadPool(4));
    site.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          String ua = ex.getRequestHeaders().getFirst("User-Agent");
          polledBy
              .computeIfAbsent(path, p -> ConcurrentHashMap.newKeySet())
              .add(ua.substring(0, ua.indexOf('/')));
          polls
              .computeIfAbsent(path, p -> new java.util.concurrent.CopyOnWriteArrayList<>())
              .add(System.nanoTime());
          byte[] body = EMPTY_FEED.getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    site.start();
  }

  @AfterEach
  void stop() {
    site.stop(0);
    broker.close();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + site.getAddress().getPort() + path;
  }

  /** {@code n} feeds named {@code prefix}N, at least one in each of the two partitions. */
  private List<FeedSpec> feedsOver2Partitions(String prefix, int n) {
    List<FeedSpec> out = new ArrayList<>();
    Set<Integer> partitions = new java.util.HashSet<>();
    for (int i = 0; out.size() < n; i++) {
      String u = url("/" + prefix + i + ".xml");
      int p = FeedOwnership.partitionOf(u, 2);
      boolean lastAndMissing =
          out.size() == n - 1 && partitions.size() < 2 && partitions.contains(p);
      if (!lastAndMissing) {
        out.add(new FeedSpec(u, prefix + i, "es"));
        partitions.add(p);
      }
    }
    return out;
  }

  private IngestService ingest(String instance, List<FeedSpec> feeds) {
    IngestSettings s =
        new IngestSettings(
            feeds,
            false,
            "Vigia-" + instance + "/1 (+https://vigia.example/contact)",
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(3),
            1 << 20,
            "shared-it",
            instance,
            List.of("127.0.0.1:" + site.getAddress().getPort()),
            100,
            Duration.ofSeconds(1),
            Duration.ZERO,
            4,
            4,
            5,
            PageFetcher.defaultTotal(Duration.ofSeconds(2), Duration.ofSeconds(3)),
            Duration.ofDays(30));
    IngestService svc = new IngestService(s, kafka, new JsoupArticleExtractor());
    svc.start();
    return svc;
  }

  private static void await(Supplier<Boolean> condition, Duration timeout, Supplier<String> what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.get() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(condition.get()).as(what.get()).isTrue();
  }

  private static String path(FeedSpec f) {
    return java.net.URI.create(f.url()).getPath();
  }

  /** How often the site was asked for the feed after {@code since}. */
  private long pollsAfter(FeedSpec f, long since) {
    return polls.getOrDefault(path(f), List.of()).stream().filter(t -> t - since > 0).count();
  }

  @Test
  void shouldPollEveryFeedOfEitherListAndStopPollingARemovedOne() throws Exception {
    List<FeedSpec> onlyA = feedsOver2Partitions("a", 4);
    List<FeedSpec> onlyB = feedsOver2Partitions("b", 4);
    List<FeedSpec> all = new ArrayList<>(onlyA);
    all.addAll(onlyB);
    try (IngestService a = ingest("a", onlyA);
        IngestService b = ingest("b", onlyB)) {
      await(
          () -> all.stream().allMatch(f -> polledBy.containsKey(path(f))),
          Duration.ofSeconds(90),
          () -> "every feed polled: " + polledBy);
      // Each instance owns one of the two partitions and both lists span both: some feeds are
      // polled by the other instance.
      await(
          () -> onlyA.stream().anyMatch(f -> polledBy.get(path(f)).contains("Vigia-b")),
          Duration.ofSeconds(30),
          () -> "a feed only a lists, polled by b: " + polledBy);
      await(
          () -> onlyB.stream().anyMatch(f -> polledBy.get(path(f)).contains("Vigia-a")),
          Duration.ofSeconds(30),
          () -> "a feed only b lists, polled by a: " + polledBy);
      assertThat(b.sources())
          .extracting(SourceStatus::url)
          .containsAll(all.stream().map(FeedSpec::url).toList());

      FeedSpec removed = onlyA.get(0);
      a.close();
      try (IngestService a2 = ingest("a", onlyA.subList(1, onlyA.size()))) {
        await(
            () ->
                b.sources().stream().noneMatch(s -> s.url().equals(removed.url()))
                    && a2.sources().stream().noneMatch(s -> s.url().equals(removed.url())),
            Duration.ofSeconds(30),
            () -> "removed feed left both instances' sources");
        long after = System.nanoTime();
        // Not a fixed sleep, which a loaded machine can make too short to see anything: until
        // every other feed was polled three more times (every second, by one instance or the
        // other), over which the removed one is not asked for once.
        List<FeedSpec> kept = new ArrayList<>(all);
        kept.remove(removed);
        await(
            () -> kept.stream().allMatch(f -> pollsAfter(f, after) >= 3),
            Duration.ofSeconds(60),
            () ->
                "every other feed still polled: "
                    + kept.stream().map(f -> path(f) + "=" + pollsAfter(f, after)).toList());
        assertThat(pollsAfter(removed, after))
            .as("the removed feed is not polled any more")
            .isZero();
      }
    }
  }
}
